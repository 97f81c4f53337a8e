package org.ndlp.identity;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.ndlp.support.Http;
import org.ndlp.support.Http.Response;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For every endpoint family that writes a library's data, Guangzhou Library's cataloguer
 * and library admin cannot act for another library (Shenzhen Library, same province):
 * each answer is 403 or 404 problem+json. The national admin shows the same requests are
 * well-formed where that matters.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ScopeIT {

	private static final String OTHER = "CN-440300-SZL";

	private static final String[] CITY_STAFF = { "gz-cataloger", "gz-admin" };

	private final int port;

	ScopeIT(@Autowired Environment environment) {
		this.port = environment.getRequiredProperty("local.server.port", Integer.class);
	}

	@Test
	void ingestJobs() {
		for (String staff : CITY_STAFF) {
			refused(as(staff).upload("/api/v1/ingest-jobs?library=" + OTHER, "x.xml", "application/xml",
					marcxml("scope-x", "范围").getBytes(StandardCharsets.UTF_8)));
		}
	}

	@Test
	void recordSplitAndJoin() throws InterruptedException {
		Http admin = as("admin");
		ingest(admin, marcxml("scope-sz-1", "深圳范围测试甲书") + marcxml("scope-sz-2", "深圳范围测试乙种不同之书"));
		JsonNode first = Http.anonymous(this.port)
			.get("/api/v1/records?library=" + OTHER + "&localId=scope-sz-1")
			.json();
		JsonNode second = Http.anonymous(this.port)
			.get("/api/v1/records?library=" + OTHER + "&localId=scope-sz-2")
			.json();
		long one = first.get("id").asLong();
		long two = second.get("id").asLong();
		assertThat(one).isNotEqualTo(two);
		long member = first.get("members").get(0).get("recordId").asLong();
		for (String staff : CITY_STAFF) {
			refused(as(staff).post("/api/v1/records/" + one + "/split", "{\"recordIds\":[" + member + "]}"));
			refused(as(staff).post("/api/v1/records/" + one + "/join", "{\"otherId\":" + two + "}"));
		}
	}

	@Test
	void harvestSources() {
		String body = "{\"library\":\"" + OTHER + "\",\"baseUrl\":\"http://oai.example.org/oai\","
				+ "\"metadataPrefix\":\"marc21\",\"intervalMinutes\":1440,\"enabled\":false}";
		for (String staff : CITY_STAFF) {
			refused(as(staff).post("/api/v1/harvest-sources", body));
		}
		Response created = as("admin").post("/api/v1/harvest-sources", body);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		String path = "/api/v1/harvest-sources/" + created.json().get("id").asLong();
		for (String staff : CITY_STAFF) {
			refused(as(staff).get(path));
			refused(as(staff).put(path, body));
			refused(as(staff).post(path + "/run", "{}"));
			refused(as(staff).delete(path));
		}
	}

	@Test
	void resources() {
		String body = "{\"library\":\"" + OTHER + "\",\"title\":\"范围测试资源\",\"creator\":\"某馆\",\"resourceType\":\"视频\","
				+ "\"format\":\"MP4\",\"rights\":\"馆内免费\",\"itemCount\":1,\"sizeGb\":1,\"thematic\":\"地方文献\","
				+ "\"yearBuilt\":2016}";
		for (String staff : CITY_STAFF) {
			refused(as(staff).post("/api/v1/resources", body));
			refused(as(staff).put("/api/v1/resources/declarations/" + OTHER + "/2016", "{\"items\":1,\"sizeGb\":1}"));
		}
		Response created = as("admin").post("/api/v1/resources", body);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		String path = "/api/v1/resources/" + created.json().get("id").asLong();
		for (String staff : CITY_STAFF) {
			refused(as(staff).get(path));
			refused(as(staff).put(path, body));
			refused(as(staff).post(path + "/approve", "{}"));
			refused(as(staff).post(path + "/withdraw", "{}"));
		}
	}

	@Test
	void identifiers() {
		String body = "{\"prefix\":\"10001\",\"type\":\"bk\",\"locations\":[{\"href\":\"https://x.example.cn/\"}]}";
		for (String staff : CITY_STAFF) {
			refused(as(staff).post("/api/v1/identifiers", body));
			refused(as(staff).post("/api/v1/identifier-prefixes",
					"{\"prefix\":\"10001.440300\",\"library\":\"" + OTHER + "\"}"));
		}
	}

	@Test
	void quarterlyReports() {
		String report = "/api/v1/operations/reports/" + OTHER + "/2016/Q3";
		for (String staff : CITY_STAFF) {
			refused(as(staff).get(report));
			refused(as(staff).put(report, "{}"));
			refused(as(staff).post(report + "/submit", "{}"));
			refused(as(staff).post(report + "/approve", "{}"));
		}
	}

	@Test
	void librariesAndDeployments() {
		for (String staff : CITY_STAFF) {
			refused(as(staff).post("/api/v1/libraries/" + OTHER + "/deployment/events",
					"{\"kind\":\"VPN_CONNECTED\",\"effectiveOn\":\"2016-01-01\"}"));
			refused(as(staff).patch("/api/v1/libraries/" + OTHER, "{\"address\":\"别处\"}"));
			refused(as(staff).delete("/api/v1/libraries/" + OTHER));
		}
	}

	@Test
	void staffAccountsAndAudit() {
		for (String staff : CITY_STAFF) {
			refused(as(staff).post("/api/v1/staff", "{\"username\":\"sz-scope\",\"password\":\"shen-zhen-wan-2016\","
					+ "\"role\":\"CATALOGER\",\"library\":\"" + OTHER + "\"}"));
		}
		assertThat(as("admin").post("/api/v1/staff",
				"{\"username\":\"sz-scope\",\"password\":\"shen-zhen-wan-2016\",\"role\":\"CATALOGER\",\"library\":\""
						+ OTHER + "\"}")
			.status()).isEqualTo(201);
		for (String staff : CITY_STAFF) {
			refused(as(staff).get("/api/v1/staff/sz-scope"));
			refused(as(staff).put("/api/v1/staff/sz-scope", "{\"enabled\":false}"));
			refused(as(staff).post("/api/v1/staff/sz-scope/password", "{\"password\":\"shen-zhen-wan-2017\"}"));
		}
		refused(as("gz-cataloger").get("/api/v1/audit"));
		assertThat(as("gz-admin").get("/api/v1/audit?actor=admin&action=STAFF_CREATED&size=200").text())
			.doesNotContain("sz-scope");
	}

	private Http as(String username) {
		return Http.as(this.port, username);
	}

	private static void refused(Response response) {
		assertThat(response.status()).as(response.toString()).isIn(403, 404);
		assertThat(response.contentType()).as(response.toString()).startsWith("application/problem+json");
	}

	private void ingest(Http staff, String records) throws InterruptedException {
		String collection = "<collection xmlns=\"http://www.loc.gov/MARC21/slim\">" + records + "</collection>";
		staff.ingest(OTHER, collection);
	}

	private static String marcxml(String localId, String title) {
		return "<record><leader>00000nam a2200000 a 4500</leader><controlfield tag=\"001\">" + localId
				+ "</controlfield><controlfield tag=\"008\">020101s2015    ch            000 0 chi d</controlfield>"
				+ "<datafield tag=\"245\" ind1=\"1\" ind2=\"0\"><subfield code=\"a\">" + title
				+ "</subfield></datafield><datafield tag=\"100\" ind1=\"1\" ind2=\" \"><subfield code=\"a\">" + localId
				+ "</subfield></datafield></record>";
	}

}
