package org.ndlp.identifiers;

import java.time.Instant;

import org.ndlp.shared.LibraryCode;

/**
 * A prefix allocated to a member library.
 *
 * @param prefix the prefix
 * @param library the owner
 * @param libraryName the owner's name
 * @param allocatedBy who allocated it
 * @param allocatedAt when
 * @param note what it is for
 */
public record Prefix(String prefix, LibraryCode library, String libraryName, String allocatedBy, Instant allocatedAt,
		String note) {
}
