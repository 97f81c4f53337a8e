package org.ndlp.identity;

import java.time.Instant;

/**
 * One entry of the audit log.
 *
 * @param id its number
 * @param at when it happened
 * @param actor who acted ({@code staff:<username>}-less plain username for staff, the
 * login name tried for failed sign-ins), or {@code null} for the system
 * @param actorLibrary the actor's library code, when known
 * @param action what happened, e.g. {@link AuditLog#SIGN_IN}
 * @param target what it happened to (an account, a record…), when anything
 * @param targetLibrary the library the target belongs to, when known
 * @param detail free text
 * @param clientIp where the request came from
 */
public record AuditEvent(long id, Instant at, String actor, String actorLibrary, String action, String target,
		String targetLibrary, String detail, String clientIp) {
}
