package org.ndlp.identity;

import java.time.Instant;

import org.ndlp.shared.LibraryCode;
import org.ndlp.shared.security.StaffRole;

/**
 * A staff member's local account.
 *
 * @param username the sign-in name
 * @param displayName the name shown in the console
 * @param role the role, scoped to the library
 * @param library the staff member's library
 * @param enabled whether the account may sign in
 * @param createdAt when the account was made
 */
public record StaffAccount(String username, String displayName, StaffRole role, LibraryCode library, boolean enabled,
		Instant createdAt) {
}
