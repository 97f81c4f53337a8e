package org.ndlp.identifiers;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import org.ndlp.support.Browser;
import org.ndlp.support.Http;
import org.ndlp.support.Http.Response;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Guangzhou librarian finds an identifier in the console, moves it to a new address and
 * sees the change in its history (zh-CN).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class IdentifierConsoleBrowserIT {

	private final String base;

	private final int port;

	IdentifierConsoleBrowserIT(@Autowired Environment environment) {
		this.port = Integer.parseInt(environment.getRequiredProperty("local.server.port"));
		this.base = "http://localhost:" + this.port;
	}

	@Test
	void librarianSearchesEditsLocationsAndSeesHistory() {
		Http admin = Http.as(this.port, "admin");
		admin.post("/api/v1/identifier-prefixes",
				"{\"prefix\":\"" + IdentifiersIT.GZ_PREFIX + "\",\"library\":\"CN-440100-GZL\"}");
		Response minted = Http.as(this.port, "gz-cataloger")
			.post("/api/v1/identifiers", "{\"prefix\":\"" + IdentifiersIT.GZ_PREFIX
					+ "\",\"type\":\"np\",\"title\":\"羊城晚报 1957年创刊号\",\"locations\":[{\"href\":\"https://old.example.cn/np/1\"}]}");
		assertThat(minted.status()).as(minted.toString()).isEqualTo(201);
		String handle = minted.json().get("identifier").asString();

		WebDriver browser = Browser.get();
		Browser.signIn(this.base, "gz-admin");
		browser.get(this.base + "/admin/identifiers");
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("唯一标识符");
		browser.findElement(By.id("q")).sendKeys("羊城晚报");
		Browser.clickAndWait(By.id("identifier-search"));
		Browser.clickAndWait(By.linkText(handle));
		assertThat(browser.findElement(By.id("identifier-status")).getText()).isEqualTo("有效");

		browser.findElement(By.id("href-0")).clear();
		browser.findElement(By.id("href-0")).sendKeys("https://new.example.cn/np/1");
		browser.findElement(By.id("href-1")).sendKeys("https://new.example.cn/np/1.pdf");
		browser.findElement(By.id("media-1")).sendKeys("application/pdf");
		Browser.clickAndWait(By.id("save-locations"));
		assertThat(browser.findElement(By.id("saved")).getText()).isEqualTo("地址已保存。");
		String history = browser.findElement(By.id("identifier-history")).getText();
		assertThat(history).contains("生成")
			.contains("修改地址")
			.contains("gz-admin")
			.contains("https://new.example.cn/np/1.pdf");
		Browser.screenshot("identifier-console");

		Response pdf = Http.anonymous(this.port).get("/id/" + handle);
		assertThat(pdf.status()).isEqualTo(200);
		assertThat(pdf.text()).contains("https://new.example.cn/np/1.pdf");
	}

}
