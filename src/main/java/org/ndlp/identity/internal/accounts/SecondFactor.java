package org.ndlp.identity.internal.accounts;

import java.io.IOException;
import java.time.Clock;
import java.util.Optional;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.ndlp.identity.AuditLog;
import org.ndlp.identity.internal.SignInLanding;
import org.ndlp.shared.security.CurrentUser;
import org.ndlp.shared.security.StaffRole;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * The console's form login in two steps. After the password, staff who must give a TOTP
 * code (every admin role; cataloguers who enrolled) are not signed in yet: their
 * authentication waits in the session while {@code /login/totp} asks for the code (or
 * {@code /login/totp/enrol} enrols an admin who has no secret). Only then is the security
 * context saved, the session id changed again and the sign-in audited.
 */
@Component
public class SecondFactor implements AuthenticationSuccessHandler {

	/** Session attribute holding the authentication that waits for its code. */
	public static final String PENDING = SecondFactor.class.getName() + ".PENDING";

	private final TotpSecrets secrets;

	private final SignInLocks locks;

	private final AuditLog audit;

	private final Clock clock;

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	// readers to their profile, staff to the page first asked for or the console
	private final SignInLanding then = new SignInLanding();

	public SecondFactor(TotpSecrets secrets, SignInLocks locks, AuditLog audit, Clock clock) {
		this.secrets = secrets;
		this.locks = locks;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException, ServletException {
		Optional<CurrentUser> staff = staff(authentication);
		if (staff.isEmpty()) {
			complete(request, response, authentication, "password");
			return;
		}
		boolean enrolled = this.secrets.find(staff.get().username()).isPresent();
		if (!enrolled && staff.get().role() == StaffRole.CATALOGER) {
			complete(request, response, authentication, "password");
			return;
		}
		// not signed in until the code is given: the session holds the authentication
		// aside
		SecurityContextHolder.clearContext();
		HttpSession session = request.getSession();
		session.removeAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
		session.setAttribute(PENDING, authentication);
		response.sendRedirect(request.getContextPath() + (enrolled ? "/login/totp" : "/login/totp/enrol"));
	}

	/** The authentication waiting for its code in this session, if any. */
	public Optional<Authentication> pending(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		return Optional.ofNullable((session != null) ? (Authentication) session.getAttribute(PENDING) : null);
	}

	/** The enrolled secret of the staff member waiting in this session. */
	public Optional<String> secret(Authentication pending) {
		return staff(pending).flatMap((user) -> this.secrets.find(user.username()));
	}

	/**
	 * Checks a code for the authentication waiting in this session; a wrong code counts
	 * as a failed sign-in of its login name.
	 * @return whether the code was right; when wrong and the login name is now locked,
	 * the waiting authentication is dropped
	 */
	public boolean verify(HttpServletRequest request, Authentication pending, String secret, String code) {
		if (Totp.verify(secret, code, this.clock.instant())) {
			return true;
		}
		String login = pending.getName();
		boolean locked = this.locks.failed(login, request.getRemoteAddr());
		this.audit.record(login, library(pending), AuditLog.SIGN_IN_FAILED, login, library(pending), "wrong TOTP code");
		if (locked) {
			this.audit.record(login, library(pending), AuditLog.ACCOUNT_LOCKED, login, library(pending),
					"too many failed sign-ins");
			request.getSession().removeAttribute(PENDING);
		}
		return false;
	}

	/** Stores a newly enrolled secret (after its first code was checked). */
	public void enrol(Authentication pending, String secret) {
		CurrentUser user = staff(pending).orElseThrow();
		this.secrets.save(user.username(), secret, this.clock.instant());
		this.audit.record(user.username(), user.library(), AuditLog.TOTP_ENROLLED, user.username(), user.library(),
				null);
	}

	/**
	 * Signs the person in: saves the security context, changes the session id (session
	 * fixation), forgets failed attempts, audits, and goes where the person was going.
	 */
	public void complete(HttpServletRequest request, HttpServletResponse response, Authentication authentication,
			String how) throws IOException, ServletException {
		HttpSession session = request.getSession();
		session.removeAttribute(PENDING);
		if (!"password".equals(how)) {
			request.changeSessionId();
			SecurityContext context = SecurityContextHolder.createEmptyContext();
			context.setAuthentication(authentication);
			SecurityContextHolder.setContext(context);
			this.contexts.saveContext(context, request, response);
		}
		this.locks.succeeded(authentication.getName());
		Optional<CurrentUser> staff = staff(authentication);
		this.audit.record(authentication.getName(), staff.map(CurrentUser::library).orElse(null), AuditLog.SIGN_IN,
				authentication.getName(), staff.map(CurrentUser::library).orElse(null), how);
		this.then.onAuthenticationSuccess(request, response, authentication);
	}

	private static Optional<CurrentUser> staff(Authentication authentication) {
		return (authentication.getPrincipal() instanceof CurrentUser.Carrier carrier)
				? Optional.of(carrier.currentUser()) : Optional.empty();
	}

	private static org.ndlp.shared.LibraryCode library(Authentication authentication) {
		return staff(authentication).map(CurrentUser::library).orElse(null);
	}

}
