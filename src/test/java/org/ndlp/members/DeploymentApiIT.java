package org.ndlp.members;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.ndlp.support.Http;
import org.ndlp.support.Http.Response;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ndlp.members.LibraryApiIT.assertProblem;
import static org.ndlp.members.LibraryApiIT.draft;

/**
 * Deployment history over HTTP: append-only events and the state they give on any date.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DeploymentApiIT {

	private final int port;

	DeploymentApiIT(@Autowired Environment environment) {
		this.port = environment.getRequiredProperty("local.server.port", Integer.class);
	}

	@Test
	void stateAsOfAPastDateStaysCorrectAfterLaterEvents() {
		Http guangdong = Http.as(this.port, "gd-admin");
		assertThat(
				guangdong.post("/api/v1/libraries", draft("CN-440500-STL", "汕头市图书馆", "CITY", "CN-440000-PL", "440500"))
					.status())
			.isEqualTo(201);
		String events = "/api/v1/libraries/CN-440500-STL/deployment/events";
		record(guangdong, events, "{\"kind\":\"VPN_CONNECTED\",\"effectiveOn\":\"2012-03-01\"}");
		record(guangdong, events, "{\"kind\":\"HARDWARE_STANDARD_MET\",\"effectiveOn\":\"2012-06-30\"}");
		record(guangdong, events, "{\"kind\":\"FUNDS_RECEIVED\",\"effectiveOn\":\"2012-05-01\","
				+ "\"fundingSource\":\"CENTRAL\",\"amount\":1000000,\"fiscalYear\":2012}");
		record(guangdong, events,
				"{\"kind\":\"SYSTEM_DEPLOYED\",\"effectiveOn\":\"2012-09-01\",\"system\":\"UNIFIED_AUTHENTICATION\"}");
		JsonNode end2012 = guangdong.get("/api/v1/libraries/CN-440500-STL/deployment?asOf=2012-12-31").json();
		// later events: VPN dropped in 2013, money in 2013, a second system
		record(guangdong, events, "{\"kind\":\"VPN_DISCONNECTED\",\"effectiveOn\":\"2013-04-01\"}");
		record(guangdong, events, "{\"kind\":\"FUNDS_RECEIVED\",\"effectiveOn\":\"2013-05-01\","
				+ "\"fundingSource\":\"LOCAL\",\"amount\":250000.50,\"fiscalYear\":2013}");
		record(guangdong, events,
				"{\"kind\":\"SYSTEM_DEPLOYED\",\"effectiveOn\":\"2013-06-01\",\"system\":\"WENJIN_SEARCH\"}");

		JsonNode again = guangdong.get("/api/v1/libraries/CN-440500-STL/deployment?asOf=2012-12-31").json();
		assertThat(again).isEqualTo(end2012);
		assertThat(again.get("vpnConnected").asBoolean()).isTrue();
		assertThat(again.get("hardwareStandardMet").asBoolean()).isTrue();
		assertThat(again.get("centralFunds").decimalValue()).isEqualByComparingTo("1000000");
		assertThat(again.get("localFunds").decimalValue()).isEqualByComparingTo("0");
		assertThat(again.get("systems").propertyNames()).containsExactly("UNIFIED_AUTHENTICATION");

		JsonNode mid2011 = guangdong.get("/api/v1/libraries/CN-440500-STL/deployment?asOf=2011-06-30").json();
		assertThat(mid2011.get("vpnConnected").asBoolean()).isFalse();
		assertThat(mid2011.get("centralFunds").decimalValue()).isEqualByComparingTo("0");

		JsonNode end2013 = guangdong.get("/api/v1/libraries/CN-440500-STL/deployment?asOf=2013-12-31").json();
		assertThat(end2013.get("vpnConnected").asBoolean()).isFalse();
		assertThat(end2013.get("localFunds").decimalValue()).isEqualByComparingTo("250000.50");
		assertThat(end2013.get("systems").propertyNames()).containsExactlyInAnyOrder("UNIFIED_AUTHENTICATION",
				"WENJIN_SEARCH");
	}

	@Test
	void aCorrectionVoidsAnEventWithoutErasingIt() {
		Http zhejiang = Http.as(this.port, "zj-admin");
		String events = "/api/v1/libraries/CN-330200-NBL/deployment/events";
		long wrong = record(zhejiang, events, "{\"kind\":\"VPN_CONNECTED\",\"effectiveOn\":\"2012-02-01\"}");
		assertThat(zhejiang.get("/api/v1/libraries/CN-330200-NBL/deployment?asOf=2012-12-31")
			.json()
			.get("vpnConnected")
			.asBoolean()).isTrue();
		record(zhejiang, events, "{\"kind\":\"EVENT_VOIDED\",\"voidsEventId\":" + wrong + ",\"note\":\"录入有误\"}");
		assertThat(zhejiang.get("/api/v1/libraries/CN-330200-NBL/deployment?asOf=2012-12-31")
			.json()
			.get("vpnConnected")
			.asBoolean()).isFalse();
		JsonNode history = zhejiang.get(events).json();
		assertThat(history.findValuesAsString("kind")).contains("VPN_CONNECTED", "EVENT_VOIDED");
		assertThat(history.findValuesAsString("recordedBy")).contains("zj-admin");
		assertProblem(zhejiang.post(events, "{\"kind\":\"EVENT_VOIDED\",\"voidsEventId\":" + wrong + "}"), 400,
				"voidsEventId");
	}

	@Test
	void eventsMissingWhatTheirKindNeedsAreProblemsNamingTheField() {
		Http admin = Http.as(this.port, "admin");
		String events = "/api/v1/libraries/CN-510100-CDL/deployment/events";
		assertProblem(admin.post(events, "{\"kind\":\"SYSTEM_DEPLOYED\",\"effectiveOn\":\"2012-01-01\"}"), 400,
				"system");
		assertProblem(
				admin
					.post(events,
							"{\"kind\":\"FUNDS_RECEIVED\",\"effectiveOn\":\"2012-01-01\","
									+ "\"fundingSource\":\"CENTRAL\",\"amount\":-5,\"fiscalYear\":2012}"),
				400, "amount");
		assertProblem(admin.post(events, "{\"kind\":\"FUNDS_RECEIVED\",\"effectiveOn\":\"2012-01-01\","
				+ "\"fundingSource\":\"CENTRAL\",\"amount\":5}"), 400, "fiscalYear");
		assertProblem(admin.post(events, "{\"kind\":\"VPN_CONNECTED\"}"), 400, "effectiveOn");
		assertProblem(admin.post(events, "{\"kind\":\"VPN_CONNECTED\",\"effectiveOn\":\"2012-13-45\"}"), 400,
				"effectiveOn");
		assertProblem(admin.post(events, "{\"kind\":\"VPN_CONNECTED\",\"effectiveOn\":\"2999-01-01\"}"), 400,
				"effectiveOn");
		assertProblem(admin.post(events, "{\"kind\":\"LAUNCHED\",\"effectiveOn\":\"2012-01-01\"}"), 400, "kind");
		assertProblem(admin.get("/api/v1/libraries/CN-510100-CDL/deployment?asOf=yesterday"), 400, "asOf");
	}

	@Test
	void staffOfOneLibraryCannotRecordForAnother() {
		assertProblem(Http.as(this.port, "gz-admin")
			.post("/api/v1/libraries/CN-440300-SZL/deployment/events",
					"{\"kind\":\"VPN_CONNECTED\",\"effectiveOn\":\"2012-01-01\"}"),
				403, null);
		assertProblem(Http.as(this.port, "zj-admin")
			.post("/api/v1/libraries/CN-440100-GZL/deployment/events",
					"{\"kind\":\"VPN_CONNECTED\",\"effectiveOn\":\"2012-01-01\"}"),
				403, null);
		assertThat(Http.anonymous(this.port).get("/api/v1/libraries/CN-440100-GZL/deployment").status()).isEqualTo(401);
		Response own = Http.as(this.port, "gz-admin")
			.post("/api/v1/libraries/CN-440100-GZL/deployment/events",
					"{\"kind\":\"SYSTEM_DEPLOYED\",\"effectiveOn\":\"2013-01-10\",\"system\":\"DIGITIZATION\"}");
		assertThat(own.status()).as(own.toString()).isEqualTo(201);
	}

	@Test
	void summaryCountsByLevelAndProvinceAsOfADate() {
		JsonNode summary = Http.as(this.port, "admin").get("/api/v1/deployment/summary?asOf=2011-12-31").json();
		JsonNode provincial = level(summary, "PROVINCIAL");
		// demo data: Guangdong and Zhejiang provincial libraries met the standard in
		// December 2011
		assertThat(provincial.get("hardwareStandardMet").asInt()).isEqualTo(2);
		assertThat(provincial.get("libraries").asInt()).isGreaterThanOrEqualTo(31);
		JsonNode guangdong = null;
		for (JsonNode province : summary.get("byProvince")) {
			if (province.get("key").asString().equals("44")) {
				guangdong = province;
			}
		}
		assertThat(guangdong).isNotNull();
		assertThat(guangdong.get("label").asString()).isEqualTo("广东省");
		assertThat(guangdong.get("centralFunds").decimalValue()).isEqualByComparingTo("7000000");
		assertThat(guangdong.get("localFunds").decimalValue()).isEqualByComparingTo("5300000");
		assertThat(summary.get("total").get("libraries").asInt())
			.isEqualTo(Http.anonymous(this.port).get("/api/v1/libraries").json().size());
	}

	private static JsonNode level(JsonNode summary, String key) {
		for (JsonNode tally : summary.get("byLevel")) {
			if (tally.get("key").asString().equals(key)) {
				return tally;
			}
		}
		throw new AssertionError("no tally for " + key);
	}

	private static long record(Http http, String path, String json) {
		Response response = http.post(path, json);
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.json().get("id").asLong();
	}

}
