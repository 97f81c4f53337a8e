package org.ndlp.identity;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;

import org.ndlp.identity.internal.accounts.Totp;
import org.ndlp.support.Browser;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Staff accounts and the audit log in a real browser: a provincial admin creates, edits
 * and disables an account of its province; the new admin enrols TOTP on its first
 * sign-in; the audit page shows it all; English; a phone screen.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AccountsConsoleBrowserIT {

	private static final String PASSWORD = "zhu-jiang-xin-cheng-2024";

	private final String base;

	AccountsConsoleBrowserIT(@Autowired Environment environment) {
		this.base = "http://localhost:" + environment.getRequiredProperty("local.server.port");
	}

	@Test
	void provincialAdminManagesItsProvincesStaffAndReadsTheAuditLog() {
		WebDriver browser = Browser.get();
		Browser.signIn(this.base, "gd-admin");
		Browser.clickAndWait(By.id("nav-accounts"));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("工作人员账号");
		assertThat(browser.findElement(By.id("accounts")).getText()).contains("gz-cataloger", "gz-admin")
			.doesNotContain("zj-admin");

		Browser.clickAndWait(By.id("new-account"));
		browser.findElement(By.id("username")).sendKeys("sz-admin");
		browser.findElement(By.id("displayName")).sendKeys("深圳图书馆管理员");
		browser.findElement(By.id("password")).sendKeys("short");
		new Select(browser.findElement(By.id("role"))).selectByValue("LIBRARY_ADMIN");
		browser.findElement(By.id("library")).clear();
		browser.findElement(By.id("library")).sendKeys("CN-440300-SZL");
		Browser.clickAndWait(By.id("save-account"));
		assertThat(browser.findElement(By.id("form-error")).getText()).contains("password");
		assertThat(new Select(browser.findElement(By.id("role"))).getOptions())
			.extracting((o) -> o.getAttribute("value"))
			.doesNotContain("NATIONAL_ADMIN");
		browser.findElement(By.id("password")).sendKeys(PASSWORD);
		Browser.clickAndWait(By.id("save-account"));
		assertThat(browser.findElement(By.id("form-notice")).getText()).isEqualTo("已保存。");

		browser.findElement(By.id("enabled")).click();
		Browser.clickAndWait(By.id("save-account"));
		browser.get(this.base + "/admin/accounts");
		assertThat(browser.findElement(By.cssSelector("#account-sz-admin .account-status")).getText()).isEqualTo("已停用");
		browser.get(this.base + "/admin/accounts/sz-admin");
		browser.findElement(By.id("enabled")).click();
		Browser.clickAndWait(By.id("save-account"));

		// the new library admin enrols a second factor on first sign-in
		browser.manage().deleteAllCookies();
		browser.get(this.base + "/login");
		browser.findElement(By.id("username")).sendKeys("sz-admin");
		browser.findElement(By.id("password")).sendKeys(PASSWORD);
		Browser.clickAndWait(By.id("sign-in"));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("设置两步验证");
		String secret = browser.findElement(By.id("totp-secret")).getText();
		assertThat(browser.findElement(By.id("totp-uri")).getText()).startsWith("otpauth://totp/NDLP:sz-admin");
		browser.findElement(By.id("totp-code")).sendKeys(Totp.code(secret, Instant.now()));
		Browser.clickAndWait(By.id("totp-submit"));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("管理控制台");

		Browser.signIn(this.base, "gd-admin");
		Browser.clickAndWait(By.id("nav-audit"));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("审计日志");
		browser.findElement(By.id("actor")).sendKeys("sz-admin");
		Browser.clickAndWait(By.id("filter-audit"));
		assertThat(browser.findElement(By.id("audit-events")).getText()).contains("TOTP_ENROLLED", "SIGN_IN");
		browser.get(this.base + "/admin/audit?action=STAFF_UPDATED");
		assertThat(browser.findElement(By.id("audit-events")).getText()).contains("sz-admin", "disabled");

		Browser.clickAndWait(By.id("lang-switch"));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Audit log");
		browser.get(this.base + "/admin/accounts");
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Staff accounts");
		browser.manage().window().setSize(new Dimension(390, 844));
		browser.get(this.base + "/admin/accounts?lang=zh-CN");
		Object overflow = ((JavascriptExecutor) browser)
			.executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
		assertThat(((Number) overflow).intValue()).as("page fits a phone screen").isLessThanOrEqualTo(0);
		Browser.screenshot("accounts-phone");
		browser.manage().window().setSize(new Dimension(1280, 900));
	}

	@Test
	void cataloguersHaveNoAccountsPage() {
		WebDriver browser = Browser.get();
		Browser.signIn(this.base, "gz-cataloger");
		assertThat(browser.findElements(By.id("nav-accounts"))).isEmpty();
		browser.get(this.base + "/admin/accounts");
		assertThat(browser.findElement(By.id("problem-detail")).getText()).contains("cataloguers");
	}

}
