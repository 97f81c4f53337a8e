package org.ndlp.resources;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.ndlp.support.Http;
import org.ndlp.support.Http.Response;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ndlp.support.Problems.assertProblem;

/**
 * Registration of self-built resources over HTTP: the form, the template upload, oai_dc,
 * review, the change feed, scope and the 80% rule.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public class ResourcesApiIT {

	private static final String CSV = "text/csv";

	private final int port;

	ResourcesApiIT(@Autowired Environment environment) {
		this.port = environment.getRequiredProperty("local.server.port", Integer.class);
	}

	public static String resource(String library, String title, String url, int year, long items, String gb) {
		return "{\"library\":\"" + library + "\",\"title\":\"" + title
				+ "\",\"creator\":\"某馆\",\"resourceType\":\"视频\","
				+ "\"format\":\"MP4\",\"rights\":\"馆内免费\",\"itemCount\":" + items + ",\"sizeGb\":" + gb
				+ ",\"thematic\":\"地方文献\",\"yearBuilt\":" + year
				+ ((url != null) ? ",\"accessUrl\":\"" + url + "\"" : "") + "}";
	}

	@Test
	void registersOneResourceAndFlagsPossibleDuplicatesAtOnce() {
		Http cataloger = Http.as(this.port, "gz-cataloger");
		Response first = cataloger.post("/api/v1/resources",
				resource("CN-440100-GZL", "《羊城旧影》视频库", "https://example.org/ycjy/", 2015, 40, "12.5"));
		assertThat(first.status()).as(first.toString()).isEqualTo(201);
		JsonNode created = first.json();
		assertThat(created.get("status").asString()).isEqualTo("PENDING");
		assertThat(created.get("resourceType").asString()).isEqualTo("VIDEO");
		assertThat(created.get("thematic").asString()).isEqualTo("LOCAL_DOCUMENTS");
		assertThat(created.get("duplicates")).isEmpty();
		assertThat(created.get("quality").get("tier").asString()).isEqualTo("C");
		assertThat(created.get("quality").get("missing").toString()).contains("subject", "description");
		long id = created.get("id").asLong();
		// same title once punctuation and spaces are folded, same library
		JsonNode again = cataloger.post("/api/v1/resources", resource("CN-440100-GZL", "羊城 旧影 视频库", null, 2015, 1, "1"))
			.json();
		assertThat(again.get("duplicates").get(0).get("otherId").asLong()).isEqualTo(id);
		assertThat(again.get("duplicates").get(0).get("reason").asString()).isEqualTo("TITLE");
		// same URL from another library (the national centre registers for Shenzhen)
		JsonNode url = Http.as(this.port, "admin")
			.post("/api/v1/resources", resource("CN-440300-SZL", "深圳记忆", "http://www.example.org/ycjy", 2015, 1, "1"))
			.json();
		assertThat(url.get("duplicates").findValuesAsString("reason")).containsExactly("URL");
		// the registrant sees the flag too
		assertThat(cataloger.get("/api/v1/resources/" + again.get("id").asLong()).json().get("duplicateCount").asInt())
			.isEqualTo(1);
		assertProblem(cataloger.post("/api/v1/resources", resource("CN-440100-GZL", "", null, 2015, 1, "1")), 400,
				"title");
		assertProblem(cataloger.post("/api/v1/resources",
				"{\"title\":\"x\",\"resourceType\":\"hologram\",\"yearBuilt\":2015}"), 400, "resourceType");
		assertProblem(cataloger.post("/api/v1/resources", "{\"title\":\"x\",\"resourceType\":\"TEXT\"}"), 400,
				"yearBuilt");
		assertProblem(cataloger.post("/api/v1/resources", resource("CN-440100-GZL", "x", "ftp://x", 2015, 1, "1")), 400,
				"accessUrl");
	}

	@Test
	void staffTouchOnlyTheirOwnLibrarysRegistrations() {
		Http cataloger = Http.as(this.port, "gz-cataloger");
		assertProblem(cataloger.post("/api/v1/resources", resource("CN-440300-SZL", "别馆资源", null, 2015, 1, "1")), 403,
				null);
		long id = cataloger.post("/api/v1/resources", resource("CN-440100-GZL", "本馆资源甲", null, 2015, 1, "1"))
			.json()
			.get("id")
			.asLong();
		assertProblem(Http.as(this.port, "zj-admin").get("/api/v1/resources/" + id), 403, null);
		assertThat(Http.as(this.port, "gd-admin").get("/api/v1/resources/" + id).status()).isEqualTo(200);
		assertProblem(Http.as(this.port, "gd-admin")
			.put("/api/v1/resources/" + id, resource("CN-440100-GZL", "省馆改的", null, 2015, 1, "1")), 403, null);
		JsonNode own = cataloger.get("/api/v1/resources?size=500").json();
		assertThat(own.get("items").findValuesAsString("library")).containsOnly("CN-440100-GZL");
		JsonNode province = Http.as(this.port, "gd-admin").get("/api/v1/resources?size=500").json();
		assertThat(province.get("items").findValuesAsString("library")).allMatch((code) -> code.startsWith("CN-44"));
		assertProblem(Http.as(this.port, "gd-admin").get("/api/v1/resources?province=33"), 403, null);
		assertProblem(cataloger.get("/api/v1/resources/review-queue"), 403, null);
		assertThat(Http.anonymous(this.port).get("/api/v1/resources").status()).isEqualTo(401);
	}

	@Test
	void aCityRegistrationIsReviewedByItsProvinceThenPublishedOnTheChangeFeed() {
		Http city = Http.as(this.port, "gz-admin");
		Http province = Http.as(this.port, "gd-admin");
		long seq = lastSeq();
		long id = city.post("/api/v1/resources", resource("CN-440100-GZL", "广州非遗影像", null, 2015, 3, "2"))
			.json()
			.get("id")
			.asLong();
		assertThat(province.get("/api/v1/resources/review-queue?size=500").json().get("items").findValuesAsString("id"))
			.contains(String.valueOf(id));
		assertProblem(city.post("/api/v1/resources/" + id + "/approve", "{}"), 403, null);
		assertProblem(Http.as(this.port, "zj-admin").post("/api/v1/resources/" + id + "/approve", "{}"), 403, null);
		assertProblem(province.post("/api/v1/resources/" + id + "/return", "{}"), 400, "comment");
		JsonNode returned = province.post("/api/v1/resources/" + id + "/return", "{\"comment\":\"请补充访问地址\"}").json();
		assertThat(returned.get("status").asString()).isEqualTo("RETURNED");
		assertThat(returned.get("reviewComment").asString()).isEqualTo("请补充访问地址");
		assertProblem(province.post("/api/v1/resources/" + id + "/approve", "{}"), 409, "status");
		JsonNode fixed = city
			.put("/api/v1/resources/" + id, resource("CN-440100-GZL", "广州非遗影像", "https://example.org/fy", 2015, 3, "2"))
			.json();
		assertThat(fixed.get("status").asString()).isEqualTo("PENDING");
		JsonNode published = province.post("/api/v1/resources/" + id + "/approve", "{\"comment\":\"同意\"}").json();
		assertThat(published.get("status").asString()).isEqualTo("PUBLISHED");
		assertThat(published.get("publishedAt").isNull()).isFalse();
		List<JsonNode> changes = changesAfter(seq);
		assertThat(changes)
			.anyMatch((c) -> c.get("resourceId").asLong() == id && c.get("kind").asString().equals("UPSERT"));
		// a provincial library's own registration is reviewed by the national centre
		long own = province.post("/api/v1/resources", resource("CN-440000-PL", "广东省馆自建库", null, 2015, 5, "3"))
			.json()
			.get("id")
			.asLong();
		assertProblem(province.post("/api/v1/resources/" + own + "/approve", "{}"), 403, null);
		assertThat(Http.as(this.port, "admin")
			.get("/api/v1/resources/review-queue?size=500")
			.json()
			.get("items")
			.findValuesAsString("id")).contains(String.valueOf(own));
		assertThat(Http.as(this.port, "admin").post("/api/v1/resources/" + own + "/approve", "{}").status())
			.isEqualTo(200);
		// withdrawal takes it out again
		assertThat(city.post("/api/v1/resources/" + id + "/withdraw", "{}").json().get("status").asString())
			.isEqualTo("WITHDRAWN");
		List<JsonNode> after = changesAfter(seq);
		assertThat(after.get(after.size() - 1).get("kind").asString()).isEqualTo("DELETE");
		assertThat(after.get(after.size() - 1).get("resourceId").asLong()).isEqualTo(id);
		for (int i = 1; i < after.size(); i++) {
			assertThat(after.get(i).get("seq").asLong()).isGreaterThan(after.get(i - 1).get("seq").asLong());
		}
	}

	@Test
	void anUploadWithBadRowsReportsEachAndImportsNothingUntilFixedOrTheGoodRowsWhenChosen() {
		Http gz = Http.as(this.port, "gz-admin");
		String file = "题名,资源类型,建设年份,数量(条/件),数据量(GB),访问地址,专题库\n" + "批量资源一,文本,2015,10,1.5,,地方文献\n" + ",图像,2015,1,1,,\n"
				+ "批量资源三,视频,2015,5,2,,\n" + "批量资源四,全息影像,2015,1,1,,\n" + "批量资源五,音频,二〇一五,1,1,,\n";
		long before = gz.get("/api/v1/resources?q=批量资源").json().get("total").asLong();
		Response rejected = gz.upload("/api/v1/resources/upload", "登记.csv", CSV, bytes(file));
		assertProblem(rejected, 422, null);
		JsonNode errors = rejected.json().get("errors");
		assertThat(errors.findValuesAsString("row")).containsExactly("3", "5", "6");
		assertThat(errors.findValuesAsString("field")).containsExactly("title", "resourceType", "yearBuilt");
		assertThat(errors.get(1).get("column").asString()).isEqualTo("资源类型");
		assertThat(gz.get("/api/v1/resources?q=批量资源").json().get("total").asLong()).isEqualTo(before);
		Response chosen = gz.upload("/api/v1/resources/upload?mode=valid-only", "登记.csv", CSV, bytes(file));
		assertThat(chosen.status()).as(chosen.toString()).isEqualTo(200);
		assertThat(chosen.json().get("registered").asInt()).isEqualTo(2);
		assertThat(chosen.json().get("errors")).hasSize(3);
		assertThat(gz.get("/api/v1/resources?q=批量资源").json().get("total").asLong()).isEqualTo(before + 2);
		String fixedFile = "题名,资源类型,建设年份\n批量资源六,文本,2015\n批量资源七,图像,2015\n";
		JsonNode fixed = gz.upload("/api/v1/resources/upload", "登记.csv", CSV, bytes(fixedFile)).json();
		assertThat(fixed.get("registered").asInt()).isEqualTo(2);
		assertProblem(gz.upload("/api/v1/resources/upload?mode=some", "登记.csv", CSV, bytes(fixedFile)), 400, "mode");
		assertProblem(gz.upload("/api/v1/resources/upload", "登记.csv", CSV, bytes("名称,级别\nx,y\n")), 400, "file");
		// a row for another library is a bad row, not a 403 for the whole file
		JsonNode scoped = gz
			.upload("/api/v1/resources/upload", "登记.csv", CSV,
					bytes("题名,资源类型,建设年份,建设馆代码\n他馆资源,文本,2015,CN-440300-SZL\n"))
			.json();
		assertThat(scoped.get("errors").get(0).get("field").asString()).isEqualTo("library");
	}

	@Test
	void theTemplateDownloadsWithChineseHeadersAndExamplesAndUploadsAsIs() throws IOException {
		Http gz = Http.as(this.port, "gz-admin");
		Response template = gz.get("/api/v1/resources/template.xlsx");
		assertThat(template.status()).isEqualTo(200);
		List<String> header = new ArrayList<>();
		try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template.bytes()))) {
			Row row = workbook.getSheetAt(0).getRow(0);
			row.forEach((cell) -> header.add(cell.getStringCellValue()));
			assertThat(workbook.getSheetAt(0).getLastRowNum()).isEqualTo(2);
			assertThat(workbook.getSheet("填写说明")).isNotNull();
			// fill in the template: change the example titles, as a librarian would
			workbook.getSheetAt(0).getRow(1).getCell(0).setCellValue("模板资源一");
			workbook.getSheetAt(0).getRow(2).getCell(0).setCellValue("模板资源二");
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			workbook.write(out);
			Response uploaded = gz.upload("/api/v1/resources/upload", "登记.xlsx",
					"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", out.toByteArray());
			assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(200);
			assertThat(uploaded.json().get("registered").asInt()).isEqualTo(2);
			JsonNode stored = gz.get("/api/v1/resources/" + uploaded.json().get("ids").get(0).asLong()).json();
			assertThat(stored.get("resourceType").asString()).isEqualTo("IMAGE");
			assertThat(stored.get("itemCount").asLong()).isEqualTo(8600);
			assertThat(stored.get("quality").get("tier").asString()).isEqualTo("A");
		}
		assertThat(header).startsWith("题名", "责任者").contains("资源类型", "数据量(GB)", "数量(条/件)", "专题库", "建设馆代码", "建设年份");
		assertThat(gz.get("/api/v1/resources/template.csv").text()).startsWith("\uFEFF题名,责任者");
	}

	@Test
	void oaiDcRecordsRegisterOnceAndFollowTheirSource() {
		Http gz = Http.as(this.port, "gz-admin");
		String xml = """
				<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><ListRecords>
				<record><header><identifier>oai:gzlib:1</identifier><datestamp>2015-06-01</datestamp></header>
				<metadata><oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/"
				 xmlns:dc="http://purl.org/dc/elements/1.1/">
				<dc:title>广州方言有声数据库</dc:title><dc:creator>广州图书馆</dc:creator><dc:type>Sound</dc:type>
				<dc:date>2014</dc:date><dc:identifier>https://example.org/fangyan</dc:identifier>
				<dc:subject>方言</dc:subject><dc:subject>粤语</dc:subject></oai_dc:dc></metadata></record>
				<record><header status="deleted"><identifier>oai:gzlib:2</identifier></header></record>
				</ListRecords></OAI-PMH>""";
		Response first = post("gz-admin", "/api/v1/resources/oai-dc?library=CN-440100-GZL", xml);
		assertThat(first.status()).as(first.toString()).isEqualTo(200);
		JsonNode registered = first.json().get(0);
		assertThat(registered.get("created").asBoolean()).isTrue();
		JsonNode resource = registered.get("resource");
		assertThat(resource.get("resourceType").asString()).isEqualTo("AUDIO");
		assertThat(resource.get("yearBuilt").asInt()).isEqualTo(2014);
		assertThat(resource.get("subject").asString()).isEqualTo("方言; 粤语");
		assertThat(resource.get("accessUrl").asString()).isEqualTo("https://example.org/fangyan");
		assertThat(resource.get("sourceId").asString()).isEqualTo("oai:gzlib:1");
		JsonNode again = post("gz-admin", "/api/v1/resources/oai-dc?library=CN-440100-GZL", xml).json().get(0);
		assertThat(again.get("created").asBoolean()).isFalse();
		assertThat(again.get("resource").get("id").asLong()).isEqualTo(resource.get("id").asLong());
		String deleted = xml.replace("<header><identifier>oai:gzlib:1",
				"<header status=\"deleted\"><identifier>oai:gzlib:1");
		JsonNode gone = post("gz-admin", "/api/v1/resources/oai-dc?library=CN-440100-GZL", deleted).json().get(0);
		assertThat(gone.get("resource").get("status").asString()).isEqualTo("WITHDRAWN");
		String xxe = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>";
		assertProblem(post("gz-admin", "/api/v1/resources/oai-dc?library=CN-440100-GZL", xxe), 400, "body");
		assertProblem(post("zj-admin", "/api/v1/resources/oai-dc?library=CN-440100-GZL", xml), 403, null);
	}

	@Test
	void aProvincesRatioIsTheSumOfItsLibrariesRegistrationsOverTheirDeclarations() {
		Http province = Http.as(this.port, "gd-admin");
		Http admin = Http.as(this.port, "admin");
		int year = 2016;
		assertThat(province.put("/api/v1/resources/declarations/CN-440100-GZL/" + year, "{\"items\":100,\"sizeGb\":10}")
			.status()).isEqualTo(200);
		province.put("/api/v1/resources/declarations/CN-440300-SZL/" + year, "{\"items\":50,\"sizeGb\":20}");
		assertProblem(
				Http.as(this.port, "gz-admin")
					.put("/api/v1/resources/declarations/CN-440300-SZL/" + year, "{\"items\":1,\"sizeGb\":1}"),
				403, null);
		assertProblem(province.put("/api/v1/resources/declarations/CN-440100-GZL/1999", "{\"items\":1,\"sizeGb\":1}"),
				400, "year");
		publish(admin, "CN-440100-GZL", "比率资源甲", year, 70, "9");
		publish(admin, "CN-440100-GZL", "比率资源乙", year, 20, "0.5");
		publish(admin, "CN-440300-SZL", "比率资源丙", year, 30, "19");
		// pending registrations do not count
		admin.post("/api/v1/resources", resource("CN-440300-SZL", "比率资源丁", null, year, 1000, "1"));
		JsonNode report = province.get("/api/v1/resources/ratios?year=" + year).json();
		assertThat(report.get("province").asString()).isEqualTo("44");
		long declared = 0;
		long registered = 0;
		for (JsonNode line : report.get("libraries")) {
			declared += line.get("ratio").get("declaredItems").asLong();
			registered += line.get("ratio").get("registeredItems").asLong();
		}
		JsonNode total = report.get("total");
		assertThat(total.get("declaredItems").asLong()).isEqualTo(declared).isEqualTo(150);
		assertThat(total.get("registeredItems").asLong()).isEqualTo(registered).isEqualTo(120);
		assertThat(total.get("itemsPercent").decimalValue()).isEqualByComparingTo("80.0");
		JsonNode gz = line(report, "CN-440100-GZL");
		assertThat(gz.get("ratio").get("itemsPercent").decimalValue()).isEqualByComparingTo("90.0");
		assertThat(gz.get("ratio").get("below80").asBoolean()).isFalse();
		JsonNode sz = line(report, "CN-440300-SZL");
		assertThat(sz.get("ratio").get("itemsPercent").decimalValue()).isEqualByComparingTo("60.0");
		assertThat(sz.get("ratio").get("below80").asBoolean()).isTrue();
		// the nation's line for the province is the same sum
		JsonNode nation = admin.get("/api/v1/resources/ratios?year=" + year).json();
		for (JsonNode row : nation.get("provinces")) {
			if (row.get("province").asString().equals("44")) {
				assertThat(row.get("ratio").get("registeredItems").asLong()).isEqualTo(120);
				assertThat(row.get("ratio").get("declaredItems").asLong()).isEqualTo(150);
			}
		}
		// the demo census: every province's 2012 ratio is its libraries' sums
		JsonNode census = admin.get("/api/v1/resources/ratios?year=2012").json();
		for (JsonNode row : census.get("provinces")) {
			JsonNode lines = admin.get("/api/v1/resources/ratios?year=2012&province=" + row.get("province").asString())
				.json();
			long d = 0;
			long r = 0;
			for (JsonNode line : lines.get("libraries")) {
				d += line.get("ratio").get("declaredItems").asLong();
				r += line.get("ratio").get("registeredItems").asLong();
			}
			assertThat(row.get("ratio").get("declaredItems").asLong()).isEqualTo(d);
			assertThat(row.get("ratio").get("registeredItems").asLong()).isEqualTo(r);
		}
		assertThat(census.get("libraries").findValuesAsString("below80")).contains("true", "false");
		// a library's staff see their own line only
		JsonNode own = Http.as(this.port, "gz-cataloger").get("/api/v1/resources/ratios?year=" + year).json();
		assertThat(own.get("libraries").findValuesAsString("code")).containsExactly("CN-440100-GZL");
	}

	private void publish(Http admin, String library, String title, int year, long items, String gb) {
		long id = admin.post("/api/v1/resources", resource(library, title, null, year, items, gb))
			.json()
			.get("id")
			.asLong();
		assertThat(admin.post("/api/v1/resources/" + id + "/approve", "{}").status()).isEqualTo(200);
	}

	private static JsonNode line(JsonNode report, String code) {
		for (JsonNode line : report.get("libraries")) {
			if (line.get("code").asString().equals(code)) {
				return line;
			}
		}
		throw new AssertionError("no line for " + code);
	}

	private long lastSeq() {
		return Http.as(this.port, "admin").get("/api/v1/resources/changes/latest").json().get("seq").asLong();
	}

	private List<JsonNode> changesAfter(long seq) {
		List<JsonNode> all = new ArrayList<>();
		JsonNode page = Http.as(this.port, "admin")
			.get("/api/v1/resources/changes?after=" + seq + "&limit=10000")
			.json();
		page.forEach(all::add);
		return all;
	}

	private Response post(String username, String path, String xml) {
		try {
			HttpResponse<byte[]> response = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
					.header("Authorization", "Basic " + Base64.getEncoder()
						.encodeToString((username + ":" + Http.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
					.header("Content-Type", "application/xml")
					.POST(HttpRequest.BodyPublishers.ofString(xml))
					.build(), HttpResponse.BodyHandlers.ofByteArray());
			return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), null,
					response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
