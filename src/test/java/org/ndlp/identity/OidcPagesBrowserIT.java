package org.ndlp.identity;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import org.ndlp.identity.internal.oidc.ClientDraft;
import org.ndlp.identity.internal.oidc.OidcClients;
import org.ndlp.shared.LibraryCode;
import org.ndlp.shared.RegionCode;
import org.ndlp.shared.security.CurrentUser;
import org.ndlp.shared.security.StaffRole;
import org.ndlp.support.Browser;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OIDC pages in Chromium on a phone-sized screen: a library admin sees its library's
 * clients (another province's admin does not), and a staff member signed in through a
 * vendor's request sees the consent page in Chinese and in English.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class OidcPagesBrowserIT {

	private static final CurrentUser NATIONAL = new CurrentUser("admin", StaffRole.NATIONAL_ADMIN,
			LibraryCode.of("CN-110000-NLC"), RegionCode.of("110000"));

	private final String base;

	private final OidcClients clients;

	OidcPagesBrowserIT(@Autowired Environment environment, @Autowired OidcClients clients) {
		this.base = "http://localhost:" + environment.getRequiredProperty("local.server.port");
		this.clients = clients;
	}

	@Test
	void libraryAdminSeesItsClientsAndAVendorAsksForConsent() {
		String vendor = this.clients
			.register(new ClientDraft("某电子书数据库", "CN-440100-GZL", "VENDOR", List.of(RelyingParty.REDIRECT), List.of(),
					List.of("authorization_code"), List.of("openid", "profile", "email"), null, null), NATIONAL)
			.client()
			.clientId();
		WebDriver browser = Browser.get();
		browser.manage().window().setSize(new Dimension(390, 844));
		try {
			Browser.signIn(this.base, "gz-admin");
			browser.get(this.base + "/admin/clients");
			assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("OIDC 客户端");
			assertThat(browser.findElement(By.id("client-" + vendor)).getText()).contains("某电子书数据库", "数据库商（第三方）");
			assertThat(browser.findElements(By.id("client-form"))).as("only national admins register").isEmpty();
			assertFitsThePhone(browser);
			Browser.screenshot("oidc-clients-phone");

			Browser.signIn(this.base, "zj-admin");
			browser.get(this.base + "/admin/clients");
			assertThat(browser.findElements(By.id("client-" + vendor))).isEmpty();

			Browser.signIn(this.base, "gz-cataloger");
			String authorize = this.base + "/oauth2/authorize?response_type=code&client_id=" + vendor
					+ "&scope=openid%20profile%20email&state=s1&redirect_uri=" + RelyingParty.REDIRECT
					+ "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256";
			browser.get(authorize);
			assertThat(browser.findElement(By.id("consent-title")).getText()).isEqualTo("授权第三方访问");
			assertThat(browser.findElement(By.id("consent-ask")).getText()).contains("某电子书数据库", "广州图书馆");
			assertThat(browser.findElement(By.id("scope-email")).isSelected()).isTrue();
			assertFitsThePhone(browser);
			Browser.screenshot("oidc-consent-phone");
			browser.get(this.base + "/?lang=en");
			browser.get(authorize);
			assertThat(browser.findElement(By.id("consent-title")).getText())
				.isEqualTo("Allow access by a third party");
			assertThat(browser.findElement(By.id("consent-form")).getText()).contains("E-mail address");
		}
		finally {
			browser.get(this.base + "/?lang=zh-CN");
			browser.manage().window().setSize(new Dimension(1280, 900));
			this.clients.delete(vendor, NATIONAL);
		}
	}

	private static void assertFitsThePhone(WebDriver browser) {
		Object overflow = ((JavascriptExecutor) browser)
			.executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
		assertThat(((Number) overflow).intValue()).as("page fits a phone screen").isLessThanOrEqualTo(0);
	}

}
