package org.ndlp.catalog;

import java.time.Instant;

import org.ndlp.shared.LibraryCode;

/**
 * One version of a library's record as received.
 *
 * @param id the record's id
 * @param library the sending library
 * @param localId the library's identifier (001)
 * @param version the version number (1 for the first)
 * @param syntax ISO2709, MARCXML or MARCJSON
 * @param schema MARC21, CNMARC or UNIMARC
 * @param encoding the bytes' character encoding
 * @param content the bytes as received
 * @param deleted whether this version is a deletion
 * @param receivedAt when it arrived
 */
public record SourceRecord(long id, LibraryCode library, String localId, int version, String syntax, String schema,
		String encoding, byte[] content, boolean deleted, Instant receivedAt) {
}
