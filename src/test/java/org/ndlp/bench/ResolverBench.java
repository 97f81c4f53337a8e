package org.ndlp.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.ndlp.NdlpApplication;
import org.ndlp.identifiers.Cdoi;
import org.ndlp.identifiers.CdoiType;
import org.ndlp.identifiers.NoidCheck;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The resolution figures issue 6 asks for, printed by a command (not a timed test): <pre>
 * mvn -B test-compile org.codehaus.mojo:exec-maven-plugin:3.5.0:java \
 *   -Dexec.mainClass=org.ndlp.bench.ResolverBench -Dexec.classpathScope=test \
 *   [-Dexec.args="1000000 30 64 1000000 16"]
 * </pre> Loads 1,000,000 identifiers (one location each) into an H2 file database under
 * {@code target/bench-identifiers} (kept between runs), starts NDLP on port 18080 with
 * its default settings, then runs Debian {@code wrk} on loopback: a 15 s warm-up and a
 * measured run, each request resolving an identifier drawn uniformly at random from all
 * 1M ({@code /id/{prefix}/{suffix}} → 302). Prints redirects/s and the latency
 * percentiles. Arguments: identifiers stored, seconds, connections, distinct identifiers
 * requested (a hot set; default all), H2 page cache in MB (default 16, H2's own), and
 * {@code pg} to run on embedded PostgreSQL (the national shape) instead of H2 (or
 * {@code h2}), and a pause in ms each connection makes after each response (default 0:
 * saturation; with a pause, the latency at the offered rate it gives).
 */
public final class ResolverBench {

	private static final Path HOME = Path.of("target", "bench-identifiers");

	private static final int PORT = 18080;

	private ResolverBench() {
	}

	public static void main(String[] args) throws Exception {
		int count = (args.length > 0) ? Integer.parseInt(args[0]) : 1_000_000;
		int seconds = (args.length > 1) ? Integer.parseInt(args[1]) : 30;
		int connections = (args.length > 2) ? Integer.parseInt(args[2]) : 64;
		// how many distinct identifiers the requests draw from (default: all of them)
		int distinct = (args.length > 3) ? Integer.parseInt(args[3]) : count;
		// H2's page cache in MB (H2's default is 16; 1M identifiers need about 300)
		int h2CacheMb = (args.length > 4) ? Integer.parseInt(args[4]) : 16;
		// "pg": the national shape's database instead (embedded PostgreSQL, data kept
		// under
		// target/bench-identifiers-pg, shared_buffers 256 MB)
		boolean postgres = args.length > 5 && "pg".equals(args[5]);
		// a pause in ms each connection makes after each response (0: none, as fast as
		// the
		// server answers): the latency at a given offered rate rather than at saturation
		int pauseMs = (args.length > 6) ? Integer.parseInt(args[6]) : 0;
		Path home = postgres ? Path.of("target", "bench-identifiers-pg") : HOME;
		Files.createDirectories(home);
		io.zonky.test.db.postgres.embedded.EmbeddedPostgres pg = null;
		List<String> settings = new ArrayList<>(List.of("--ndlp.home=" + home.toAbsolutePath(),
				"--ndlp.demo-data=false", "--server.port=" + PORT, "--logging.level.root=WARN",
				"--logging.level.org.ndlp=WARN", "--ndlp.identifiers.follow-interval=PT1H"));
		if (postgres) {
			pg = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
				.setDataDirectory(home.resolve("pgdata"))
				.setCleanDataDirectory(false)
				.setServerConfig("shared_buffers", "256MB")
				.start();
			settings.add("--spring.datasource.url=" + pg.getJdbcUrl("postgres", "postgres"));
			settings.add("--spring.datasource.username=postgres");
		}
		else {
			settings.add("--spring.datasource.url=jdbc:h2:file:" + HOME.toAbsolutePath()
					+ "/db/ndlp;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;CACHE_SIZE="
					+ (h2CacheMb * 1024));
		}
		ConfigurableApplicationContext app = new SpringApplication(NdlpApplication.class)
			.run(settings.toArray(String[]::new));
		try {
			Path all = load(app.getBean(DataSource.class), count, home);
			// resolutions are served from the node's resolution index once it holds them
			// all
			org.ndlp.identifiers.Identifiers identifiers = app.getBean(org.ndlp.identifiers.Identifiers.class);
			long waitStart = System.nanoTime();
			while (identifiers.resolutionIndexSize() < count && System.nanoTime() - waitStart < 600e9) {
				Thread.sleep(200);
			}
			System.out.printf(Locale.ROOT, "resolution index: %,d plain redirects after %.1f s%n",
					identifiers.resolutionIndexSize(), (System.nanoTime() - waitStart) / 1e9);
			Path paths = all;
			if (distinct < count) {
				paths = home.resolve("paths-" + distinct + "-of-" + count + ".txt");
				try (java.util.stream.Stream<String> lines = Files.lines(all)) {
					Files.write(paths, lines.limit(distinct).toList());
				}
			}
			Path script = home.resolve("random-paths.lua");
			Files.writeString(script, """
					local paths = {}
					init = function(args)
					  for line in io.lines(args[1]) do paths[#paths + 1] = line end
					  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
					end
					request = function()
					  return wrk.format("GET", paths[math.random(#paths)])
					end
					""" + ((pauseMs > 0) ? "delay = function() return " + pauseMs + " end\n" : ""));
			String url = "http://127.0.0.1:" + PORT;
			System.out.println("warm-up (15 s)…");
			wrk(url, script, paths, 15, connections);
			System.out.printf(Locale.ROOT,
					"measured run: %d s, %d connections%s, 2 wrk threads, %,d identifiers stored, requests drawn "
							+ "uniformly from %,d of them, %s%n",
					seconds, connections, (pauseMs > 0) ? " each pausing " + pauseMs + " ms after each response" : "",
					count, distinct,
					postgres ? "PostgreSQL (shared_buffers 256 MB)" : "H2 page cache " + h2CacheMb + " MB");
			java.time.Duration cpuBefore = ProcessHandle.current().info().totalCpuDuration().orElseThrow();
			String out = wrk(url, script, paths, seconds, connections);
			java.time.Duration cpu = ProcessHandle.current().info().totalCpuDuration().orElseThrow().minus(cpuBefore);
			System.out.println(out);
			double requests = Double.parseDouble(find(out, "(\\d+) requests in"));
			// the machine may be shared: CPU time per request is what the server itself
			// spent
			System.out.printf(Locale.ROOT,
					"server CPU: %.1f µs per request (%.0f s CPU for %,.0f requests) → %,.0f redirects/s per fully "
							+ "available core; load average now %.1f on %d cores%n",
					cpu.toNanos() / 1e3 / requests, cpu.toNanos() / 1e9, requests, requests / (cpu.toNanos() / 1e9),
					java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
					Runtime.getRuntime().availableProcessors());
			System.out.println("RESULT redirects/s = " + find(out, "Requests/sec:\\s+([0-9.]+)") + ", p50 = "
					+ find(out, "50%\\s+(\\S+)") + ", p99 = " + find(out, "99%\\s+(\\S+)") + ", non-3xx = "
					+ find(out, "Non-2xx or 3xx responses:\\s+(\\d+)"));
		}
		finally {
			app.close();
			if (pg != null) {
				pg.close();
			}
		}
	}

	/** Inserts identifiers 1..count not yet present; writes their resolver paths. */
	private static Path load(DataSource dataSource, int count, Path home) throws IOException {
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		Integer present = jdbc.queryForObject("select count(*) from cdoi_identifier", Integer.class);
		Path paths = home.resolve("paths-" + count + ".txt");
		long start = System.nanoTime();
		Timestamp now = Timestamp.from(Instant.now());
		try (BufferedWriter out = Files.newBufferedWriter(paths, StandardCharsets.UTF_8)) {
			int batch = 10_000;
			for (int from = 1; from <= count; from += batch) {
				List<Object[]> identifiers = new ArrayList<>();
				List<Object[]> locations = new ArrayList<>();
				List<Object[]> events = new ArrayList<>();
				for (int id = from; id < from + batch && id <= count; id++) {
					Cdoi cdoi = Cdoi.of("10001", CdoiType.UR, "b" + NoidCheck.encode(id, 6));
					out.write("/id/" + cdoi.handle());
					out.newLine();
					if (id > present) {
						identifiers.add(new Object[] { id, cdoi.handle(), cdoi.prefix(), cdoi.suffix(), "ur", "BENCH",
								Integer.toString(id), "bench record " + id, now, now });
						locations.add(new Object[] { id, "https://ndlp.example.cn/records/" + id });
						// as minting does: every change is audited (other nodes follow
						// it)
						events.add(new Object[] { cdoi.handle(), now });
					}
				}
				if (!identifiers.isEmpty()) {
					transactions.executeWithoutResult((status) -> {
						jdbc.batchUpdate("insert into cdoi_identifier (id, handle, prefix, suffix, resource_type, "
								+ "target_kind, target_id, title, deleted, created_by, created_at, updated_at) "
								+ "values (?, ?, ?, ?, ?, ?, ?, ?, false, 'bench', ?, ?)", identifiers);
						jdbc.batchUpdate("insert into cdoi_location (identifier_id, idx, href) values (?, 1, ?)",
								locations);
						jdbc.batchUpdate("insert into cdoi_event (subject, at, actor, action, detail) "
								+ "values (?, ?, 'bench', 'MINTED', null)", events);
					});
				}
			}
		}
		System.out.printf(Locale.ROOT, "store: %,d identifiers (%,d were present; loading took %.0f s)%n", count,
				present, (System.nanoTime() - start) / 1e9);
		return paths.toAbsolutePath();
	}

	private static String wrk(String url, Path script, Path paths, int seconds, int connections)
			throws IOException, InterruptedException {
		Process process = new ProcessBuilder("wrk", "-t2", "-c" + connections, "-d" + seconds + "s", "--latency", "-s",
				script.toAbsolutePath().toString(), url, "--", paths.toString())
			.redirectErrorStream(true)
			.start();
		String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (process.waitFor() != 0) {
			throw new IllegalStateException("wrk failed (apt install wrk): " + out);
		}
		return out;
	}

	private static String find(String text, String regex) {
		Matcher matcher = Pattern.compile(regex).matcher(text);
		return matcher.find() ? matcher.group(1) : "0";
	}

}
