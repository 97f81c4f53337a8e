package org.ndlp.identifiers;

import java.time.Instant;

/**
 * One audited change.
 *
 * @param subject the handle, or {@code prefix:<prefix>}
 * @param at when
 * @param actor who (a staff account, or {@code system} for the catalog follower)
 * @param action MINTED, REGISTERED, LOCATIONS, TOMBSTONED, PREFIX_ALLOCATED
 * @param detail what changed
 */
public record IdentifierEvent(String subject, Instant at, String actor, String action, String detail) {
}
