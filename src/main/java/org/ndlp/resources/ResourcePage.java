package org.ndlp.resources;

import java.util.List;

/**
 * A page of registrations.
 *
 * @param total how many match
 * @param offset rows skipped
 * @param size page size
 * @param items the rows (without duplicate details; see {@code duplicateCount})
 */
public record ResourcePage(long total, int offset, int size, List<Resource> items) {
}
