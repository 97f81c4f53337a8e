package org.ndlp.operations.reporting;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.DataFormatter;
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

/**
 * Quarterly reporting over HTTP: city → province → NLC with returns and approvals, locked
 * snapshots, scope, edit checks, deadlines, attachments and the Excel sheet. Each test
 * uses its own quarter so that none depends on another or on the demo amounts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class QuarterlyReportApiIT {

	private static final String BASE = "/api/v1/operations/reports/";

	private static final String GZL = "CN-440100-GZL";

	private static final String GD = "CN-440000-PL";

	private static final String NLC = "CN-110000-NLC";

	private final int port;

	QuarterlyReportApiIT(@Autowired Environment environment) {
		this.port = environment.getRequiredProperty("local.server.port", Integer.class);
	}

	@Test
	void aCityReportIsReturnedResubmittedApprovedAndAggregatedIntoItsProvince() throws Exception {
		Http guangzhou = Http.as(this.port, "gz-admin");
		Http guangdong = Http.as(this.port, "gd-admin");
		Http nation = Http.as(this.port, "admin");
		String city = BASE + GZL + "/2013/Q1";

		JsonNode blank = ok(guangzhou.get(city));
		assertThat(blank.get("status").asString()).isEqualTo("DRAFT");
		assertThat(blank.get("stored").asBoolean()).isFalse();
		assertThat(blank.get("submittedTo").asString()).isEqualTo("广东省立中山图书馆");
		assertThat(blank.get("dueOn").asString()).isEqualTo("2013-04-15");
		assertThat(blank.get("figures").propertyNames()).contains("hardwareStandard", "vpnConnected", "systemsDeployed",
				"centralFunds", "localFunds");

		ok(guangzhou.put(city, report(3, 120, 4, 200, 5000, "完成一季度培训与资源建设。", null)));
		ok(guangzhou.post(city + "/submit", "{\"comment\":\"请审核\"}"));
		assertThat(ok(guangdong.get(city)).get("status").asString()).isEqualTo("SUBMITTED");
		assertProblem(guangzhou.put(city, report(3, 120, 4, 200, 5000, "改", null)), 409, null);
		assertProblem(guangdong.post(city + "/return", "{}"), 400, "comment");

		JsonNode returned = ok(guangdong.post(city + "/return", "{\"comment\":\"请补充培训人次的统计口径\"}"));
		assertThat(returned.get("status").asString()).isEqualTo("RETURNED");
		assertThat(returned.get("history").findValuesAsString("comment")).contains("请补充培训人次的统计口径");

		ok(guangzhou.put(city, report(3, 125, 4, 200, 5000, "完成一季度培训与资源建设（含统计口径说明）。", null)));
		ok(guangzhou.post(city + "/submit", "{}"));
		assertProblem(guangzhou.post(city + "/approve", "{}"), 403, null);
		JsonNode approved = ok(guangdong.post(city + "/approve", "{\"comment\":\"同意\"}"));
		assertThat(approved.get("status").asString()).isEqualTo("APPROVED");
		assertThat(approved.get("history").findValuesAsString("to")).containsExactly("DRAFT", "SUBMITTED", "RETURNED",
				"SUBMITTED", "APPROVED");
		assertThat(approved.get("history").get(2).get("by").asString()).isEqualTo("gd-admin");
		assertThat(approved.get("history").get(2).get("from").asString()).isEqualTo("SUBMITTED");
		long cityTrainees = approved.get("totals").get("trainees").asLong();
		assertThat(cityTrainees).isEqualTo(125);

		String province = BASE + GD + "/2013/Q1";
		JsonNode live = ok(guangdong.get(province));
		assertThat(live.get("included").findValuesAsString("libraryCode")).containsExactly(GZL);
		assertThat(live.get("missing").findValuesAsString("libraryCode")).doesNotContain(GZL);
		ok(guangdong.put(province, report(2, 60, 10, 1000, 20000, "全省推广工程工作汇总。", null)));
		JsonNode submitted = ok(guangdong.post(province + "/submit", "{}"));
		assertThat(submitted.get("submittedTo").asString()).isEqualTo("国家图书馆");
		assertThat(submitted.get("figures").get("trainees").asLong()).isEqualTo(60);
		assertThat(submitted.get("totals").get("trainees").asLong()).isEqualTo(60 + 125);
		assertThat(submitted.get("totals").get("trainingSessions").asLong()).isEqualTo(2 + 3);
		assertThat(submitted.get("totals").get("centralFunds").decimalValue())
			.isEqualByComparingTo(submitted.get("figures")
				.get("centralFunds")
				.decimalValue()
				.add(approved.get("figures").get("centralFunds").decimalValue()));
		assertProblem(guangdong.post(province + "/approve", "{}"), 403, null);
		ok(nation.post(province + "/approve", "{}"));

		JsonNode national = ok(nation.get(BASE + NLC + "/2013/Q1"));
		assertThat(national.get("submittedTo").asString()).isEqualTo("文化部");
		assertThat(national.get("included").findValuesAsString("libraryCode")).containsExactly(GD);
		assertThat(national.get("totals").get("trainees").asLong()).isEqualTo(185);

		Response sheet = guangdong.get(province + "/export.xlsx");
		assertThat(sheet.status()).isEqualTo(200);
		assertThat(sheet.contentType()).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		List<List<String>> rows = rows(sheet.bytes());
		assertThat(rows.get(3)).contains("序号", "图书馆代码", "图书馆名称", "报送状态", "培训人次", "本季度中央经费到位（元）");
		int trainees = rows.get(3).indexOf("培训人次");
		assertThat(rows.get(4)).contains(GZL, "广州图书馆", "已审核");
		assertThat(rows.get(4).get(trainees)).isEqualTo("125");
		assertThat(rows.get(5)).contains(GD);
		assertThat(rows.get(6).get(2)).isEqualTo("合计");
		assertThat(rows.get(6).get(trainees)).isEqualTo("185");
	}

	@Test
	void anApprovedReportIsALockedSnapshot() {
		Http guangzhou = Http.as(this.port, "gz-admin");
		String city = BASE + GZL + "/2013/Q2";
		ok(guangzhou.put(city, report(1, 30, 1, 10, 100, "二季度工作。", null)));
		ok(guangzhou.post(city + "/submit", "{}"));
		ok(Http.as(this.port, "gd-admin").post(city + "/approve", "{}"));

		Response edit = guangzhou.put(city, report(1, 31, 1, 10, 100, "改动", null));
		assertProblem(edit, 409, null);
		assertThat(edit.json().get("type").asString()).isEqualTo("urn:ndlp:problem:report-locked");
		assertProblem(guangzhou.post(city + "/submit", "{}"), 409, null);
		assertProblem(Http.as(this.port, "gd-admin").post(city + "/return", "{\"comment\":\"再看看\"}"), 409, null);
		assertProblem(guangzhou.upload(city + "/attachments", "late.txt", "text/plain", "x".getBytes()), 409, null);
		assertThat(ok(guangzhou.get(city)).get("figures").get("trainees").asLong()).isEqualTo(30);
	}

	@Test
	void anotherProvinceCannotReadOrApproveGuangdongsReports() {
		Http guangzhou = Http.as(this.port, "gz-admin");
		String city = BASE + GZL + "/2013/Q3";
		ok(guangzhou.put(city, report(1, 30, 1, 10, 100, "三季度工作。", null)));
		ok(guangzhou.post(city + "/submit", "{}"));

		Http zhejiang = Http.as(this.port, "zj-admin");
		assertProblem(zhejiang.get(city), 403, null);
		assertThat(zhejiang.get(city).json().get("type").asString()).isEqualTo("urn:ndlp:problem:out-of-scope");
		assertProblem(zhejiang.post(city + "/approve", "{}"), 403, null);
		assertProblem(zhejiang.get(BASE + GD + "/2013/Q3"), 403, null);
		assertProblem(zhejiang.get(city + "/export.xlsx"), 403, null);
		assertThat(ok(zhejiang.get("/api/v1/operations/reports?year=2013")).findValuesAsString("libraryCode"))
			.noneMatch((code) -> code.startsWith("CN-44"));
		assertProblem(guangzhou.get(BASE + "CN-440300-SZL/2013/Q3"), 403, null);
		assertProblem(Http.as(this.port, "gd-admin").put(city, report(1, 30, 1, 10, 100, "代写", null)), 403, null);
		assertProblem(Http.as(this.port, "gz-cataloger").get(city), 403, null);
		assertThat(Http.anonymous(this.port).get(city).status()).isEqualTo(401);

		assertThat(ok(
				Http.as(this.port, "gd-admin").get("/api/v1/operations/reports?year=2013&quarter=3&status=SUBMITTED"))
			.findValuesAsString("libraryCode")).contains(GZL);
		assertThat(ok(Http.as(this.port, "gd-admin").post(city + "/approve", "{}")).get("status").asString())
			.isEqualTo("APPROVED");
	}

	@Test
	void submissionNeedsEveryFigureAndTheNarrative() {
		Http guangzhou = Http.as(this.port, "gz-admin");
		String city = BASE + GZL + "/2013/Q4";
		assertProblem(guangzhou.post(city + "/submit", "{}"), 400, "figures.trainingSessions");
		ok(guangzhou.put(city, "{\"figures\":{\"trainingSessions\":1,\"trainees\":20}}"));
		assertProblem(guangzhou.post(city + "/submit", "{}"), 400, "figures.pressReports");
		ok(guangzhou.put(city, report(1, 20, 0, 0, 0, null, null)));
		assertProblem(guangzhou.post(city + "/submit", "{}"), 400, "workDone");
		ok(guangzhou.put(city, report(1, 20, 0, 0, 0, "四季度工作。", null).replace("\"problems\":\"经费到位较晚。\",", "")));
		assertProblem(guangzhou.post(city + "/submit", "{}"), 400, "problems");

		assertProblem(guangzhou.put(city, "{\"figures\":{\"centralFunds\":5}}"), 400, "figures.centralFunds");
		assertProblem(guangzhou.put(city, "{\"figures\":{\"trainees\":-1}}"), 400, "figures.trainees");
		assertProblem(guangzhou.put(city, "{\"figures\":{\"trainees\":1.5}}"), 400, "figures.trainees");
		assertProblem(guangzhou.put(city, "{\"figures\":{\"visitors\":1}}"), 400, "figures.visitors");
		assertProblem(guangzhou.get(BASE + GZL + "/2013/Q5"), 400, "quarter");
		assertProblem(guangzhou.get(BASE + GZL + "/2099/Q1"), 400, "quarter");
		assertProblem(guangzhou.get(BASE + "CN-999999-NONE/2013/Q4"), 404, null);
	}

	@Test
	void aSharpChangeFromThePreviousApprovedQuarterNeedsANote() {
		Http guangdong = Http.as(this.port, "gd-admin");
		Http nation = Http.as(this.port, "admin");
		String q1 = BASE + GD + "/2014/Q1";
		ok(guangdong.put(q1, report(4, 100, 10, 50, 1000, "一季度。", null)));
		ok(guangdong.post(q1 + "/submit", "{}"));
		ok(nation.post(q1 + "/approve", "{}"));

		String q2 = BASE + GD + "/2014/Q2";
		JsonNode draft = ok(guangdong.put(q2, report(4, 400, 12, 50, 1000, "二季度。", null)));
		assertThat(draft.get("sharpChanges").findValuesAsString("figure")).containsExactly("trainees");
		assertThat(draft.get("sharpChanges").get(0).get("percent").asInt()).isEqualTo(300);
		Response unexplained = guangdong.post(q2 + "/submit", "{}");
		assertProblem(unexplained, 400, "notes.trainees");
		assertThat(unexplained.json().get("detail").asString()).contains("100", "400", "+300%");

		ok(guangdong.put(q2, report(4, 400, 12, 50, 1000, "二季度。", "举办全省基层馆员集中培训")));
		JsonNode submitted = ok(guangdong.post(q2 + "/submit", "{}"));
		assertThat(submitted.get("status").asString()).isEqualTo("SUBMITTED");
		assertThat(submitted.get("notes").get("trainees").asString()).isEqualTo("举办全省基层馆员集中培训");
	}

	@Test
	void overdueListsShowUnsubmittedReportsOfTheCallersProvinceOrTheNation() {
		Http guangdong = Http.as(this.port, "gd-admin");
		JsonNode before = ok(guangdong.get(BASE + "overdue?year=2015&quarter=1"));
		assertThat(before.findValuesAsString("libraryCode")).contains(GZL, GD)
			.allMatch((code) -> code.startsWith("CN-44"));
		assertThat(before.get(0).get("dueOn").asString()).isEqualTo("2015-04-15");
		assertThat(before.get(0).get("overdue").asBoolean()).isTrue();

		Http guangzhou = Http.as(this.port, "gz-admin");
		ok(guangzhou.put(BASE + GZL + "/2015/Q1", report(1, 10, 1, 1, 1, "一季度。", null)));
		assertThat(ok(guangdong.get(BASE + "overdue?year=2015&quarter=1")).findValuesAsString("libraryCode"))
			.as("a draft is still overdue")
			.contains(GZL);
		ok(guangzhou.post(BASE + GZL + "/2015/Q1/submit", "{}"));
		assertThat(ok(guangdong.get(BASE + "overdue?year=2015&quarter=1")).findValuesAsString("libraryCode"))
			.doesNotContain(GZL)
			.contains(GD);

		JsonNode nation = ok(Http.as(this.port, "admin").get(BASE + "overdue?year=2015&quarter=1"));
		assertThat(nation.findValuesAsString("libraryCode")).contains(NLC, GD, "CN-330000-PL").doesNotContain(GZL);
		assertThat(ok(Http.as(this.port, "admin").get(BASE + "overdue?year=2015&quarter=1&province=33"))
			.findValuesAsString("libraryCode")).contains("CN-330000-PL").allMatch((code) -> code.startsWith("CN-33"));
		assertThat(ok(Http.as(this.port, "zj-admin").get(BASE + "overdue?year=2015&quarter=1"))
			.findValuesAsString("libraryCode")).noneMatch((code) -> code.startsWith("CN-44"));
		assertProblem(guangdong.get(BASE + "overdue?year=2015&quarter=1&province=4"), 400, "province");
	}

	@Test
	void attachmentsAreKeptWithTheReportAndLimitedInSize() {
		Http guangzhou = Http.as(this.port, "gz-admin");
		String city = BASE + GZL + "/2016/Q1";
		byte[] content = "培训签到表".getBytes(StandardCharsets.UTF_8);
		Response added = guangzhou.upload(city + "/attachments", "签到表.txt", "text/plain", content);
		assertThat(added.status()).as(added.toString()).isEqualTo(201);
		long id = added.json().get("id").asLong();
		assertThat(added.location()).endsWith(city + "/attachments/" + id);

		JsonNode report = ok(guangzhou.get(city));
		assertThat(report.get("attachments").findValuesAsString("name")).containsExactly("签到表.txt");
		Response download = Http.as(this.port, "gd-admin").get(city + "/attachments/" + id);
		assertThat(download.status()).isEqualTo(200);
		assertThat(download.bytes()).isEqualTo(content);
		assertProblem(Http.as(this.port, "zj-admin").get(city + "/attachments/" + id), 403, null);

		byte[] tooBig = new byte[10 * 1024 * 1024 + 1];
		assertProblem(guangzhou.upload(city + "/attachments", "scan.pdf", "application/pdf", tooBig), 400, "file");
		assertThat(guangzhou.delete(city + "/attachments/" + id).status()).isEqualTo(204);
		assertThat(ok(guangzhou.get(city)).get("attachments").size()).isZero();
	}

	@Test
	void prefilledFiguresFollowTheDeploymentHistoryUntilSubmissionAndThenStayFrozen() {
		Http guangzhou = Http.as(this.port, "gz-admin");
		String city = BASE + GZL + "/2019/Q2";
		String events = "/api/v1/libraries/" + GZL + "/deployment/events";
		BigDecimal before = ok(guangzhou.get(city)).get("figures").get("centralFunds").decimalValue();
		assertThat(guangzhou
			.post(events,
					"{\"kind\":\"FUNDS_RECEIVED\",\"effectiveOn\":\"2019-05-10\","
							+ "\"fundingSource\":\"CENTRAL\",\"amount\":12345.67,\"fiscalYear\":2019}")
			.status()).isEqualTo(201);
		assertThat(ok(guangzhou.get(city)).get("figures").get("centralFunds").decimalValue())
			.isEqualByComparingTo(before.add(new BigDecimal("12345.67")));
		assertThat(ok(guangzhou.get(BASE + GZL + "/2019/Q3")).get("figures").get("centralFunds").decimalValue())
			.as("money counts in the quarter it arrived")
			.isEqualByComparingTo("0");

		ok(guangzhou.put(city, report(1, 10, 1, 1, 1, "二季度。", null)));
		ok(guangzhou.post(city + "/submit", "{}"));
		ok(Http.as(this.port, "gd-admin").post(city + "/approve", "{}"));
		assertThat(guangzhou
			.post(events,
					"{\"kind\":\"FUNDS_RECEIVED\",\"effectiveOn\":\"2019-06-01\","
							+ "\"fundingSource\":\"CENTRAL\",\"amount\":500,\"fiscalYear\":2019}")
			.status()).isEqualTo(201);
		JsonNode approved = ok(guangzhou.get(city));
		assertThat(approved.get("figures").get("centralFunds").decimalValue())
			.isEqualByComparingTo(before.add(new BigDecimal("12345.67")));
	}

	@Test
	void aCityReportCannotBeApprovedAfterItsProvinceSubmittedWithoutIt() {
		Http guangzhou = Http.as(this.port, "gz-admin");
		Http guangdong = Http.as(this.port, "gd-admin");
		Http nation = Http.as(this.port, "admin");
		String city = BASE + GZL + "/2018/Q1";
		String province = BASE + GD + "/2018/Q1";
		ok(guangdong.put(province, report(1, 10, 1, 1, 1, "一季度。", null)));
		JsonNode early = ok(guangdong.post(province + "/submit", "{}"));
		assertThat(early.get("missing").findValuesAsString("libraryCode")).contains(GZL);
		ok(guangzhou.put(city, report(1, 7, 1, 1, 1, "一季度。", null)));
		ok(guangzhou.post(city + "/submit", "{}"));

		Response blocked = guangdong.post(city + "/approve", "{}");
		assertProblem(blocked, 409, null);
		assertThat(blocked.json().get("type").asString()).isEqualTo("urn:ndlp:problem:aggregate-already-submitted");

		ok(nation.post(province + "/return", "{\"comment\":\"广州图书馆的报告尚未汇总\"}"));
		ok(guangdong.post(city + "/approve", "{}"));
		JsonNode resubmitted = ok(guangdong.post(province + "/submit", "{}"));
		assertThat(resubmitted.get("included").findValuesAsString("libraryCode")).containsExactly(GZL);
		assertThat(resubmitted.get("totals").get("trainees").asLong()).isEqualTo(17);
	}

	@Test
	void theEndpointsAreDescribedInOpenApi() {
		Response docs = Http.anonymous(this.port).get("/v3/api-docs");
		assertThat(docs.status()).as(docs.toString()).isEqualTo(200);
		assertThat(docs.text()).contains("/api/v1/operations/reports/{code}/{year}/{quarter}/approve",
				"/api/v1/operations/reports/overdue", "Quarterly reports");
	}

	/** A report body with every entered figure; a note for trainees when given. */
	static String report(int sessions, int trainees, int press, int resources, int records, String workDone,
			String traineesNote) {
		return "{\"figures\":{\"trainingSessions\":" + sessions + ",\"trainees\":" + trainees + ",\"pressReports\":"
				+ press + ",\"resourcesRegistered\":" + resources + ",\"catalogRecordsSent\":" + records + "},"
				+ ((traineesNote != null) ? "\"notes\":{\"trainees\":\"" + traineesNote + "\"}," : "")
				+ "\"problems\":\"经费到位较晚。\"," + ((workDone != null) ? "\"workDone\":\"" + workDone + "\"," : "")
				+ "\"nextQuarterPlan\":\"继续推进。\"}";
	}

	private static JsonNode ok(Response response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.json();
	}

	private static void assertProblem(Response response, int status, String field) {
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		assertThat(response.contentType()).startsWith("application/problem+json");
		if (field != null) {
			assertThat(response.json().get("field").asString()).isEqualTo(field);
		}
	}

	private static List<List<String>> rows(byte[] xlsx) throws Exception {
		List<List<String>> rows = new ArrayList<>();
		DataFormatter formatter = new DataFormatter();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = workbook.getSheetAt(0);
			for (int r = 0; r <= sheet.getLastRowNum(); r++) {
				Row row = sheet.getRow(r);
				List<String> cells = new ArrayList<>();
				if (row != null) {
					for (int c = 0; c < row.getLastCellNum(); c++) {
						cells.add((row.getCell(c) != null) ? formatter.formatCellValue(row.getCell(c)).replace(",", "")
								: "");
					}
				}
				rows.add(cells);
			}
		}
		return rows;
	}

}
