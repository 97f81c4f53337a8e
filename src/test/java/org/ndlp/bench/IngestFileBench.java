package org.ndlp.bench;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import javax.sql.DataSource;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

import org.ndlp.catalog.CatalogRecords;
import org.ndlp.catalog.internal.JdbcClusters;
import org.ndlp.catalog.internal.JdbcHoldings;
import org.ndlp.catalog.internal.JdbcSourceRecords;
import org.ndlp.catalog.marc.Iso2709Reader;
import org.ndlp.catalog.marc.ReadOptions;
import org.ndlp.catalog.marc.ReadResult;
import org.ndlp.ingest.IngestJob;
import org.ndlp.ingest.IngestProperties;
import org.ndlp.ingest.internal.IngestRunner;
import org.ndlp.ingest.internal.JdbcIngestJobs;
import org.ndlp.shared.LibraryCode;
import org.ndlp.support.Databases;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 3's heap figure: a real MARC 21 ISO 2709 file of N records (default 1,000,000)
 * written to a temporary folder from the 2,000 UVA records of {@code ../shared/data} (the
 * received bytes with a new 001 per copy, MARC-8 kept as is; every 100,000th record gets
 * a broken subfield code so the rejection path runs too) and ingested through the real
 * job path: a job row, {@link IngestRunner} reading the file from disk, batches committed
 * with the job's position, the catalog storing and clustering into a database (H2 file by
 * default, as an embedded node; {@code postgres} for zonky's embedded PostgreSQL). The
 * beans are built by hand as Spring would wire them, so nothing else of the application
 * shares the heap. Prints records/s, the heap (after full collections forced ten times a
 * run, and after any collection) and the job's final counts. Run it with its own heap
 * limit: <pre>
 * mvn -B test-compile org.codehaus.mojo:exec-maven-plugin:3.5.0:exec -Dexec.executable=java \
 *   -Dexec.classpathScope=test \
 *   -Dexec.args="-Xmx512m -cp %classpath org.ndlp.bench.IngestFileBench 1000000 h2"
 * </pre> With {@code searchable} as third argument it measures issue 4's figure, ingest →
 * searchable: each copy made another book ({@link SearchBench#distinct}: the copy number
 * in the title, ISBNs dropped; written as UTF-8 MARC 21), and the search index's
 * change-feed follower running beside the job as in the application (embedded Solr,
 * looking at the feed every 2 s); the rate counts from the job's start to the last record
 * searchable: <pre>
 * … -Dexec.args="-Xmx1g -cp %classpath org.ndlp.bench.IngestFileBench 200000 h2 searchable"
 * </pre> {@code distinct} instead stores the same file without the follower (the catalog
 * store's own cost); {@code -Dbench.probe=true} (H2) prints what H2 wrote per commit, by
 * table and index ({@link H2PageProbe}).
 */
public final class IngestFileBench {

	private static final Path DATA = Path.of("..", "shared", "data");

	private static final LibraryCode LIBRARY = LibraryCode.of("CN-440000-PL");

	private static final int BROKEN_EVERY = 100_000;

	private IngestFileBench() {
	}

	public static void main(String[] args) throws Exception {
		int total = (args.length > 0) ? Integer.parseInt(args[0]) : 1_000_000;
		boolean postgres = args.length > 1 && args[1].equals("postgres");
		boolean searchable = args.length > 2 && args[2].equals("searchable");
		// 'distinct': the searchable mode's file (every record another book, most of them
		// cluster heads) stored without the search follower: the catalog store's cost
		// alone
		boolean distinct = searchable || (args.length > 2 && args[2].equals("distinct"));
		Path folder = Files.createTempDirectory("ndlp-ingest-bench");
		try {
			run(folder, total, postgres, searchable, distinct);
		}
		finally {
			org.ndlp.support.TempFolders.delete(folder);
		}
	}

	private static void run(Path folder, int total, boolean postgres, boolean searchable, boolean distinct)
			throws Exception {
		Path file = folder.resolve("uva-" + total + ".mrc");
		long started = System.nanoTime();
		long broken = distinct ? writeDistinctFile(file, total) : writeFile(file, total);
		System.out.printf(Locale.ROOT,
				"file: %,d MARC 21 records (%,d with a broken subfield code), %,d MiB, " + "written in %.1f s: %s%n",
				total, broken, Files.size(file) >> 20, seconds(started), file);
		// pooled as in the application (Hikari): a connection per batch would reopen the
		// database
		HikariDataSource database = new HikariDataSource();
		DataSource target = postgres ? Databases.postgres() : h2(folder);
		// -Dbench.pgRewrite=true: the driver's reWriteBatchedInserts (multi-row inserts)
		if (target instanceof org.postgresql.ds.common.BaseDataSource pg && Boolean.getBoolean("bench.pgRewrite")) {
			pg.setReWriteBatchedInserts(true);
		}
		database.setDataSource(target);
		database.setMaximumPoolSize(searchable ? 4 : 2);
		JdbcTemplate jdbc = new JdbcTemplate(database);
		JdbcIngestJobs jobs = new JdbcIngestJobs(jdbc);
		Clock clock = Clock.systemUTC();
		CatalogRecords catalog = new CatalogRecords(new JdbcSourceRecords(jdbc), new JdbcClusters(jdbc),
				new JdbcHoldings(jdbc), clock);
		IngestProperties properties = new IngestProperties(Integer.getInteger("bench.batch", 500),
				Duration.ofMinutes(2), Duration.ofSeconds(10));
		IngestRunner runner = new IngestRunner(jobs, catalog,
				new TransactionTemplate(new DataSourceTransactionManager(database)), properties, clock);
		long id = jobs.insert(LIBRARY, file.getFileName().toString(), file.toString(), Files.size(file), "ISO2709",
				null, null, "bench", clock.instant());
		if (!jobs.claim(id, clock.instant(), clock.instant())) {
			throw new IllegalStateException("job " + id + " could not be claimed");
		}
		HeapWatch heap = new HeapWatch();
		long cpuStart = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
		long processCpuStart = processCpuTime();
		long start = System.nanoTime();
		long[] lastReport = { start };
		// ten times a run, a full collection: what is left is what the job really holds
		long liveEvery = Math.max(total / 10, 10_000);
		long[] nextLive = { liveEvery };
		// -Dbench.probe=true (H2): what each commit writes, by table and index
		H2PageProbe probe = (!postgres && Boolean.getBoolean("bench.probe")) ? new H2PageProbe(database) : null;
		runner.afterBatch((position) -> {
			if (probe != null) {
				probe.look();
			}
			if (position >= nextLive[0] && !distinct) {
				nextLive[0] += liveEvery;
				long live = heap.liveAfterFullGc();
				System.out.printf(Locale.ROOT, "  %,d records committed, %,.0f rec/s, heap after a full GC %d MiB%n",
						position, position / seconds(start), live >> 20);
			}
			else if (System.nanoTime() - lastReport[0] > 30_000_000_000L) {
				lastReport[0] = System.nanoTime();
				System.out.printf(Locale.ROOT, "  %,d records committed, %,.0f rec/s%n", position,
						position / seconds(start));
			}
		});
		Follower follower = searchable ? new Follower(folder.resolve("solr"), database, catalog) : null;
		runner.run(id);
		double seconds = seconds(start);
		if (follower != null) {
			double storedCpu = (processCpuTime() - processCpuStart) / 1e9;
			follower.finish();
			double searchableSeconds = seconds(start);
			double cpu = (processCpuTime() - processCpuStart) / 1e9;
			long found = follower.search.search()
				.search(new org.ndlp.search.SearchRequest(null, null, null, null, 1, 1, null))
				.total();
			System.out.printf(Locale.ROOT,
					"stored after %.1f s (%,.0f rec/s, %.1f s CPU), all searchable after %.1f s%n"
							+ "RESULT ingest -> searchable %,.0f rec/s (%,.0f rec/CPU-s over %.1f s CPU of the JVM; "
							+ "load average %.1f); %,d union records searchable%n",
					seconds, total / seconds, storedCpu, searchableSeconds, total / searchableSeconds, total / cpu, cpu,
					ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), found);
			follower.search.close();
		}
		double cpuSeconds = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuStart) / 1e9;
		double processCpuSeconds = (processCpuTime() - processCpuStart) / 1e9;
		IngestJob job = jobs.find(id).orElseThrow().job();
		long sourceRecords = jdbc.queryForObject("select count(*) from source_record", Long.class);
		long clusters = jdbc.queryForObject("select count(distinct cluster_id) from cluster_member", Long.class);
		long rejections = jobs.rejections(id, 0, 1000).size();
		System.out.printf(Locale.ROOT,
				"ingest (%s): job %s, read %,d, accepted %,d, unchanged %,d, deleted %,d, rejected %,d "
						+ "(%,d rejection rows); %,d source records in %,d clusters%n",
				postgres ? "embedded PostgreSQL" : "H2 file", job.status(), job.read(), job.accepted(), job.unchanged(),
				job.deleted(), job.rejected(), rejections, sourceRecords, clusters);
		System.out.printf(Locale.ROOT,
				"ingest: %,d records in %.1f s = %,.0f rec/s (%.1f s CPU of the ingest thread = %,.0f rec/CPU-s; "
						+ "%.1f s CPU of the whole JVM = %,.0f rec/CPU-s); heap after a full GC max %d MiB (%d samples), "
						+ "after any GC max %d MiB, max heap %d MiB, %d GCs, load average %.2f%n",
				job.read(), seconds, job.read() / seconds, cpuSeconds, job.read() / cpuSeconds, processCpuSeconds,
				job.read() / processCpuSeconds, heap.maxLive() >> 20, heap.liveSamples(), heap.maxAfterGc() >> 20,
				Runtime.getRuntime().maxMemory() >> 20, heap.gcCount(),
				ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
		if (probe != null) {
			System.out.print(probe.report());
		}
		database.close();
		if (!IngestJob.COMPLETED.equals(job.status()) || job.read() != total) {
			throw new IllegalStateException("the job did not complete with every record read: " + job);
		}
	}

	/**
	 * The search index's follower beside the job, as in the application: it looks at the
	 * change feed every 2 s; {@link #finish} stops it after one last look.
	 */
	private static final class Follower {

		final org.ndlp.search.internal.SearchBenchSupport search;

		private final Thread thread;

		private volatile boolean stored;

		private volatile boolean failed;

		Follower(Path home, DataSource database, CatalogRecords catalog) {
			// the follower's settings as in application.yml, or -Dbench.commit (seconds
			// between commits while catching up) and -Dbench.threads
			this.search = new org.ndlp.search.internal.SearchBenchSupport(home, database, catalog, 500,
					Duration.ofMillis((long) (1000 * Double.parseDouble(System.getProperty("bench.commit", "1")))),
					Integer.getInteger("bench.threads", 2));
			// Solr's start and the first (empty) look are not part of the figure
			this.search.catchUp();
			this.thread = new Thread(() -> {
				while (!this.stored) {
					this.failed |= !this.search.catchUp();
					try {
						Thread.sleep(2000);
					}
					catch (InterruptedException ex) {
						return;
					}
				}
			}, "bench-follower");
			this.thread.start();
		}

		void finish() throws InterruptedException {
			// not interrupted: a look at the feed is let finish (at most 2 s of sleep
			// after)
			this.stored = true;
			this.thread.join();
			this.failed |= !this.search.catchUp();
			if (this.failed) {
				throw new IllegalStateException("indexing failed");
			}
		}

	}

	/**
	 * Writes {@code total} distinct records (UTF-8 MARC 21): the UVA records, copy after
	 * copy, each copy another book by {@link SearchBench#distinct} with 001
	 * {@code <its 001>-<copy>}. Returns 0 (none broken).
	 */
	static long writeDistinctFile(Path file, int total) throws IOException {
		byte[] uva = Files.readAllBytes(DATA.resolve("solrmarc/test/data/records/uva_001_2000.mrc"));
		List<org.ndlp.catalog.marc.MarcRecord> sample = new ArrayList<>();
		try (Stream<ReadResult> results = Iso2709Reader.read(new ByteArrayInputStream(uva), ReadOptions.DETECT)) {
			results.forEach((result) -> sample.add(((ReadResult.Parsed) result).record()));
		}
		try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
			org.ndlp.catalog.marc.Iso2709Writer writer = new org.ndlp.catalog.marc.Iso2709Writer(out,
					org.ndlp.catalog.marc.MarcEncoding.UTF_8);
			for (int n = 0; n < total; n++) {
				int copy = n / sample.size();
				org.ndlp.catalog.marc.MarcRecord record = sample.get(n % sample.size());
				byte[] bytes = writer.toBytes((copy == 0) ? record : SearchBench.distinct(record, copy));
				out.write(withControlNumber(bytes, "-" + copy));
			}
		}
		return 0;
	}

	/**
	 * Writes {@code total} records: the UVA records as received, copy after copy, each
	 * with 001 {@code <its 001>-<copy>}. Returns how many were made broken.
	 */
	static long writeFile(Path file, int total) throws IOException {
		List<byte[]> sample = new ArrayList<>();
		byte[] uva = Files.readAllBytes(DATA.resolve("solrmarc/test/data/records/uva_001_2000.mrc"));
		try (Stream<ReadResult> results = Iso2709Reader.read(new ByteArrayInputStream(uva), ReadOptions.DETECT)) {
			results.forEach((result) -> {
				ByteBuffer source = ((ReadResult.Parsed) result).source();
				byte[] bytes = new byte[source.remaining()];
				source.get(bytes);
				sample.add(bytes);
			});
		}
		long broken = 0;
		try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
			for (int n = 0; n < total; n++) {
				byte[] record = withControlNumber(sample.get(n % sample.size()), "-" + (n / sample.size()));
				if ((n + 1) % BROKEN_EVERY == 0 && breakFirstSubfieldCode(record)) {
					broken++;
				}
				out.write(record);
			}
		}
		return broken;
	}

	/**
	 * The record with a suffix appended to its 001, lengths, starts and base address
	 * recomputed.
	 */
	static byte[] withControlNumber(byte[] record, String suffix) {
		byte[] extra = suffix.getBytes(StandardCharsets.US_ASCII);
		int base = number(record, 12, 5);
		int entries = (base - 25) / 12;
		byte[] out = new byte[record.length + extra.length];
		System.arraycopy(record, 0, out, 0, base);
		int written = base;
		for (int k = 0; k < entries; k++) {
			int entry = 24 + k * 12;
			int length = number(record, entry + 3, 4);
			int start = number(record, entry + 7, 5);
			boolean controlNumber = record[entry] == '0' && record[entry + 1] == '0' && record[entry + 2] == '1';
			int newLength = length;
			int from = base + start;
			if (controlNumber) {
				// the value, the suffix, then the field terminator
				System.arraycopy(record, from, out, written, length - 1);
				System.arraycopy(extra, 0, out, written + length - 1, extra.length);
				out[written + length - 1 + extra.length] = record[from + length - 1];
				newLength = length + extra.length;
			}
			else {
				System.arraycopy(record, from, out, written, length);
			}
			putNumber(out, entry + 3, 4, newLength);
			putNumber(out, entry + 7, 5, written - base);
			written += newLength;
		}
		out[written++] = record[record.length - 1];
		putNumber(out, 0, 5, written);
		return (written == out.length) ? out : java.util.Arrays.copyOf(out, written);
	}

	// turns the first subfield code of the first data field into 0x01: a Malformed record
	private static boolean breakFirstSubfieldCode(byte[] record) {
		int base = number(record, 12, 5);
		for (int i = base; i + 1 < record.length; i++) {
			if (record[i] == 0x1F) {
				record[i + 1] = 0x01;
				return true;
			}
		}
		return false;
	}

	private static int number(byte[] data, int at, int width) {
		int value = 0;
		for (int i = at; i < at + width; i++) {
			value = value * 10 + (data[i] - '0');
		}
		return value;
	}

	private static void putNumber(byte[] target, int at, int width, int value) {
		for (int i = at + width - 1; i >= at; i--) {
			target[i] = (byte) ('0' + value % 10);
			value /= 10;
		}
	}

	private static DataSource h2(Path folder) {
		JdbcDataSource h2 = new JdbcDataSource();
		// the URL the application uses (application.yml), plus settings to try
		// (-Dbench.h2=";CACHE_SIZE=65536")
		h2.setURL("jdbc:h2:file:" + folder.resolve("db").toAbsolutePath()
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0"
				+ System.getProperty("bench.h2", ""));
		Flyway.configure()
			.dataSource(h2)
			.locations("classpath:db/migration", "classpath:db/vendor/h2")
			.load()
			.migrate();
		return h2;
	}

	private static long processCpuTime() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

	private static double seconds(long since) {
		return (System.nanoTime() - since) / 1e9;
	}

	/**
	 * The heap in use right after each collection (summed over the heap pools, as a GC
	 * log's "after" figure; young collections leave old garbage in it), its maximum over
	 * the run and the number of collections (from the JVM's GC notifications), and the
	 * heap in use after full collections forced now and then (the live data).
	 */
	static final class HeapWatch implements NotificationListener {

		private final AtomicLong maxAfterGc = new AtomicLong();

		private final AtomicLong collections = new AtomicLong();

		HeapWatch() {
			for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
				if (gc instanceof NotificationEmitter emitter) {
					emitter.addNotificationListener(this, null, null);
				}
			}
		}

		@Override
		public void handleNotification(Notification notification, Object handback) {
			if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
				return;
			}
			GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo
				.from((CompositeData) notification.getUserData());
			long after = 0;
			for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
				MemoryUsage usage = info.getGcInfo().getMemoryUsageAfterGc().get(pool.getName());
				if (pool.getType() == MemoryType.HEAP && usage != null) {
					after += usage.getUsed();
				}
			}
			this.maxAfterGc.accumulateAndGet(after, Math::max);
			this.collections.incrementAndGet();
		}

		long maxAfterGc() {
			return this.maxAfterGc.get();
		}

		private long maxLive;

		private int liveSamples;

		// heap in use after a full collection; the most of these is the job's real need
		long liveAfterFullGc() {
			System.gc();
			long live = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
			this.maxLive = Math.max(this.maxLive, live);
			this.liveSamples++;
			return live;
		}

		long maxLive() {
			return this.maxLive;
		}

		int liveSamples() {
			return this.liveSamples;
		}

		long gcCount() {
			return this.collections.get();
		}

	}

}
