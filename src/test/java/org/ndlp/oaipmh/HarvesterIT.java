package org.ndlp.oaipmh;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.ndlp.catalog.CatalogRecords;
import org.ndlp.catalog.IncomingRecord;
import org.ndlp.catalog.marc.Iso2709Reader;
import org.ndlp.catalog.marc.ReadOptions;
import org.ndlp.catalog.marc.ReadResult;
import org.ndlp.oaipmh.internal.Harvester;
import org.ndlp.shared.LibraryCode;
import org.ndlp.shared.RegionCode;
import org.ndlp.shared.security.CurrentUser;
import org.ndlp.shared.security.StaffRole;
import org.ndlp.support.Http;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.ndlp.support.Problems.assertProblem;

/**
 * The harvester against recorded ListRecords pages (ZDB's MARC21 OAI-PMH response in
 * ../shared/data, split into pages and served by a local HTTP server) and against NDLP's
 * own provider over loopback.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class HarvesterIT {

	private static final Path ZDB = OaiSchemas.DATA
		.resolve("xbib-marc/src/test/resources/org/xbib/marc/zdb-oai-marc.xml");

	private static final CurrentUser ADMIN = new CurrentUser("admin", StaffRole.NATIONAL_ADMIN, LibraryCode.NLC,
			RegionCode.of("110000"));

	private final int port;

	private final HarvestSources sources;

	private final Harvester harvester;

	private final CatalogRecords catalog;

	private HttpServer server;

	private final List<String> requests = Collections.synchronizedList(new ArrayList<>());

	HarvesterIT(@Autowired Environment environment, @Autowired HarvestSources sources, @Autowired Harvester harvester,
			@Autowired CatalogRecords catalog) {
		this.port = environment.getRequiredProperty("local.server.port", Integer.class);
		this.sources = sources;
		this.harvester = harvester;
		this.catalog = catalog;
	}

	@AfterEach
	void stop() {
		this.harvester.afterPage(null);
		if (this.server != null) {
			this.server.stop(0);
		}
	}

	@Test
	void harvestsRecordedPagesFollowsTokensListsFailuresAndThenAsksFromTheLastResponseDate() throws Exception {
		List<String> pages = zdbPages(3, true);
		String base = serve((query) -> query.contains("from=") ? noRecordsMatch() : page(pages, query));
		HarvestSource source = this.sources
			.create(new HarvestSourceDraft("CN-520000-PL", base, "MARC21-xml", "zdb", 1440, false), ADMIN);

		HarvestSource done = this.sources.runNow(source.id(), ADMIN);
		assertThat(done.status()).isEqualTo(HarvestSource.IDLE);
		assertThat(done.pages()).isEqualTo(3);
		assertThat(done.failed()).isEqualTo(1);
		assertThat(done.harvested()).isEqualTo(49);
		assertThat(this.catalog.countLive(LibraryCode.of("CN-520000-PL"))).isEqualTo(49);
		assertThat(this.sources.failures(source.id(), 10, ADMIN)).singleElement()
			.satisfies((failure) -> assertThat(failure.identifier()).startsWith("oai:d-nb.de/zdb/"));
		assertThat(this.requests.get(0)).contains("metadataPrefix=MARC21-xml")
			.contains("set=zdb")
			.doesNotContain("from=");
		assertThat(this.requests.get(1)).contains("resumptionToken=page-2");

		this.requests.clear();
		HarvestSource again = this.sources.runNow(source.id(), ADMIN);
		assertThat(this.requests).singleElement().asString().contains("from=2012-08-02T12%3A49%3A17Z");
		assertThat(again.status()).isEqualTo(HarvestSource.IDLE);
		assertThat(again.harvested()).isZero();
		assertThat(done.nextFrom()).isEqualTo("2012-08-02T12:49:17Z");
		assertThat(again.nextFrom()).isEqualTo("2012-08-03T00:00:00Z");
	}

	@Test
	void anOaiDcSourceRegistersTheLibrarysSelfBuiltResources() throws Exception {
		Path recorded = Path.of("..", "shared", "data", "traject", "test", "test_support", "sample-oai-pmh.xml");
		assumeTrue(Files.isRegularFile(recorded), "../shared/data is absent");
		// a real oai_dc ListRecords page (Science History Institute), served as the last
		// page
		String page = Files.readString(recorded, StandardCharsets.UTF_8)
			.replaceAll("<resumptionToken[^>]*>[^<]*</resumptionToken>", "");
		String base = serve((query) -> query.contains("from=") ? noRecordsMatch() : page);
		HarvestSource source = this.sources
			.create(new HarvestSourceDraft("CN-450000-PL", base, "oai_dc", null, 1440, false), ADMIN);

		HarvestSource done = this.sources.runNow(source.id(), ADMIN);
		assertThat(done.status()).as(String.valueOf(done.lastError())).isEqualTo(HarvestSource.IDLE);
		assertThat(done.harvested()).isEqualTo(10);
		assertThat(done.failed()).isZero();
		JsonNode registered = Http.as(this.port, "admin").get("/api/v1/resources?library=CN-450000-PL").json();
		assertThat(registered.get("total").asLong()).isEqualTo(10);
		assertThat(registered.toString()).contains("Spice Storage").contains("PENDING");

		// harvested again (nothing new): still ten registrations
		this.sources.runNow(source.id(), ADMIN);
		assertThat(
				Http.as(this.port, "admin").get("/api/v1/resources?library=CN-450000-PL").json().get("total").asLong())
			.isEqualTo(10);
	}

	@Test
	void aHarvestKilledMidwayResumesFromItsLastTokenAndEndsWithTheUninterruptedCount() throws Exception {
		List<String> pages = zdbPages(4, false);
		AtomicBoolean pageThreeDown = new AtomicBoolean(true);
		String base = serve((query) -> (query.contains("page-3") && pageThreeDown.get()) ? null : page(pages, query));
		HarvestSource source = this.sources
			.create(new HarvestSourceDraft("CN-500000-PL", base, "MARC21-xml", null, 1440, false), ADMIN);
		// the first run dies after its second page: the process stops in the middle
		this.harvester.afterPage((page) -> {
			if (page == 2) {
				throw new IllegalStateException("killed");
			}
		});
		HarvestSource killed = this.sources.runNow(source.id(), ADMIN);
		assertThat(killed.status()).isEqualTo(HarvestSource.FAILED);
		assertThat(killed.lastError()).isEqualTo("killed");
		assertThat(killed.pages()).isEqualTo(2);
		this.harvester.afterPage(null);

		// the next run finds page 3's server down: retries with backoff, fails, keeps its
		// token
		this.requests.clear();
		HarvestSource down = this.sources.runNow(source.id(), ADMIN);
		assertThat(down.status()).isEqualTo(HarvestSource.FAILED);
		assertThat(down.lastError()).contains("HTTP 500");
		assertThat(this.requests).hasSize(2).allMatch((request) -> request.contains("resumptionToken=page-3"));

		pageThreeDown.set(false);
		this.requests.clear();
		HarvestSource resumed = this.sources.runNow(source.id(), ADMIN);
		assertThat(resumed.status()).isEqualTo(HarvestSource.IDLE);
		assertThat(this.requests).hasSize(2).allMatch((request) -> request.contains("resumptionToken="));
		assertThat(resumed.pages()).isEqualTo(4);
		assertThat(resumed.harvested()).isEqualTo(50);
		assertThat(this.catalog.countLive(LibraryCode.of("CN-500000-PL"))).isEqualTo(50);
	}

	@Test
	void harvestsOurOwnProviderOverLoopback() throws Exception {
		Path file = OaiSchemas.DATA.resolve("traject/test/test_support/test_data.utf8.mrc");
		assumeTrue(Files.isRegularFile(file), "../shared/data is absent");
		LibraryCode chengdu = LibraryCode.of("CN-510100-CDL");
		List<IncomingRecord> batch = new ArrayList<>();
		try (InputStream in = Files.newInputStream(file)) {
			for (ReadResult result : Iso2709Reader.read(in, ReadOptions.DETECT).toList()) {
				if (result instanceof ReadResult.Parsed parsed) {
					batch.add(OaiPmhProviderIT.incoming(chengdu, parsed.record(), "MARC21", false));
				}
			}
		}
		this.catalog.storeAll(batch);
		HarvestSource source = this.sources.create(new HarvestSourceDraft("CN-517100-D01",
				"http://localhost:" + this.port + "/oai", "marc21", "library:" + chengdu.value(), 60, false), ADMIN);
		long start = System.nanoTime();
		HarvestSource done = this.sources.runNow(source.id(), ADMIN);
		double seconds = (System.nanoTime() - start) / 1e9;
		System.out.printf("loopback harvest: %d records in %.2f s%n", done.harvested(), seconds);
		assertThat(done.status()).as(String.valueOf(done.lastError())).isEqualTo(HarvestSource.IDLE);
		assertThat(done.failed()).isZero();
		assertThat(this.catalog.countLive(LibraryCode.of("CN-517100-D01"))).isEqualTo(this.catalog.countLive(chengdu));
	}

	@Test
	void onlyAdminsOfTheLibraryOrAboveManageItsSources() {
		String body = "{\"library\":\"CN-440100-GZL\",\"baseUrl\":\"http://oai.example.org/oai\","
				+ "\"metadataPrefix\":\"marc21\",\"intervalMinutes\":1440,\"enabled\":false}";
		assertProblem(Http.as(this.port, "gz-cataloger").post("/api/v1/harvest-sources", body), 403, null);
		assertProblem(Http.as(this.port, "zj-admin").post("/api/v1/harvest-sources", body), 403, null);
		assertProblem(Http.anonymous(this.port).get("/api/v1/harvest-sources"), 401, null);
		Http.Response created = Http.as(this.port, "gz-admin").post("/api/v1/harvest-sources", body);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		JsonNode source = created.json();
		assertThat(source.get("status").asString()).isEqualTo("IDLE");
		String path = "/api/v1/harvest-sources/" + source.get("id").asLong();
		assertThat(Http.as(this.port, "gd-admin").get(path).status()).isEqualTo(200);
		assertProblem(Http.as(this.port, "zj-admin").get(path), 403, null);
		assertThat(Http.as(this.port, "gz-cataloger").get("/api/v1/harvest-sources").json().size()).isZero();
		assertProblem(Http.as(this.port, "gz-admin").post("/api/v1/harvest-sources", body.replace("marc21", "")), 400,
				"metadataPrefix");
		assertThat(Http.as(this.port, "gz-admin").delete(path).status()).isEqualTo(204);
		assertThatThrownBy(() -> this.sources.get(source.get("id").asLong(), ADMIN))
			.hasMessageContaining("no harvest source");
	}

	/**
	 * ZDB's 50-record page split into {@code count} pages with tokens page-2, page-3 ...;
	 * with {@code broken}, one record of the last page loses its MARC content.
	 */
	private static List<String> zdbPages(int count, boolean broken) throws IOException {
		assumeTrue(Files.isRegularFile(ZDB), "../shared/data is absent");
		String xml = Files.readString(ZDB, StandardCharsets.UTF_8);
		int listStart = xml.indexOf("<ListRecords");
		int firstRecord = xml.indexOf("<record>", listStart);
		String head = xml.substring(0, firstRecord);
		int tokenAt = xml.indexOf("<resumptionToken");
		List<String> records = new ArrayList<>();
		for (int at = firstRecord; at >= 0 && at < tokenAt;) {
			int end = xml.indexOf("</record>", xml.indexOf("</metadata>", at)) + "</record>".length();
			records.add(xml.substring(at, end));
			at = xml.indexOf("<record>", end);
		}
		if (broken) {
			String last = records.get(records.size() - 1);
			int from = last.indexOf("<metadata>") + "<metadata>".length();
			int to = last.indexOf("</metadata>");
			records.set(records.size() - 1,
					last.substring(0, from) + "<note xmlns=\"urn:x\">no MARC</note>" + last.substring(to));
		}
		List<String> pages = new ArrayList<>();
		int per = (records.size() + count - 1) / count;
		for (int p = 0; p < count; p++) {
			StringBuilder page = new StringBuilder(head);
			records.subList(p * per, Math.min(records.size(), (p + 1) * per)).forEach(page::append);
			if (p < count - 1) {
				page.append("<resumptionToken cursor=\"")
					.append(p * per)
					.append("\">page-")
					.append(p + 2)
					.append("</resumptionToken>");
			}
			else {
				page.append("<resumptionToken cursor=\"").append(p * per).append("\"/>");
			}
			page.append("</ListRecords></OAI-PMH>");
			pages.add(page.toString());
		}
		return pages;
	}

	private static String page(List<String> pages, String query) {
		for (int p = 2; p <= pages.size(); p++) {
			if (query.contains("resumptionToken=page-" + p)) {
				return pages.get(p - 1);
			}
		}
		return pages.get(0);
	}

	private static String noRecordsMatch() {
		return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\">"
				+ "<responseDate>2012-08-03T00:00:00Z</responseDate><request>http://x/oai</request>"
				+ "<error code=\"noRecordsMatch\">nothing new</error></OAI-PMH>";
	}

	/** Serves answers by query string; a null answer is a 500. */
	private String serve(Function<String, String> answer) throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/oai", (exchange) -> {
			String query = String.valueOf(exchange.getRequestURI().getRawQuery());
			this.requests.add(query);
			String body = answer.apply(query);
			byte[] bytes = (body != null) ? body.getBytes(StandardCharsets.UTF_8) : new byte[0];
			exchange.getResponseHeaders().set("Content-Type", "text/xml; charset=UTF-8");
			exchange.sendResponseHeaders((body != null) ? 200 : 500, (bytes.length > 0) ? bytes.length : -1);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(bytes);
			}
		});
		this.server.start();
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/oai";
	}

}
