package org.ndlp.operations;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import org.ndlp.support.Browser;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The three-tier dashboard in headless Chromium, with a screenshot kept under
 * target/screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class OperationsDashboardBrowserIT {

	private final String base;

	OperationsDashboardBrowserIT(@Autowired Environment environment) {
		this.base = "http://localhost:" + environment.getRequiredProperty("local.server.port");
	}

	@Test
	void nationalTierShowsTheDecksFiguresAndDrillsDownToAProvince() throws Exception {
		Browser.signIn(this.base, "admin");
		WebDriver browser = Browser.get();
		browser.get(this.base + "/admin/operations?asOf=2012-12-31");
		assertThat(browser.findElement(By.id("ops-title")).getText()).contains("全国");
		assertThat(browser.findElement(By.id("standard-PROVINCIAL")).getText()).isEqualTo("24");
		assertThat(browser.findElement(By.id("standard-CITY")).getText()).isEqualTo("86");
		assertThat(browser.findElement(By.id("vpn-total")).getText()).isEqualTo("60");
		assertThat(browser.findElement(By.id("money-central")).getText()).contains("173,000,000");
		assertThat(browser.findElement(By.id("money-local")).getText()).contains("99,784,000");
		assertThat(browser.findElement(By.id("training")).getText()).contains("国家级 16 期");
		assertThat(browser.findElement(By.id("press")).getText()).contains("528", "203", "325", "66");
		assertThat(browser.findElement(By.id("catalog-libraries")).getText()).contains("个馆贡献书目");
		assertThat(browser.findElements(By.cssSelector("#compare td.registered"))).isNotEmpty();
		assertThat(browser.findElement(By.id("plans")).getText()).contains("15 14 93%", "18 10 56%", "52 39 75%",
				"133 47 35%");
		assertThat(browser.findElement(By.tagName("body")).getAttribute("data-charts-ready")).isEqualTo("true");
		assertThat(browser.findElements(By.cssSelector("#chart-plan canvas"))).isNotEmpty();
		Path shot = Browser.screenshot("operations-dashboard-national");
		assertThat(Files.size(shot)).isGreaterThan(10_000);

		Object export = ((JavascriptExecutor) browser)
			.executeAsyncScript("const done = arguments[arguments.length - 1];"
					+ "fetch('/admin/operations/export.xlsx?asOf=2012-12-31').then(r => done(r.status + ' '"
					+ " + r.headers.get('content-type')));");
		assertThat(export.toString()).startsWith("200 application/vnd.openxmlformats");

		Browser.clickAndWait(By.linkText("广东省"));
		assertThat(browser.findElement(By.id("ops-title")).getText()).contains("广东省");
		assertThat(browser.findElement(By.id("compare")).getText()).contains("广州图书馆", "深圳图书馆");
		Browser.screenshot("operations-dashboard-guangdong");

		browser.get(this.base + "/admin/operations?lang=en&asOf=2012-12-31");
		assertThat(browser.findElement(By.id("plan-heading")).getText()).isEqualTo("Hardware platforms: plan vs done");
		browser.get(this.base + "/admin/operations?lang=zh-CN");
	}

	@Test
	void aLibraryTriesAWhatIfBeforeTheAssessment() {
		WebDriver browser = Browser.get();
		Browser.signIn(this.base, "gz-admin");
		browser.get(this.base + "/admin/operations/assessments/2012/CN-440100-GZL");
		String actual = browser.findElement(By.id("assess-total")).getText();
		assertThat(browser.findElement(By.id("assessment")).getText()).contains("经费投入", "基础平台建设", "标准规范建设");
		browser.findElement(By.id("wi-training")).sendKeys("2");
		browser.findElement(By.cssSelector("input[name=addSystems][value=UNIQUE_IDENTIFIER]")).click();
		Browser.clickAndWait(By.id("what-if-submit"));
		assertThat(browser.findElement(By.id("what-if-notice")).getText()).contains(actual);
		assertThat(new java.math.BigDecimal(browser.findElement(By.id("assess-total")).getText()))
			.isGreaterThan(new java.math.BigDecimal(actual));
		Browser.screenshot("assessment-what-if");
		browser.get(this.base + "/admin/operations/assessments/2012/CN-440100-GZL");
		assertThat(browser.findElement(By.id("assess-total")).getText()).as("nothing stored").isEqualTo(actual);
	}

	@Test
	void aProvinceSeesOnlyItselfAndLibraryStaffGoToTheirLibrary() {
		WebDriver browser = Browser.get();
		Browser.signIn(this.base, "zj-admin");
		browser.get(this.base + "/admin/operations?asOf=2012-12-31");
		assertThat(browser.findElement(By.id("ops-title")).getText()).contains("浙江省");
		browser.get(this.base + "/admin/operations?province=44");
		assertThat(browser.findElement(By.id("problem-detail")).getText()).contains("33");
		Browser.signIn(this.base, "gz-admin");
		browser.get(this.base + "/admin/operations");
		assertThat(browser.getCurrentUrl()).endsWith("/admin/libraries/CN-440100-GZL");
		assertThat(browser.findElements(By.id("nav-operations"))).isEmpty();
	}

}
