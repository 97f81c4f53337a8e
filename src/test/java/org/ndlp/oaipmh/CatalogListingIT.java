package org.ndlp.oaipmh;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.ndlp.catalog.IncomingRecord;
import org.ndlp.catalog.ListingQuery;
import org.ndlp.catalog.SourceRecord;
import org.ndlp.catalog.internal.JdbcCatalogListing;
import org.ndlp.catalog.internal.JdbcSourceRecords;
import org.ndlp.oaipmh.internal.JdbcHarvestSources;
import org.ndlp.shared.LibraryCode;
import org.ndlp.support.Databases;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The keyset listing and the harvest tables on H2 and PostgreSQL: pages of records stored
 * at the same instant neither skip nor repeat a record; filters by library, schema and
 * time.
 */
class CatalogListingIT {

	private static final LibraryCode GUANGDONG = LibraryCode.of("CN-440000-PL");

	private static final LibraryCode ZHEJIANG = LibraryCode.of("CN-330000-PL");

	static Stream<Arguments> databases() {
		return Stream.of(Arguments.of("H2", (Supplier<DataSource>) Databases::h2),
				Arguments.of("PostgreSQL", (Supplier<DataSource>) Databases::postgres));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("databases")
	void keysetPagesWalkEveryRecordOnceInDatestampOrder(String name, Supplier<DataSource> db) {
		JdbcTemplate jdbc = new JdbcTemplate(db.get());
		JdbcSourceRecords records = new JdbcSourceRecords(jdbc);
		JdbcCatalogListing listing = new JdbcCatalogListing(jdbc);
		Instant first = Instant.parse("2020-01-01T00:00:00.123456Z");
		Instant second = Instant.parse("2020-01-01T00:00:01Z");
		List<IncomingRecord> batch = new ArrayList<>();
		for (int i = 0; i < 25; i++) {
			batch.add(record((i % 2 == 0) ? GUANGDONG : ZHEJIANG, "r" + i, (i % 5 == 0) ? "CNMARC" : "MARC21"));
		}
		// one batch shares one store time: the id breaks the tie
		records.storeAll(batch, first);
		records.storeAll(List.of(record(GUANGDONG, "r0", "CNMARC", "changed")), second);

		List<Long> walked = new ArrayList<>();
		ListingQuery.Cursor cursor = null;
		List<SourceRecord> page;
		do {
			page = listing.page(ListingQuery.ALL, cursor, 4, true);
			page.forEach((record) -> walked.add(record.id()));
			if (!page.isEmpty()) {
				SourceRecord last = page.get(page.size() - 1);
				cursor = new ListingQuery.Cursor(last.receivedAt(), last.id());
			}
		}
		while (page.size() == 4);
		assertThat(walked).hasSize(25).doesNotHaveDuplicates();
		SourceRecord changed = listing.page(ListingQuery.ALL, null, 100, true).get(24);
		assertThat(changed.localId()).as("a changed record moves to the end").isEqualTo("r0");
		assertThat(changed.version()).isEqualTo(2);
		assertThat(changed.receivedAt()).isEqualTo(second);
		assertThat(new String(changed.content(), StandardCharsets.UTF_8)).isEqualTo("changed");

		assertThat(listing.page(new ListingQuery(null, null, List.of(GUANGDONG), List.of("MARC21")), null, 100, false))
			.hasSize(10)
			.allMatch((record) -> record.library().equals(GUANGDONG) && record.schema().equals("MARC21"))
			.allMatch((record) -> record.content().length == 0);
		assertThat(listing.page(new ListingQuery(second, null, List.of(), List.of()), null, 100, false))
			.extracting(SourceRecord::localId)
			.containsExactly("r0");
		assertThat(listing.page(new ListingQuery(null, second, List.of(), List.of()), null, 100, false)).hasSize(24);
		assertThat(listing.earliestDatestamp()).contains(first);
		assertThat(listing.librariesWithRecords()).containsExactly(ZHEJIANG, GUANGDONG);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("databases")
	void harvestSourcesKeepTheirRunState(String name, Supplier<DataSource> db) {
		JdbcHarvestSources sources = new JdbcHarvestSources(new JdbcTemplate(db.get()));
		Instant now = Instant.parse("2020-01-01T00:00:00Z");
		long id = sources.insert(GUANGDONG, "http://oai.example.org/oai", "marc21", null, 60, true, "admin", now);
		assertThat(sources.due(now, now.minusSeconds(600))).contains(id);
		assertThat(sources.claim(id, now, now.minusSeconds(600))).isTrue();
		assertThat(sources.claim(id, now, now.minusSeconds(600))).as("one run at a time").isFalse();
		sources.startRun(id, null, now);
		sources.advance(id, "token-2", "2020-01-01T00:00:00Z", 10, 1, 1, now);
		sources.addFailures(id, List.<String[]>of(new String[] { "oai:x:1", "no 001" }), now);
		sources.remember(id, java.util.Map.of("oai:x:2", "2"));
		sources.remember(id, java.util.Map.of("oai:x:2", "2b"));
		assertThat(sources.localIds(id, List.of("oai:x:2", "oai:x:3")))
			.containsExactly(java.util.Map.entry("oai:x:2", "2b"));
		JdbcHarvestSources.Row row = sources.find(id).orElseThrow();
		assertThat(row.token()).isEqualTo("token-2");
		assertThat(row.source().harvested()).isEqualTo(10);
		sources.complete(id, sources.runResponseDate(id), now, now.plusSeconds(3600));
		assertThat(sources.find(id).orElseThrow().source().nextFrom()).isEqualTo("2020-01-01T00:00:00Z");
		assertThat(sources.failures(id, 10)).hasSize(1);
		sources.delete(id);
		assertThat(sources.find(id)).isEmpty();
	}

	private static IncomingRecord record(LibraryCode library, String localId, String schema) {
		return record(library, localId, schema, localId);
	}

	private static IncomingRecord record(LibraryCode library, String localId, String schema, String content) {
		return new IncomingRecord(library, localId, "ISO2709", schema, "UTF_8",
				content.getBytes(StandardCharsets.UTF_8), false);
	}

}
