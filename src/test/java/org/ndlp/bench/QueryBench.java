package org.ndlp.bench;

import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.request.LukeRequest;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrInputDocument;

import org.ndlp.NdlpApplication;
import org.ndlp.catalog.marc.BibDescription;
import org.ndlp.catalog.marc.Creator;
import org.ndlp.catalog.marc.Iso2709Reader;
import org.ndlp.catalog.marc.MarcXmlReader;
import org.ndlp.catalog.marc.ReadOptions;
import org.ndlp.catalog.marc.ReadResult;
import org.ndlp.search.SearchRequest;
import org.ndlp.search.internal.QueryBenchSupport;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Query latency at scale (issue 4), printed by a command: <pre>
 * mvn -B test-compile org.codehaus.mojo:exec-maven-plugin:3.5.0:java \
 *   -Dexec.mainClass=org.ndlp.bench.QueryBench -Dexec.classpathScope=test \
 *   -Dexec.args="[documents=1000000] [seconds=30] [clients=4] [timing|slowest|solr]"
 * </pre> (modes and {@code -Dbench.variants}: see {@code docs/modules/search.md}). Builds
 * (once; kept under {@code target/bench-query}) an embedded Solr index of N union-record
 * documents made by the indexer's own document code from the real records in
 * {@code ../shared/data} (solrmarc's 2,000 UVA MARC 21 records, xbib's 3,064 UNIMARC
 * periodicals, dp2's CNMARC records, each used many times with another id, a year near
 * its own and 1–6 holding libraries of 31 provinces). Then, with N clients at once, each
 * sending searches drawn from words, two-word phrases and creator names of those records
 * (every search asks for the six facets, highlighting and spelling, as the portal does):
 * first the application's Solr query straight to Solr (Solr's own time, {@code QTime}),
 * then {@code GET /api/v1/search} over HTTP to NDLP started on that index. Prints p50,
 * p95 and p99 of both and what the application adds.
 */
public final class QueryBench {

	private static final Path DATA = Path.of("..", "shared", "data");

	private static final Path HOME = Path.of("target", "bench-query");

	private static final int PORT = 18081;

	// seconds of searches before each measured run (the JIT compiles the hot code)
	private static final int WARM_UP = 20;

	private static final String[] PROVINCES = { "北京市", "天津市", "河北省", "山西省", "内蒙古自治区", "辽宁省", "吉林省", "黑龙江省", "上海市",
			"江苏省", "浙江省", "安徽省", "福建省", "江西省", "山东省", "河南省", "湖北省", "湖南省", "广东省", "广西壮族自治区", "海南省", "重庆市", "四川省", "贵州省",
			"云南省", "西藏自治区", "陕西省", "甘肃省", "青海省", "宁夏回族自治区", "新疆维吾尔自治区" };

	private static final int[] PROVINCE_CODES = { 11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42,
			43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65 };

	private QueryBench() {
	}

	public static void main(String[] args) throws Exception {
		int documents = (args.length > 0) ? Integer.parseInt(args[0]) : 1_000_000;
		int seconds = (args.length > 1) ? Integer.parseInt(args[1]) : 30;
		int clients = (args.length > 2) ? Integer.parseInt(args[2]) : 4;
		// Solr logs every request at INFO: not part of what is measured
		((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("org.apache.solr"))
			.setLevel(ch.qos.logback.classic.Level.WARN);
		List<BibDescription> sample = sample();
		List<String> queries = queries(sample);
		Path home = HOME.resolve(Integer.toString(documents));
		SolrClient[] client = new SolrClient[1];
		long[] solrQTimes;
		try (AutoCloseable solr = QueryBenchSupport.open(home.resolve("solr"), client)) {
			build(client[0], sample, documents);
			String mode = (args.length > 3) ? args[3] : "";
			// -Dbench.variants="a=1|b=" compares sets of request parameters in one run
			String[] variants = System.getProperty("bench.variants", System.getProperty("bench.params", ""))
				.split("\\|", -1);
			if ("timing".equals(mode)) {
				timing(client[0], queries, variants);
				System.out.print(QueryBenchSupport.caches());
				return;
			}
			if ("solr".equals(mode)) {
				SolrClient solrClient = client[0];
				Search solrOnly = (q) -> (long) QueryBenchSupport.solrOnly(solrClient, request(q)).getQTime()
						* 1_000_000;
				run(clients, WARM_UP, queries, solrOnly);
				for (int round = 0; round < 2; round++) {
					for (String variant : variants) {
						System.setProperty("bench.params", variant);
						run(clients, 5, queries, solrOnly);
						long[][] times = run(clients, seconds, queries, solrOnly);
						System.out.printf(Locale.ROOT,
								"RESULT variant [%s] round %d, %,d documents, %d clients: Solr QTime p50 %.1f ms p95 %.1f ms p99 %.1f ms (%,.0f searches/s)%n",
								variant, round + 1, documents, clients, percentile(times[1], 50),
								percentile(times[1], 95), percentile(times[1], 99), times[1].length / (double) seconds);
					}
				}
				System.out.print(QueryBenchSupport.caches());
				return;
			}
			if ("commit".equals(mode)) {
				commits(client[0], sample, queries, documents, seconds);
				return;
			}
			if ("same".equals(mode)) {
				same(client[0], queries, variants);
				return;
			}
			if ("slowest".equals(mode)) {
				slowest(client[0], queries);
				return;
			}
			System.out.printf(Locale.ROOT, "Solr alone, the application's query (%d clients, %,d distinct searches):%n",
					clients, queries.size());
			SolrClient solrClient = client[0];
			run(clients, WARM_UP, queries, (q) -> {
				QueryResponse response = QueryBenchSupport.solrOnly(solrClient, request(q));
				return (long) response.getQTime() * 1_000_000;
			});
			long[][] solrTimes = run(clients, seconds, queries, (q) -> {
				QueryResponse response = QueryBenchSupport.solrOnly(solrClient, request(q));
				return (long) response.getQTime() * 1_000_000;
			});
			solrQTimes = solrTimes[1];
			print("Solr QTime", solrTimes[1], seconds);
			print("Solr call in process", solrTimes[0], seconds);
		}
		ConfigurableApplicationContext app = new SpringApplication(NdlpApplication.class).run(
				"--ndlp.home=" + home.toAbsolutePath(), "--ndlp.demo-data=false", "--server.port=" + PORT,
				"--ndlp.search.indexer.enabled=false", "--logging.level.root=WARN",
				"--logging.level.org.apache.solr=WARN",
				"--spring.datasource.url=jdbc:h2:mem:query-bench;DB_CLOSE_DELAY=-1;"
						+ "MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
		try {
			HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
			System.out.printf(Locale.ROOT, "NDLP over HTTP, GET /api/v1/search (%d clients):%n", clients);
			// default HttpURLConnection: reads the answer on the calling thread;
			// -Dbench.client=jdk: java.net.http's client, whose selector thread and
			// worker hand the answer over (their time then counts as the application's)
			boolean jdkClient = "jdk".equals(System.getProperty("bench.client"));
			Search overHttp = (q) -> {
				String url = "http://127.0.0.1:" + PORT + "/api/v1/search?size=10&q="
						+ URLEncoder.encode(q, StandardCharsets.UTF_8);
				int status;
				String timing;
				byte[] body;
				if (jdkClient) {
					HttpResponse<byte[]> response = http.send(
							HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json").build(),
							HttpResponse.BodyHandlers.ofByteArray());
					status = response.statusCode();
					timing = response.headers().firstValue("Server-Timing").orElse(null);
					body = response.body();
				}
				else {
					java.net.HttpURLConnection connection = (java.net.HttpURLConnection) URI.create(url)
						.toURL()
						.openConnection();
					connection.setRequestProperty("Accept", "application/json");
					status = connection.getResponseCode();
					timing = connection.getHeaderField("Server-Timing");
					try (InputStream in = (status < 400) ? connection.getInputStream() : connection.getErrorStream()) {
						body = in.readAllBytes();
					}
				}
				if (status != 200) {
					throw new IllegalStateException(
							status + " for " + q + ": " + new String(body, StandardCharsets.UTF_8));
				}
				// Solr's own time of this very search (QTime, whole ms)
				if (timing == null || !timing.startsWith("solr;dur=")) {
					throw new IllegalStateException("no Server-Timing solr;dur= in the answer for " + q);
				}
				return Long.parseLong(timing.substring(timing.indexOf("dur=") + 4)) * 1_000_000;
			};
			run(clients, WARM_UP, queries, overHttp);
			long[][] httpTimes = run(clients, seconds, queries, overHttp);
			print("HTTP", httpTimes[0], seconds);
			print("HTTP, its Solr QTime", httpTimes[1], seconds);
			print("HTTP minus its QTime", httpTimes[2], seconds);
			System.out.printf(Locale.ROOT,
					"RESULT %,d documents, %d clients: Solr QTime p50 %.1f ms p95 %.1f ms; NDLP over HTTP p50 %.1f ms "
							+ "p95 %.1f ms (%,.0f searches/s); the application adds to each search's own QTime "
							+ "p50 %.1f ms p95 %.1f ms%n",
					documents, clients, percentile(solrQTimes, 50), percentile(solrQTimes, 95),
					percentile(httpTimes[0], 50), percentile(httpTimes[0], 95), httpTimes[0].length / (double) seconds,
					percentile(httpTimes[2], 50), percentile(httpTimes[2], 95));
		}
		finally {
			app.close();
		}
	}

	interface Search {

		/** Runs one search; returns Solr's own time in ns when known, else 0. */
		long run(String q) throws Exception;

	}

	/**
	 * Where Solr's time goes, per set of request parameters ({@code -Dbench.variants},
	 * separated by {@code |}): one client; every query once unmeasured, then every query
	 * once per variant, the variants interleaved query by query so that they share the
	 * machine's load; with {@code debug=timing}. Prints mean milliseconds per search
	 * component, the calling thread's CPU time (embedded Solr answers on it) and QTime
	 * p50/p95, then the same for the searches with at least 50,000 hits (the tail).
	 */
	private static void timing(SolrClient client, List<String> queries, String[] variants) throws Exception {
		for (String q : queries) {
			QueryBenchSupport.solrOnly(client, request(q));
		}
		java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
		List<java.util.Map<String, Double>> totals = new ArrayList<>();
		List<java.util.Map<String, Double>> bigTotals = new ArrayList<>();
		int[] big = new int[variants.length];
		List<long[]> qtimes = new ArrayList<>();
		for (String variant : variants) {
			totals.add(new java.util.TreeMap<>());
			bigTotals.add(new java.util.TreeMap<>());
			qtimes.add(new long[queries.size()]);
		}
		for (int i = 0; i < queries.size(); i++) {
			for (int k = 0; k < variants.length; k++) {
				int v = (i + k) % variants.length;
				System.setProperty("bench.params", variants[v]);
				long cpu = threads.getCurrentThreadCpuTime();
				QueryResponse response = QueryBenchSupport.solrOnly(client, request(queries.get(i)), "timing");
				java.util.Map<String, Double> total = new java.util.TreeMap<>();
				total.merge("cpu", (threads.getCurrentThreadCpuTime() - cpu) / 1e6, Double::sum);
				qtimes.get(v)[i] = response.getQTime() * 1_000_000L;
				@SuppressWarnings("unchecked")
				org.apache.solr.common.util.NamedList<Object> timing = (org.apache.solr.common.util.NamedList<Object>) response
					.getDebugMap()
					.get("timing");
				total.merge("total", ((Number) timing.get("time")).doubleValue(), Double::sum);
				@SuppressWarnings("unchecked")
				org.apache.solr.common.util.NamedList<Object> process = (org.apache.solr.common.util.NamedList<Object>) timing
					.get("process");
				for (java.util.Map.Entry<String, Object> component : process) {
					if (component.getValue() instanceof org.apache.solr.common.util.NamedList<?> c
							&& ((Number) c.get("time")).doubleValue() > 0) {
						total.merge(component.getKey(), ((Number) c.get("time")).doubleValue(), Double::sum);
					}
				}
				total.forEach((component, ms) -> totals.get(v).merge(component, ms, Double::sum));
				if (response.getResults().getNumFound() >= 50_000) {
					big[v]++;
					total.forEach((component, ms) -> bigTotals.get(v).merge(component, ms, Double::sum));
				}
			}
		}
		int n = queries.size();
		for (int v = 0; v < variants.length; v++) {
			long[] sorted = qtimes.get(v).clone();
			Arrays.sort(sorted);
			StringBuilder line = new StringBuilder();
			totals.get(v)
				.forEach((component, ms) -> line.append(String.format(Locale.ROOT, " %s %.2f", component, ms / n)));
			System.out.printf(Locale.ROOT, "TIMING [%s] QTime p50 %.0f p95 %.0f ms; mean ms per search:%s%n",
					variants[v], percentile(sorted, 50), percentile(sorted, 95), line);
			int b = big[v];
			StringBuilder bigLine = new StringBuilder();
			bigTotals.get(v)
				.forEach((component, ms) -> bigLine.append(String.format(Locale.ROOT, " %s %.2f", component, ms / b)));
			System.out.printf(Locale.ROOT, "TIMING [%s] %d searches with 50,000+ hits, mean ms:%s%n", variants[v], b,
					bigLine);
		}
	}

	/**
	 * What a commit costs searches, as while the indexer catches up (it soft-commits
	 * every second): for {@code seconds} rounds one client re-adds one existing document
	 * (same id, same content: the index stays as it was), soft-commits and waits for the
	 * new searcher (with {@code autowarmCount} this includes warming), then sends 10
	 * searches; then 10 rounds of 10 searches without a commit. Prints the commit time
	 * and the QTime of the first search after a commit, of the other nine and of searches
	 * without commits.
	 */
	private static void commits(SolrClient client, List<BibDescription> sample, List<String> queries, int documents,
			int rounds) throws Exception {
		for (String q : queries) {
			QueryBenchSupport.solrOnly(client, request(q));
		}
		Random random = new Random(11);
		long[] commit = new long[rounds];
		long[] first = new long[rounds];
		long[] rest = new long[rounds * 9];
		long[] steady = new long[rounds * 10];
		for (int r = 0; r < rounds; r++) {
			client.add("ndlp", document(random.nextInt(documents), sample));
			long start = System.nanoTime();
			client.commit("ndlp", true, true, true);
			commit[r] = System.nanoTime() - start;
			for (int i = 0; i < 10; i++) {
				long qtime = QueryBenchSupport.solrOnly(client, request(queries.get(random.nextInt(queries.size()))))
					.getQTime() * 1_000_000L;
				if (i == 0) {
					first[r] = qtime;
				}
				else {
					rest[r * 9 + i - 1] = qtime;
				}
			}
		}
		for (int i = 0; i < steady.length; i++) {
			steady[i] = QueryBenchSupport.solrOnly(client, request(queries.get(random.nextInt(queries.size()))))
				.getQTime() * 1_000_000L;
		}
		for (long[] a : List.of(commit, first, rest, steady)) {
			Arrays.sort(a);
		}
		System.out.printf(Locale.ROOT,
				"RESULT %d soft commits (filterCache autowarmCount %s, variant [%s]): commit p50 %.1f ms max %.1f ms; "
						+ "first search after a commit QTime p50 %.0f p95 %.0f max %.0f ms, mean %.1f; next nine p50 %.0f p95 %.0f ms, mean %.1f; "
						+ "without commits p50 %.0f p95 %.0f ms, mean %.1f%n",
				rounds, System.getProperty("ndlp.solr.filterCacheAutowarm", "0"),
				System.getProperty("bench.params", ""), percentile(commit, 50), percentile(commit, 100),
				percentile(first, 50), percentile(first, 95), percentile(first, 100), mean(first), percentile(rest, 50),
				percentile(rest, 95), mean(rest), percentile(steady, 50), percentile(steady, 95), mean(steady));
		System.out.print(QueryBenchSupport.caches());
	}

	private static double mean(long[] values) {
		return Arrays.stream(values).average().orElse(Double.NaN) / 1e6;
	}

	/**
	 * Whether other request parameters ({@code -Dbench.variants}) count facets exactly as
	 * the first variant does: every query once per variant, facet fields compared value
	 * by value; prints each facet field's number of values over the whole index and the
	 * searches whose counts differ.
	 */
	private static void same(SolrClient client, List<String> queries, String[] variants) throws Exception {
		System.setProperty("bench.params", "facet.limit=-1&facet.mincount=1");
		QueryResponse all = QueryBenchSupport.solrOnly(client, request(""));
		for (org.apache.solr.client.solrj.response.FacetField field : all.getFacetFields()) {
			System.out.printf(Locale.ROOT, "facet %-13s %,6d values over %,d documents%n", field.getName(),
					field.getValueCount(), all.getResults().getNumFound());
		}
		int differ = 0;
		for (String q : queries) {
			String first = null;
			for (String variant : variants) {
				System.setProperty("bench.params", variant);
				QueryResponse response = QueryBenchSupport.solrOnly(client, request(q));
				StringBuilder counts = new StringBuilder();
				for (org.apache.solr.client.solrj.response.FacetField field : response.getFacetFields()) {
					counts.append(field.getName()).append(field.getValues()).append('\n');
				}
				if (first == null) {
					first = counts.toString();
				}
				else if (!first.contentEquals(counts)) {
					differ++;
					System.out.printf(Locale.ROOT, "DIFFER [%s] for %s:%n%s%nvs%n%s%n", variant, q, first, counts);
				}
			}
		}
		System.out.printf(Locale.ROOT, "RESULT %d searches × %d variants: %d facet answers differ from the first%n",
				queries.size(), variants.length, differ);
	}

	/**
	 * Which searches are slow: every query once (after one unmeasured pass), one client,
	 * with {@code debug=timing}; prints the 20 slowest with their hits, per-component
	 * times and parsed query, and the QTime spread by hit count.
	 */
	private static void slowest(SolrClient client, List<String> queries) throws Exception {
		for (String q : queries) {
			QueryBenchSupport.solrOnly(client, request(q));
		}
		record Row(String q, int qtime, long hits, String components, String parsed) {
		}
		List<Row> rows = new ArrayList<>();
		for (String q : queries) {
			QueryResponse response = QueryBenchSupport.solrOnly(client, request(q), "timing,query");
			StringBuilder components = new StringBuilder();
			@SuppressWarnings("unchecked")
			org.apache.solr.common.util.NamedList<Object> timing = (org.apache.solr.common.util.NamedList<Object>) response
				.getDebugMap()
				.get("timing");
			@SuppressWarnings("unchecked")
			org.apache.solr.common.util.NamedList<Object> process = (org.apache.solr.common.util.NamedList<Object>) timing
				.get("process");
			for (java.util.Map.Entry<String, Object> component : process) {
				if (component.getValue() instanceof org.apache.solr.common.util.NamedList<?> c
						&& ((Number) c.get("time")).doubleValue() >= 1) {
					components.append(component.getKey())
						.append('=')
						.append(((Number) c.get("time")).intValue())
						.append(' ');
				}
			}
			rows.add(new Row(q, response.getQTime(), response.getResults().getNumFound(), components.toString(),
					String.valueOf(response.getDebugMap().get("parsedquery_toString"))));
		}
		rows.sort(java.util.Comparator.comparingInt(Row::qtime).reversed());
		System.out.println("20 slowest searches (QTime with debug, hits, components in ms, parsed query):");
		for (Row row : rows.subList(0, Math.min(20, rows.size()))) {
			String parsed = (row.parsed().length() > 3000) ? row.parsed().substring(0, 3000) + "…" : row.parsed();
			System.out.printf(Locale.ROOT, "%5d ms %,9d hits  %-28s %s%n    %s%n", row.qtime(), row.hits(), row.q(),
					row.components(), parsed);
		}
		long[] bounds = { 0, 1_000, 10_000, 50_000, 100_000, 1_000_000 };
		for (int b = 0; b < bounds.length; b++) {
			long from = bounds[b];
			long to = (b + 1 < bounds.length) ? bounds[b + 1] : Long.MAX_VALUE;
			long[] times = rows.stream()
				.filter((r) -> r.hits() >= from && r.hits() < to)
				.mapToLong((r) -> r.qtime() * 1_000_000L)
				.sorted()
				.toArray();
			if (times.length > 0) {
				System.out.printf(Locale.ROOT, "hits %,9d+: %3d searches, QTime p50 %5.1f ms p95 %5.1f ms%n", from,
						times.length, percentile(times, 50), percentile(times, 95));
			}
		}
	}

	private static SearchRequest request(String q) {
		return new SearchRequest(q, null, null, null, 1, 10, null);
	}

	/**
	 * Wall times [0] and reported times [1] of every search, and what each search's wall
	 * time adds to its own reported time [2], in ns; each sorted.
	 */
	private static long[][] run(int clients, int seconds, List<String> queries, Search search) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		long end = System.nanoTime() + seconds * 1_000_000_000L;
		AtomicLong seed = new AtomicLong(42);
		List<Future<long[][]>> results = new ArrayList<>();
		for (int c = 0; c < clients; c++) {
			results.add(pool.submit(() -> {
				Random random = new Random(seed.incrementAndGet());
				long[] wall = new long[1 << 16];
				long[] reported = new long[1 << 16];
				long[] added = new long[1 << 16];
				int n = 0;
				while (System.nanoTime() < end) {
					String q = queries.get(random.nextInt(queries.size()));
					long start = System.nanoTime();
					long own = search.run(q);
					if (n == wall.length) {
						wall = Arrays.copyOf(wall, n * 2);
						reported = Arrays.copyOf(reported, n * 2);
						added = Arrays.copyOf(added, n * 2);
					}
					wall[n] = System.nanoTime() - start;
					added[n] = wall[n] - own;
					reported[n++] = own;
				}
				return new long[][] { Arrays.copyOf(wall, n), Arrays.copyOf(reported, n), Arrays.copyOf(added, n) };
			}));
		}
		List<long[]> walls = new ArrayList<>();
		List<long[]> reports = new ArrayList<>();
		List<long[]> adds = new ArrayList<>();
		for (Future<long[][]> result : results) {
			walls.add(result.get()[0]);
			reports.add(result.get()[1]);
			adds.add(result.get()[2]);
		}
		pool.shutdown();
		return new long[][] { concat(walls), concat(reports), concat(adds) };
	}

	private static long[] concat(List<long[]> parts) {
		long[] all = new long[parts.stream().mapToInt((p) -> p.length).sum()];
		int at = 0;
		for (long[] part : parts) {
			System.arraycopy(part, 0, all, at, part.length);
			at += part.length;
		}
		Arrays.sort(all);
		return all;
	}

	private static double percentile(long[] sorted, int p) {
		if (sorted == null || sorted.length == 0) {
			return Double.NaN;
		}
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
	}

	private static void print(String what, long[] sorted, int seconds) {
		System.out.printf(Locale.ROOT, "  %-22s %,7d searches (%,.0f/s): p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms%n",
				what, sorted.length, sorted.length / (double) seconds, percentile(sorted, 50), percentile(sorted, 95),
				percentile(sorted, 99));
	}

	/** Adds documents until the index holds {@code documents}; resumable. */
	private static void build(SolrClient client, List<BibDescription> sample, int documents) throws Exception {
		long present = client.query("ndlp", new SolrQuery("*:*").setRows(0)).getResults().getNumFound();
		if (present >= documents) {
			System.out.printf(Locale.ROOT, "index: %,d documents (built earlier)%n", present);
			merge(client);
			return;
		}
		long start = System.nanoTime();
		ExecutorService pool = Executors.newFixedThreadPool(2);
		int batch = 1000;
		List<Future<?>> pending = new ArrayList<>();
		for (long from = present; from < documents; from += batch) {
			long first = from;
			long last = Math.min(documents, from + batch);
			pending.add(pool.submit(() -> {
				List<SolrInputDocument> docs = new ArrayList<>();
				for (long id = first; id < last; id++) {
					docs.add(document(id, sample));
				}
				client.add("ndlp", docs);
				return null;
			}));
			if (pending.size() >= 4) {
				pending.remove(0).get();
			}
			if ((last % 100_000) == 0) {
				System.out.printf(Locale.ROOT, "index: %,d documents (%.0f s)%n", last,
						(System.nanoTime() - start) / 1e9);
			}
		}
		for (Future<?> p : pending) {
			p.get();
		}
		pool.shutdown();
		client.commit("ndlp", true, true);
		System.out.printf(Locale.ROOT, "index: %,d documents added in %.0f s%n", documents - present,
				(System.nanoTime() - start) / 1e9);
		merge(client);
	}

	/**
	 * Merges the index into {@code -Dbench.segments} segments (default 1), as a full
	 * rebuild does before it is swapped in (ADR 0040,
	 * {@code ndlp.search.indexer.rebuild-segments}); {@code 0} keeps the segments as
	 * written (about 15 at a million documents).
	 */
	private static void merge(SolrClient client) throws Exception {
		int segments = Integer.getInteger("bench.segments", 1);
		LukeRequest luke = new LukeRequest();
		luke.setNumTerms(0);
		int present = (Integer) luke.process(client, "ndlp").getIndexInfo().get("segmentCount");
		if (segments > 0 && present > segments) {
			long start = System.nanoTime();
			client.optimize("ndlp", true, true, segments);
			System.out.printf(Locale.ROOT, "index: %d segments merged into %d in %.0f s%n", present, segments,
					(System.nanoTime() - start) / 1e9);
		}
		else {
			System.out.printf(Locale.ROOT, "index: %d segments%n", present);
		}
	}

	private static SolrInputDocument document(long id, List<BibDescription> sample) {
		Random random = new Random(id);
		BibDescription description = sample.get((int) (id % sample.size()));
		int holders = 1 + random.nextInt(6);
		Set<String> libraries = new TreeSet<>();
		Set<String> provinces = new TreeSet<>();
		for (int i = 0; i < holders; i++) {
			int province = random.nextInt(PROVINCE_CODES.length);
			// the provincial library or one of its 14 city libraries
			int city = random.nextInt(15);
			libraries.add(String.format(Locale.ROOT, "CN-%02d%02d00-PL", PROVINCE_CODES[province], city));
			provinces.add(PROVINCES[province]);
		}
		SolrInputDocument doc = QueryBenchSupport.document(id + 1, description, libraries, provinces, holders);
		Object year = doc.getFieldValue("year");
		if (year instanceof Integer y) {
			doc.setField("year", y + random.nextInt(11) - 5);
		}
		return doc;
	}

	private static List<BibDescription> sample() throws Exception {
		List<BibDescription> sample = new ArrayList<>();
		for (String file : List.of("solrmarc/test/data/records/uva_001_2000.mrc",
				"xbib-marc/src/test/resources/org/xbib/marc/dialects/unimarc/periouni.mrc")) {
			try (InputStream in = Files.newInputStream(DATA.resolve(file));
					Stream<ReadResult> read = Iso2709Reader.read(in, ReadOptions.DETECT)) {
				read.forEach((r) -> add(sample, r));
			}
		}
		try (InputStream in = Files.newInputStream(DATA.resolve("dp2-sru/dp2Catalog/SRU/sample_cnmarcxml.xml"));
				Stream<ReadResult> read = MarcXmlReader.read(in, ReadOptions.DETECT)) {
			read.forEach((r) -> add(sample, r));
		}
		return sample;
	}

	private static void add(List<BibDescription> sample, ReadResult result) {
		if (result instanceof ReadResult.Parsed parsed) {
			BibDescription description = BibDescription.of(parsed.record(), parsed.schema());
			if (description.title() != null) {
				sample.add(description);
			}
		}
	}

	/**
	 * Searches readers type: a title word, two title words, a creator's name (500, from a
	 * fixed seed).
	 */
	private static List<String> queries(List<BibDescription> sample) {
		Random random = new Random(7);
		Set<String> queries = new LinkedHashSet<>();
		while (queries.size() < 500) {
			BibDescription d = sample.get(random.nextInt(sample.size()));
			List<String> words = Arrays.stream(d.title().split("[^\\p{L}\\p{N}]+"))
				.filter((w) -> w.length() >= 4 || w.codePoints().anyMatch(Character::isIdeographic))
				.toList();
			int kind = random.nextInt(20);
			if (kind < 3 && !d.creators().isEmpty()) {
				String name = d.creators().stream().map(Creator::name).findFirst().orElse("");
				String surname = name.split("[,，]")[0].strip();
				if (!surname.isEmpty()) {
					queries.add(surname);
				}
			}
			else if (kind < 8 && words.size() >= 2) {
				int at = random.nextInt(words.size() - 1);
				queries.add(words.get(at) + " " + words.get(at + 1));
			}
			else if (!words.isEmpty()) {
				String word = words.get(random.nextInt(words.size()));
				if (word.codePoints().anyMatch(Character::isIdeographic) && word.length() > 4) {
					int at = random.nextInt(word.length() - 2);
					word = word.substring(at, at + 2 + random.nextInt(2));
				}
				queries.add(word);
			}
		}
		return new ArrayList<>(queries);
	}

}
