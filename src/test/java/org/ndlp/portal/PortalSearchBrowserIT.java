package org.ndlp.portal;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.ndlp.catalog.CatalogRecords;
import org.ndlp.search.Books;
import org.ndlp.support.Browser;
import org.ndlp.support.Http;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reader portal's Wenjin search in a real browser: a traditional-character search
 * finds a simplified record held by two libraries, a facet narrows the results, the
 * record page lists the holding libraries by province; English switch; phone width.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PortalSearchBrowserIT {

	private static WebDriver browser;

	private final String base;

	private final int port;

	private final CatalogRecords catalog;

	PortalSearchBrowserIT(@Autowired Environment environment, @Autowired CatalogRecords catalog) {
		this.port = environment.getRequiredProperty("local.server.port", Integer.class);
		this.base = "http://localhost:" + this.port;
		this.catalog = catalog;
	}

	@BeforeAll
	static void startBrowser() {
		browser = Browser.get();
		browser.manage().deleteAllCookies();
	}

	@Test
	void traditionalCharacterSearchFindsSimplifiedRecordAndItsLibraries() throws Exception {
		this.catalog.storeAll(List.of(
				Books.book("CN-150000-PL", "portal-1", "数字图书馆建设指南", "徐文伯", "2006", "chi", null, "G250.76", "门户测试"),
				Books.book("CN-210000-PL", "portal-2", "数字图书馆建设指南", "徐文伯", "2006", "chi", null, "G250.76", "门户测试")));
		awaitIndexed();
		browser.manage().window().setSize(new Dimension(1280, 900));
		browser.get(this.base + "/?lang=zh-CN");
		browser.findElement(By.id("q")).sendKeys("數字圖書館建設");
		browser.findElement(By.id("search-submit")).click();
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("total")));
		assertThat(browser.findElement(By.cssSelector(".hits")).getText()).contains("数字图书馆建设指南").contains("2 个图书馆收藏");
		assertThat(browser.findElement(By.id("facet-province")).getText()).contains("内蒙古自治区").contains("辽宁省");

		browser.findElement(By.id("facet-province")).findElement(By.partialLinkText("辽宁省")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".active-filters")));
		assertThat(browser.findElement(By.cssSelector(".active-filters")).getText()).contains("province:辽宁省");
		assertThat(browser.findElement(By.cssSelector(".hits")).getText()).contains("数字图书馆建设指南");

		browser.findElement(By.linkText("数字图书馆建设指南")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("record-title")));
		assertThat(browser.findElement(By.id("record-title")).getText()).isEqualTo("数字图书馆建设指南");
		String page = browser.findElement(By.tagName("main")).getText();
		assertThat(page).contains("内蒙古自治区").contains("辽宁省").contains("徐文伯");

		// English, and a phone-sized screen
		browser.manage().window().setSize(new Dimension(390, 844));
		browser.get(this.base + "/?lang=en&q=" + java.net.URLEncoder.encode("數字圖書館", "UTF-8"));
		assertThat(browser.findElement(By.cssSelector(".hits")).getText()).contains("Held by 2 libraries");
		Object overflow = ((org.openqa.selenium.JavascriptExecutor) browser)
			.executeScript("return document.documentElement.scrollWidth > window.innerWidth + 1;");
		assertThat(overflow).isEqualTo(false);
		browser.get(this.base + "/?lang=zh-CN");
	}

	private void awaitIndexed() throws InterruptedException {
		Http admin = Http.as(this.port, "admin");
		for (int i = 0; i < 600; i++) {
			if (admin.get("/api/v1/search/status").json().get("caughtUp").asBoolean()) {
				return;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("the index did not catch up");
	}

}
