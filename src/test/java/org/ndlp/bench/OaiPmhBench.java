package org.ndlp.bench;

import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import com.sun.net.httpserver.HttpServer;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

import org.ndlp.catalog.CatalogListing;
import org.ndlp.catalog.CatalogRecords;
import org.ndlp.catalog.IncomingRecord;
import org.ndlp.catalog.internal.JdbcCatalogListing;
import org.ndlp.catalog.internal.JdbcClusters;
import org.ndlp.catalog.internal.JdbcSourceRecords;
import org.ndlp.catalog.marc.Iso2709Reader;
import org.ndlp.catalog.marc.Iso2709Writer;
import org.ndlp.catalog.marc.MarcEncoding;
import org.ndlp.catalog.marc.ReadOptions;
import org.ndlp.catalog.marc.ReadResult;
import org.ndlp.members.MemberLibraries;
import org.ndlp.members.internal.JdbcLibraries;
import org.ndlp.oaipmh.HarvestProperties;
import org.ndlp.oaipmh.HarvestSource;
import org.ndlp.oaipmh.OaiPmhProperties;
import org.ndlp.oaipmh.internal.Harvester;
import org.ndlp.oaipmh.internal.JdbcHarvestSources;
import org.ndlp.oaipmh.internal.OaiProvider;
import org.ndlp.shared.LibraryCode;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * OAI-PMH provider figures: one ListRecords stream of MARCXML (marc21) at 500 records a
 * page over a large H2 file catalog, first page against last page, records per second.
 * The catalog is filled with copies of solrmarc's uva_001_2000.mrc under new 001s.
 *
 * <pre>
 * mvn -B test-compile org.codehaus.mojo:exec-maven-plugin:3.5.0:java \
 *   -Dexec.mainClass=org.ndlp.bench.OaiPmhBench -Dexec.classpathScope=test -Dexec.args=100000
 * </pre>
 */
public final class OaiPmhBench {

	private static final Path DATA = Path.of("..", "shared", "data");

	private static final Pattern TOKEN = Pattern.compile("<resumptionToken[^>]*>([^<]*)</resumptionToken>");

	private OaiPmhBench() {
	}

	public static void main(String[] args) throws Exception {
		int total = (args.length > 0) ? Integer.parseInt(args[0]) : 100_000;
		Path folder = org.ndlp.support.TempFolders.temporary("ndlp-oai-bench");
		JdbcDataSource h2 = new JdbcDataSource();
		h2.setURL("jdbc:h2:file:" + folder.resolve("db") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
		// as the application on H2 (spring.flyway.locations: db/vendor/{vendor})
		Flyway.configure()
			.dataSource(h2)
			.locations("classpath:db/migration", "classpath:db/vendor/h2")
			.load()
			.migrate();
		JdbcTemplate jdbc = new JdbcTemplate(h2);
		CatalogRecords catalog = new CatalogRecords(new JdbcSourceRecords(jdbc), new JdbcClusters(jdbc),
				new org.ndlp.catalog.internal.JdbcHoldings(jdbc), Clock.systemUTC());
		fill(catalog, total);
		OaiProvider provider = new OaiProvider(new CatalogListing(new JdbcCatalogListing(jdbc)), catalog,
				new MemberLibraries(new JdbcLibraries(JdbcClient.create(h2)), Clock.systemUTC()),
				new OaiPmhProperties("", "bench", "bench@example.org", 500), Clock.systemUTC());
		// warm up the JIT and the H2 cache with one short walk
		walk(provider, 10, false);
		walk(provider, Integer.MAX_VALUE, true);
		harvest(provider, jdbc, catalog, h2);
	}

	/**
	 * Serves the provider on loopback (the JDK's HTTP server) and harvests one library's
	 * records (a third of the catalog) into another library with the real harvester.
	 */
	private static void harvest(OaiProvider provider, JdbcTemplate jdbc, CatalogRecords catalog, DataSource h2)
			throws Exception {
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/oai", (exchange) -> {
			Map<String, String[]> parameters = new LinkedHashMap<>();
			for (String pair : String.valueOf(exchange.getRequestURI().getRawQuery()).split("&")) {
				int eq = pair.indexOf('=');
				parameters.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
						new String[] { URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8) });
			}
			exchange.getResponseHeaders().set("Content-Type", "text/xml; charset=UTF-8");
			exchange.sendResponseHeaders(200, 0);
			try (Writer out = new BufferedWriter(
					new OutputStreamWriter(exchange.getResponseBody(), StandardCharsets.UTF_8), 1 << 16)) {
				provider.respond(parameters, "http://127.0.0.1/oai", out);
			}
		});
		server.start();
		try {
			JdbcHarvestSources sources = new JdbcHarvestSources(jdbc);
			Harvester harvester = new Harvester(sources, catalog,
					new TransactionTemplate(new DataSourceTransactionManager(h2)),
					new HarvestProperties(false, Duration.ofMinutes(1), 4, Duration.ofSeconds(1), Duration.ofMinutes(1),
							Duration.ofMinutes(10)),
					Clock.systemUTC());
			long id = sources.insert(LibraryCode.of("CN-320000-PL"),
					"http://127.0.0.1:" + server.getAddress().getPort() + "/oai", "marc21", "library:CN-110000-NLC",
					1440, false, "bench", Instant.now());
			long start = System.nanoTime();
			harvester.runIfFree(id);
			double seconds = (System.nanoTime() - start) / 1e9;
			HarvestSource source = sources.find(id).orElseThrow().source();
			System.out.printf(Locale.ROOT,
					"harvester: %,d records in %d pages over loopback from our own provider, parsed, stored and "
							+ "clustered in %.1f s = %,.0f rec/s (status %s, %d failed)%n",
					source.harvested(), source.pages(), seconds, source.harvested() / seconds, source.status(),
					source.failed());
		}
		finally {
			server.stop(0);
		}
	}

	private static void walk(OaiProvider provider, int maxPages, boolean print) {
		String token = null;
		List<Double> millis = new ArrayList<>();
		long records = 0;
		long start = System.nanoTime();
		do {
			Map<String, String[]> parameters = new LinkedHashMap<>();
			parameters.put("verb", new String[] { "ListRecords" });
			if (token == null) {
				parameters.put("metadataPrefix", new String[] { "marc21" });
			}
			else {
				parameters.put("resumptionToken", new String[] { token });
			}
			StringBuilder page = new StringBuilder(4 << 20);
			long pageStart = System.nanoTime();
			provider.respond(parameters, "http://localhost/oai", new Writer() {
				@Override
				public void write(char[] buffer, int offset, int length) {
					page.append(buffer, offset, length);
				}

				@Override
				public void write(String text) {
					page.append(text);
				}

				@Override
				public void flush() {
				}

				@Override
				public void close() {
				}
			});
			millis.add((System.nanoTime() - pageStart) / 1e6);
			records += count(page, "<record>");
			Matcher matcher = TOKEN.matcher(page.substring(Math.max(0, page.length() - 400)));
			token = (matcher.find() && !matcher.group(1).isEmpty()) ? matcher.group(1) : null;
		}
		while (token != null && millis.size() < maxPages);
		double seconds = (System.nanoTime() - start) / 1e9;
		if (print) {
			int n = millis.size();
			// the last page is partial; compare full pages
			List<Double> full = millis.subList(0, Math.max(1, n - 1));
			System.out.printf(Locale.ROOT,
					"provider: %,d MARCXML records in %d pages of 500 in %.1f s = %,.0f rec/s; first page %.0f ms, "
							+ "last full page %.0f ms; median of first 10 pages %.0f ms, of last 10 full pages %.0f ms "
							+ "(last/first %.2f)%n",
					records, n, seconds, records / seconds, full.get(0), full.get(full.size() - 1),
					median(full.subList(0, Math.min(10, full.size()))),
					median(full.subList(Math.max(0, full.size() - 10), full.size())),
					median(full.subList(Math.max(0, full.size() - 10), full.size()))
							/ median(full.subList(0, Math.min(10, full.size()))));
		}
	}

	private static double median(List<Double> values) {
		List<Double> sorted = new ArrayList<>(values);
		java.util.Collections.sort(sorted);
		return sorted.get(sorted.size() / 2);
	}

	private static int count(CharSequence text, String what) {
		int count = 0;
		String s = text.toString();
		for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
			count++;
		}
		return count;
	}

	/**
	 * Stores {@code total} copies of the sample's records under new 001s, unclustered.
	 */
	private static void fill(CatalogRecords catalog, int total) throws Exception {
		byte[] sample = Files.readAllBytes(DATA.resolve("solrmarc/test/data/records/uva_001_2000.mrc"));
		LibraryCode[] libraries = { LibraryCode.of("CN-440000-PL"), LibraryCode.of("CN-330000-PL"),
				LibraryCode.of("CN-110000-NLC") };
		Iso2709Writer writer = new Iso2709Writer(OutputStream.nullOutputStream(), MarcEncoding.UTF_8);
		long start = System.nanoTime();
		int stored = 0;
		List<IncomingRecord> batch = new ArrayList<>(1000);
		for (int copy = 0; stored < total; copy++) {
			try (InputStream in = new ByteArrayInputStream(sample)) {
				for (ReadResult result : (Iterable<ReadResult>) Iso2709Reader.read(in, ReadOptions.DETECT)::iterator) {
					if (!(result instanceof ReadResult.Parsed parsed) || stored >= total) {
						continue;
					}
					String id = parsed.record().controlNumber().orElse("x").strip() + "-" + copy;
					batch.add(new IncomingRecord(libraries[stored % libraries.length], id, "ISO2709", "MARC21", "UTF_8",
							writer.toBytes(parsed.record()), false));
					stored++;
					if (batch.size() == 1000) {
						catalog.storeAll(batch);
						batch.clear();
					}
				}
			}
		}
		catalog.storeAll(batch);
		System.out.printf(Locale.ROOT, "catalog: %,d MARC 21 records stored in %.1f s%n", stored,
				(System.nanoTime() - start) / 1e9);
	}

}
