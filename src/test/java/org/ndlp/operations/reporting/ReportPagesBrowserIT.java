package org.ndlp.operations.reporting;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import org.ndlp.support.Browser;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The quarterly report pages in headless Chromium: Guangzhou Library fills in its report,
 * the edit check stops a bad figure, it submits; Guangdong's provincial library returns
 * it with a comment, Guangzhou resubmits, the province approves and the form is gone.
 * Screenshots under target/screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ReportPagesBrowserIT {

	private static final String PAGE = "/admin/operations/reports/CN-440100-GZL/2020/Q3";

	private final String base;

	ReportPagesBrowserIT(@Autowired Environment environment) {
		this.base = "http://localhost:" + environment.getRequiredProperty("local.server.port");
	}

	@Test
	void aCityReportGoesThroughItsProvinceInTheBrowser() throws Exception {
		WebDriver browser = Browser.get();
		Browser.signIn(this.base, "gz-admin");
		browser.get(this.base + "/admin/operations/reports");
		assertThat(browser.findElement(By.id("own-report")).isDisplayed()).isTrue();
		assertThat(browser.findElement(By.id("overdue-heading")).getText()).isNotBlank();

		browser.get(this.base + PAGE);
		assertThat(browser.findElement(By.id("report-title")).getText()).contains("广州图书馆", "2020", "3");
		// figures the platform counts itself start from its count (nothing sent in 2020
		// Q3)
		assertThat(browser.findElement(By.id("hint-catalogRecordsSent")).getText()).contains("平台统计");
		assertThat(browser.findElement(By.id("fig-catalogRecordsSent")).getAttribute("value")).isEqualTo("0");
		Browser.setValue("fig-trainees", "很多");
		Browser.clickAndWait(By.id("save-report"));
		assertThat(browser.findElement(By.id("form-error")).getText()).contains("trainees");

		Browser.setValue("fig-trainingSessions", "3");
		Browser.setValue("fig-trainees", "120");
		Browser.setValue("fig-pressReports", "2");
		Browser.setValue("fig-resourcesRegistered", "10");
		Browser.setValue("fig-catalogRecordsSent", "500");
		Browser.setValue("workDone", "举办数字资源推广活动三场，读者培训一百二十人次。");
		Browser.setValue("problems", "专业技术人员不足。");
		Browser.setValue("nextQuarterPlan", "完成资源登记与联合编目数据报送。");
		Browser.clickAndWait(By.id("save-report"));
		assertThat(browser.getCurrentUrl()).endsWith("?saved");
		Browser.clickAndWait(By.id("submit-report"));
		assertThat(browser.findElement(By.id("report-status")).getText()).isEqualTo("已报送");
		assertThat(browser.findElements(By.id("report-form"))).isEmpty();
		Path shot = Browser.screenshot("report-submitted");
		assertThat(Files.size(shot)).isGreaterThan(10_000);

		Browser.signIn(this.base, "gd-admin");
		browser.get(this.base + PAGE);
		assertThat(browser.findElement(By.id("work-done")).getText()).contains("推广活动三场");
		Browser.setValue("return-comment", "请补充培训照片");
		Browser.clickAndWait(By.id("return-report"));
		assertThat(browser.findElement(By.id("report-status")).getText()).isEqualTo("已退回");

		Browser.signIn(this.base, "gz-admin");
		browser.get(this.base + PAGE);
		assertThat(browser.findElement(By.id("history")).getText()).contains("请补充培训照片");
		Browser.clickAndWait(By.id("submit-report"));

		Browser.signIn(this.base, "gd-admin");
		browser.get(this.base + PAGE);
		Browser.setValue("approve-comment", "同意");
		Browser.clickAndWait(By.id("approve-report"));
		assertThat(browser.findElement(By.id("report-status")).getText()).isEqualTo("已审核");
		assertThat(browser.findElements(By.id("approve-report"))).isEmpty();
		assertThat(browser.findElements(By.id("report-form"))).isEmpty();
		Browser.screenshot("report-approved");

		browser.get(this.base + PAGE + "?lang=en");
		assertThat(browser.findElement(By.id("history-heading")).getText()).isEqualTo("History");
		browser.get(this.base + "/admin/operations/reports?lang=zh-CN");
	}

}
