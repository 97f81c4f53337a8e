package org.ndlp.members;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
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

/** The registry's REST interface, driven over HTTP as a script would. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class LibraryApiIT {

	private final int port;

	LibraryApiIT(@Autowired Environment environment) {
		this.port = environment.getRequiredProperty("local.server.port", Integer.class);
	}

	@Test
	void listsTheProvincialLibrariesWithSixDigitRegionCodes() {
		Response response = Http.anonymous(this.port).get("/api/v1/libraries?level=PROVINCIAL");
		assertThat(response.status()).isEqualTo(200);
		JsonNode list = response.json();
		assertThat(list.size()).isGreaterThanOrEqualTo(31);
		for (JsonNode library : list) {
			assertThat(library.get("level").asString()).isEqualTo("PROVINCIAL");
			assertThat(library.get("regionCode").asString()).matches("\\d{2}0000");
			assertThat(library.get("parentCode").asString()).isEqualTo("CN-110000-NLC");
		}
		assertThat(response.text()).contains("首都图书馆", "上海图书馆", "南京图书馆", "广东省立中山图书馆");
	}

	@Test
	void nationalLevelIsExactlyTheNationalLibrary() {
		JsonNode list = Http.anonymous(this.port).get("/api/v1/libraries?level=NATIONAL").json();
		assertThat(list.size()).isEqualTo(1);
		assertThat(list.get(0).get("code").asString()).isEqualTo("CN-110000-NLC");
		assertThat(list.get(0).get("name").asString()).isEqualTo("国家图书馆");
	}

	@Test
	void filtersByParentRegionAndText() {
		Http http = Http.anonymous(this.port);
		JsonNode guangdong = http.get("/api/v1/libraries?region=440000").json();
		assertThat(guangdong.findValuesAsString("code")).contains("CN-440000-PL", "CN-440100-GZL", "CN-440300-SZL")
			.allMatch((code) -> code.startsWith("CN-44"));
		JsonNode children = http.get("/api/v1/libraries?parent=CN-330000-PL").json();
		assertThat(children.findValuesAsString("code")).contains("CN-330100-HZL", "CN-330200-NBL");
		assertThat(http.get("/api/v1/libraries?q=guangzhou").json().findValuesAsString("code"))
			.containsExactly("CN-440100-GZL");
		assertThat(http.get("/api/v1/libraries/CN-440100-GZL").json().get("name").asString()).isEqualTo("广州图书馆");
		assertThat(http.get("/api/v1/libraries/CN-999999-NONE").status()).isEqualTo(404);
	}

	@Test
	void badInputIsAProblemNamingTheField() {
		Http admin = Http.as(this.port, "admin");
		Response badRegion = admin.post("/api/v1/libraries",
				draft("CN-440700-JML", "江门市图书馆", "CITY", "CN-440000-PL", "4407"));
		assertProblem(badRegion, 400, "regionCode");
		Response badLevel = admin.post("/api/v1/libraries",
				draft("CN-440700-JML", "江门市图书馆", "TOWN", "CN-440000-PL", "440700"));
		assertProblem(badLevel, 400, "level");
		Response noName = admin.post("/api/v1/libraries",
				draft("CN-440700-JML", " ", "CITY", "CN-440000-PL", "440700"));
		assertProblem(noName, 400, "name");
		Response wrongProvince = admin.post("/api/v1/libraries",
				draft("CN-440700-JML", "江门市图书馆", "CITY", "CN-330000-PL", "440700"));
		assertProblem(wrongProvince, 400, "parentCode");
		Response cityUnderCity = admin.post("/api/v1/libraries",
				draft("CN-440700-JML", "江门市图书馆", "CITY", "CN-440100-GZL", "440700"));
		assertProblem(cityUnderCity, 400, "parentCode");
		Response secondNational = admin.post("/api/v1/libraries",
				draft("CN-110000-NLC2", "另一个国家馆", "NATIONAL", null, "110108"));
		assertProblem(secondNational, 400, "level");
		Response badParam = Http.anonymous(this.port).get("/api/v1/libraries?level=TOWN");
		assertProblem(badParam, 400, "level");
	}

	@Test
	void changesNeedCredentials() {
		Response response = Http.anonymous(this.port)
			.post("/api/v1/libraries", draft("CN-440800-ZJL", "湛江市图书馆", "CITY", "CN-440000-PL", "440800"));
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(Http.as(this.port, "admin", "wrong-password-123").delete("/api/v1/libraries/CN-440100-GZL").status())
			.isEqualTo(401);
	}

	@Test
	void aProvincialAdminCannotEditAnotherProvince() {
		Http zhejiang = Http.as(this.port, "zj-admin");
		Response create = zhejiang.post("/api/v1/libraries",
				draft("CN-440900-MML", "茂名市图书馆", "CITY", "CN-440000-PL", "440900"));
		assertProblem(create, 403, null);
		Response patch = zhejiang.patch("/api/v1/libraries/CN-440100-GZL", "{\"address\":\"somewhere\"}");
		assertProblem(patch, 403, null);
		Response cataloger = Http.as(this.port, "gz-cataloger")
			.patch("/api/v1/libraries/CN-440100-GZL", "{\"address\":\"somewhere\"}");
		assertProblem(cataloger, 403, null);
		Response provincial = Http.as(this.port, "gd-admin")
			.patch("/api/v1/libraries/CN-110000-NLC", "{\"address\":\"somewhere\"}");
		assertProblem(provincial, 403, null);
	}

	@Test
	void aProvincialAdminManagesLibrariesOfItsProvince() {
		Http guangdong = Http.as(this.port, "gd-admin");
		Response created = guangdong.post("/api/v1/libraries",
				draft("CN-441900-DGL", "东莞图书馆", "CITY", "CN-440000-PL", "441900"));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(created.location()).endsWith("/api/v1/libraries/CN-441900-DGL");
		assertProblem(
				guangdong.post("/api/v1/libraries", draft("cn-441900-dgl", "东莞图书馆", "CITY", "CN-440000-PL", "441900")),
				409, "code");
		Response patched = guangdong.patch("/api/v1/libraries/CN-441900-DGL",
				"{\"nameEn\":\"Dongguan Library\",\"contact\":{\"name\":\"李明\",\"phone\":\"0769-00000000\"}}");
		assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
		JsonNode stored = Http.anonymous(this.port).get("/api/v1/libraries/CN-441900-DGL").json();
		assertThat(stored.get("nameEn").asString()).isEqualTo("Dongguan Library");
		assertThat(stored.get("name").asString()).isEqualTo("东莞图书馆");
		assertThat(stored.get("contact").get("name").asString()).isEqualTo("李明");
		Response replaced = guangdong.put("/api/v1/libraries/CN-441900-DGL",
				draft("CN-441900-DGL", "东莞图书馆（总馆）", "CITY", "CN-440000-PL", "441900"));
		assertThat(replaced.json().get("name").asString()).isEqualTo("东莞图书馆（总馆）");
		assertThat(replaced.json().get("nameEn").isNull()).isTrue();
		assertProblem(guangdong.put("/api/v1/libraries/CN-441900-DGL",
				draft("CN-441900-OTHER", "东莞图书馆", "CITY", "CN-440000-PL", "441900")), 400, "code");
		Response county = guangdong.post("/api/v1/libraries",
				draft("CN-441900-CAL", "东莞市长安图书馆", "COUNTY", "CN-441900-DGL", "441900"));
		assertThat(county.status()).isEqualTo(201);
		assertProblem(guangdong.delete("/api/v1/libraries/CN-441900-DGL"), 409, null);
		assertThat(guangdong.delete("/api/v1/libraries/CN-441900-CAL").status()).isEqualTo(204);
		assertThat(guangdong.delete("/api/v1/libraries/CN-441900-DGL").status()).isEqualTo(204);
		assertThat(Http.anonymous(this.port).get("/api/v1/libraries/CN-441900-DGL").status()).isEqualTo(404);
	}

	@Test
	void aLibraryWithDeploymentHistoryCannotBeDeleted() {
		Response response = Http.as(this.port, "admin").delete("/api/v1/libraries/CN-440100-GZL");
		assertProblem(response, 409, null);
		assertThat(Http.anonymous(this.port).get("/api/v1/libraries/CN-440100-GZL").status()).isEqualTo(200);
	}

	@Test
	void csvImportWithBadRowsImportsNothingAndReportsEachRow() {
		String csv = """
				代码,名称,英文名称,级别,上级馆代码,行政区划代码,地址,专项负责人,联系电话,电子邮件
				CN-320200-WXL,无锡市图书馆,Wuxi Library,CITY,CN-320000-PL,320200,,,,
				CN-320300-XZL,徐州市图书馆,,地市级馆,CN-320000-PL,32030,,,,
				CN-320400-CZL,,,CITY,CN-320000-PL,320400,,,,
				CN-320600-NTL,南通市图书馆,,CITY,CN-330000-PL,320600,,,,
				""";
		Http admin = Http.as(this.port, "admin");
		Response rejected = admin.upload("/api/v1/libraries/import", "libraries.csv", "text/csv",
				csv.getBytes(StandardCharsets.UTF_8));
		assertThat(rejected.status()).as(rejected.toString()).isEqualTo(422);
		JsonNode errors = rejected.json().get("errors");
		assertThat(errors.size()).isEqualTo(3);
		assertThat(errors.get(0).get("row").asInt()).isEqualTo(3);
		assertThat(errors.get(0).get("field").asString()).isEqualTo("regionCode");
		assertThat(errors.get(1).get("row").asInt()).isEqualTo(4);
		assertThat(errors.get(1).get("field").asString()).isEqualTo("name");
		assertThat(errors.get(2).get("field").asString()).isEqualTo("parentCode");
		assertThat(Http.anonymous(this.port).get("/api/v1/libraries/CN-320200-WXL").status())
			.as("the good row was not half-imported")
			.isEqualTo(404);

		String fixed = csv.replace(",32030,", ",320300,")
			.replace("CN-320400-CZL,,", "CN-320400-CZL,常州市图书馆,")
			.replace("CN-330000-PL,320600", "CN-320000-PL,320600");
		Response imported = admin.upload("/api/v1/libraries/import", "libraries.csv", "text/csv",
				fixed.getBytes(StandardCharsets.UTF_8));
		assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
		assertThat(imported.json().get("created").asInt()).isEqualTo(4);
		assertThat(Http.anonymous(this.port)
			.get("/api/v1/libraries?parent=CN-320000-PL")
			.json()
			.findValuesAsString("code")).contains("CN-320200-WXL", "CN-320300-XZL", "CN-320400-CZL", "CN-320600-NTL");
	}

	@Test
	void excelExportReadsBackThroughExcelImport() throws Exception {
		Response export = Http.anonymous(this.port).get("/api/v1/libraries.xlsx?region=350000");
		assertThat(export.status()).isEqualTo(200);
		assertThat(export.contentType()).contains("spreadsheetml");
		byte[] edited;
		try (XSSFWorkbook workbook = new XSSFWorkbook(new java.io.ByteArrayInputStream(export.bytes()))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("代码");
			Row row = sheet.createRow(sheet.getLastRowNum() + 1);
			String[] values = { "CN-350100-FZL", "福州市图书馆", "Fuzhou Library", "CITY", "CN-350000-PL", "350100" };
			for (int i = 0; i < values.length; i++) {
				row.createCell(i).setCellValue(values[i]);
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			workbook.write(out);
			edited = out.toByteArray();
		}
		Response imported = Http.as(this.port, "admin")
			.upload("/api/v1/libraries/import", "成员馆.xlsx",
					"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", edited);
		assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
		assertThat(imported.json().get("created").asInt()).isEqualTo(1);
		assertThat(imported.json().get("updated").asInt()).isGreaterThanOrEqualTo(2);
		assertThat(Http.anonymous(this.port).get("/api/v1/libraries/CN-350100-FZL").json().get("nameEn").asString())
			.isEqualTo("Fuzhou Library");
		Response csv = Http.anonymous(this.port).get("/api/v1/libraries.csv?level=NATIONAL");
		assertThat(csv.text()).startsWith("\uFEFF代码,名称").contains("CN-110000-NLC,国家图书馆");
	}

	@Test
	void garbageUploadIsAProblemNotACrash() {
		Response response = Http.as(this.port, "admin")
			.upload("/api/v1/libraries/import", "x.xlsx", "application/octet-stream", "not a workbook".getBytes());
		assertProblem(response, 400, "file");
	}

	@Test
	void openApiDescribesTheRegistry() {
		Response docs = Http.anonymous(this.port).get("/v3/api-docs");
		assertThat(docs.status()).isEqualTo(200);
		assertThat(docs.json().get("paths").has("/api/v1/libraries")).isTrue();
		assertThat(docs.json().get("paths").has("/api/v1/libraries/{code}/deployment")).isTrue();
	}

	static String draft(String code, String name, String level, String parent, String region) {
		return "{\"code\":\"" + code + "\",\"name\":\"" + name + "\",\"level\":\"" + level + "\",\"parentCode\":"
				+ ((parent != null) ? "\"" + parent + "\"" : "null") + ",\"regionCode\":\"" + region + "\"}";
	}

}
