package org.ndlp.identity.internal.readers;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ndlp.identity.ReaderAccount;
import org.ndlp.identity.ReaderStatus;
import org.ndlp.identity.internal.SignedInPerson;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The principal of a signed-in reader: authority {@code ROLE_READER}, subject
 * {@code reader:<id>}. Deliberately not a {@code CurrentUser.Carrier}: readers are not
 * staff, so {@code CurrentUser.require()} fails for them.
 */
public final class ReaderPrincipal implements UserDetails, SignedInPerson {

	/** The authority of every reader. */
	public static final String AUTHORITY = org.ndlp.shared.security.Readers.AUTHORITY;

	private final ReaderAccount account;

	private final String passwordHash;

	private final boolean enabled;

	ReaderPrincipal(ReaderAccount account, String passwordHash, boolean enabled) {
		this.account = account;
		this.passwordHash = passwordHash;
		this.enabled = enabled && account.status() == ReaderStatus.ACTIVE;
	}

	/** The account number. */
	public long readerId() {
		return this.account.id();
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return List.of(new SimpleGrantedAuthority(AUTHORITY));
	}

	@Override
	public String getPassword() {
		return this.passwordHash;
	}

	@Override
	public String getUsername() {
		return this.account.login();
	}

	@Override
	public boolean isEnabled() {
		return this.enabled;
	}

	@Override
	public String subject() {
		return this.account.subject();
	}

	@Override
	public String kind() {
		return "reader";
	}

	@Override
	public Map<String, Object> claims() {
		Map<String, Object> claims = new LinkedHashMap<>();
		claims.put("name", this.account.displayName());
		if (this.account.email() != null) {
			claims.put("email", this.account.email());
			claims.put("email_verified", true);
		}
		if (this.account.phone() != null) {
			claims.put("phone_number", "+86" + this.account.phone());
			claims.put("phone_number_verified", true);
		}
		claims.put("ndlp_home_library", this.account.homeLibrary().value());
		claims.put("ndlp_cards",
				this.account.cards().stream().map((card) -> card.library().value() + ":" + card.number()).toList());
		return claims;
	}

}
