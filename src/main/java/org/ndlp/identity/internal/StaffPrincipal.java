package org.ndlp.identity.internal;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ndlp.shared.security.CurrentUser;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The principal of a signed-in staff member: its password hash for checking, its scope.
 */
final class StaffPrincipal implements UserDetails, CurrentUser.Carrier, SignedInPerson {

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

	@Override
	public String subject() {
		return "staff:" + this.user.username();
	}

	@Override
	public String kind() {
		return "staff";
	}

	@Override
	public Map<String, Object> claims() {
		Map<String, Object> claims = new LinkedHashMap<>();
		claims.put("preferred_username", this.user.username());
		claims.put("ndlp_library", this.user.library().value());
		claims.put("ndlp_role", this.user.role().name());
		return claims;
	}

}
