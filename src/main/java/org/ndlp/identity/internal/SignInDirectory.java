package org.ndlp.identity.internal;

import java.util.List;
import java.util.Optional;

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

	SignInDirectory(List<SignInSource> sources) {
		this.sources = sources;
	}

	@Override
	public UserDetails loadUserByUsername(String login) {
		for (SignInSource source : this.sources) {
			Optional<UserDetails> found = source.find(login);
			if (found.isPresent()) {
				return found.get();
			}
		}
		throw new UsernameNotFoundException("no account signs in as " + login);
	}

}
