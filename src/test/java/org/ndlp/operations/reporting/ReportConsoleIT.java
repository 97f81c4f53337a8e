package org.ndlp.operations.reporting;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.ndlp.support.Http;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reporting console as a browser drives it (form login, session cookie, CSRF tokens
 * from the pages): a city library fills in and submits its report, the province returns
 * and approves it, another province is refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ReportConsoleIT {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final String PAGE = "/admin/operations/reports/CN-440100-GZL/2017/Q1";

	private final String base;

	ReportConsoleIT(@Autowired Environment environment) {
		this.base = "http://localhost:" + environment.getRequiredProperty("local.server.port");
	}

	@Test
	void aCityLibrarySubmitsInTheConsoleAndItsProvinceReturnsAndApproves() {
		Browser guangzhou = signIn("gz-admin");
		HttpResponse<String> list = guangzhou.get("/admin/operations/reports");
		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(list.body()).contains("季度工作报送", "id=\"own-report\"", "id=\"overdue\"");

		HttpResponse<String> blank = guangzhou.get(PAGE);
		assertThat(blank.statusCode()).isEqualTo(200);
		assertThat(blank.body()).contains("广州图书馆 2017年第1季度工作报告", "id=\"report-form\"", "平台数据");

		Map<String, String> form = new LinkedHashMap<>();
		form.put("fig.trainingSessions", "2");
		form.put("fig.trainees", "abc");
		HttpResponse<String> bad = guangzhou.post(PAGE, form);
		assertThat(bad.statusCode()).isEqualTo(200);
		assertThat(bad.body()).contains("figures.trainees", "value=\"abc\"");

		form.put("fig.trainees", "80");
		form.put("fig.pressReports", "1");
		form.put("fig.resourcesRegistered", "0");
		form.put("fig.catalogRecordsSent", "300");
		form.put("workDone", "开展读者培训两场。");
		form.put("problems", "人员不足。");
		form.put("nextQuarterPlan", "继续推广。");
		HttpResponse<String> saved = guangzhou.post(PAGE, form);
		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(saved.headers().firstValue("Location").orElse("")).endsWith(PAGE + "?saved");
		assertThat(guangzhou.post(PAGE + "/submit", Map.of()).statusCode()).isEqualTo(302);
		assertThat(guangzhou.get(PAGE).body()).contains("已报送").doesNotContain("id=\"report-form\"");

		Browser guangdong = signIn("gd-admin");
		HttpResponse<String> review = guangdong.get(PAGE);
		assertThat(review.body()).contains("id=\"approve-report\"", "id=\"return-report\"", "开展读者培训两场。");
		HttpResponse<String> noComment = guangdong.post(PAGE + "/return", Map.of("comment", " "));
		assertThat(noComment.body()).contains("id=\"form-error\"", "comment");
		assertThat(guangdong.post(PAGE + "/return", Map.of("comment", "请补充附件")).statusCode()).isEqualTo(302);
		assertThat(guangzhou.post(PAGE + "/submit", Map.of()).statusCode()).isEqualTo(302);
		assertThat(guangdong.post(PAGE + "/approve", Map.of("comment", "同意")).statusCode()).isEqualTo(302);
		HttpResponse<String> approved = guangdong.get(PAGE);
		assertThat(approved.body()).contains("已审核", "请补充附件", "gd-admin");

		HttpResponse<String> english = guangdong.get(PAGE + "?lang=en");
		assertThat(english.body()).contains("report for 2017 Q1", "History");

		HttpResponse<String> sheet = guangdong.get(PAGE + "/export.xlsx");
		assertThat(sheet.statusCode()).isEqualTo(200);

		HttpResponse<String> refused = signIn("zj-admin").get(PAGE);
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(refused.body()).contains("id=\"problem-detail\"");
	}

	private Browser signIn(String username) {
		Browser browser = new Browser();
		HttpResponse<String> login = browser.post("/login",
				Map.of("username", username, "password", Http.ADMIN_PASSWORD), browser.get("/login").body());
		assertThat(login.statusCode()).isEqualTo(302);
		assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
		if (login.headers().firstValue("Location").orElse("").contains("/login/totp")) {
			// admins give the demo TOTP code before the session counts as signed in
			HttpResponse<String> code = browser.post("/login/totp", Map.of("code", Http.totpCode()),
					browser.get("/login/totp").body());
			assertThat(code.statusCode()).isEqualTo(302);
		}
		return browser;
	}

	/** A cookie-keeping client that posts forms with the CSRF token of the last page. */
	private final class Browser {

		private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

		private String lastPage = "";

		HttpResponse<String> get(String path) {
			HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(ReportConsoleIT.this.base + path)));
			this.lastPage = response.body();
			return response;
		}

		HttpResponse<String> post(String path, Map<String, String> fields) {
			return post(path, fields, this.lastPage);
		}

		HttpResponse<String> post(String path, Map<String, String> fields, String page) {
			Matcher token = CSRF.matcher(page);
			assertThat(token.find()).as("a CSRF token on the page").isTrue();
			Map<String, String> all = new LinkedHashMap<>(fields);
			all.put("_csrf", token.group(1));
			String body = all.entrySet()
				.stream()
				.map((entry) -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
				.collect(Collectors.joining("&"));
			HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(ReportConsoleIT.this.base + path))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(BodyPublishers.ofString(body)));
			if (response.statusCode() == 200) {
				this.lastPage = response.body();
			}
			return response;
		}

		private HttpResponse<String> send(HttpRequest.Builder request) {
			try {
				return this.client.send(request.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

		private static String encode(String value) {
			return URLEncoder.encode(value, StandardCharsets.UTF_8);
		}

	}

}
