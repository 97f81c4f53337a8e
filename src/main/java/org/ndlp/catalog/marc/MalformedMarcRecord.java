package org.ndlp.catalog.marc;

/**
 * A record that cannot be read. Thrown inside the readers and turned into
 * {@link ReadResult.Malformed}; it never leaves the readers' streams.
 */
final class MalformedMarcRecord extends RuntimeException {

	private final String recordId;

	MalformedMarcRecord(String reason, String recordId) {
		super(reason, null, false, false);
		this.recordId = recordId;
	}

	String recordId() {
		return this.recordId;
	}

}
