package org.ndlp.shared.security;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Signed-in readers as every module sees them: the one authority all reader principals
 * carry (readers are not staff: no {@link CurrentUser}).
 */
public final class Readers {

	/** The authority of every reader. */
	public static final String AUTHORITY = "ROLE_READER";

	private Readers() {
	}

	/** Whether an authentication is a reader's. */
	public static boolean isReader(Authentication authentication) {
		return authentication != null && authentication.isAuthenticated()
				&& authentication.getAuthorities()
					.stream()
					.anyMatch((authority) -> AUTHORITY.equals(authority.getAuthority()));
	}

	/** The login of the reader signed in on this thread, if a reader is. */
	public static Optional<String> current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return isReader(authentication) ? Optional.of(authentication.getName()) : Optional.empty();
	}

}
