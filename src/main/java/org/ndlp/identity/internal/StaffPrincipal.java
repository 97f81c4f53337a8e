package org.ndlp.identity.internal;

import java.util.Collection;
import java.util.List;

import org.ndlp.shared.security.CurrentUser;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The principal of a signed-in staff member: its password hash for checking, its scope.
 */
final class StaffPrincipal implements UserDetails, CurrentUser.Carrier {

	private final CurrentUser user;

	private final String passwordHash;

	private final boolean enabled;

	StaffPrincipal(CurrentUser user, String passwordHash, boolean enabled) {
		this.user = user;
		this.passwordHash = passwordHash;
		this.enabled = enabled;
	}

	@Override
	public CurrentUser currentUser() {
		return this.user;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return List.of(new SimpleGrantedAuthority(this.user.role().authority()));
	}

	@Override
	public String getPassword() {
		return this.passwordHash;
	}

	@Override
	public String getUsername() {
		return this.user.username();
	}

	@Override
	public boolean isEnabled() {
		return this.enabled;
	}

}
