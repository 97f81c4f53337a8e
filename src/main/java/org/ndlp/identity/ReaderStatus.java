package org.ndlp.identity;

/** Whether a reader has proved the e-mail address or mobile number it signed up with. */
public enum ReaderStatus {

	/** Registered, waiting for the verification code; cannot sign in. */
	PENDING,

	/** Verified; may sign in. */
	ACTIVE

}
