package org.ndlp.shared.problem;

import java.net.URI;

/**
 * A failure that the caller can fix or must be told about, rendered as RFC 9457
 * {@code application/problem+json} by {@link ProblemAdvice}. Subclasses name the failure.
 */
public abstract class ProblemException extends RuntimeException {

	private final int status;

	private final String slug;

	private final String field;

	protected ProblemException(int status, String slug, String field, String detail) {
		super(detail);
		this.status = status;
		this.slug = slug;
		this.field = field;
	}

	/** The HTTP status code. */
	public int status() {
		return this.status;
	}

	/** The problem type, e.g. {@code urn:ndlp:problem:duplicate-library-code}. */
	public URI type() {
		return URI.create("urn:ndlp:problem:" + this.slug);
	}

	/** The request field at fault, or {@code null} when no single field is. */
	public String field() {
		return this.field;
	}

}
