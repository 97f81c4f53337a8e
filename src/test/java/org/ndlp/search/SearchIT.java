package org.ndlp.search;

import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.request.CoreAdminRequest;
import org.apache.solr.client.solrj.request.LukeRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import org.ndlp.catalog.CatalogRecords;
import org.ndlp.catalog.IncomingRecord;
import org.ndlp.catalog.MatchSignature;
import org.ndlp.catalog.StoreOutcome;
import org.ndlp.catalog.marc.BibDescription;
import org.ndlp.catalog.marc.MarcXmlReader;
import org.ndlp.catalog.marc.MarcXmlWriter;
import org.ndlp.catalog.marc.ReadResult;
import org.ndlp.resources.ResourcesApiIT;
import org.ndlp.shared.LibraryCode;
import org.ndlp.support.Http;
import org.ndlp.support.Http.Response;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.ndlp.support.Problems.assertProblem;

/**
 * Wenjin search over HTTP on embedded Solr: traditional and simplified find each other,
 * pinyin finds hanzi, words inside longer words are found, one hit per work cluster with
 * its libraries, facets, paging, suggestions, spelling, a Solr outage and a full reindex.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchIT {

	static final String TIANJIN = "CN-120000-PL";

	static final String HEBEI = "CN-130000-PL";

	static final String BEIJING = "CN-110000-PL";

	private final int port;

	private final CatalogRecords catalog;

	private final SolrClient solr;

	private final Http anonymous;

	private final Http admin;

	private long peopleId;

	SearchIT(@Autowired Environment environment, @Autowired CatalogRecords catalog, @Autowired SolrClient solr) {
		this.port = environment.getRequiredProperty("local.server.port", Integer.class);
		this.catalog = catalog;
		this.solr = solr;
		this.anonymous = Http.anonymous(this.port);
		this.admin = Http.as(this.port, "admin");
	}

	@BeforeAll
	void storeBooks() {
		List<StoreOutcome> outcomes = this.catalog.storeAll(List.of(
				Books.book(TIANJIN, "se-1", "中华人民共和国图书馆史稿", "王子舟", "2003", "chi", "9787301061237", "G259.2",
						"图书馆史 搜索测试"),
				Books.book(HEBEI, "se-2", "中華人民共和國圖書館史稿", "王子舟", "2003", "chi", "9787301061237", "G259.2", "圖書館史 搜索测试"),
				Books.book(BEIJING, "se-3", "臺灣圖書館事業發展", "張錦郎", "1995", "chi", null, "G259.58", "图书馆事业 搜索测试"),
				Books.book(TIANJIN, "se-4", "Libraries and librarianship in China", "Lin, Sharon Chien", "1998", "eng",
						null, "G259.2", "Libraries 搜索测试"),
				Books.book(HEBEI, "se-5", "红楼梦", "曹雪芹", "1982", "chi", null, "I242.47", "古典小说 搜索测试")));
		this.peopleId = outcomes.get(0).recordId();
		awaitIndexed();
	}

	@Test
	void traditionalQueryFindsSimplifiedRecordAndBack() {
		JsonNode traditional = search("q=" + enc("臺灣圖書館"));
		assertThat(titles(traditional)).contains("臺灣圖書館事業發展");
		JsonNode simplified = search("q=" + enc("台湾图书馆事业"));
		assertThat(titles(simplified)).contains("臺灣圖書館事業發展");
		JsonNode dream = search("q=" + enc("紅樓夢"));
		assertThat(titles(dream)).contains("红楼梦");
	}

	@Test
	void oneHitPerWorkClusterListsEveryHoldingLibrary() {
		JsonNode result = search("title=" + enc("图书馆史稿"));
		JsonNode hit = hitWithId(result, String.valueOf(this.peopleId));
		assertThat(hit.get("holdingCount").asInt()).isEqualTo(2);
		assertThat(hit.get("libraries").toString()).contains(TIANJIN).contains(HEBEI);
		assertThat(hit.get("year").asInt()).isEqualTo(2003);
		assertThat(hit.get("creators").get(0).asString()).isEqualTo("王子舟");
		assertThat(hit.get("highlight").toString()).contains("<em>");
	}

	@Test
	void theAnswerTellsSolrsOwnTimeApartAsServerTiming() throws Exception {
		java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient()
			.send(java.net.http.HttpRequest
				.newBuilder(java.net.URI.create("http://localhost:" + this.port + "/api/v1/search?q=" + enc("人民")))
				.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Server-Timing"))
			.hasValueSatisfying((timing) -> assertThat(timing).matches("solr;dur=\\d+"));
		// not part of the JSON answer
		assertThat(response.body()).doesNotContain("solrTime");
	}

	@Test
	void wordInsideALongerWordIsFound() {
		assertThat(ids(search("q=" + enc("人民")))).contains(String.valueOf(this.peopleId));
	}

	@Test
	void pinyinFindsHanziTitlesAndCreators() {
		assertThat(titles(search("q=" + enc("hongloumeng")))).contains("红楼梦");
		assertThat(titles(search("q=" + enc("hong lou meng")))).contains("红楼梦");
		assertThat(titles(search("q=" + enc("taiwan tushuguan")))).contains("臺灣圖書館事業發展");
		assertThat(ids(search("creator=" + enc("wang zizhou")))).contains(String.valueOf(this.peopleId));
		// initials
		assertThat(titles(search("q=hlm"))).contains("红楼梦");
		assertThat(ids(search("title=zhrmghg"))).contains(String.valueOf(this.peopleId));
	}

	@Test
	void englishWordsAreStemmed() {
		JsonNode result = search("q=library+china");
		assertThat(titles(result)).contains("Libraries and librarianship in China");
		// a Latin-script title is highlighted too (its display field is analysed for
		// that)
		assertThat(result.get("hits").get(0).get("highlight").get("title").toString()).contains("<em>China</em>");
	}

	@Test
	void fieldedBooleanAndPhraseQueries() {
		assertThat(ids(search("isbn=7-301-06123-4"))).containsExactly(String.valueOf(this.peopleId));
		assertThat(titles(search("clc=G259&subject=" + enc("搜索测试")))).hasSize(3);
		assertThat(titles(search("q=" + enc("红楼梦 OR 臺灣圖書館")))).contains("红楼梦", "臺灣圖書館事業發展");
		assertThat(titles(search("q=" + enc("\"librarianship in China\"")))).hasSize(1);
		assertThat(titles(search("q=" + enc("图书馆 NOT 台湾") + "&subject=" + enc("搜索测试")))).doesNotContain("臺灣圖書館事業發展")
			.contains("中华人民共和国图书馆史稿");
	}

	@Test
	void facetCountsMatchTheCatalog() {
		JsonNode result = search("subject=" + enc("搜索测试") + "&size=50");
		assertThat(result.get("total").asLong()).isEqualTo(4);
		Map<String, Long> libraries = facet(result, "library");
		assertThat(libraries).containsEntry(TIANJIN, 2L).containsEntry(HEBEI, 2L).containsEntry(BEIJING, 1L);
		assertThat(facet(result, "province")).containsEntry("天津市", 2L).containsEntry("北京市", 1L);
		assertThat(facet(result, "clcTop")).containsEntry("G", 3L).containsEntry("I", 1L);
		assertThat(result.get("facets").get("clcTop").toString()).contains("文化、科学、教育、体育").contains("文学");
		assertThat(facet(result, "language")).containsEntry("chi", 3L).containsEntry("eng", 1L);
		assertThat(facet(result, "year")).containsEntry("2003", 1L);
		assertThat(facet(result, "resourceType")).containsEntry("BOOK", 4L);
		JsonNode filtered = search("subject=" + enc("搜索测试") + "&filter=province:" + enc("北京市"));
		assertThat(titles(filtered)).containsExactly("臺灣圖書館事業發展");
	}

	@Test
	void sortsAndPagesByNumberAndCursor() {
		String base = "subject=" + enc("搜索测试");
		JsonNode byYear = search(base + "&sort=year");
		assertThat(byYear.get("hits").get(0).get("year").asInt()).isEqualTo(2003);
		JsonNode byTitle = search(base + "&sort=title");
		assertThat(titles(byTitle).get(0)).isEqualTo("红楼梦");
		List<String> seen = new ArrayList<>();
		String cursor = "*";
		for (int i = 0; i < 5; i++) {
			JsonNode page = search(base + "&size=1&sort=year&cursor=" + enc(cursor));
			if (page.get("hits").isEmpty()) {
				break;
			}
			seen.addAll(ids(page));
			cursor = page.get("nextCursor").asString();
		}
		assertThat(seen).hasSize(4).doesNotHaveDuplicates();
		JsonNode second = search(base + "&size=2&page=2&sort=year");
		assertThat(ids(second)).containsExactlyElementsOf(seen.subList(2, 4));
	}

	@Test
	void suggestsTitlesAndCorrectsSpelling() {
		Response suggest = this.anonymous.get("/api/v1/search/suggest?q=" + enc("中華人民"));
		assertThat(suggest.status()).isEqualTo(200);
		assertThat(suggest.text()).contains("中华人民共和国图书馆史稿");
		assertThat(this.anonymous.get("/api/v1/search/suggest?q=hlm").text()).contains("红楼梦");
		JsonNode misspelt = search("q=librarianshop");
		assertThat(misspelt.get("didYouMean").asString()).isEqualTo("librarianship");
	}

	@Test
	void badParametersAreProblems() {
		assertProblem(this.anonymous.get("/api/v1/search?q=x&sort=price"), 400, "sort");
		assertProblem(this.anonymous.get("/api/v1/search?filter=colour:red"), 400, "filter");
		assertProblem(this.anonymous.get("/api/v1/search?isbn=123"), 400, "isbn");
		assertProblem(this.anonymous.get("/api/v1/search?page=0"), 400, "page");
		assertProblem(this.anonymous.get("/api/v1/search?size=1000"), 400, "size");
		assertProblem(this.anonymous.get("/api/v1/search?page=2&cursor=*"), 400, "cursor");
		assertProblem(this.anonymous.get("/api/v1/search?size=x"), 400, "size");
		assertThat(this.anonymous.post("/api/v1/search/reindex", "").status()).isEqualTo(401);
		assertThat(Http.as(this.port, "gz-cataloger").post("/api/v1/search/reindex", "").status()).isEqualTo(403);
	}

	@Test
	void realCnmarcRecordsAreSearchable() throws Exception {
		Path file = Path.of("..", "shared", "data", "dp2-sru", "dp2Catalog", "SRU", "sample_cnmarcxml.xml");
		assumeTrue(Files.isRegularFile(file), "../shared/data is absent");
		List<IncomingRecord> records = new ArrayList<>();
		List<String> titles = new ArrayList<>();
		try (InputStream in = Files.newInputStream(file)) {
			MarcXmlReader.read(in).forEach((result) -> {
				if (result instanceof ReadResult.Parsed parsed) {
					BibDescription d = BibDescription.of(parsed.record(), parsed.schema());
					if (d.title() != null && parsed.record().controlNumber().isPresent()) {
						titles.add(d.title());
						records.add(new IncomingRecord(LibraryCode.of(BEIJING),
								"dp2-" + parsed.record().controlNumber().get(), "MARCXML", parsed.schema().name(),
								"UTF_8", MarcXmlWriter.toXml(parsed.record()).getBytes(StandardCharsets.UTF_8), false,
								MatchSignature.of(d)));
					}
				}
			});
		}
		assertThat(records).isNotEmpty();
		this.catalog.storeAll(records);
		awaitIndexed();
		for (String title : titles) {
			assertThat(titles(search("title=" + enc(title)))).as(title).contains(title);
		}
	}

	@Test
	void solrOutageLosesNoCatalogWriteAndTheIndexCatchesUp() throws Exception {
		// the live core's folder changes with each full reindex
		String instanceDir = CoreAdminRequest.getStatus("ndlp", this.solr)
			.getCoreStatus("ndlp")
			.get("instanceDir")
			.toString();
		CoreAdminRequest.unloadCore("ndlp", false, this.solr);
		try {
			List<StoreOutcome> stored = this.catalog.storeAll(
					List.of(Books.book(TIANJIN, "se-outage", "停电期间的记录", "李四", "2020", "chi", null, "Z228", "停电测试")));
			assertThat(this.catalog.current(stored.get(0).recordId())).isPresent();
			assertProblem(this.anonymous.get("/api/v1/search?q=" + enc("停电")), 503, null);
			awaitStatus((status) -> status.get("lastError").isString() && !status.get("caughtUp").asBoolean());
		}
		finally {
			CoreAdminRequest.Create create = new CoreAdminRequest.Create();
			create.setCoreName("ndlp");
			create.setInstanceDir(instanceDir);
			create.setConfigSet("ndlp");
			create.process(this.solr);
		}
		awaitIndexed();
		assertThat(titles(search("q=" + enc("停电期间")))).contains("停电期间的记录");
	}

	@Test
	void deletingEveryRecordOfAClusterRemovesItsHit() {
		List<StoreOutcome> stored = this.catalog
			.storeAll(List.of(Books.book(HEBEI, "se-gone", "将被删除的书", "赵六", "2011", "chi", null, "Z1", "删除测试")));
		awaitIndexed();
		assertThat(ids(search("q=" + enc("将被删除")))).contains(String.valueOf(stored.get(0).recordId()));
		this.catalog.storeAll(List.of(Books.deleted(HEBEI, "se-gone")));
		awaitIndexed();
		assertThat(ids(search("q=" + enc("将被删除")))).doesNotContain(String.valueOf(stored.get(0).recordId()));
	}

	@Test
	void fullReindexSwapsInANewIndexWithoutAGap() throws Exception {
		// a published resource: the rebuild copies resources after union records
		long resource = Http.as(this.port, "gz-cataloger")
			.post("/api/v1/resources",
					ResourcesApiIT.resource("CN-440100-GZL", "重建索引测试视频库", "https://example.org/reindex/", 2019, 12,
							"80"))
			.json()
			.get("id")
			.asLong();
		assertThat(Http.as(this.port, "gd-admin").post("/api/v1/resources/" + resource + "/approve", "{}").status())
			.isEqualTo(200);
		Response started = this.admin.post("/api/v1/search/reindex", "");
		assertThat(started.status()).isEqualTo(202);
		JsonNode progress = null;
		for (int i = 0; i < 600; i++) {
			assertThat(titles(search("q=" + enc("红楼梦")))).as("search answers during the rebuild").contains("红楼梦");
			progress = this.admin.get("/api/v1/search/reindex").json();
			if (!"RUNNING".equals(progress.get("state").asString())) {
				break;
			}
			Thread.sleep(100);
		}
		assertThat(progress.get("state").asString()).isEqualTo("DONE");
		assertThat(progress.get("documents").asLong()).isPositive();
		assertThat(search("subject=" + enc("搜索测试")).get("total").asLong()).isEqualTo(4);
		assertThat(ids(search("q=" + enc("重建索引测试视频库")))).contains("res-" + resource);
		// union records and resources, written with a commit each, merged into one
		// segment before the swap (ADR 0040); records stored during the rebuild would
		// add one
		LukeRequest luke = new LukeRequest();
		luke.setNumTerms(0);
		assertThat(luke.process(this.solr, "ndlp").getIndexInfo().get("segmentCount")).isEqualTo(1);
	}

	private void awaitIndexed() {
		awaitStatus((status) -> status.get("caughtUp").asBoolean());
	}

	private void awaitStatus(java.util.function.Predicate<JsonNode> condition) {
		long deadline = System.currentTimeMillis() + 60_000;
		JsonNode status = null;
		while (System.currentTimeMillis() < deadline) {
			status = this.admin.get("/api/v1/search/status").json();
			if (condition.test(status)) {
				return;
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
		throw new AssertionError("index status never matched: " + status);
	}

	private JsonNode search(String query) {
		Response response = this.anonymous.get("/api/v1/search?" + query);
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		return response.json();
	}

	static String enc(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	static List<String> titles(JsonNode result) {
		List<String> titles = new ArrayList<>();
		result.get("hits").forEach((hit) -> titles.add(hit.get("title").asString()));
		return titles;
	}

	static List<String> ids(JsonNode result) {
		List<String> ids = new ArrayList<>();
		result.get("hits").forEach((hit) -> ids.add(hit.get("id").asString()));
		return ids;
	}

	static Map<String, Long> facet(JsonNode result, String name) {
		Map<String, Long> counts = new TreeMap<>();
		result.get("facets").get(name).forEach((v) -> counts.put(v.get("value").asString(), v.get("count").asLong()));
		return counts;
	}

	private static JsonNode hitWithId(JsonNode result, String id) {
		for (JsonNode hit : result.get("hits")) {
			if (id.equals(hit.get("id").asString())) {
				return hit;
			}
		}
		throw new AssertionError("no hit " + id + " in " + result);
	}

}
