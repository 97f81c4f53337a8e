package org.ndlp.identity;

/**
 * Asks an authority whether a disability certificate is real (the deck's national
 * disabled-persons database, 全国残疾人人口基础库). Pluggable: NDLP ships an HTTP implementation
 * configured by {@code ndlp.identity.disability.url} (ADR 0022). With no verifier
 * configured a reader's status stays {@link DisabilityStatus#PENDING}: NDLP never answers
 * "yes" on its own.
 */
public interface DisabilityVerifier {

	/**
	 * Checks a certificate whose format is already valid.
	 * @param certificate the certificate number
	 * @param name the holder's name as the reader gave it, or {@code null}
	 * @return the verdict; {@link DisabilityStatus#PENDING} when the authority could not
	 * answer
	 */
	Verdict verify(DisabilityCertificateNumber certificate, String name);

	/**
	 * What the authority said.
	 *
	 * @param status {@code VERIFIED}, {@code REJECTED} or {@code PENDING}
	 * @param note the authority's reason or the failure, for the reader and staff
	 */
	record Verdict(DisabilityStatus status, String note) {
	}

}
