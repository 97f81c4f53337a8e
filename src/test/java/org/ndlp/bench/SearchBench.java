package org.ndlp.bench;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

import org.ndlp.catalog.CatalogRecords;
import org.ndlp.catalog.IncomingRecord;
import org.ndlp.catalog.MatchSignature;
import org.ndlp.catalog.internal.JdbcClusters;
import org.ndlp.catalog.internal.JdbcSourceRecords;
import org.ndlp.catalog.marc.BibDescription;
import org.ndlp.catalog.marc.DataField;
import org.ndlp.catalog.marc.Iso2709Reader;
import org.ndlp.catalog.marc.Iso2709Writer;
import org.ndlp.catalog.marc.MarcEncoding;
import org.ndlp.catalog.marc.MarcField;
import org.ndlp.catalog.marc.MarcRecord;
import org.ndlp.catalog.marc.ReadOptions;
import org.ndlp.catalog.marc.ReadResult;
import org.ndlp.catalog.marc.Subfield;
import org.ndlp.search.SearchRequest;
import org.ndlp.search.internal.SearchBenchSupport;
import org.ndlp.shared.LibraryCode;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Ingest → searchable records/s (issue 4), printed by a command: <pre>
 * mvn -B test-compile org.codehaus.mojo:exec-maven-plugin:3.5.0:java \
 *   -Dexec.mainClass=org.ndlp.bench.SearchBench -Dexec.classpathScope=test \
 *   -Dexec.args="200000 [threads=2] [commit seconds=1] [concurrent|sequential] [warm-up records=20000]"
 * </pre> A MARC 21 file of N records (solrmarc's 2,000 UVA records repeated with changed
 * 001s, each copy made another book by {@link #distinct}) is stored into an H2 file
 * catalog in batches of 500 while the change-feed follower makes it searchable in
 * embedded Solr, as in the application (or, with {@code sequential}, after); prints the
 * rate from the first record stored to the last one searchable.
 */
public final class SearchBench {

	private static final Path DATA = Path.of("..", "shared", "data");

	private SearchBench() {
	}

	/**
	 * Another book: the copy number appended to the title, ISBNs dropped, so that copies
	 * do not all join one cluster (a file of distinct records, as a library sends).
	 */
	static MarcRecord distinct(MarcRecord record, int copy) {
		List<MarcField> fields = new ArrayList<>();
		for (MarcField field : record.fields()) {
			if (field instanceof DataField data && "020".equals(data.tag())) {
				continue;
			}
			if (field instanceof DataField data && "245".equals(data.tag())) {
				List<Subfield> subfields = new ArrayList<>(data.subfields());
				subfields.add(new Subfield('n', "copy " + copy));
				fields.add(new DataField(data.tag(), data.ind1(), data.ind2(), subfields));
				continue;
			}
			fields.add(field);
		}
		return new MarcRecord(record.leader(), fields);
	}

	public static void main(String[] args) throws Exception {
		int total = (args.length > 0) ? Integer.parseInt(args[0]) : 200_000;
		// threads sending a batch to Solr, seconds between commits while catching up, and
		// whether the follower runs while the records are stored (as in the application)
		// or
		// after
		int threads = (args.length > 1) ? Integer.parseInt(args[1]) : 2;
		java.time.Duration commitInterval = java.time.Duration
			.ofMillis((long) (1000 * ((args.length > 2) ? Double.parseDouble(args[2]) : 1)));
		boolean concurrent = args.length <= 3 || !"sequential".equals(args[3]);
		// the JIT compiles Solr's, Lucene's and our hot code on a first, unmeasured run
		int warmUp = (args.length > 4) ? Integer.parseInt(args[4]) : 20_000;
		if (warmUp > 0) {
			System.out.printf(Locale.ROOT, "warm-up: %,d records (not measured)%n", warmUp);
			run(warmUp, threads, commitInterval, concurrent, false);
		}
		run(total, threads, commitInterval, concurrent, true);
	}

	private static void run(int total, int threads, java.time.Duration commitInterval, boolean concurrent,
			boolean print) throws Exception {
		byte[] uva = Files.readAllBytes(DATA.resolve("solrmarc/test/data/records/uva_001_2000.mrc"));
		Path folder = org.ndlp.support.TempFolders.temporary("ndlp-search-bench");
		JdbcDataSource h2 = new JdbcDataSource();
		h2.setURL("jdbc:h2:file:" + folder.resolve("db") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
		// as the application on H2 (spring.flyway.locations: db/vendor/{vendor})
		Flyway.configure()
			.dataSource(h2)
			.locations("classpath:db/migration", "classpath:db/vendor/h2")
			.load()
			.migrate();
		CatalogRecords catalog = new CatalogRecords(new JdbcSourceRecords(new JdbcTemplate(h2)),
				new JdbcClusters(new JdbcTemplate(h2)),
				new org.ndlp.catalog.internal.JdbcHoldings(new JdbcTemplate(h2)), java.time.Clock.systemUTC());
		// CPU of the whole process: the indexer, Solr and the database run on other
		// threads
		com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
			.getOperatingSystemMXBean();
		try (SearchBenchSupport search = new SearchBenchSupport(folder.resolve("home"), h2, catalog, 500,
				commitInterval, threads)) {
			// Solr's start and the first (empty) pass are not part of the figure
			search.catchUp();
			if (print) {
				System.out.printf(Locale.ROOT, "measured run: %,d records%n", total);
			}
			long cpuStart = os.getProcessCpuTime();
			long start = System.nanoTime();
			double storeSeconds;
			double indexSeconds;
			if (concurrent) {
				java.util.concurrent.atomic.AtomicBoolean stored = new java.util.concurrent.atomic.AtomicBoolean();
				java.util.concurrent.atomic.AtomicBoolean failed = new java.util.concurrent.atomic.AtomicBoolean();
				Thread follower = new Thread(() -> {
					while (!stored.get()) {
						failed.compareAndSet(false, !search.catchUp());
						try {
							// the application's follower looks again after its poll
							// interval
							Thread.sleep(2000);
						}
						catch (InterruptedException ex) {
							return;
						}
					}
					failed.compareAndSet(false, !search.catchUp());
				}, "bench-follower");
				follower.start();
				store(catalog, uva, total);
				storeSeconds = (System.nanoTime() - start) / 1e9;
				stored.set(true);
				follower.join();
				if (failed.get()) {
					throw new IllegalStateException("indexing failed");
				}
				indexSeconds = (System.nanoTime() - start) / 1e9 - storeSeconds;
			}
			else {
				store(catalog, uva, total);
				storeSeconds = (System.nanoTime() - start) / 1e9;
				if (!search.catchUp()) {
					throw new IllegalStateException("indexing failed");
				}
				indexSeconds = (System.nanoTime() - start) / 1e9 - storeSeconds;
			}
			double seconds = (System.nanoTime() - start) / 1e9;
			double cpu = (os.getProcessCpuTime() - cpuStart) / 1e9;
			if (!print) {
				return;
			}
			long found = search.search().search(new SearchRequest(null, null, null, null, 1, 1, null)).total();
			System.out.printf(Locale.ROOT,
					"%,d MARC 21 records, follower %s, %d sending threads, commit every %s: stored after %.1f s "
							+ "(%,.0f rec/s), all searchable after %.1f s%n"
							+ "RESULT ingest -> searchable %,.0f rec/s (%,.0f rec/CPU-s over %.1f s CPU; load average "
							+ "%.1f on %d cores); %,d union records searchable%n",
					total, concurrent ? "running while storing (as in the application)" : "run after storing", threads,
					commitInterval, storeSeconds, total / storeSeconds, seconds, total / seconds, total / cpu, cpu,
					os.getSystemLoadAverage(), os.getAvailableProcessors(), found);
			if (!concurrent) {
				System.out.printf(Locale.ROOT, "index alone: %.1f s = %,.0f rec/s%n", indexSeconds,
						total / indexSeconds);
			}
		}
	}

	private static void store(CatalogRecords catalog, byte[] uva, int total) throws Exception {
		LibraryCode library = LibraryCode.of("CN-440000-PL");
		Iso2709Writer writer = new Iso2709Writer(OutputStream.nullOutputStream(), MarcEncoding.UTF_8);
		long stored = 0;
		List<IncomingRecord> batch = new ArrayList<>(500);
		for (int copy = 0; stored < total; copy++) {
			try (InputStream in = new ByteArrayInputStream(uva)) {
				for (ReadResult result : (Iterable<ReadResult>) Iso2709Reader.read(in, ReadOptions.DETECT)::iterator) {
					if (!(result instanceof ReadResult.Parsed parsed) || stored >= total) {
						continue;
					}
					String id = parsed.record().controlNumber().orElse("x") + "-" + copy;
					MarcRecord record = (copy == 0) ? parsed.record() : distinct(parsed.record(), copy);
					batch.add(new IncomingRecord(library, id, "ISO2709", parsed.schema().name(), "UTF_8",
							writer.toBytes(record), false,
							MatchSignature.of(BibDescription.of(record, parsed.schema()))));
					stored++;
					if (batch.size() == 500) {
						catalog.storeAll(batch);
						batch.clear();
					}
				}
			}
		}
		catalog.storeAll(batch);
	}

}
