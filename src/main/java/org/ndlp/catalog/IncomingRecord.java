package org.ndlp.catalog;

import java.util.List;
import java.util.Objects;

import org.ndlp.catalog.marc.Holding;
import org.ndlp.shared.LibraryCode;

/**
 * One record as a library sent it, ready to store: its bytes exactly as received, and
 * what the reader found out about them.
 *
 * @param library the sending library
 * @param localId the library's own identifier of the record (its 001)
 * @param syntax how the bytes are written: {@code ISO2709}, {@code MARCXML} or
 * {@code MARCJSON}
 * @param schema {@code MARC21}, {@code CNMARC} or {@code UNIMARC}
 * @param encoding the character encoding of the bytes (e.g. {@code UTF-8},
 * {@code GB18030}, {@code MARC-8})
 * @param content the record's bytes as received
 * @param deleted whether the library deletes the record (leader/05 = d, or an explicit
 * withdrawal)
 * @param signature what clustering compares, or {@code null} to leave the record
 * unclustered
 * @param holdings what the record says the library holds (CNMARC 905/906, MARC 21 852)
 */
public record IncomingRecord(LibraryCode library, String localId, String syntax, String schema, String encoding,
		byte[] content, boolean deleted, MatchSignature signature, List<Holding> holdings) {

	/** A record without holdings. */
	public IncomingRecord(LibraryCode library, String localId, String syntax, String schema, String encoding,
			byte[] content, boolean deleted, MatchSignature signature) {
		this(library, localId, syntax, schema, encoding, content, deleted, signature, List.of());
	}

	/** A record that is stored but not clustered. */
	public IncomingRecord(LibraryCode library, String localId, String syntax, String schema, String encoding,
			byte[] content, boolean deleted) {
		this(library, localId, syntax, schema, encoding, content, deleted, null, List.of());
	}

	public IncomingRecord {
		Objects.requireNonNull(library, "library");
		Objects.requireNonNull(content, "content");
		if (localId == null || localId.isBlank()) {
			throw new IllegalArgumentException("a record needs a local identifier (001)");
		}
		localId = localId.strip();
		holdings = (holdings != null) ? List.copyOf(holdings) : List.of();
	}

}
