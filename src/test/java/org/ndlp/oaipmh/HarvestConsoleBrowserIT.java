package org.ndlp.oaipmh;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

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
 * A library admin reads the health of the library's harvest sources on a phone-sized
 * screen; another province's admin does not see them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class HarvestConsoleBrowserIT {

	private final String base;

	private final HarvestSources sources;

	HarvestConsoleBrowserIT(@Autowired Environment environment, @Autowired HarvestSources sources) {
		this.base = "http://localhost:" + environment.getRequiredProperty("local.server.port");
		this.sources = sources;
	}

	@Test
	void libraryAdminSeesEachSourcesHealthOnAPhone() {
		CurrentUser guangzhou = new CurrentUser("gz-admin", StaffRole.LIBRARY_ADMIN, LibraryCode.of("CN-440100-GZL"),
				RegionCode.of("440100"));
		// nothing listens on port 9 of loopback: the run fails after its retries
		HarvestSource source = this.sources.create(
				new HarvestSourceDraft("CN-440100-GZL", "http://127.0.0.1:9/oai", "marc21", "library:GZL", 1440, false),
				guangzhou);
		HarvestSource failed = this.sources.runNow(source.id(), guangzhou);
		assertThat(failed.status()).isEqualTo(HarvestSource.FAILED);

		WebDriver browser = Browser.get();
		browser.manage().window().setSize(new Dimension(390, 844));
		try {
			Browser.signIn(this.base, "gz-admin");
			browser.get(this.base + "/admin/harvest");
			assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("OAI-PMH 收割源");
			var row = browser.findElement(By.id("harvest-source-" + source.id()));
			assertThat(row.findElement(By.className("harvest-status")).getText()).isEqualTo("失败（将续传）");
			assertThat(row.findElement(By.className("harvest-error")).getText()).isNotBlank().isNotEqualTo("—");
			Object overflow = ((JavascriptExecutor) browser)
				.executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
			assertThat(((Number) overflow).intValue()).as("page fits a phone screen").isLessThanOrEqualTo(0);
			Browser.screenshot("harvest-sources-phone");

			Browser.signIn(this.base, "zj-admin");
			browser.get(this.base + "/admin/harvest");
			assertThat(browser.findElements(By.id("harvest-source-" + source.id()))).isEmpty();
		}
		finally {
			browser.manage().window().setSize(new Dimension(1280, 900));
			this.sources.delete(source.id(), guangzhou);
		}
	}

}
