package org.ndlp.resources;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
 * The registration console in Chromium: a city library registers a resource (and sees a
 * possible duplicate), uploads a file with a bad row, its province reviews it, and the
 * ratios page highlights libraries under 80%.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ResourceConsoleBrowserIT {

	private final String base;

	ResourceConsoleBrowserIT(@Autowired Environment environment) {
		this.base = "http://localhost:" + environment.getRequiredProperty("local.server.port");
	}

	@Test
	void aCityLibraryRegistersItsProvinceReviewsAndTheRatiosShow() throws IOException {
		WebDriver browser = Browser.get();
		Browser.signIn(this.base, "gz-admin");
		browser.get(this.base + "/admin/resources/new");
		assertThat(browser.findElement(By.id("library")).getAttribute("value")).isEqualTo("CN-440100-GZL");
		browser.findElement(By.id("title")).sendKeys("广州图书馆粤剧影像库（浏览器）");
		browser.findElement(By.id("itemCount")).sendKeys("120");
		Browser.setValue("yearBuilt", "2017");
		Browser.clickAndWait(By.id("resource-save"));
		assertThat(browser.findElement(By.id("resource-status")).getText()).isEqualTo("待审核");
		assertThat(browser.findElement(By.id("quality-missing")).getText()).contains("访问地址");
		String first = browser.getCurrentUrl();
		// the same title again is flagged at once
		browser.get(this.base + "/admin/resources/new");
		browser.findElement(By.id("title")).sendKeys("广州图书馆 粤剧影像库 (浏览器)");
		Browser.setValue("yearBuilt", "2017");
		Browser.clickAndWait(By.id("resource-save"));
		assertThat(browser.findElement(By.id("duplicates")).getText()).contains("广州图书馆粤剧影像库（浏览器）");
		Browser.screenshot("resource-duplicate");
		// a file with a bad row imports nothing
		Path file = Files.createTempFile("resources", ".csv");
		Files.writeString(file, "题名,资源类型,建设年份\n浏览器批量一,文本,2017\n浏览器批量二,未知类型,2017\n", StandardCharsets.UTF_8);
		browser.get(this.base + "/admin/resources/upload");
		browser.findElement(By.id("upload-file")).sendKeys(file.toAbsolutePath().toString());
		Browser.clickAndWait(By.id("upload-send"));
		assertThat(browser.findElement(By.id("upload-summary")).getText()).contains("未导入");
		assertThat(browser.findElement(By.id("upload-errors")).getText()).contains("资源类型");
		Browser.screenshot("resource-upload");
		// the province reviews the first registration from its queue
		Browser.signIn(this.base, "gd-admin");
		browser.get(this.base + "/admin/resources/review");
		assertThat(browser.findElement(By.id("resources")).getText()).contains("广州图书馆粤剧影像库（浏览器）");
		browser.get(first);
		browser.findElement(By.id("comment")).sendKeys("同意发布");
		Browser.clickAndWait(By.id("approve"));
		assertThat(browser.findElement(By.id("resource-status")).getText()).isEqualTo("已发布");
		browser.get(this.base + "/admin/resources/ratios?year=2012");
		assertThat(browser.findElement(By.id("ratios-title")).getText()).contains("广东省");
		assertThat(browser.findElement(By.id("library-ratios")).getText()).contains("广州图书馆");
		Browser.screenshot("resource-ratios");
		Browser.signIn(this.base, "admin");
		browser.get(this.base + "/admin/resources/ratios?year=2012");
		assertThat(browser.findElements(By.cssSelector("#library-ratios tr.below80"))).isNotEmpty();
		browser.get(this.base + "/admin/operations?asOf=2012-12-31");
		assertThat(browser.findElement(By.id("registered-entries")).getText().replace(",", "")).matches("9\\d{4}");
		assertThat(browser.findElement(By.id("registering-libraries")).getText()).contains("11", "22");
		Browser.screenshot("operations-registrations");
	}

}
