package org.ndlp.oaipmh;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.ndlp.catalog.marc.Iso2709Reader;
import org.ndlp.catalog.marc.MarcXmlWriter;
import org.ndlp.catalog.marc.ReadOptions;
import org.ndlp.catalog.marc.ReadResult;
import org.ndlp.support.Http;
import org.ndlp.support.NdlpProcess;
import org.ndlp.support.Http.Response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A real crash of a harvest: NDLP runs in its own JVM on an H2 file database and harvests
 * (by its scheduler, as in production) an OAI-PMH repository this test serves: the 2,000
 * UVA records of ../shared/data as MARCXML, 400 a page, five pages chained by resumption
 * tokens. The repository holds its answer to page 3, so the test knows that pages 1 and 2
 * are committed and the run is in the middle; then the NDLP process is killed with
 * SIGKILL (kill -9) and started again on the same data folder. Its scheduler takes the
 * orphaned run over, asks for page 3 (not page 1 again) and ends with the counts and the
 * records of an uninterrupted harvest of the same pages into another library.
 */
class HarvestCrashIT {

	private static final Path UVA = Path.of("..", "shared", "data", "solrmarc", "test", "data", "records",
			"uva_001_2000.mrc");

	private static final int PER_PAGE = 400;

	private static final String KILLED = "CN-150000-PL";

	private static final String WHOLE = "CN-210000-PL";

	private static final Pattern TOKEN = Pattern.compile("resumptionToken=([^&]*)");

	private final List<String> requests = Collections.synchronizedList(new ArrayList<>());

	@Test
	void aHarvestKilledWithSigkillResumesFromItsTokenAndEndsWithTheCountsOfAnUninterruptedOne(@TempDir Path home)
			throws Exception {
		assumeTrue(Files.isRegularFile(UVA), "../shared/data is absent");
		List<String> pages = pages(records());
		assertThat(pages).hasSizeGreaterThanOrEqualTo(5);

		CountDownLatch pageThreeAsked = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		AtomicBoolean holdPageThree = new AtomicBoolean(true);
		ExecutorService threads = Executors.newCachedThreadPool();
		HttpServer repository = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		repository.setExecutor(threads);
		for (String name : List.of("killed", "whole")) {
			repository.createContext("/" + name + "/oai", (exchange) -> {
				String query = String.valueOf(exchange.getRequestURI().getRawQuery());
				Matcher token = TOKEN.matcher(query);
				String asked = token.find() ? token.group(1) : "first";
				this.requests.add(name + " " + asked);
				if (name.equals("killed") && asked.equals("page-3") && holdPageThree.getAndSet(false)) {
					// the harvester has committed pages 1 and 2 and waits for page 3
					pageThreeAsked.countDown();
					await(release, 180);
				}
				answer(exchange, pages, asked);
			});
		}
		repository.start();
		String base = "http://127.0.0.1:" + repository.getAddress().getPort();

		int port = NdlpProcess.freePort();
		long started = System.nanoTime();
		long killedId;
		try {
			Process first = start(home, port);
			lap("first NDLP started", started);
			try {
				Http admin = Http.as(port, "admin");
				// enabled: due at once, the scheduler runs it
				killedId = create(admin, KILLED, base + "/killed/oai", true);
				assertThat(pageThreeAsked.await(180, TimeUnit.SECONDS))
					.as("the harvest reaches page 3 (log in %s)", home)
					.isTrue();
				lap("pages 1 and 2 committed, page 3 held", started);
				JsonNode running = admin.get("/api/v1/harvest-sources/" + killedId).json();
				assertThat(running.get("status").asString()).isEqualTo("RUNNING");
				assertThat(running.get("pages").asInt()).as("pages committed when killed").isEqualTo(2);
				assertThat(running.get("harvested").asLong() + running.get("failed").asLong()).isEqualTo(2 * PER_PAGE);
			}
			finally {
				first.destroyForcibly().waitFor();
			}
			// the page-3 request of the dead process ends on a closed connection
			release.countDown();
			assertThat(this.requests).containsExactly("killed first", "killed page-2", "killed page-3");
			this.requests.clear();

			Process second = start(home, port);
			lap("killed; second NDLP started", started);
			try {
				Http admin = Http.as(port, "admin");
				// nobody asks: the scheduler of the new process takes the orphaned run
				// over
				JsonNode resumed = waitForSuccess(admin, killedId, home);
				lap("killed harvest resumed and ended", started);
				assertThat(this.requests).as("the resumed run continues from its last token")
					.containsExactly("killed page-3", "killed page-4", "killed page-5");

				long wholeId = create(admin, WHOLE, base + "/whole/oai", false);
				Response run = admin.post("/api/v1/harvest-sources/" + wholeId + "/run", "");
				assertThat(run.status()).as(run.toString()).isEqualTo(200);
				JsonNode whole = run.json();
				lap("uninterrupted harvest ended", started);
				assertThat(whole.get("status").asString()).as(whole.toString()).isEqualTo("IDLE");

				assertThat(resumed.get("lastError").isNull()).as(resumed.toString()).isTrue();
				for (String count : List.of("pages", "harvested", "deleted", "failed")) {
					assertThat(resumed.get(count).asLong()).as(count).isEqualTo(whole.get(count).asLong());
				}
				assertThat(whole.get("pages").asInt()).isEqualTo(pages.size());
				assertThat(whole.get("harvested").asLong() + whole.get("failed").asLong())
					.as("every record served is harvested or listed as failed")
					.isEqualTo(recordCount(pages));

				// the catalog: the same records in both libraries, each once
				Listed killedRecords = listIdentifiers(port, KILLED);
				Listed wholeRecords = listIdentifiers(port, WHOLE);
				assertThat(killedRecords.headers()).isEqualTo(wholeRecords.headers())
					.isEqualTo(killedRecords.identifiers().size())
					.isEqualTo(whole.get("harvested").asLong());
				assertThat(killedRecords.deleted()).isEqualTo(wholeRecords.deleted());
				assertThat(localIds(killedRecords.identifiers(), KILLED))
					.isEqualTo(localIds(wholeRecords.identifiers(), WHOLE));
			}
			finally {
				second.destroyForcibly().waitFor();
			}
		}
		finally {
			release.countDown();
			repository.stop(0);
			threads.shutdownNow();
		}
	}

	private static void lap(String what, long started) {
		System.out.printf("HarvestCrashIT: %s after %.1f s%n", what, (System.nanoTime() - started) / 1e9);
	}

	/** The UVA sample as MARCXML record elements. */
	private static List<String> records() throws IOException {
		List<String> records = new ArrayList<>();
		try (InputStream in = Files.newInputStream(UVA)) {
			for (ReadResult result : Iso2709Reader.read(in, ReadOptions.DETECT).toList()) {
				if (result instanceof ReadResult.Parsed parsed) {
					records.add(MarcXmlWriter.toXml(parsed.record()));
				}
			}
		}
		return records;
	}

	/**
	 * ListRecords pages of {@link #PER_PAGE} records; page n (n ≥ 2) is asked with the
	 * token {@code page-n}.
	 */
	private static List<String> pages(List<String> records) {
		String datestamp = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(1, ChronoUnit.DAYS).toString();
		List<String> pages = new ArrayList<>();
		for (int from = 0, page = 1; from < records.size(); from += PER_PAGE, page++) {
			int to = Math.min(records.size(), from + PER_PAGE);
			StringBuilder xml = new StringBuilder(to * 4096);
			xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
				.append("<OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\">")
				.append("<responseDate>RESPONSE-DATE</responseDate>")
				.append("<request verb=\"ListRecords\">http://uva.example.org/oai</request><ListRecords>");
			for (int i = from; i < to; i++) {
				xml.append("<record><header><identifier>oai:uva.example.org:")
					.append(i + 1)
					.append("</identifier><datestamp>")
					.append(datestamp)
					.append("</datestamp></header><metadata>")
					.append(records.get(i))
					.append("</metadata></record>\n");
			}
			xml.append("<resumptionToken completeListSize=\"")
				.append(records.size())
				.append("\" cursor=\"")
				.append(from)
				.append("\">");
			if (to < records.size()) {
				xml.append("page-").append(page + 1);
			}
			xml.append("</resumptionToken></ListRecords></OAI-PMH>");
			pages.add(xml.toString());
		}
		return pages;
	}

	private static int recordCount(List<String> pages) {
		return pages.stream().mapToInt((page) -> page.split("<record><header>", -1).length - 1).sum();
	}

	private static void answer(HttpExchange exchange, List<String> pages, String asked) throws IOException {
		String body;
		if (asked.equals("first")) {
			body = pages.get(0);
		}
		else if (asked.matches("page-[0-9]+") && Integer.parseInt(asked.substring(5)) <= pages.size()) {
			body = pages.get(Integer.parseInt(asked.substring(5)) - 1);
		}
		else {
			body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\">"
					+ "<responseDate>RESPONSE-DATE</responseDate><request>http://uva.example.org/oai</request>"
					+ "<error code=\"badResumptionToken\">unknown token</error></OAI-PMH>";
		}
		byte[] bytes = body.replace("RESPONSE-DATE", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString())
			.getBytes(StandardCharsets.UTF_8);
		try {
			exchange.getResponseHeaders().set("Content-Type", "text/xml; charset=UTF-8");
			exchange.sendResponseHeaders(200, bytes.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(bytes);
			}
		}
		catch (IOException ex) {
			// the client is gone (killed)
		}
		finally {
			exchange.close();
		}
	}

	private static void await(CountDownLatch latch, int seconds) {
		try {
			latch.await(seconds, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static long create(Http admin, String library, String baseUrl, boolean enabled) {
		String body = "{\"library\":\"" + library + "\",\"baseUrl\":\"" + baseUrl
				+ "\",\"metadataPrefix\":\"marc21\",\"intervalMinutes\":1440,\"enabled\":" + enabled + "}";
		Response created = admin.post("/api/v1/harvest-sources", body);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	private static JsonNode waitForSuccess(Http admin, long id, Path home) throws InterruptedException {
		JsonNode source = null;
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
		while (System.nanoTime() < deadline) {
			source = admin.get("/api/v1/harvest-sources/" + id).json();
			String status = source.get("status").asString();
			if (!source.get("lastSuccessAt").isNull() || status.equals("FAILED")) {
				assertThat(status).as(source.toString()).isEqualTo("IDLE");
				return source;
			}
			Thread.sleep(100);
		}
		throw new AssertionError(
				"the killed harvest did not end within 2 minutes: " + source + " (log in " + home + ")");
	}

	/**
	 * A library's records as our own provider lists them: headers, deleted headers and
	 * distinct identifiers.
	 */
	private static Listed listIdentifiers(int port, String library) {
		Http anonymous = Http.anonymous(port);
		Pattern identifier = Pattern.compile("<identifier>([^<]+)</identifier>");
		Pattern token = Pattern.compile("<resumptionToken[^>]*>([^<]+)</resumptionToken>");
		String path = "/oai?verb=ListIdentifiers&metadataPrefix=marc21&set=library:" + library;
		long headers = 0;
		long deleted = 0;
		Set<String> identifiers = new HashSet<>();
		while (path != null) {
			Response response = anonymous.get(path);
			assertThat(response.status()).isEqualTo(200);
			String xml = response.text();
			Matcher found = identifier.matcher(xml);
			while (found.find()) {
				headers++;
				identifiers.add(found.group(1));
			}
			deleted += xml.split("status=\"deleted\"", -1).length - 1;
			Matcher next = token.matcher(xml);
			path = next.find() ? "/oai?verb=ListIdentifiers&resumptionToken="
					+ java.net.URLEncoder.encode(next.group(1), StandardCharsets.UTF_8) : null;
		}
		return new Listed(headers, deleted, identifiers);
	}

	/** The local ids (001) in OAI identifiers {@code oai:ndlp.cn:{library}:{localId}}. */
	private static Set<String> localIds(Set<String> identifiers, String library) {
		Set<String> ids = new HashSet<>();
		String prefix = "oai:ndlp.cn:" + library + ":";
		for (String identifier : identifiers) {
			assertThat(identifier).startsWith(prefix);
			ids.add(identifier.substring(prefix.length()));
		}
		return ids;
	}

	private static Process start(Path home, int port) throws IOException, InterruptedException {
		// C1 only: a short-lived process starts faster. The application's H2 URL writes
		// at
		// each commit (WRITE_DELAY=0), so a kill -9 loses no committed page and the
		// resumption point is deterministic. The search index is not under test.
		return NdlpProcess.start(home, port, List.of("-XX:TieredStopAtLevel=1"),
				List.of("--ndlp.search.indexer.enabled=false", "--ndlp.oaipmh.harvest.poll-interval=PT1S",
						"--ndlp.oaipmh.harvest.stale-after=PT5S", "--ndlp.oaipmh.harvest.attempts=2",
						"--ndlp.oaipmh.harvest.backoff=PT0.1S"));
	}

	/**
	 * What the provider lists for a library.
	 *
	 * @param headers headers listed (deleted ones included)
	 * @param deleted headers with status deleted
	 * @param identifiers distinct OAI identifiers
	 */
	private record Listed(long headers, long deleted, Set<String> identifiers) {
	}

}
