package org.ndlp.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
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
import org.ndlp.catalog.marc.ControlField;
import org.ndlp.catalog.marc.DataField;
import org.ndlp.catalog.marc.Iso2709Reader;
import org.ndlp.catalog.marc.Iso2709Writer;
import org.ndlp.catalog.marc.MarcEncoding;
import org.ndlp.catalog.marc.MarcField;
import org.ndlp.catalog.marc.MarcXmlReader;
import org.ndlp.catalog.marc.ReadOptions;
import org.ndlp.catalog.marc.ReadResult;
import org.ndlp.catalog.marc.Subfield;
import org.ndlp.shared.LibraryCode;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The figures issue 3 asks for, printed by a command (not a timed test): <pre>
 * mvn -B test-compile org.codehaus.mojo:exec-maven-plugin:3.5.0:java \
 *   -Dexec.mainClass=org.ndlp.bench.MarcBench -Dexec.classpathScope=test
 * </pre> ({@code -Dexec.args="0 7"}: no ingest part, 7 measured rounds). Parse-only
 * records/s of our ISO 2709 reader and of marc4j on the same bytes (MARC 21 from
 * solrmarc's uva_001_2000.mrc, CNMARC from the dp2 CNMARC XML records written as ISO 2709
 * in UTF-8 and in GB18030), see {@link #parseBench}, and records/s stored into the
 * catalog (H2 file database) for a 200,000-record MARC 21 sample built from the 2,000 UVA
 * records with changed 001s (in memory, straight into the catalog;
 * {@link IngestFileBench} measures the real ingest job path on a file).
 */
public final class MarcBench {

	private static final Path DATA = Path.of("..", "shared", "data");

	private MarcBench() {
	}

	public static void main(String[] args) throws Exception {
		byte[] uva = Files.readAllBytes(DATA.resolve("solrmarc/test/data/records/uva_001_2000.mrc"));
		int measured = (args.length > 1) ? Integer.parseInt(args[1]) : 7;
		parseBench(
				List.of(new Sample("MARC 21 (UVA, MARC-8)", repeat(uva, 25), null),
						new Sample("CNMARC (dp2, UTF-8)", cnmarcIso2709(20_000, MarcEncoding.UTF_8), "UTF-8"),
						new Sample("CNMARC (dp2, GB18030)", cnmarcIso2709(20_000, MarcEncoding.GB18030), "GB18030")),
				3, measured);
		ingest(uva, (args.length > 0) ? Integer.parseInt(args[0]) : 200_000);
	}

	/**
	 * One file to parse; {@code encoding} is what marc4j is told for correct strings
	 * ({@code null}: marc4j's default, Latin-1 unless leader/09 is {@code a}, which for
	 * MARC-8 is what it does without its slow converter).
	 */
	record Sample(String name, byte[] bytes, String encoding) {
	}

	/**
	 * Parse-only records/s, ours against marc4j's {@code MarcStreamReader} on the same
	 * bytes in memory, interleaved in each round so that both see the same machine load:
	 * {@code warmUp} rounds not counted, then {@code measured} rounds; prints each round,
	 * the medians and the ratios (wall clock and CPU time of the measuring thread).
	 * "ndlp" counts records through the public Stream API (subfields are decoded on first
	 * use, as ingest reads them); "ndlp all values" also reads every field and subfield
	 * value, which makes every string, as marc4j always does.
	 */
	static void parseBench(List<Sample> samples, int warmUp, int measured) {
		OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
		System.out.printf(Locale.ROOT, "%d CPUs, load average %.2f at start; %d warm-up + %d measured rounds%n",
				os.getAvailableProcessors(), os.getSystemLoadAverage(), warmUp, measured);
		for (Sample sample : samples) {
			System.out.printf(Locale.ROOT, "%-24s %,d records, %,d KiB%n", sample.name(), count(sample.bytes()),
					sample.bytes().length / 1024);
		}
		String[] readers = { "ndlp", "ndlp all values", "marc4j strict", "marc4j strict, told encoding" };
		double[][][] wall = new double[samples.size()][readers.length][measured];
		double[][][] cpu = new double[samples.size()][readers.length][measured];
		for (int round = -warmUp; round < measured; round++) {
			StringBuilder line = new StringBuilder((round < 0) ? "warm-up" : "round " + (round + 1));
			for (int s = 0; s < samples.size(); s++) {
				Sample sample = samples.get(s);
				line.append(" | ").append(sample.name()).append(':');
				for (int r = 0; r < readers.length; r++) {
					if (r == 3 && sample.encoding() == null) {
						continue;
					}
					double[] timed = timed(r, sample);
					if (round >= 0) {
						wall[s][r][round] = timed[0];
						cpu[s][r][round] = timed[1];
					}
					line.append(String.format(Locale.ROOT, " %,.0f", timed[0]));
				}
			}
			System.out.println(line);
		}
		System.out.printf(Locale.ROOT, "load average %.2f at end%n", os.getSystemLoadAverage());
		System.out.println("medians (records/s wall clock; records per CPU-second of the reading thread):");
		for (int s = 0; s < samples.size(); s++) {
			Sample sample = samples.get(s);
			for (int r = 0; r < readers.length; r++) {
				if (r == 3 && sample.encoding() == null) {
					continue;
				}
				System.out.printf(Locale.ROOT, "  %-24s %-30s %,9.0f rec/s  %,9.0f rec/CPU-s%n", sample.name(),
						readers[r] + ((r == 3) ? " (" + sample.encoding() + ")" : ""), median(wall[s][r]),
						median(cpu[s][r]));
			}
			System.out.printf(Locale.ROOT,
					"  %-24s ratio ndlp / marc4j strict: %.2f (wall), %.2f (CPU); median of per-round ratios %.2f; "
							+ "all values / marc4j strict: %.2f (wall)%n",
					sample.name(), median(wall[s][0]) / median(wall[s][2]), median(cpu[s][0]) / median(cpu[s][2]),
					medianRatio(wall[s][0], wall[s][2]), median(wall[s][1]) / median(wall[s][2]));
		}
	}

	// {records/s wall clock, records per CPU-second} of one pass of a reader over a
	// sample
	private static double[] timed(int reader, Sample sample) {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		long cpuStart = threads.getCurrentThreadCpuTime();
		long start = System.nanoTime();
		long n = switch (reader) {
			case 0 -> ndlp(sample.bytes());
			case 1 -> ndlpAllValues(sample.bytes());
			case 2 -> marc4jStrict(sample.bytes(), null);
			default -> marc4jStrict(sample.bytes(), sample.encoding());
		};
		double seconds = (System.nanoTime() - start) / 1e9;
		double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
		return new double[] { n / seconds, n / cpuSeconds };
	}

	static long ndlp(byte[] file) {
		return Iso2709Reader.read(new ByteArrayInputStream(file), ReadOptions.DETECT)
			.filter((result) -> result instanceof ReadResult.Parsed)
			.count();
	}

	// every value made a string, as marc4j does; the sum keeps the JIT from dropping it
	static long ndlpAllValues(byte[] file) {
		long n = 0;
		long chars = 0;
		Iterator<ReadResult> results = Iso2709Reader.iterate(new ByteArrayInputStream(file), ReadOptions.DETECT);
		while (results.hasNext()) {
			if (results.next() instanceof ReadResult.Parsed parsed) {
				n++;
				for (MarcField field : parsed.record().fields()) {
					if (field instanceof ControlField control) {
						chars += control.value().length();
					}
					else if (field instanceof DataField data) {
						for (Subfield subfield : data.subfields()) {
							chars += subfield.value().length();
						}
					}
				}
			}
		}
		return (chars >= 0) ? n : -1;
	}

	static long marc4j(byte[] file) {
		MarcPermissiveStreamReader reader = new MarcPermissiveStreamReader(new ByteArrayInputStream(file), true, true);
		long n = 0;
		while (reader.hasNext()) {
			reader.next();
			n++;
		}
		return n;
	}

	static long marc4jStrict(byte[] file, String encoding) {
		MarcStreamReader reader = (encoding != null) ? new MarcStreamReader(new ByteArrayInputStream(file), encoding)
				: new MarcStreamReader(new ByteArrayInputStream(file));
		long n = 0;
		while (reader.hasNext()) {
			reader.next();
			n++;
		}
		return n;
	}

	static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		int middle = sorted.length / 2;
		return (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	}

	private static double medianRatio(double[] ours, double[] theirs) {
		double[] ratios = new double[ours.length];
		for (int i = 0; i < ratios.length; i++) {
			ratios[i] = ours[i] / theirs[i];
		}
		return median(ratios);
	}

	static long count(byte[] file) {
		return Iso2709Reader.read(new ByteArrayInputStream(file), ReadOptions.DETECT).count();
	}

	/**
	 * Stores {@code total} records (the sample with new 001s) into an H2 file catalog in
	 * batches.
	 */
	static void ingest(byte[] sample, int total) throws Exception {
		Path folder = org.ndlp.support.TempFolders.temporary("ndlp-bench");
		JdbcDataSource h2 = new JdbcDataSource();
		h2.setURL("jdbc:h2:file:" + folder.resolve("db") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
		// as the application on H2 (spring.flyway.locations: db/vendor/{vendor})
		Flyway.configure()
			.dataSource(h2)
			.locations("classpath:db/migration", "classpath:db/vendor/h2")
			.load()
			.migrate();
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

	private static byte[] cnmarcIso2709(int records, MarcEncoding encoding) throws Exception {
		List<ReadResult.Parsed> parsed = new ArrayList<>();
		try (InputStream in = Files.newInputStream(DATA.resolve("dp2-sru/dp2Catalog/SRU/sample_cnmarcxml.xml"))) {
			MarcXmlReader.read(in, ReadOptions.DETECT)
				.filter((result) -> result instanceof ReadResult.Parsed)
				.forEach((result) -> parsed.add((ReadResult.Parsed) result));
		}
		Iso2709Writer writer = new Iso2709Writer(OutputStream.nullOutputStream(), encoding);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (int i = 0; i < records; i++) {
			out.writeBytes(writer.toBytes(parsed.get(i % parsed.size()).record()));
		}
		return out.toByteArray();
	}

}
