package org.ndlp.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.ndlp.shared.security.Readers;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

/**
 * Where the shared sign-in page leads: the page first asked for, else staff to the
 * console ({@code /admin}) and readers to their profile ({@code /reader/profile}).
 */
public class SignInLanding extends SavedRequestAwareAuthenticationSuccessHandler {

	public SignInLanding() {
		setDefaultTargetUrl("/admin");
	}

	@Override
	protected String determineTargetUrl(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) {
		return Readers.isReader(authentication) ? "/reader/profile"
				: super.determineTargetUrl(request, response, authentication);
	}

}
