package org.ndlp.catalog;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.ndlp.catalog.internal.JdbcSourceRecords;
import org.ndlp.catalog.marc.Iso2709Reader;
import org.ndlp.catalog.marc.MarcEncoding;
import org.ndlp.catalog.marc.MarcSchema;
import org.ndlp.catalog.marc.MarcXmlReader;
import org.ndlp.catalog.marc.ReadOptions;
import org.ndlp.catalog.marc.ReadResult;
import org.ndlp.shared.LibraryCode;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The union catalog's records as received: lossless and versioned. Storing is idempotent
 * (the same bytes again change nothing), a changed record becomes a new version, a
 * deletion is kept as a deleted version, and every change goes on the change feed.
 */
@Service
public class CatalogRecords {

	private final JdbcSourceRecords records;

	private final Clock clock;

	public CatalogRecords(JdbcSourceRecords records, Clock clock) {
		this.records = records;
		this.clock = clock;
	}

	/** Stores a batch of records in one transaction; one outcome per record, in order. */
	@Transactional
	public List<StoreOutcome> storeAll(List<IncomingRecord> batch) {
		return this.records.storeAll(batch, this.clock.instant());
	}

	public Optional<SourceRecord> current(LibraryCode library, String localId) {
		return this.records.current(library, localId);
	}

	public Optional<SourceRecord> current(long recordId) {
		return this.records.current(recordId);
	}

	/**
	 * Reads a stored version back into a MARC record (in the encoding and syntax it was
	 * stored in); empty for a deletion or bytes that no longer parse.
	 */
	public Optional<ReadResult.Parsed> parse(SourceRecord source) {
		if (source.deleted() || source.content().length == 0) {
			return Optional.empty();
		}
		ReadOptions options = ReadOptions.DETECT.withSchema(MarcSchema.valueOf(source.schema()))
			.withEncoding(MarcEncoding.valueOf(source.encoding()));
		try (Stream<ReadResult> results = "ISO2709".equals(source.syntax())
				? Iso2709Reader.read(new ByteArrayInputStream(source.content()), options)
				: MarcXmlReader.read(new ByteArrayInputStream(source.content()), options)) {
			return results.findFirst()
				.filter((result) -> result instanceof ReadResult.Parsed)
				.map((result) -> (ReadResult.Parsed) result);
		}
	}

	public List<SourceRecord> versions(long recordId) {
		return this.records.versions(recordId);
	}

	/** The change feed after {@code seq}: what a follower has not handled yet. */
	public List<CatalogChange> changesAfter(long seq, int limit) {
		return this.records.changesAfter(seq, limit);
	}

	public int countLive(LibraryCode library) {
		return this.records.countLive(library);
	}

}
