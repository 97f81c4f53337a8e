package org.ndlp.identifiers;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.ndlp.catalog.CatalogRecords;
import org.ndlp.catalog.IncomingRecord;
import org.ndlp.catalog.MatchSignature;
import org.ndlp.catalog.StoreOutcome;
import org.ndlp.catalog.marc.BibDescription;
import org.ndlp.catalog.marc.ControlField;
import org.ndlp.catalog.marc.DataField;
import org.ndlp.catalog.marc.MarcField;
import org.ndlp.catalog.marc.MarcRecord;
import org.ndlp.catalog.marc.MarcSchema;
import org.ndlp.catalog.marc.MarcXmlWriter;
import org.ndlp.catalog.marc.Subfield;
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
 * The identifier system over HTTP: minting with a check character, rejection of a
 * corrupted name, resolution (302, content negotiation, ?info, 410, 404), the
 * Handle-compatible API against the b2handle fixtures, who may change what, batch
 * registration, and minting of union records from the catalog's change feed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class IdentifiersIT {

	static final String GZ_PREFIX = "10001.440100";

	private static final Path FIXTURES = Path.of("..", "shared", "data", "b2handle", "b2handle", "tests", "resources");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final int port;

	private final Http admin;

	private final Http anonymous;

	private final HttpClient client = HttpClient.newHttpClient();

	@Autowired
	IdentifiersIT(Environment environment) {
		this.port = Integer.parseInt(environment.getRequiredProperty("local.server.port"));
		this.admin = Http.as(this.port, "admin");
		this.anonymous = Http.anonymous(this.port);
	}

	@BeforeEach
	void guangzhouHasAPrefix() {
		Response allocated = this.admin.post("/api/v1/identifier-prefixes",
				"{\"prefix\":\"" + GZ_PREFIX + "\",\"library\":\"CN-440100-GZL\",\"note\":\"广州图书馆\"}");
		assertThat(allocated.status()).as(allocated.toString()).isIn(201, 409);
	}

	@Test
	void mintedIdentifierValidatesAndACorruptedOneIsRejectedWithAClearError() {
		JsonNode minted = mint("gz-cataloger", "bk", null, "https://lib.example.cn/book/1");
		String suffix = minted.get("suffix").asString();
		assertThat(suffix).matches("bk\\.[0-9bcdfghjkmnpqrstvwxz]{5,}");
		assertThat(Cdoi.parse(GZ_PREFIX, suffix).handle()).isEqualTo(minted.get("identifier").asString());

		String corrupted = corrupt(suffix);
		Response rejected = get("/id/" + GZ_PREFIX + "/" + corrupted, "application/json");
		assertThat(rejected.status()).isEqualTo(400);
		assertThat(rejected.json().get("detail").asString()).contains("check character").contains("mistyped");
		Response mintRejected = this.admin.post("/api/v1/identifiers", "{\"prefix\":\"" + GZ_PREFIX + "\",\"suffix\":\""
				+ corrupted + "\",\"locations\":[{\"href\":\"https://lib.example.cn/x\"}]}");
		assertProblem(mintRejected, 400, "suffix");
		assertThat(mintRejected.json().get("detail").asString()).contains("check character");
	}

	@Test
	void resolutionRedirectsNegotiatesShowsInfoAndAnswersGoneAndUnknown() {
		JsonNode one = mint("gz-admin", "bk", null, "https://lib.example.cn/book/2");
		String path = "/id/" + one.get("identifier").asString();
		Response redirect = get(path, null);
		assertThat(redirect.status()).isEqualTo(302);
		assertThat(redirect.location()).isEqualTo("https://lib.example.cn/book/2");
		assertThat(get(path, "text/html,application/xhtml+xml,*/*;q=0.8").status()).isEqualTo(302);

		Response metadata = get(path, "application/json");
		assertThat(metadata.status()).isEqualTo(200);
		assertThat(metadata.contentType()).startsWith("application/json");
		assertThat(metadata.json().get("locations").get(0).get("href").asString())
			.isEqualTo("https://lib.example.cn/book/2");

		// several locations: a browser gets a landing page, a client naming a media type
		// its location, JSON clients the metadata
		String handle = this.admin.post("/api/v1/identifiers", "{\"prefix\":\"" + GZ_PREFIX
				+ "\",\"type\":\"im\",\"title\":\"古籍插图\",\"locations\":[{\"href\":\"https://lib.example.cn/img/3\"},"
				+ "{\"href\":\"https://lib.example.cn/img/3.jpg\",\"mediaType\":\"image/jpeg\"},"
				+ "{\"href\":\"https://lib.example.cn/img/3.json\",\"mediaType\":\"application/json\"}]}")
			.json()
			.get("identifier")
			.asString();
		Response landing = get("/id/" + handle, "text/html,application/xhtml+xml,*/*;q=0.8");
		assertThat(landing.status()).isEqualTo(200);
		assertThat(landing.text()).contains("https://lib.example.cn/img/3.jpg").contains("古籍插图");
		Response jpeg = get("/id/" + handle, "image/jpeg");
		assertThat(jpeg.status()).isEqualTo(302);
		assertThat(jpeg.location()).isEqualTo("https://lib.example.cn/img/3.jpg");
		assertThat(get("/id/" + handle, "application/json").location()).isEqualTo("https://lib.example.cn/img/3.json");

		Response info = get(path + "?info", "text/html");
		assertThat(info.status()).isEqualTo(200);
		assertThat(info.text()).contains(one.get("identifier").asString()).contains("gz-admin").contains("生成");
		JsonNode infoJson = get(path + "?info", "application/json").json();
		assertThat(infoJson.get("history").get(0).get("action").asString()).isEqualTo("MINTED");
		assertThat(infoJson.get("history").get(0).get("actor").asString()).isEqualTo("gz-admin");

		Response deleted = Http.as(this.port, "gz-admin")
			.delete("/api/v1/" + path.replace("/id/", "identifiers/") + "?note=withdrawn%20by%20the%20library");
		assertThat(deleted.status()).as(deleted.toString()).isEqualTo(200);
		Response gone = get(path, null);
		assertThat(gone.status()).isEqualTo(410);
		assertThat(gone.text()).contains("withdrawn by the library").contains("https://lib.example.cn/book/2");
		JsonNode goneJson = get(path, "application/json").json();
		assertThat(goneJson.get("status").asString()).isEqualTo("deleted");
		assertThat(goneJson.get("type").asString()).isEqualTo("bk");
		assertThat(get(path + "?info", "application/json").json().get("history").get(1).get("action").asString())
			.isEqualTo("TOMBSTONED");

		// never reused: registering the same name again is refused
		Response again = this.admin.post("/api/v1/identifiers", "{\"prefix\":\"" + GZ_PREFIX + "\",\"suffix\":\""
				+ one.get("suffix").asString() + "\",\"locations\":[{\"href\":\"https://lib.example.cn/other\"}]}");
		assertProblem(again, 409, "identifier");

		Cdoi unknown = Cdoi.of(GZ_PREFIX, CdoiType.BK, "never-minted");
		assertThat(get("/id/" + unknown.handle(), null).status()).isEqualTo(404);
		assertProblem(get("/id/" + unknown.handle(), "application/json"), 404, null);
	}

	@Test
	void handleRecordHasTheStructureOfTheB2handleFixtures() throws IOException {
		assumeTrue(Files.isDirectory(FIXTURES), "../shared/data is absent");
		String handle = this.admin
			.post("/api/v1/identifiers", "{\"prefix\":\"" + GZ_PREFIX
					+ "\",\"type\":\"bk\",\"title\":\"图书\",\"locations\":[{\"href\":\"https://lib.example.cn/b/1\"},"
					+ "{\"href\":\"https://lib.example.cn/b/1.json\",\"mediaType\":\"application/json\"}]}")
			.json()
			.get("identifier")
			.asString();
		Response response = this.anonymous.get("/api/handles/" + handle);
		assertThat(response.status()).isEqualTo(200);
		JsonNode ours = response.json();

		Set<String> fixtureValueShapes = new HashSet<>();
		Map<String, String> fixtureShapeByType = new TreeMap<>();
		List<Path> files;
		try (Stream<Path> list = Files.list(FIXTURES)) {
			files = list.filter((p) -> p.toString().endsWith(".json")).sorted().toList();
		}
		assertThat(files).isNotEmpty();
		for (Path file : files) {
			JsonNode fixture = JSON.readTree(Files.readAllBytes(file));
			assertThat(topShape(ours)).as(file.toString()).isEqualTo(topShape(fixture));
			for (JsonNode value : fixture.get("values")) {
				fixtureValueShapes.add(shape(value));
				fixtureShapeByType.put(value.get("type").asString(), shape(value));
			}
		}
		for (JsonNode value : ours.get("values")) {
			assertThat(fixtureValueShapes).as(value.toString()).contains(shape(value));
		}
		assertThat(ours.get("responseCode").asInt()).isEqualTo(1);
		assertThat(ours.get("handle").asString()).isEqualTo(handle);
		assertThat(typed(ours, "HS_ADMIN")).isNotNull();
		assertThat(shape(typed(ours, "HS_ADMIN"))).isEqualTo(fixtureShapeByType.get("HS_ADMIN"));
		assertThat(shape(typed(ours, "10320/LOC"))).isEqualTo(fixtureShapeByType.get("10320/LOC"));
		assertThat(typed(ours, "URL").get("data").get("value").asString()).isEqualTo("https://lib.example.cn/b/1");
		assertThat(typed(ours, "10320/LOC").get("data").get("value").asString()).contains("ctype=\"application/json\"");
		assertThat(typed(ours, "URL").get("timestamp").asString())
			.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");

		// filters and codes as in the Handle.Net API
		JsonNode urlOnly = this.anonymous.get("/api/handles/" + handle + "?type=URL").json();
		assertThat(urlOnly.get("values")).hasSize(2);
		assertThat(this.anonymous.get("/api/handles/" + handle + "?type=EMAIL").json().get("responseCode").asInt())
			.isEqualTo(200);
		Response unknown = this.anonymous.get("/api/handles/" + Cdoi.of(GZ_PREFIX, CdoiType.BK, "nobody").handle());
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.json().get("responseCode").asInt()).isEqualTo(100);
		Response invalid = this.anonymous.get("/api/handles/" + GZ_PREFIX + "/" + corrupt(handle.split("/")[1]));
		assertThat(invalid.status()).isEqualTo(400);
		assertThat(invalid.json().get("responseCode").asInt()).isEqualTo(102);
	}

	@Test
	void handlePutAndDeleteNeedTheOwnersStaff() {
		String handle = mint("gz-cataloger", "bk", null, "https://lib.example.cn/b/9").get("identifier").asString();
		String values = "{\"values\":[{\"index\":1,\"type\":\"URL\",\"data\":{\"format\":\"string\","
				+ "\"value\":\"https://new.example.cn/b/9\"}}]}";
		// resolved once, so the change below must reach the resolver's cache
		assertThat(get("/id/" + handle, null).location()).isEqualTo("https://lib.example.cn/b/9");
		Response anonymousPut = this.anonymous.put("/api/handles/" + handle, values);
		assertProblem(anonymousPut, 401, null);
		assertProblem(Http.as(this.port, "zj-admin").put("/api/handles/" + handle, values), 403, null);

		Response put = Http.as(this.port, "gd-admin").put("/api/handles/" + handle, values);
		assertThat(put.status()).as(put.toString()).isEqualTo(200);
		assertThat(put.json().get("responseCode").asInt()).isEqualTo(1);
		assertThat(get("/id/" + handle, null).location()).isEqualTo("https://new.example.cn/b/9");
		JsonNode history = get("/id/" + handle + "?info", "application/json").json().get("history");
		assertThat(history.get(history.size() - 1).get("actor").asString()).isEqualTo("gd-admin");
		assertThat(history.get(history.size() - 1).get("detail").asString()).contains("https://new.example.cn/b/9");

		// a PUT of a new name with a valid check character creates it
		Cdoi fresh = Cdoi.of(GZ_PREFIX, CdoiType.TH, "thesis-2012-7");
		Response created = Http.as(this.port, "gz-admin").put("/api/handles/" + fresh.handle(), values);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);

		assertProblem(Http.as(this.port, "zj-admin").delete("/api/handles/" + handle), 403, null);
		Response deleted = Http.as(this.port, "gz-admin").delete("/api/handles/" + handle);
		assertThat(deleted.json().get("responseCode").asInt()).isEqualTo(1);
		assertThat(get("/id/" + handle, null).status()).isEqualTo(410);

		// the NLC's union-record prefix is not Guangzhou's to mint under
		Response foreign = Http.as(this.port, "gz-cataloger")
			.post("/api/v1/identifiers",
					"{\"prefix\":\"10001\",\"type\":\"bk\",\"locations\":[{\"href\":\"https://x.example.cn/\"}]}");
		assertProblem(foreign, 403, null);
		// and only the national centre allocates prefixes
		assertProblem(
				Http.as(this.port, "gd-admin")
					.post("/api/v1/identifier-prefixes", "{\"prefix\":\"10001.440000\",\"library\":\"CN-440000-PL\"}"),
				403, null);
	}

	@Test
	void prefixesAreListedWithTheirOwners() {
		JsonNode prefixes = this.anonymous.get("/api/prefixes").json().get("prefixes");
		List<String> pairs = new ArrayList<>();
		prefixes.forEach((p) -> pairs.add(p.get("prefix").asString() + "=" + p.get("owner").asString()));
		assertThat(pairs).contains("10001=CN-110000-NLC", GZ_PREFIX + "=CN-440100-GZL");
	}

	@Test
	void batchRegistrationReportsEveryRow() throws IOException {
		Cdoi legacy = Cdoi.of(GZ_PREFIX, CdoiType.GJ, "gj-0001");
		String csv = "标识符,前缀,资源类型,本地名称,地址,题名\n" + legacy.handle() + ",,,,https://lib.example.cn/gj/1,永乐大典\n"
				+ ",10001.440100,np,np-1912-01,https://lib.example.cn/np/1,\n" + corrupt(legacy.handle())
				+ ",,,,https://lib.example.cn/gj/2,\n" + ",10001.440100,xx,bad-type,https://lib.example.cn/x,\n"
				+ ",10001.440100,np,np-1912-02,ftp://lib.example.cn/np/2,\n";
		Response report = Http.as(this.port, "gz-cataloger")
			.upload("/api/v1/identifiers/import", "legacy.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
		assertThat(report.status()).as(report.toString()).isEqualTo(200);
		JsonNode body = report.json();
		assertThat(body.get("rows").asInt()).isEqualTo(5);
		assertThat(body.get("registered").asInt()).isEqualTo(2);
		JsonNode results = body.get("results");
		assertThat(results.get(0).get("ok").asBoolean()).isTrue();
		assertThat(results.get(0).get("identifier").asString()).isEqualTo(legacy.handle());
		assertThat(results.get(1).get("ok").asBoolean()).isTrue();
		assertThat(results.get(2).get("row").asInt()).isEqualTo(4);
		assertThat(results.get(2).get("message").asString()).contains("check character");
		assertThat(results.get(3).get("field").asString()).isEqualTo("type");
		assertThat(results.get(4).get("message").asString()).contains("http");
		assertThat(get("/id/" + legacy.handle(), null).location()).isEqualTo("https://lib.example.cn/gj/1");

		// the same from Excel: the stored row now reports that it exists
		ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			Sheet sheet = workbook.createSheet();
			Row header = sheet.createRow(0);
			header.createCell(0).setCellValue("identifier");
			header.createCell(1).setCellValue("url");
			Row row = sheet.createRow(1);
			row.createCell(0).setCellValue(legacy.handle());
			row.createCell(1).setCellValue("https://lib.example.cn/gj/1");
			Row second = sheet.createRow(2);
			second.createCell(0).setCellValue(Cdoi.of(GZ_PREFIX, CdoiType.GJ, "gj-0002").handle());
			second.createCell(1).setCellValue("https://lib.example.cn/gj/2");
			workbook.write(xlsx);
		}
		JsonNode excel = Http.as(this.port, "gz-cataloger")
			.upload("/api/v1/identifiers/import", "legacy.xlsx",
					"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.toByteArray())
			.json();
		assertThat(excel.get("results").get(0).get("ok").asBoolean()).isFalse();
		assertThat(excel.get("results").get(0).get("message").asString()).contains("already exists");
		assertThat(excel.get("results").get(1).get("ok").asBoolean()).isTrue();
	}

	@Test
	void unionRecordsGetIdentifiersFromTheChangeFeedAndTombstonesWhenWithdrawn(@Autowired CatalogRecords catalog,
			@Autowired UnionRecordMinter minter, @Autowired Identifiers identifiers) {
		List<StoreOutcome> stored = catalog.storeAll(List.of(book("CN-440100-GZL", "cdoi-1", "9787020024797", "红楼梦"),
				book("CN-330000-PL", "cdoi-2", "9787020024797", "紅樓夢"),
				book("CN-440100-GZL", "cdoi-3", "9787101003048", "史记")));
		minter.catchUp();
		long first = stored.get(0).recordId();
		long third = stored.get(2).recordId();
		Identifier union = identifiers.ofTarget(UnionRecordMinter.UNION_RECORD, Long.toString(first)).orElseThrow();
		assertThat(union.cdoi().prefix()).isEqualTo("10001");
		assertThat(union.type()).isEqualTo(CdoiType.UR);
		assertThat(union.title()).isEqualTo("红楼梦");
		assertThat(union.locations().get(0).href()).endsWith("/records/" + first);
		// the second library's record joined the cluster: no identifier of its own
		assertThat(identifiers.ofTarget(UnionRecordMinter.UNION_RECORD, Long.toString(stored.get(1).recordId())))
			.isEmpty();
		Identifier other = identifiers.ofTarget(UnionRecordMinter.UNION_RECORD, Long.toString(third)).orElseThrow();
		assertThat(get("/id/" + union.handle(), null).location()).endsWith("/records/" + first);

		// catching up again mints nothing new
		minter.catchUp();
		assertThat(identifiers.search(Long.toString(first), "10001", 0, 100))
			.filteredOn((i) -> Long.toString(first).equals(i.targetId()))
			.hasSize(1);

		catalog.storeAll(List.of(deleted("CN-440100-GZL", "cdoi-3")));
		minter.catchUp();
		Response gone = get("/id/" + other.handle(), "application/json");
		assertThat(gone.status()).isEqualTo(410);
		assertThat(gone.json().get("title").asString()).isEqualTo("史记");
		// one member of a two-record cluster withdrawn: the union record lives on
		catalog.storeAll(List.of(deleted("CN-440100-GZL", "cdoi-1")));
		minter.catchUp();
		assertThat(get("/id/" + union.handle(), null).status()).isEqualTo(302);
	}

	private JsonNode mint(String user, String type, String localName, String href) {
		Response response = Http.as(this.port, user)
			.post("/api/v1/identifiers",
					"{\"prefix\":\"" + GZ_PREFIX + "\",\"type\":\"" + type + "\""
							+ ((localName != null) ? ",\"localName\":\"" + localName + "\"" : "")
							+ ",\"locations\":[{\"href\":\"" + href + "\"}]}");
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		assertThat(response.location()).isEqualTo("/id/" + response.json().get("identifier").asString());
		return response.json();
	}

	/** Replaces the character before the check character with another extended digit. */
	private static String corrupt(String name) {
		int at = name.length() - 2;
		char replacement = (name.charAt(at) == '7') ? '8' : '7';
		return name.substring(0, at) + replacement + name.substring(at + 1);
	}

	private Response get(String path, String accept) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
		if (accept != null) {
			request.header("Accept", accept);
		}
		try {
			HttpResponse<byte[]> response = this.client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
			return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
					response.headers().firstValue("Location").orElse(null), response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static JsonNode typed(JsonNode record, String type) {
		for (JsonNode value : record.get("values")) {
			if (value.get("type").asString().equals(type)) {
				return value;
			}
		}
		return null;
	}

	/** Key names and node types, recursively; arrays by their first element. */
	private static String shape(JsonNode node) {
		if (node == null) {
			return "absent";
		}
		if (node.isObject()) {
			Map<String, String> fields = new TreeMap<>();
			node.properties().forEach((entry) -> fields.put(entry.getKey(), shape(entry.getValue())));
			return fields.toString();
		}
		if (node.isArray()) {
			return "[" + (node.isEmpty() ? "" : shape(node.get(0))) + "]";
		}
		return node.getNodeType().name();
	}

	private static String topShape(JsonNode record) {
		Map<String, String> fields = new TreeMap<>();
		record.properties()
			.forEach((entry) -> fields.put(entry.getKey(),
					entry.getKey().equals("values") ? "ARRAY" : shape(entry.getValue())));
		return fields.toString();
	}

	private static IncomingRecord book(String library, String localId, String isbn, String title) {
		MarcRecord record = new MarcRecord("00000nam a2200000 a 4500", List.<MarcField>of(
				new ControlField("001", localId), new ControlField("008", "020101s1982    ch            000 0 chi d"),
				new DataField("020", ' ', ' ', List.of(new Subfield('a', isbn))),
				new DataField("100", '1', ' ', List.of(new Subfield('a', "曹雪芹"))),
				new DataField("245", '1', '0', List.of(new Subfield('a', title))), new DataField("260", ' ', ' ',
						List.of(new Subfield('a', "北京 :"), new Subfield('b', "人民文学出版社,"), new Subfield('c', "1982")))));
		BibDescription description = BibDescription.of(record, MarcSchema.MARC21);
		return new IncomingRecord(LibraryCode.of(library), localId, "MARCXML", "MARC21", "UTF_8",
				MarcXmlWriter.toXml(record).getBytes(StandardCharsets.UTF_8), false, MatchSignature.of(description));
	}

	private static IncomingRecord deleted(String library, String localId) {
		MarcRecord record = new MarcRecord("00000dam a2200000 a 4500",
				List.<MarcField>of(new ControlField("001", localId)));
		return new IncomingRecord(LibraryCode.of(library), localId, "MARCXML", "MARC21", "UTF_8",
				MarcXmlWriter.toXml(record).getBytes(StandardCharsets.UTF_8), true);
	}

}
