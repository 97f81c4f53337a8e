package org.ndlp.portal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.ndlp.catalog.CatalogRecords;
import org.ndlp.catalog.IncomingRecord;
import org.ndlp.catalog.MatchSignature;
import org.ndlp.catalog.marc.BibDescription;
import org.ndlp.catalog.marc.ControlField;
import org.ndlp.catalog.marc.DataField;
import org.ndlp.catalog.marc.Holding;
import org.ndlp.catalog.marc.Iso2709Writer;
import org.ndlp.catalog.marc.MarcEncoding;
import org.ndlp.catalog.marc.MarcRecord;
import org.ndlp.catalog.marc.MarcSchema;
import org.ndlp.catalog.marc.MarcXmlWriter;
import org.ndlp.catalog.marc.Subfield;
import org.ndlp.search.Books;
import org.ndlp.shared.LibraryCode;
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
 * record page lists the holding libraries by province; English switch; phone width. The
 * record page of an edition from three libraries: holdings by province and library, the
 * original MARC with its downloads, and each citation format shown, copied and
 * downloaded.
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

	@Test
	void recordPageShowsHoldingsByProvinceOriginalMarcAndCitations() throws Exception {
		// one edition from two Guangdong libraries (CNMARC with 905/906, MARC 21 with
		// 852)
		// and from Zhejiang (no holdings details)
		MarcRecord cnmarc = new MarcRecord("00000nam0 2200000   450 ", List.of(new ControlField("001", "portal-cite-1"),
				new DataField("100", ' ', ' ', List.of(new Subfield('a', "20090101d2009    em y0chiy0120    ea"))),
				new DataField("101", '0', ' ', List.of(new Subfield('a', "chi"))),
				new DataField("200", '1', ' ', List.of(new Subfield('a', "数字图书馆原理与实践"), new Subfield('f', "王大明等主编"))),
				new DataField("210", ' ', ' ',
						List.of(new Subfield('a', "北京"), new Subfield('c', "科学出版社"), new Subfield('d', "2009"))),
				new DataField("215", ' ', ' ', List.of(new Subfield('a', "320页"), new Subfield('d', "26cm"))),
				new DataField("690", ' ', ' ', List.of(new Subfield('a', "G250.76"))),
				new DataField("701", ' ', '0', List.of(new Subfield('a', "王大明"), new Subfield('4', "主编"))),
				new DataField("701", ' ', '0', List.of(new Subfield('a', "李小红"), new Subfield('4', "主编"))),
				new DataField("701", ' ', '0', List.of(new Subfield('a', "张三丰"), new Subfield('4', "主编"))),
				new DataField("701", ' ', '0', List.of(new Subfield('a', "赵四海"), new Subfield('4', "主编"))),
				new DataField("905", ' ', ' ',
						List.of(new Subfield('a', "GDPL"), new Subfield('c', "中文图书借阅区"),
								new Subfield('s', "G250.76/12"))),
				new DataField("906", ' ', ' ', List.of(new Subfield('b', "G0001"), new Subfield('s', "G250.76/12"))),
				new DataField("906", ' ', ' ', List.of(new Subfield('b', "G0002"), new Subfield('s', "G250.76/12")))));
		BibDescription described = BibDescription.of(cnmarc, MarcSchema.CNMARC);
		IncomingRecord provincial = new IncomingRecord(LibraryCode.of("CN-440000-PL"), "portal-cite-1", "ISO2709",
				"CNMARC", "UTF_8",
				new Iso2709Writer(java.io.OutputStream.nullOutputStream(), MarcEncoding.UTF_8).toBytes(cnmarc), false,
				MatchSignature.of(described), Holding.of(cnmarc, MarcSchema.CNMARC));
		MarcRecord marc21 = new MarcRecord("00000nam a2200000 a 4500", List.of(new ControlField("001", "portal-cite-2"),
				new ControlField("008", "090101s2009    ch            000 0 chi d"),
				new DataField("100", '1', ' ', List.of(new Subfield('a', "王大明"))),
				new DataField("245", '1', '0', List.of(new Subfield('a', "數字圖書館原理與實踐"))),
				new DataField("260", ' ', ' ',
						List.of(new Subfield('a', "北京 :"), new Subfield('b', "科学出版社,"), new Subfield('c', "2009."))),
				new DataField("852", ' ', ' ', List.of(new Subfield('a', "GZL"), new Subfield('b', "少儿馆"),
						new Subfield('j', "G250/7"), new Subfield('p', "Z01")))));
		IncomingRecord city = new IncomingRecord(LibraryCode.of("CN-440100-GZL"), "portal-cite-2", "MARCXML", "MARC21",
				"UTF_8", MarcXmlWriter.toXml(marc21).getBytes(StandardCharsets.UTF_8), false,
				MatchSignature.of(BibDescription.of(marc21, MarcSchema.MARC21)), Holding.of(marc21, MarcSchema.MARC21));
		IncomingRecord zhejiang = Books.book("CN-330000-PL", "portal-cite-3", "数字图书馆原理与实践", "王大明", "2009", "chi", null,
				"G250.76", "数字图书馆");
		this.catalog.storeAll(List.of(provincial, city, zhejiang));
		tools.jackson.databind.JsonNode union = Http.anonymous(this.port)
			.get("/api/v1/records?library=CN-440100-GZL&localId=portal-cite-2")
			.json();
		long id = union.get("id").asLong();
		// a member record's id leads to its union record's page
		long cityRecordId = -1;
		for (tools.jackson.databind.JsonNode member : union.get("members")) {
			if (member.get("localId").asString().equals("portal-cite-2")) {
				cityRecordId = member.get("recordId").asLong();
			}
		}
		assertThat(cityRecordId).isNotEqualTo(id);
		HttpResponse<byte[]> redirect = download(this.base + "/records/" + cityRecordId);
		assertThat(redirect.statusCode()).isEqualTo(302);
		assertThat(redirect.headers().firstValue("Location").orElseThrow()).endsWith("/records/" + id);
		assertThat(download(this.base + "/records/" + id + "/marc/999999999").statusCode()).isEqualTo(404);

		browser.manage().window().setSize(new Dimension(1280, 900));
		browser.get(this.base + "/records/" + id + "?lang=zh-CN");
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("record-title")));
		assertThat(browser.findElement(By.id("record-title")).getText()).isEqualTo("数字图书馆原理与实践");
		assertThat(browser.findElement(By.id("details")).getText()).contains("科学出版社")
			.contains("北京")
			.contains("320页")
			.contains("G250.76")
			.contains("赵四海");
		// holdings grouped by province, then library, with call numbers and copies
		WebElement guangdong = browser.findElement(By.cssSelector("section.province[data-province='广东省']"));
		assertThat(guangdong.findElement(By.tagName("h3")).getText()).isEqualTo("广东省");
		assertThat(guangdong.findElements(By.cssSelector(".holding-library"))).hasSize(2);
		assertThat(guangdong.getText()).contains("广东省立中山图书馆")
			.contains("G250.76/12")
			.contains("中文图书借阅区")
			.contains("共 2 册")
			.contains("广州图书馆")
			.contains("G250/7")
			.contains("少儿馆");
		assertThat(browser.findElement(By.cssSelector("section.province[data-province='浙江省']")).getText())
			.contains("浙江图书馆")
			.contains("未提供馆藏明细")
			.doesNotContain("共 0 册");
		assertThat(browser.findElement(By.id("holdings-heading")).getText()).isEqualTo("3 个图书馆收藏");
		// each library's record with why it was grouped
		assertThat(browser.findElements(By.cssSelector("tr.member"))).hasSize(3);
		assertThat(browser.findElement(By.id("members")).getText()).contains("portal-cite-2").contains("same");

		Browser.screenshot("portal-record");
		// the GB/T 7714 citation on the page, copied with the button
		assertThat(browser.findElement(By.id("cite-gbt7714")).getText())
			.isEqualTo("王大明, 李小红, 张三丰, 等. 数字图书馆原理与实践[M]. 北京: 科学出版社, 2009.");
		assertThat(browser.findElement(By.id("cite-bibtex")).getText()).startsWith("@book{ndlp" + id + ",");
		browser.findElement(By.cssSelector("button[data-copy='cite-gbt7714']")).click();
		wait.until(ExpectedConditions.textToBe(By.id("copy-status"), "已复制到剪贴板"));
		// each format downloads with its media type and file name
		for (String[] format : new String[][] { { "gbt7714", "text/plain", "txt", "王大明, 李小红, 张三丰, 等." },
				{ "ris", "application/x-research-info-systems", "ris", "TY  - BOOK\r\n" },
				{ "bibtex", "application/x-bibtex", "bib", "author = {王大明 and 李小红 and 张三丰 and 赵四海}" } }) {
			String href = browser.findElement(By.cssSelector("#citation-" + format[0] + " a.download"))
				.getAttribute("href");
			HttpResponse<byte[]> download = download(href);
			assertThat(download.statusCode()).isEqualTo(200);
			assertThat(download.headers().firstValue("Content-Type").orElseThrow()).startsWith(format[1])
				.contains("charset=UTF-8");
			assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
				.isEqualTo("attachment; filename=\"ndlp-" + id + "." + format[2] + "\"");
			assertThat(new String(download.body(), StandardCharsets.UTF_8)).contains(format[3]);
		}
		assertThat(download(this.base + "/records/" + id + "/cite?format=endnote").statusCode()).isEqualTo(400);

		// the original MARC of the provincial library's CNMARC record
		browser.findElement(By.cssSelector("tr.member a.marc-link")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("marc-fields")));
		assertThat(browser.findElement(By.id("marc-schema")).getText()).isEqualTo("CNMARC · ISO2709");
		assertThat(browser.findElement(By.cssSelector("tr[data-tag='200']")).getText()).contains("200")
			.contains("1#")
			.contains("$a数字图书馆原理与实践")
			.contains("$f王大明等主编");
		assertThat(browser.findElement(By.cssSelector("tr[data-tag='LDR']")).getText()).contains("nam0");
		Browser.screenshot("portal-record-marc");
		HttpResponse<byte[]> iso = download(browser.findElement(By.id("download-iso2709")).getAttribute("href"));
		assertThat(iso.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/marc");
		assertThat(iso.headers().firstValue("Content-Disposition").orElseThrow()).endsWith(".mrc\"");
		assertThat(iso.body()).isEqualTo(provincial.content());
		HttpResponse<byte[]> xml = download(browser.findElement(By.id("download-marcxml")).getAttribute("href"));
		assertThat(xml.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/marcxml+xml");
		assertThat(new String(xml.body(), StandardCharsets.UTF_8)).contains("数字图书馆原理与实践");
		browser.findElement(By.id("back-to-record")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("record-title")));

		// the city library's MARC 21 record arrived as MARCXML: ISO 2709 is written in
		// UTF-8
		String cityMarc = browser.findElements(By.cssSelector("tr.member a.marc-link")).get(1).getAttribute("href");
		HttpResponse<byte[]> written = download(cityMarc + "/iso2709");
		assertThat(written.statusCode()).isEqualTo(200);
		assertThat(new String(written.body(), StandardCharsets.UTF_8)).contains("數字圖書館原理與實踐");
		assertThat((char) written.body()[9]).isEqualTo('a');

		// English, a phone-sized screen, keyboard focus on the copy button
		browser.manage().window().setSize(new Dimension(390, 844));
		browser.get(this.base + "/records/" + id + "?lang=en");
		assertThat(browser.findElement(By.id("cite-heading")).getText()).isEqualTo("Cite");
		assertThat(browser.findElement(By.id("holdings-heading")).getText()).isEqualTo("Held by 3 libraries");
		Browser.screenshot("portal-record-phone-en");
		assertThat(noHorizontalOverflow()).isTrue();
		browser.get(cityMarc + "?lang=en");
		assertThat(browser.findElement(By.id("marc-title")).getText()).startsWith("Original MARC");
		assertThat(noHorizontalOverflow()).isTrue();
		browser.get(this.base + "/?lang=zh-CN");
	}

	private boolean noHorizontalOverflow() {
		return Boolean.FALSE.equals(((org.openqa.selenium.JavascriptExecutor) browser)
			.executeScript("return document.documentElement.scrollWidth > window.innerWidth + 1;"));
	}

	private static HttpResponse<byte[]> download(String url) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
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
