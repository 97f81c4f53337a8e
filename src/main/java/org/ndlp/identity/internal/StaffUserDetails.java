package org.ndlp.identity.internal;

import java.util.Optional;

import org.ndlp.identity.StaffAccount;
import org.ndlp.members.MemberLibraries;
import org.ndlp.members.MemberLibrary;
import org.ndlp.shared.security.CurrentUser;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Loads a staff account with the region of its library, which scopes provincial admins.
 */
@Component
@Order(1)
class StaffUserDetails implements SignInSource {

	private final JdbcStaffAccounts accounts;

	private final MemberLibraries libraries;

	StaffUserDetails(JdbcStaffAccounts accounts, MemberLibraries libraries) {
		this.accounts = accounts;
		this.libraries = libraries;
	}

	@Override
	public Optional<UserDetails> find(String username) {
		Optional<StaffAccount> found = this.accounts.find(username);
		if (found.isEmpty()) {
			return Optional.empty();
		}
		StaffAccount account = found.get();
		String hash = this.accounts.passwordHash(username).orElseThrow();
		MemberLibrary library = this.libraries.get(account.library());
		return Optional.of(new StaffPrincipal(
				new CurrentUser(account.username(), account.role(), library.code(), library.regionCode()), hash,
				account.enabled()));
	}

}
