package org.ndlp.oaipmh.internal;

/**
 * An OAI-PMH error condition (spec section 3.6), answered inside a 200 response.
 */
final class OaiError extends RuntimeException {

	private final String code;

	OaiError(String code, String message) {
		super(message, null, false, false);
		this.code = code;
	}

	String code() {
		return this.code;
	}

	/** Whether the request element must be written without attributes (3.2). */
	boolean hidesArguments() {
		return "badVerb".equals(this.code) || "badArgument".equals(this.code);
	}

	static OaiError badArgument(String message) {
		return new OaiError("badArgument", message);
	}

}
