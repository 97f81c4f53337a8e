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
import static org.ndlp.support.Problems.assertProblem;
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
		record(guangdong, events, "{\"kind\":\"VPN_CONNECTED\",\"effectiveOn\":\"2015-03-01\"}");
		record(guangdong, events, "{\"kind\":\"HARDWARE_STANDARD_MET\",\"effectiveOn\":\"2015-06-30\"}");
		record(guangdong, events, "{\"kind\":\"FUNDS_RECEIVED\",\"effectiveOn\":\"2015-05-01\","
				+ "\"fundingSource\":\"CENTRAL\",\"amount\":1000000,\"fiscalYear\":2015}");
		record(guangdong, events,
				"{\"kind\":\"SYSTEM_DEPLOYED\",\"effectiveOn\":\"2015-09-01\",\"system\":\"UNIFIED_AUTHENTICATION\"}");
		JsonNode firstYear = guangdong.get("/api/v1/libraries/CN-440500-STL/deployment?asOf=2015-12-31").json();
		// later events: VPN dropped in 2013, money in 2013, a second system
		record(guangdong, events, "{\"kind\":\"VPN_DISCONNECTED\",\"effectiveOn\":\"2016-04-01\"}");
		record(guangdong, events, "{\"kind\":\"FUNDS_RECEIVED\",\"effectiveOn\":\"2016-05-01\","
				+ "\"fundingSource\":\"LOCAL\",\"amount\":250000.50,\"fiscalYear\":2016}");
		record(guangdong, events,
				"{\"kind\":\"SYSTEM_DEPLOYED\",\"effectiveOn\":\"2016-06-01\",\"system\":\"WENJIN_SEARCH\"}");

		JsonNode again = guangdong.get("/api/v1/libraries/CN-440500-STL/deployment?asOf=2015-12-31").json();
		assertThat(again).isEqualTo(firstYear);
		assertThat(again.get("vpnConnected").asBoolean()).isTrue();
		assertThat(again.get("hardwareStandardMet").asBoolean()).isTrue();
		assertThat(again.get("centralFunds").decimalValue()).isEqualByComparingTo("1000000");
		assertThat(again.get("localFunds").decimalValue()).isEqualByComparingTo("0");
		assertThat(again.get("systems").propertyNames()).containsExactly("UNIFIED_AUTHENTICATION");

		JsonNode before = guangdong.get("/api/v1/libraries/CN-440500-STL/deployment?asOf=2014-06-30").json();
		assertThat(before.get("vpnConnected").asBoolean()).isFalse();
		assertThat(before.get("centralFunds").decimalValue()).isEqualByComparingTo("0");

		JsonNode secondYear = guangdong.get("/api/v1/libraries/CN-440500-STL/deployment?asOf=2016-12-31").json();
		assertThat(secondYear.get("vpnConnected").asBoolean()).isFalse();
		assertThat(secondYear.get("localFunds").decimalValue()).isEqualByComparingTo("250000.50");
		assertThat(secondYear.get("systems").propertyNames()).containsExactlyInAnyOrder("UNIFIED_AUTHENTICATION",
				"WENJIN_SEARCH");
	}

	@Test
	void aCorrectionVoidsAnEventWithoutErasingIt() {
		Http zhejiang = Http.as(this.port, "zj-admin");
		String events = "/api/v1/libraries/CN-330200-NBL/deployment/events";
		long wrong = record(zhejiang, events,
				"{\"kind\":\"SYSTEM_DEPLOYED\",\"effectiveOn\":\"2015-02-01\",\"system\":\"DIGITAL_TV\"}");
		assertThat(zhejiang.get("/api/v1/libraries/CN-330200-NBL/deployment?asOf=2015-12-31")
			.json()
			.get("systems")
			.has("DIGITAL_TV")).isTrue();
		record(zhejiang, events, "{\"kind\":\"EVENT_VOIDED\",\"voidsEventId\":" + wrong + ",\"note\":\"录入有误\"}");
		assertThat(zhejiang.get("/api/v1/libraries/CN-330200-NBL/deployment?asOf=2015-12-31")
			.json()
			.get("systems")
			.has("DIGITAL_TV")).isFalse();
		JsonNode history = zhejiang.get(events).json();
		assertThat(history.findValuesAsString("kind")).contains("SYSTEM_DEPLOYED", "EVENT_VOIDED");
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
									+ "\"fundingSource\":\"CENTRAL\",\"amount\":-5,\"fiscalYear\":2015}"),
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
					"{\"kind\":\"SYSTEM_DEPLOYED\",\"effectiveOn\":\"2015-01-10\",\"system\":\"DIGITIZATION\"}");
		assertThat(own.status()).as(own.toString()).isEqualTo(201);
	}

	@Test
	void summaryCountsByLevelAndProvinceAsOfADate() {
		JsonNode end2012 = Http.as(this.port, "admin").get("/api/v1/deployment/summary?asOf=2012-12-31").json();
		// the demo data is the deck's end-2012 state: 24 provincial and 86 city libraries
		// at the standard
		assertThat(level(end2012, "PROVINCIAL").get("hardwareStandardMet").asInt()).isEqualTo(24);
		assertThat(level(end2012, "CITY").get("hardwareStandardMet").asInt()).isEqualTo(86);
		JsonNode end2011 = Http.as(this.port, "admin").get("/api/v1/deployment/summary?asOf=2011-12-31").json();
		assertThat(level(end2011, "PROVINCIAL").get("hardwareStandardMet").asInt()).isBetween(1, 23);
		int libraries = 0;
		int standard = 0;
		java.math.BigDecimal central = java.math.BigDecimal.ZERO;
		for (JsonNode province : end2012.get("byProvince")) {
			libraries += province.get("libraries").asInt();
			standard += province.get("hardwareStandardMet").asInt();
			central = central.add(province.get("centralFunds").decimalValue());
		}
		JsonNode national = level(end2012, "NATIONAL");
		JsonNode total = end2012.get("total");
		assertThat(libraries + national.get("libraries").asInt()).isEqualTo(total.get("libraries").asInt());
		assertThat(standard + national.get("hardwareStandardMet").asInt())
			.isEqualTo(total.get("hardwareStandardMet").asInt());
		assertThat(central.add(national.get("centralFunds").decimalValue()))
			.isEqualByComparingTo(total.get("centralFunds").decimalValue());
		assertThat(total.get("libraries").asInt())
			.isEqualTo(Http.anonymous(this.port).get("/api/v1/libraries").json().size());
		JsonNode guangdong = null;
		for (JsonNode province : end2012.get("byProvince")) {
			if (province.get("key").asString().equals("44")) {
				guangdong = province;
			}
		}
		assertThat(guangdong).isNotNull();
		assertThat(guangdong.get("label").asString()).isEqualTo("广东省");
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
