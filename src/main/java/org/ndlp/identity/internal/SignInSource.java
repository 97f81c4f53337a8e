package org.ndlp.identity.internal;

import java.util.Optional;

import org.springframework.security.core.userdetails.UserDetails;

/**
 * One kind of account people sign in with (staff, readers). {@link SignInDirectory} asks
 * each source in order; the first that knows the login name answers.
 */
public interface SignInSource {

	/**
	 * The account for a login name (a staff username, a reader's e-mail or mobile
	 * number), or empty if this source does not know it.
	 */
	Optional<UserDetails> find(String login);

}
