package org.ndlp.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.marc4j.MarcPermissiveStreamReader;
import org.marc4j.MarcStreamReader;

import org.ndlp.catalog.CatalogRecords;
import org.ndlp.catalog.IncomingRecord;
import org.ndlp.catalog.MatchSignature;
import org.ndlp.catalog.internal.JdbcClusters;
import org.ndlp.catalog.internal.JdbcHoldings;
import org.ndlp.catalog.internal.JdbcSourceRecords;
import org.ndlp.catalog.marc.BibDescription;
import org.ndlp.catalog.marc.Iso2709Reader;
import org.ndlp.catalog.marc.Iso2709Writer;
import org.ndlp.catalog.marc.MarcEncoding;
import org.ndlp.catalog.marc.MarcXmlReader;
import org.ndlp.catalog.marc.ReadOptions;
import org.ndlp.catalog.marc.ReadResult;
import org.ndlp.shared.LibraryCode;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The figures issue 3 asks for, printed by a command (not a timed test): <pre>
 * mvn -B test-compile org.codehaus.mojo:exec-maven-plugin:3.5.0:java \
 *   -Dexec.mainClass=org.ndlp.bench.MarcBench -Dexec.classpathScope=test
 * </pre> Parse-only records/s of our ISO 2709 reader and of marc4j on the same bytes
 * (MARC 21 from solrmarc's uva_001_2000.mrc, CNMARC from the dp2 CNMARC XML records
 * written as ISO 2709), and records/s stored into the catalog (H2 file database) for a
 * 200,000-record MARC 21 file built from the 2,000 UVA records with changed 001s.
 */
public final class MarcBench {

	private static final Path DATA = Path.of("..", "shared", "data");

	private MarcBench() {
	}

	public static void main(String[] args) throws Exception {
		byte[] uva = Files.readAllBytes(DATA.resolve("solrmarc/test/data/records/uva_001_2000.mrc"));
		byte[] marc21 = repeat(uva, 25);
		byte[] cnmarc = cnmarcIso2709(5000);
		System.out.println("MARC 21 sample: " + count(marc21) + " records, " + marc21.length / 1024 + " KiB");
		System.out.println("CNMARC sample:  " + count(cnmarc) + " records, " + cnmarc.length / 1024 + " KiB");
		for (int round = 1; round <= 3; round++) {
			System.out.printf(Locale.ROOT,
					"round %d  MARC21: ndlp %,7.0f rec/s, marc4j strict %,7.0f, marc4j permissive+UTF-8 %,7.0f   "
							+ "CNMARC: ndlp %,7.0f, marc4j strict %,7.0f%n",
					round, ndlp(marc21), marc4jStrict(marc21), marc4j(marc21), ndlp(cnmarc), marc4jStrict(cnmarc));
		}
		ingest(uva, (args.length > 0) ? Integer.parseInt(args[0]) : 200_000);
	}

	static double ndlp(byte[] file) {
		long start = System.nanoTime();
		long n = Iso2709Reader.read(new ByteArrayInputStream(file), ReadOptions.DETECT)
			.filter((result) -> result instanceof ReadResult.Parsed)
			.count();
		return n / ((System.nanoTime() - start) / 1e9);
	}

	static double marc4j(byte[] file) {
		long start = System.nanoTime();
		MarcPermissiveStreamReader reader = new MarcPermissiveStreamReader(new ByteArrayInputStream(file), true, true);
		long n = 0;
		while (reader.hasNext()) {
			reader.next();
			n++;
		}
		return n / ((System.nanoTime() - start) / 1e9);
	}

	static double marc4jStrict(byte[] file) {
		long start = System.nanoTime();
		MarcStreamReader reader = new MarcStreamReader(new ByteArrayInputStream(file));
		long n = 0;
		while (reader.hasNext()) {
			reader.next();
			n++;
		}
		return n / ((System.nanoTime() - start) / 1e9);
	}

	static long count(byte[] file) {
		return Iso2709Reader.read(new ByteArrayInputStream(file), ReadOptions.DETECT).count();
	}

	/**
	 * Stores {@code total} records (the sample with new 001s) into an H2 file catalog in
	 * batches.
	 */
	static void ingest(byte[] sample, int total) throws Exception {
		Path folder = Files.createTempDirectory("ndlp-bench");
		JdbcDataSource h2 = new JdbcDataSource();
		h2.setURL("jdbc:h2:file:" + folder.resolve("db") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
		Flyway.configure().dataSource(h2).locations("classpath:db/migration").load().migrate();
		CatalogRecords store = new CatalogRecords(new JdbcSourceRecords(new JdbcTemplate(h2)),
				new JdbcClusters(new JdbcTemplate(h2)), new JdbcHoldings(new JdbcTemplate(h2)),
				java.time.Clock.systemUTC());
		LibraryCode library = LibraryCode.of("CN-440000-PL");
		Iso2709Writer writer = new Iso2709Writer(OutputStream.nullOutputStream(), MarcEncoding.UTF_8);
		long start = System.nanoTime();
		// CPU time of this thread (parsing, describing and the embedded database all run
		// on
		// it): the figure that does not depend on what else the machine is doing
		long cpuStart = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
		long stored = 0;
		List<IncomingRecord> batch = new ArrayList<>(500);
		for (int copy = 0; stored < total; copy++) {
			try (InputStream in = new ByteArrayInputStream(sample)) {
				for (ReadResult result : (Iterable<ReadResult>) Iso2709Reader.read(in, ReadOptions.DETECT)::iterator) {
					if (!(result instanceof ReadResult.Parsed parsed) || stored >= total) {
						continue;
					}
					String id = parsed.record().controlNumber().orElse("x") + "-" + copy;
					batch.add(new IncomingRecord(library, id, "ISO2709", parsed.schema().name(), "UTF_8",
							writer.toBytes(parsed.record()), false,
							MatchSignature.of(BibDescription.of(parsed.record(), parsed.schema()))));
					stored++;
					if (batch.size() == 500) {
						store.storeAll(batch);
						batch.clear();
					}
				}
			}
		}
		store.storeAll(batch);
		double seconds = (System.nanoTime() - start) / 1e9;
		double cpuSeconds = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuStart) / 1e9;
		Runtime runtime = Runtime.getRuntime();
		System.out.printf(Locale.ROOT,
				"ingest: %,d MARC 21 records parsed, described, stored and clustered (H2 file) in %.1f s = %,.0f rec/s "
						+ "(%.1f s CPU = %,.0f rec/CPU-s); heap used %d MiB of max %d MiB%n",
				stored, seconds, stored / seconds, cpuSeconds, stored / cpuSeconds,
				(runtime.totalMemory() - runtime.freeMemory()) >> 20, runtime.maxMemory() >> 20);
	}

	private static byte[] repeat(byte[] file, int times) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(file.length * times);
		for (int i = 0; i < times; i++) {
			out.writeBytes(file);
		}
		return out.toByteArray();
	}

	private static byte[] cnmarcIso2709(int records) throws Exception {
		List<ReadResult.Parsed> parsed = new ArrayList<>();
		try (InputStream in = Files.newInputStream(DATA.resolve("dp2-sru/dp2Catalog/SRU/sample_cnmarcxml.xml"))) {
			MarcXmlReader.read(in, ReadOptions.DETECT)
				.filter((result) -> result instanceof ReadResult.Parsed)
				.forEach((result) -> parsed.add((ReadResult.Parsed) result));
		}
		Iso2709Writer writer = new Iso2709Writer(OutputStream.nullOutputStream(), MarcEncoding.UTF_8);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (int i = 0; i < records; i++) {
			out.writeBytes(writer.toBytes(parsed.get(i % parsed.size()).record()));
		}
		return out.toByteArray();
	}

}
