package org.ndlp.identity;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;

import org.ndlp.support.Browser;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reader on a phone signs up (zh-CN), takes the code from the outbox, verifies, signs
 * in on the shared sign-in page, binds a reader card, gives an ID number and asks for the
 * disabled-reader status; the national admin sees the message in the outbox.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ReaderPagesBrowserIT {

	private final String base;

	private final MessageOutbox outbox;

	ReaderPagesBrowserIT(@Autowired Environment environment, @Autowired MessageOutbox outbox) {
		this.base = "http://localhost:" + environment.getRequiredProperty("local.server.port");
		this.outbox = outbox;
	}

	@Test
	void readerSignsUpVerifiesSignsInAndBindsACard() {
		WebDriver browser = Browser.get();
		browser.manage().window().setSize(new Dimension(390, 844));
		try {
			browser.manage().deleteAllCookies();
			String email = ReaderAccountsIT.uniqueEmail("browser");
			browser.get(this.base + "/reader/register");
			assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("读者注册");
			browser.findElement(By.id("login")).sendKeys(email);
			browser.findElement(By.id("password")).sendKeys("short");
			browser.findElement(By.id("displayName")).sendKeys("王小明");
			new Select(browser.findElement(By.id("homeLibrary"))).selectByValue("CN-440100-GZL");
			// the browser's own minlength check would stop a short password; drop it to
			// see the server's rule
			((org.openqa.selenium.JavascriptExecutor) browser)
				.executeScript("document.getElementById('password').removeAttribute('minlength')");
			Browser.clickAndWait(By.id("register"));
			assertThat(browser.findElement(By.id("form-error")).getText()).startsWith("密码：");
			assertThat(browser.findElement(By.id("login")).getAttribute("value")).isEqualTo(email);
			browser.findElement(By.id("password")).sendKeys(ReaderAccountsIT.PASSWORD);
			Browser.clickAndWait(By.id("register"));

			assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("验证邮箱或手机号");
			assertThat(browser.findElement(By.id("code-sent")).getText()).isEqualTo("验证码已发送，请查收。");
			Browser.screenshot("reader-verify-phone");
			browser.findElement(By.id("code")).sendKeys(ReaderAccountsIT.codeFor(this.outbox, email));
			Browser.clickAndWait(By.id("verify"));

			assertThat(browser.findElement(By.id("verified")).getText()).isEqualTo("验证成功，请登录。");
			assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("读者/工作人员登录");
			browser.findElement(By.id("username")).sendKeys(email);
			browser.findElement(By.id("password")).sendKeys(ReaderAccountsIT.PASSWORD);
			Browser.clickAndWait(By.id("sign-in"));

			assertThat(browser.getCurrentUrl()).endsWith("/reader/profile");
			assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("个人中心");
			assertThat(browser.findElement(By.id("welcome")).getText()).contains("王小明");
			// the header knows the reader: their account and sign-out, no "登录"
			assertThat(browser.findElement(By.id("nav-reader-logout")).getText()).isEqualTo("退出 (" + email + ")");
			assertThat(browser.findElement(By.id("nav-reader-profile")).getText()).isEqualTo("个人中心");
			assertThat(browser.findElements(By.linkText("登录"))).isEmpty();
			assertThat(browser.findElement(By.id("no-cards")).getText()).isEqualTo("尚未绑定读者证。");
			String card = "GZL" + System.nanoTime();
			new Select(browser.findElement(By.id("card-library"))).selectByValue("CN-440100-GZL");
			browser.findElement(By.id("card-number")).sendKeys(card);
			Browser.clickAndWait(By.id("bind-card"));
			assertThat(browser.findElement(By.id("saved")).getText()).isEqualTo("已保存。");
			assertThat(browser.findElement(By.id("card-list")).getText()).contains("CN-440100-GZL").contains(card);

			String id = ReaderAccountsIT.uniqueIdNumber();
			String corrupted = id.substring(0, 17) + ((id.charAt(17) == '1') ? '2' : '1');
			browser.findElement(By.id("real-name")).sendKeys("王小明");
			browser.findElement(By.id("id-number")).sendKeys(corrupted);
			Browser.clickAndWait(By.id("save-real-name"));
			assertThat(browser.findElement(By.id("form-error")).getText()).startsWith("公民身份号码：")
				.contains("check character");
			browser.findElement(By.id("real-name")).sendKeys("王小明");
			browser.findElement(By.id("id-number")).sendKeys(id);
			Browser.clickAndWait(By.id("save-real-name"));
			assertThat(browser.findElement(By.id("real-name-status")).getText())
				.contains(id.substring(0, 3) + "***********" + id.substring(14))
				.doesNotContain(id);

			browser.findElement(By.id("certificate-number")).sendKeys(id + "41");
			Browser.clickAndWait(By.id("save-disability"));
			assertThat(browser.findElement(By.id("disability-status")).getText()).isEqualTo("待核验");
			Browser.screenshot("reader-profile-phone");

			// the outbox is the national admin's
			Browser.signIn(this.base, "admin");
			browser.get(this.base + "/admin/outbox");
			assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("发件箱");
			assertThat(browser.findElement(By.id("outbox")).getText()).contains(email);
		}
		finally {
			browser.manage().window().setSize(new Dimension(1280, 900));
		}
	}

}
