package org.ndlp.identity;

import java.time.Instant;
import java.util.List;

import org.ndlp.shared.LibraryCode;

/**
 * A reader's account as shown to the reader and to staff: ID and certificate numbers only
 * masked.
 *
 * @param id the account number (subject {@code reader:<id>})
 * @param email the e-mail address signed up with, or {@code null}
 * @param phone the mobile number signed up with, or {@code null}
 * @param displayName the name shown
 * @param homeLibrary the reader's home library
 * @param status pending verification or active
 * @param realName the name given with the ID number, or {@code null}
 * @param idNumberMasked the ID number, masked, or {@code null}
 * @param realNameCheckedAt when the ID number passed the format check, or {@code null}
 * @param disabilityStatus the disabled-reader status
 * @param disabilityMasked the certificate number, masked, or {@code null}
 * @param disabilityCategory category 1-7, or {@code null}
 * @param disabilityLevel level 1-4, or {@code null}
 * @param disabilityNote what the verifier said, or {@code null}
 * @param cards the bound reader cards
 * @param createdAt when the account was registered
 */
public record ReaderAccount(long id, String email, String phone, String displayName, LibraryCode homeLibrary,
		ReaderStatus status, String realName, String idNumberMasked, Instant realNameCheckedAt,
		DisabilityStatus disabilityStatus, String disabilityMasked, Integer disabilityCategory, Integer disabilityLevel,
		String disabilityNote, List<ReaderCard> cards, Instant createdAt) {

	/** The e-mail address, else the mobile number. */
	public String login() {
		return (this.email != null) ? this.email : this.phone;
	}

	/** The subject other systems know the reader by, {@code reader:<id>}. */
	public String subject() {
		return "reader:" + this.id;
	}

}
