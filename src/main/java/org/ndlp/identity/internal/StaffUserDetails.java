package org.ndlp.identity.internal;

import org.ndlp.identity.StaffAccount;
import org.ndlp.members.MemberLibraries;
import org.ndlp.members.MemberLibrary;
import org.ndlp.shared.security.CurrentUser;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Loads a staff account with the region of its library, which scopes provincial admins.
 */
@Component
class StaffUserDetails implements UserDetailsService {

	private final JdbcStaffAccounts accounts;

	private final MemberLibraries libraries;

	StaffUserDetails(JdbcStaffAccounts accounts, MemberLibraries libraries) {
		this.accounts = accounts;
		this.libraries = libraries;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		StaffAccount account = this.accounts.find(username)
			.orElseThrow(() -> new UsernameNotFoundException("no staff account " + username));
		String hash = this.accounts.passwordHash(username).orElseThrow();
		MemberLibrary library = this.libraries.get(account.library());
		return new StaffPrincipal(
				new CurrentUser(account.username(), account.role(), library.code(), library.regionCode()), hash,
				account.enabled());
	}

}
