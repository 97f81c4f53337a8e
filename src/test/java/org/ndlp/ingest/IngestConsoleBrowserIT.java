package org.ndlp.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.ndlp.support.Browser;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** A cataloguer sends a broken MARC file from the console and reads the rejections. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class IngestConsoleBrowserIT {

	private static final Path BROKEN = Path.of("..", "shared", "data", "marc4j", "test", "resources",
			"bad_hathi_records.mrc");

	private final String base;

	IngestConsoleBrowserIT(@Autowired Environment environment) {
		this.base = "http://localhost:" + environment.getRequiredProperty("local.server.port");
	}

	@Test
	void cataloguerSendsAFileAndSeesCountsAndRejections() {
		assumeTrue(Files.isRegularFile(BROKEN), "../shared/data is absent");
		WebDriver browser = Browser.get();
		Browser.signIn(this.base, "gz-cataloger");
		browser.get(this.base + "/admin/ingest");
		assertThat(browser.findElement(By.id("ingest-library")).getAttribute("value")).isEqualTo("CN-440100-GZL");
		browser.findElement(By.id("ingest-file")).sendKeys(BROKEN.toAbsolutePath().normalize().toString());
		Browser.clickAndWait(By.id("ingest-submit"));
		new WebDriverWait(browser, Duration.ofSeconds(60))
			.until((driver) -> driver.findElement(By.id("job-status")).getText().equals("已完成"));
		assertThat(Long.parseLong(browser.findElement(By.id("count-read")).getText())).isPositive();
		assertThat(browser.findElement(By.id("job-progress")).getAttribute("value")).isEqualTo("100");
		Browser.screenshot("ingest-job");
	}

}
