package org.ndlp.members;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import org.ndlp.support.Browser;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The staff console in a real browser (Debian's headless Chromium): sign in, browse, add
 * a library, record deployment, see errors, switch to English, fit a phone screen.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ConsoleBrowserIT {

	private static WebDriver browser;

	private final String base;

	ConsoleBrowserIT(@Autowired Environment environment) {
		this.base = "http://localhost:" + environment.getRequiredProperty("local.server.port");
	}

	@BeforeAll
	static void startBrowser() {
		browser = Browser.get();
		browser.manage().deleteAllCookies();
	}

	@Test
	void provincialAdminManagesItsLibrariesInTheConsole() throws Exception {
		browser.get(this.base + "/admin");
		assertThat(browser.getCurrentUrl()).endsWith("/login");
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("读者/工作人员登录");
		browser.findElement(By.id("username")).sendKeys("gd-admin");
		browser.findElement(By.id("password")).sendKeys("wrong password!");
		Browser.clickAndWait(By.id("sign-in"));
		assertThat(browser.findElement(By.cssSelector("p.error")).getText()).contains("用户名或密码错误");
		browser.findElement(By.id("username")).sendKeys("gd-admin");
		browser.findElement(By.id("password")).sendKeys(org.ndlp.support.Http.ADMIN_PASSWORD);
		Browser.clickAndWait(By.id("sign-in"));
		Browser.enterTotpIfAsked();
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("管理控制台");
		assertThat(browser.findElement(By.id("summary")).getText()).contains("省级馆", "地市级馆");

		browser.get(this.base + "/admin/libraries");
		browser.findElement(By.id("region")).sendKeys("440000");
		Browser.clickAndWait(By.cssSelector("form.filters button"));
		assertThat(browser.findElement(By.id("libraries")).getText()).contains("广州图书馆", "深圳图书馆")
			.doesNotContain("杭州图书馆");

		Browser.clickAndWait(By.id("new-library"));
		browser.findElement(By.id("code")).sendKeys("CN-440400-ZHL");
		browser.findElement(By.id("name")).sendKeys("珠海市图书馆");
		new Select(browser.findElement(By.id("level"))).selectByValue("CITY");
		browser.findElement(By.id("parentCode")).sendKeys("CN-440000-PL");
		browser.findElement(By.id("regionCode")).sendKeys("4404");
		Browser.clickAndWait(By.id("save-library"));
		assertThat(browser.findElement(By.id("form-error")).getText()).contains("regionCode");
		assertThat(browser.findElement(By.id("name")).getAttribute("value")).isEqualTo("珠海市图书馆");
		WebElement region = browser.findElement(By.id("regionCode"));
		region.clear();
		region.sendKeys("440400");
		Browser.clickAndWait(By.id("save-library"));
		assertThat(browser.findElement(By.id("library-name")).getText()).isEqualTo("珠海市图书馆");
		assertThat(browser.findElement(By.id("library-code")).getText()).isEqualTo("CN-440400-ZHL");

		new Select(browser.findElement(By.id("kind"))).selectByValue("VPN_CONNECTED");
		Browser.setValue("effectiveOn", "2015-05-05");
		Browser.clickAndWait(By.id("record-event"));
		assertThat(browser.findElement(By.id("state-vpn")).getText()).startsWith("是").contains("2015-05-05");
		new Select(browser.findElement(By.id("kind"))).selectByValue("FUNDS_RECEIVED");
		Browser.setValue("effectiveOn", "2015-06-01");
		new Select(browser.findElement(By.id("fundingSource"))).selectByValue("CENTRAL");
		browser.findElement(By.id("fiscalYear")).sendKeys("2015");
		Browser.clickAndWait(By.id("record-event"));
		assertThat(browser.findElement(By.cssSelector("#event-form p.error")).getText()).contains("amount");
		browser.findElement(By.id("amount")).sendKeys("1,000,000");
		new Select(browser.findElement(By.id("kind"))).selectByValue("FUNDS_RECEIVED");
		new Select(browser.findElement(By.id("fundingSource"))).selectByValue("CENTRAL");
		Browser.setValue("effectiveOn", "2015-06-01");
		browser.findElement(By.id("fiscalYear")).sendKeys("2015");
		Browser.clickAndWait(By.id("record-event"));
		assertThat(browser.findElement(By.id("state-central")).getText()).isEqualTo("1,000,000.00");
		Browser.setValue("asOf", "2015-05-31");
		Browser.clickAndWait(By.id("show-state"));
		assertThat(browser.findElement(By.id("state-central")).getText()).isEqualTo("0.00");
		assertThat(browser.findElement(By.id("state-vpn")).getText()).startsWith("是");

		browser.get(this.base + "/admin/libraries/CN-330100-HZL");
		assertThat(browser.findElements(By.id("event-form"))).as("no form for another province's library").isEmpty();
		assertThat(browser.findElements(By.id("edit-library"))).isEmpty();

		Browser.clickAndWait(By.id("lang-switch"));
		assertThat(browser.findElement(By.id("deployment-heading")).getText()).isEqualTo("Deployment");
		assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
		browser.get(this.base + "/admin/libraries?lang=zh-CN");
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("成员馆");

		browser.manage().window().setSize(new Dimension(390, 844));
		browser.get(this.base + "/admin/libraries");
		Object overflow = ((JavascriptExecutor) browser)
			.executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
		assertThat(((Number) overflow).intValue()).as("page fits a phone screen").isLessThanOrEqualTo(0);
		Browser.screenshot("libraries-phone");
		browser.manage().window().setSize(new Dimension(1280, 900));
	}

}
