package org.ndlp.identity;

/** A reader's disabled-reader status (残疾读者). */
public enum DisabilityStatus {

	/** Never asked for. */
	NONE,

	/** Asked for, format checked, not (yet) confirmed by a verifier (待核验). */
	PENDING,

	/** Confirmed by the configured verifier (已核验). */
	VERIFIED,

	/** The verifier said the certificate does not hold (未通过). */
	REJECTED

}
