package org.ndlp.identity.internal.accounts;

import jakarta.servlet.http.HttpServletRequest;

import org.ndlp.identity.AuditLog;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Listens to Spring Security's authentication events, whatever signed the person in (form
 * login, HTTP Basic, the OIDC provider's login): a wrong password or unknown login name
 * counts towards the lockout of that login name and the limit of the client address, and
 * every failure is audited. A success forgets the failures, except on the console's form
 * login, where {@link SecondFactor} does it once the sign-in is complete.
 */
@Component
class SignInEvents {

	private final SignInLocks locks;

	private final AuditLog audit;

	SignInEvents(SignInLocks locks, AuditLog audit) {
		this.locks = locks;
		this.audit = audit;
	}

	@EventListener
	void failed(AbstractAuthenticationFailureEvent event) {
		Authentication attempt = event.getAuthentication();
		String login = attempt.getName();
		String address = address(attempt);
		if (event.getException() instanceof BadCredentialsException) {
			boolean locked = this.locks.failed(login, address);
			this.audit.record(login, null, AuditLog.SIGN_IN_FAILED, login, null, "wrong password or unknown login");
			if (locked) {
				this.audit.record(login, null, AuditLog.ACCOUNT_LOCKED, login, null, "too many failed sign-ins");
			}
		}
		else {
			this.audit.record(login, null, AuditLog.SIGN_IN_FAILED, login, null,
					event.getException().getClass().getSimpleName() + ": " + event.getException().getMessage());
		}
	}

	@EventListener
	void succeeded(AuthenticationSuccessEvent event) {
		if (!formLogin()) {
			this.locks.succeeded(event.getAuthentication().getName());
		}
	}

	private static String address(Authentication attempt) {
		if (attempt.getDetails() instanceof WebAuthenticationDetails details) {
			return details.getRemoteAddress();
		}
		HttpServletRequest request = request();
		return (request != null) ? request.getRemoteAddr() : null;
	}

	private static boolean formLogin() {
		HttpServletRequest request = request();
		return request != null && "POST".equals(request.getMethod())
				&& "/login".equals(request.getRequestURI().substring(request.getContextPath().length()));
	}

	private static HttpServletRequest request() {
		return (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)
				? attributes.getRequest() : null;
	}

}
