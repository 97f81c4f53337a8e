package org.ndlp.resources;

/**
 * Filters of a registration list.
 *
 * @param library a library code, or blank
 * @param province a two-digit province prefix, or blank
 * @param status a status, or {@code null}
 * @param q words in the title, or blank
 * @param allLevels for the national review queue: every level, not only provincial and
 * national registrations
 * @param page page number from 0
 * @param size page size (at most 500)
 */
public record ResourceQuery(String library, String province, ResourceStatus status, String q, boolean allLevels,
		int page, int size) {
}
