package org.ndlp.catalog;

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

import org.ndlp.catalog.internal.JdbcSourceRecords;
import org.ndlp.shared.LibraryCode;
import org.ndlp.support.Databases;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Lossless, versioned, idempotent storage with a change feed, on H2 and PostgreSQL. */
class SourceRecordsIT {

	private static final LibraryCode GUANGDONG = LibraryCode.of("CN-440000-PL");

	private static final LibraryCode ZHEJIANG = LibraryCode.of("CN-330000-PL");

	static Stream<Arguments> databases() {
		return Stream.of(Arguments.of("H2", (Supplier<DataSource>) Databases::h2),
				Arguments.of("PostgreSQL", (Supplier<DataSource>) Databases::postgres));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("databases")
	void sameRecordsAgainChangeNothingAndChangedOnesBecomeNewVersions(String name, Supplier<DataSource> db) {
		JdbcSourceRecords records = new JdbcSourceRecords(new JdbcTemplate(db.get()));
		List<IncomingRecord> batch = new ArrayList<>();
		for (int i = 1; i <= 50; i++) {
			batch.add(record(GUANGDONG, "gd" + i, "红楼梦 第" + i + "版", false));
		}
		batch.add(record(ZHEJIANG, "gd1", "另一馆的同号记录", false));
		List<StoreOutcome> first = records.storeAll(batch, Instant.now());
		assertThat(first).hasSize(51).allMatch((outcome) -> outcome instanceof StoreOutcome.Created);
		assertThat(records.countLive(GUANGDONG)).isEqualTo(50);

		List<StoreOutcome> again = records.storeAll(batch, Instant.now());
		assertThat(again).allMatch((outcome) -> outcome instanceof StoreOutcome.Unchanged);
		assertThat(records.changesAfter(0, 1000)).hasSize(51);

		List<StoreOutcome> changed = records.storeAll(
				List.of(record(GUANGDONG, "gd2", "红楼梦 第2版（修订）", false), record(GUANGDONG, "gd3", "", true)),
				Instant.now());
		assertThat(changed).containsExactly(new StoreOutcome.Updated(first.get(1).recordId(), 2),
				new StoreOutcome.Deleted(first.get(2).recordId(), 2));
		assertThat(records.countLive(GUANGDONG)).isEqualTo(49);
		assertThat(records.current(GUANGDONG, "gd2").orElseThrow().content())
			.isEqualTo("红楼梦 第2版（修订）".getBytes(StandardCharsets.UTF_8));
		assertThat(records.versions(first.get(1).recordId())).extracting(SourceRecord::version).containsExactly(1, 2);
		assertThat(records.current(GUANGDONG, "gd3").orElseThrow().deleted()).isTrue();
		assertThat(records.storeAll(List.of(record(GUANGDONG, "gd3", "", true)), Instant.now()))
			.allMatch((outcome) -> outcome instanceof StoreOutcome.Unchanged);

		List<CatalogChange> feed = records.changesAfter(51 - 1, 10);
		assertThat(feed).extracting(CatalogChange::kind).containsExactly("UPSERT", "UPSERT", "DELETE");
		assertThat(feed).extracting(CatalogChange::seq).isSorted();
		assertThat(records.changesAfter(feed.get(feed.size() - 1).seq(), 10)).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("databases")
	void aRecordSentTwiceInOneBatchIsStoredInOrder(String name, Supplier<DataSource> db) {
		JdbcSourceRecords records = new JdbcSourceRecords(new JdbcTemplate(db.get()));
		List<StoreOutcome> outcomes = records.storeAll(List.of(record(GUANGDONG, "x", "one", false),
				record(GUANGDONG, "y", "why", false), record(GUANGDONG, "x", "two", false)), Instant.now());
		assertThat(outcomes.get(0)).isInstanceOf(StoreOutcome.Created.class);
		assertThat(outcomes.get(2)).isEqualTo(new StoreOutcome.Updated(outcomes.get(0).recordId(), 2));
		assertThat(new String(records.current(GUANGDONG, "x").orElseThrow().content(), StandardCharsets.UTF_8))
			.isEqualTo("two");
	}

	private static IncomingRecord record(LibraryCode library, String localId, String text, boolean deleted) {
		return new IncomingRecord(library, localId, "ISO2709", "CNMARC", "UTF-8", text.getBytes(StandardCharsets.UTF_8),
				deleted);
	}

}
