package org.ndlp.identity.internal;

import java.util.List;
import java.util.Optional;

import org.ndlp.identity.internal.accounts.SignInLocks;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * The one {@link UserDetailsService} of the platform: form login, HTTP Basic and the OIDC
 * provider all sign people in through it, whatever kind of account they have.
 */
@Component
class SignInDirectory implements UserDetailsService {

	private final List<SignInSource> sources;

	private final SignInLocks locks;

	SignInDirectory(List<SignInSource> sources, SignInLocks locks) {
		this.sources = sources;
		this.locks = locks;
	}

	@Override
	public UserDetails loadUserByUsername(String login) {
		for (SignInSource source : this.sources) {
			Optional<UserDetails> found = source.find(login);
			if (found.isPresent()) {
				return locked(login, found.get());
			}
		}
		throw new UsernameNotFoundException("no account signs in as " + login);
	}

	/**
	 * A locked login name answers an account that says so, so the provider refuses it
	 * before comparing the password (accounts/lockout, ADR 0019).
	 */
	private UserDetails locked(String login, UserDetails found) {
		if (!this.locks.isLocked(login)) {
			return found;
		}
		return User.withUsername(found.getUsername())
			.password("")
			.authorities(found.getAuthorities())
			.accountLocked(true)
			.build();
	}

}
