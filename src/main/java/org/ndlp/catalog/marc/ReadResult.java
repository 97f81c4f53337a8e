package org.ndlp.catalog.marc;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;

/**
 * What a reader produced for one record of a file: the record, or the reason it could not
 * be read. Readers never stop at a broken record; they report it and go on.
 */
public sealed interface ReadResult permits ReadResult.Parsed, ReadResult.Malformed {

	/** 1-based number of the record within the file. */
	long index();

	/** Where the record starts, for people: {@code byte 2048} or {@code line 31}. */
	String location();

	/**
	 * A record that was read.
	 *
	 * @param index 1-based number of the record within the file
	 * @param location where the record starts
	 * @param record the record
	 * @param schema the schema detected or given by the caller
	 * @param encoding the character encoding the record was read in
	 * @param warnings problems that were repaired while reading (empty when none)
	 * @param source the record's bytes exactly as read, read-only (ISO 2709; {@code null}
	 * for XML and JSON, whose records are not byte ranges of the input) — what the
	 * catalog keeps as received, since MARC-8 re-encoding is not always byte-identical
	 */
	record Parsed(long index, String location, MarcRecord record, MarcSchema schema, MarcEncoding encoding,
			List<String> warnings, ByteBuffer source) implements ReadResult {

		public Parsed {
			Objects.requireNonNull(record, "record");
			warnings = List.copyOf(warnings);
			source = (source != null) ? source.asReadOnlyBuffer() : null;
		}

	}

	/**
	 * A record that could not be read.
	 *
	 * @param index 1-based number of the record within the file
	 * @param location where the record starts
	 * @param recordId the record's 001 if it could be read, otherwise {@code null}
	 * @param reason why it could not be read
	 */
	record Malformed(long index, String location, String recordId, String reason) implements ReadResult {

		public Malformed {
			Objects.requireNonNull(reason, "reason");
		}

	}

}
