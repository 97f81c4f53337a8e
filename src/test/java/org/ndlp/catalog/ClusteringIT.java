package org.ndlp.catalog;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import javax.sql.DataSource;

import com.ibm.icu.text.Transliterator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.ndlp.catalog.internal.JdbcClusters;
import org.ndlp.catalog.internal.JdbcHoldings;
import org.ndlp.catalog.internal.JdbcSourceRecords;
import org.ndlp.catalog.marc.BibDescription;
import org.ndlp.catalog.marc.ControlField;
import org.ndlp.catalog.marc.DataField;
import org.ndlp.catalog.marc.MarcField;
import org.ndlp.catalog.marc.MarcRecord;
import org.ndlp.catalog.marc.MarcSchema;
import org.ndlp.catalog.marc.MarcXmlReader;
import org.ndlp.catalog.marc.ReadResult;
import org.ndlp.catalog.marc.Subfield;
import org.ndlp.shared.LibraryCode;
import org.ndlp.support.Databases;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The same book sent by two libraries in two schemas (a real dp2 CNMARC record, and a
 * MARC 21 record of it built here with its title in traditional characters) ends as one
 * cluster; another edition of it does not. The batched reads of clusters and current
 * versions answer the same on both databases.
 */
class ClusteringIT {

	private static final Path CNMARC = Path.of("..", "shared", "data", "dp2-sru", "dp2Catalog", "SRU",
			"sample_cnmarcxml.xml");

	static Stream<Arguments> databases() {
		return Stream.of(Arguments.of("H2", (Supplier<DataSource>) Databases::h2),
				Arguments.of("PostgreSQL", (Supplier<DataSource>) Databases::postgres));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("databases")
	void sameBookInTwoSchemasFromTwoLibrariesIsOneCluster(String name, Supplier<DataSource> db) throws Exception {
		assumeTrue(Files.isRegularFile(CNMARC), "../shared/data is absent");
		ReadResult.Parsed cnmarc = firstCnmarcWithIsbn();
		BibDescription book = BibDescription.of(cnmarc.record(), cnmarc.schema());
		String traditional = Transliterator.getInstance("Simplified-Traditional").transliterate(book.title());
		MarcRecord marc21 = marc21(traditional, book, "");
		MarcRecord secondEdition = marc21(book.title(), book, "2nd ed.");

		DataSource dataSource = db.get();
		CatalogRecords catalog = catalog(new JdbcTemplate(dataSource));
		List<StoreOutcome> first = catalog
			.storeAll(List.of(incoming("CN-440000-PL", "gd-1", cnmarc.record(), MarcSchema.CNMARC)));
		List<StoreOutcome> second = catalog
			.storeAll(List.of(incoming("CN-330000-PL", "zj-1", marc21, MarcSchema.MARC21),
					incoming("CN-320000-PL", "js-1", secondEdition, MarcSchema.MARC21)));

		long cnmarcId = first.get(0).recordId();
		long marc21Id = second.get(0).recordId();
		long editionId = second.get(1).recordId();
		List<ClusterMember> cluster = catalog.cluster(cnmarcId);
		assertThat(cluster).extracting(ClusterMember::recordId).containsExactlyInAnyOrder(cnmarcId, marc21Id);
		assertThat(cluster).filteredOn((member) -> member.recordId() == marc21Id)
			.singleElement()
			.satisfies((member) -> assertThat(member.reasons()).contains("ISBN").contains("record " + cnmarcId));
		assertThat(catalog.cluster(editionId)).extracting(ClusterMember::recordId).containsExactly(editionId);

		// sending the same records again changes no cluster
		catalog.storeAll(List.of(incoming("CN-330000-PL", "zj-1", marc21, MarcSchema.MARC21)));
		assertThat(catalog.cluster(cnmarcId)).hasSize(2);

		// the batched reads of followers (search): clusters and current versions, one
		// query each
		java.util.Map<Long, List<Long>> clusters = catalog.clustersOf(List.of(marc21Id, editionId, cnmarcId));
		assertThat(clusters).containsOnlyKeys(cnmarcId, editionId);
		assertThat(clusters.get(cnmarcId)).containsExactly(cnmarcId, marc21Id);
		assertThat(clusters.get(editionId)).containsExactly(editionId);
		java.util.Map<Long, SourceRecord> current = catalog.current(List.of(cnmarcId, marc21Id, 999_999_999L));
		assertThat(current).containsOnlyKeys(cnmarcId, marc21Id);
		assertThat(current.get(marc21Id).localId()).isEqualTo("zj-1");
		assertThat(current.get(cnmarcId).schema()).isEqualTo("CNMARC");

		// only cluster heads' keys are looked up; a staff split makes the split-off
		// record
		// a head, a join makes it a member again, and a new copy of the book still joins
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		JdbcClusters clusterTable = new JdbcClusters(jdbc);
		assertHeadsFollowClusters(jdbc);
		clusterTable.move(List.of(marc21Id), marc21Id, "split by test");
		assertHeadsFollowClusters(jdbc);
		assertThat(
				jdbc.queryForObject("select count(*) from blocking_key where record_id = ?", Integer.class, marc21Id))
			.isPositive();
		clusterTable.move(List.of(marc21Id), cnmarcId, "joined by test");
		assertHeadsFollowClusters(jdbc);
		long thirdId = catalog.storeAll(List.of(incoming("CN-310000-PL", "sh-1", marc21, MarcSchema.MARC21)))
			.get(0)
			.recordId();
		assertThat(catalog.cluster(thirdId)).extracting(ClusterMember::recordId).contains(cnmarcId, marc21Id);
		assertHeadsFollowClusters(jdbc);
	}

	// the catalog as the application wires it, on this database
	private static CatalogRecords catalog(JdbcTemplate jdbc) {
		return new CatalogRecords(new JdbcSourceRecords(jdbc), new JdbcClusters(jdbc), new JdbcHoldings(jdbc),
				Clock.systemUTC());
	}

	private static BibDescription firstBook() throws Exception {
		ReadResult.Parsed cnmarc = firstCnmarcWithIsbn();
		return BibDescription.of(cnmarc.record(), cnmarc.schema());
	}

	private static void assertHeadsFollowClusters(JdbcTemplate jdbc) {
		assertThat(jdbc.queryForObject("select count(*) from blocking_key k join cluster_member m on m.record_id = "
				+ "k.record_id where m.cluster_id <> m.record_id", Integer.class))
			.as("only cluster heads keep blocking keys")
			.isZero();
		assertThat(jdbc.queryForObject("select count(*) from blocking_key k left join cluster_member m "
				+ "on m.record_id = k.record_id where m.record_id is null", Integer.class))
			.as("every blocking key belongs to a clustered record")
			.isZero();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("databases")
	void aRecordSentSeveralTimesInOneBatchEndsWithTheKeysOfItsLastVersion(String name, Supplier<DataSource> db)
			throws Exception {
		assumeTrue(Files.isRegularFile(CNMARC), "../shared/data is absent");
		BibDescription book = firstBook();
		MarcRecord first = marc21(book.title(), book, "");
		MarcRecord second = marc21(book.title(), book, "2nd ed.");
		DataSource dataSource = db.get();
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		CatalogRecords catalog = catalog(jdbc);
		// created, changed, changed back; then another record created and deleted
		IncomingRecord sentFirst = incoming("CN-330000-PL", "dup-1", first, MarcSchema.MARC21);
		List<StoreOutcome> outcomes = catalog
			.storeAll(List.of(sentFirst, incoming("CN-330000-PL", "dup-1", second, MarcSchema.MARC21), sentFirst,
					incoming("CN-330000-PL", "dup-2", second, MarcSchema.MARC21),
					new IncomingRecord(LibraryCode.of("CN-330000-PL"), "dup-2", "MARCXML", "MARC21", "UTF_8",
							sentFirst.content(), true)));
		assertThat(outcomes).extracting((outcome) -> outcome.getClass().getSimpleName())
			.containsExactly("Created", "Updated", "Updated", "Created", "Deleted");
		long dup1 = outcomes.get(0).recordId();
		assertThat(jdbc.queryForList("select match_key from blocking_key where record_id = ?", String.class, dup1))
			.as("the keys of its last version, once each")
			.containsExactlyInAnyOrderElementsOf(sentFirst.signature().keys());
		assertThat(jdbc.queryForObject("select count(*) from blocking_key where record_id = ?", Integer.class,
				outcomes.get(3).recordId()))
			.as("a record deleted in the batch keeps no keys")
			.isZero();
		assertHeadsFollowClusters(jdbc);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("databases")
	void keysWrittenBeforeHashingAreStillFoundAndAHashCollisionIsNoMatch(String name, Supplier<DataSource> db)
			throws Exception {
		assumeTrue(Files.isRegularFile(CNMARC), "../shared/data is absent");
		BibDescription book = firstBook();
		MarcRecord marc21 = marc21(book.title(), book, "");
		DataSource dataSource = db.get();
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		CatalogRecords catalog = catalog(jdbc);
		long head = catalog.storeAll(List.of(incoming("CN-330000-PL", "old-1", marc21, MarcSchema.MARC21)))
			.get(0)
			.recordId();
		// a catalog written before V14_1: its heads' keys in match_key only
		jdbc.update("insert into match_key (match_key, record_id, head) select match_key, record_id, true "
				+ "from blocking_key");
		jdbc.update("delete from blocking_key");
		// a new process: JdbcClusters looks at match_key afresh
		catalog = catalog(jdbc);
		long copy = catalog.storeAll(List.of(incoming("CN-310000-PL", "new-1", marc21, MarcSchema.MARC21)))
			.get(0)
			.recordId();
		assertThat(catalog.cluster(copy)).extracting(ClusterMember::recordId).containsExactly(head, copy);
		// the head changes: its old keys leave match_key, its new ones go to blocking_key
		IncomingRecord changed = incoming("CN-330000-PL", "old-1", marc21(book.title() + "续编", book, ""),
				MarcSchema.MARC21);
		assertThat(catalog.storeAll(List.of(changed))).extracting((outcome) -> outcome.getClass().getSimpleName())
			.containsExactly("Updated");
		assertThat(jdbc.queryForObject("select count(*) from match_key", Integer.class)).isZero();
		assertThat(jdbc.queryForList("select match_key from blocking_key where record_id = ?", String.class, head))
			.containsExactlyInAnyOrderElementsOf(changed.signature().keys());
		assertHeadsFollowClusters(jdbc);
		// another head whose key has the same hash but another text is not a candidate
		String key = jdbc.queryForList("select match_key from blocking_key where record_id = ?", String.class, head)
			.get(0);
		long other = catalog
			.storeAll(List.of(incoming("CN-310000-PL", "other-1", marc21("另一本书", book, "2nd ed."), MarcSchema.MARC21)))
			.get(0)
			.recordId();
		jdbc.update("delete from blocking_key where record_id = ?", other);
		jdbc.update("insert into blocking_key (key_hash, record_id, match_key) "
				+ "select key_hash, ?, 'tcy:another|key|1999' from blocking_key where match_key = ? and record_id = ?",
				other, key, head);
		assertThat(new JdbcClusters(jdbc).byKeys(List.of(key)).get(key)).extracting((member) -> member.recordId())
			.containsExactly(head);
	}

	private static IncomingRecord incoming(String library, String localId, MarcRecord record, MarcSchema schema) {
		BibDescription description = BibDescription.of(record, schema);
		return new IncomingRecord(LibraryCode.of(library), localId, "MARCXML", schema.name(), "UTF_8",
				org.ndlp.catalog.marc.MarcXmlWriter.toXml(record).getBytes(java.nio.charset.StandardCharsets.UTF_8),
				false, MatchSignature.of(description));
	}

	private static MarcRecord marc21(String title, BibDescription book, String edition) {
		List<MarcField> fields = new ArrayList<>();
		fields.add(new ControlField("001", "m21-" + edition.length()));
		fields.add(new ControlField("008", "020101s" + book.year() + "    ch            000 0 chi d"));
		fields.add(new DataField("020", ' ', ' ', List.of(new Subfield('a', book.isbns().get(0).isbn13()))));
		if (!book.creators().isEmpty()) {
			fields.add(new DataField("100", '1', ' ', List.of(new Subfield('a', book.creators().get(0).name()))));
		}
		fields.add(new DataField("245", '1', '0', List.of(new Subfield('a', title))));
		if (!edition.isEmpty()) {
			fields.add(new DataField("250", ' ', ' ', List.of(new Subfield('a', edition))));
		}
		fields.add(new DataField("260", ' ', ' ',
				List.of(new Subfield('a', "北京 :"), new Subfield('b', "出版社,"), new Subfield('c', book.year()))));
		return new MarcRecord("00000nam a2200000 a 4500", fields);
	}

	/** The first record of the dp2 CNMARC sample that has an ISBN. */
	private static ReadResult.Parsed firstCnmarcWithIsbn() throws java.io.IOException {
		try (InputStream in = Files.newInputStream(CNMARC)) {
			return MarcXmlReader.read(in)
				.filter((result) -> result instanceof ReadResult.Parsed)
				.map((result) -> (ReadResult.Parsed) result)
				.filter((parsed) -> !BibDescription.of(parsed.record(), parsed.schema()).isbns().isEmpty())
				.findFirst()
				.orElseThrow();
		}
	}

}
