package org.ndlp.identity;

import java.time.Clock;
import java.time.Instant;

import jakarta.servlet.http.HttpServletRequest;

import org.ndlp.identity.internal.accounts.JdbcAuditEvents;
import org.ndlp.shared.LibraryCode;
import org.ndlp.shared.problem.InvalidInput;
import org.ndlp.shared.problem.OutOfScope;
import org.ndlp.shared.security.CurrentUser;
import org.ndlp.shared.security.StaffRole;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The audit log of sign-ins and administrative actions (who, what, when, from where),
 * which any module may write to. Admins read it within their scope: national admins all
 * of it, a provincial admin the events whose actor or target library is in its province,
 * a library admin those of its own library.
 */
@Service
public class AuditLog {

	/** A successful sign-in (form login or the first Basic request is not logged). */
	public static final String SIGN_IN = "SIGN_IN";

	/** A sign-in with a wrong password, unknown login name or wrong TOTP code. */
	public static final String SIGN_IN_FAILED = "SIGN_IN_FAILED";

	/** A login name locked after too many failures. */
	public static final String ACCOUNT_LOCKED = "ACCOUNT_LOCKED";

	/** A sign-in refused because its client address failed too often. */
	public static final String RATE_LIMITED = "RATE_LIMITED";

	/** A staff member enrolled a TOTP second factor. */
	public static final String TOTP_ENROLLED = "TOTP_ENROLLED";

	/** A staff account created. */
	public static final String STAFF_CREATED = "STAFF_CREATED";

	/** A staff account's name, role or enabled flag changed. */
	public static final String STAFF_UPDATED = "STAFF_UPDATED";

	/** A staff account's password reset by an admin. */
	public static final String STAFF_PASSWORD_RESET = "STAFF_PASSWORD_RESET";

	private static final int MAX_PAGE = 200;

	private final JdbcAuditEvents events;

	private final Clock clock;

	public AuditLog(JdbcAuditEvents events, Clock clock) {
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Records what the signed-in staff member of the current request did (the system,
	 * when nobody is signed in).
	 * @param action what happened, e.g. {@code RECORDS_JOINED}
	 * @param target what it happened to
	 * @param targetLibrary the library the target belongs to, or {@code null}
	 * @param detail free text, or {@code null}
	 */
	public void record(String action, String target, LibraryCode targetLibrary, String detail) {
		CurrentUser user = CurrentUser.current().orElse(null);
		record((user != null) ? user.username() : null, (user != null) ? user.library() : null, action, target,
				targetLibrary, detail);
	}

	/**
	 * Records an event with a named actor (sign-ins, where nobody is signed in yet). The
	 * entry is written in its own transaction, so it stays when the caller's rolls back.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void record(String actor, LibraryCode actorLibrary, String action, String target, LibraryCode targetLibrary,
			String detail) {
		this.events
			.insert(new AuditEvent(0, this.clock.instant(), actor, (actorLibrary != null) ? actorLibrary.value() : null,
					action, target, (targetLibrary != null) ? targetLibrary.value() : null, detail, clientIp()));
	}

	/**
	 * The events a staff member may see, newest first; cataloguers see none (403).
	 * @param viewer who asks
	 * @param actor only this actor, or {@code null}
	 * @param action only this action, or {@code null}
	 * @param from only at or after, or {@code null}
	 * @param to only before, or {@code null}
	 * @param page the page, from 0
	 * @param size the page size, 1 to 200
	 */
	public AuditPage search(CurrentUser viewer, String actor, String action, Instant from, Instant to, int page,
			int size) {
		if (viewer.role() == StaffRole.CATALOGER) {
			throw new OutOfScope("cataloguers do not read the audit log");
		}
		if (page < 0) {
			throw new InvalidInput("page", "page must be 0 or more");
		}
		if (size < 1 || size > MAX_PAGE) {
			throw new InvalidInput("size", "size must be between 1 and " + MAX_PAGE);
		}
		return this.events.search(viewer, blankToNull(actor), blankToNull(action), from, to, page, size);
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	private static String clientIp() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			return request.getRemoteAddr();
		}
		return null;
	}

}
