package org.ndlp.operations;

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

/**
 * The deck's end-2012 figures (SEED-NOTES.md), read from the dashboard's own API over the
 * per-library demo records.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class OperationsApiIT {

	private final int port;

	OperationsApiIT(@Autowired Environment environment) {
		this.port = environment.getRequiredProperty("local.server.port", Integer.class);
	}

	@Test
	void reproducesTheDecksEnd2012Figures() {
		JsonNode nation = Http.as(this.port, "admin").get("/api/v1/operations/overview?asOf=2012-12-31").json();
		assertThat(nation.get("scopeName").asString()).isEqualTo("全国");
		JsonNode provincial = level(nation, "PROVINCIAL");
		JsonNode city = level(nation, "CITY");
		assertThat(provincial.get("libraries").asInt()).isEqualTo(33);
		assertThat(provincial.get("hardwareStandardMet").asInt()).isEqualTo(24);
		assertThat(city.get("hardwareStandardMet").asInt()).isEqualTo(86);
		assertPlan(nation, "PROVINCIAL", 2011, 15, 14, 93);
		assertPlan(nation, "PROVINCIAL", 2012, 18, 10, 56);
		assertPlan(nation, "CITY", 2011, 52, 39, 75);
		assertPlan(nation, "CITY", 2012, 133, 47, 35);
		assertThat(nation.get("vpnConnected").asInt()).isEqualTo(60);
		JsonNode unified = system(nation, "UNIFIED_AUTHENTICATION");
		assertThat(unified.get("provincial").asInt()).isEqualTo(7);
		assertThat(unified.get("city").asInt()).isEqualTo(5);
		assertThat(system(nation, "GOV_INFO_PLATFORM").get("total").asInt()).isEqualTo(22);
		JsonNode money = nation.get("money");
		assertThat(money.get("central").decimalValue()).isEqualByComparingTo("173000000");
		assertThat(money.get("local").decimalValue()).isEqualByComparingTo("99784000");
		assertThat(provincial.get("withCentralFunds").asInt()).isEqualTo(33);
		assertThat(city.get("withCentralFunds").asInt()).isEqualTo(185);
		assertThat(nation.get("training").get("nationalSessions").asInt()).isEqualTo(16);
		assertThat(nation.get("training").get("nationalAttendees").asInt()).isGreaterThan(1500);
		JsonNode press = nation.get("press");
		assertThat(press.get("reports").asInt()).isEqualTo(528);
		assertThat(press.get("central").asInt()).isEqualTo(203);
		assertThat(press.get("local").asInt()).isEqualTo(325);
		assertThat(press.get("aboutProject").asInt()).isEqualTo(66);
		// 90,000+ registered entries (registration records) from 11 provincial and 22
		// city
		// libraries
		JsonNode registrations = nation.get("registrations");
		assertThat(registrations.get("entries").asLong()).isGreaterThan(90_000);
		assertThat(registrations.get("provincialLibraries").asInt()).isEqualTo(11);
		assertThat(registrations.get("cityLibraries").asInt()).isEqualTo(22);
		assertThat(registrations.get("librariesRegistering").asInt()).isEqualTo(33);
		assertThat(registrations.get("ratio").get("itemsPercent").decimalValue())
			.isBetween(new java.math.BigDecimal("80"), new java.math.BigDecimal("100"));
		assertThat(registrations.get("librariesBelow80").asInt()).isPositive();
	}

	@Test
	void registrationsShowAtTheProvincialAndLibraryTiers() {
		JsonNode guangdong = Http.as(this.port, "gd-admin")
			.get("/api/v1/operations/overview?asOf=2012-12-31")
			.json()
			.get("registrations");
		assertThat(guangdong.get("provincialLibraries").asInt()).isEqualTo(1);
		assertThat(guangdong.get("cityLibraries").asInt()).isEqualTo(2);
		JsonNode end2011 = Http.as(this.port, "admin").get("/api/v1/operations/overview?asOf=2011-12-31").json();
		assertThat(end2011.get("registrations").get("entries").asLong()).isPositive().isLessThan(90_000);
		JsonNode library = Http.as(this.port, "gz-cataloger")
			.get("/api/v1/operations/libraries/CN-440100-GZL/registrations?asOf=2012-12-31")
			.json();
		assertThat(library.get("ratio").get("records").asLong()).isPositive();
		assertThat(library.get("ratio").get("declaredItems").asLong()).isPositive();
		assertProblem(
				Http.as(this.port, "gz-cataloger").get("/api/v1/operations/libraries/CN-440300-SZL/registrations"), 403,
				null);
	}

	@Test
	void theSameRecordsGiveFebruary2013AndEarlierDates() {
		Http admin = Http.as(this.port, "admin");
		JsonNode feb2013 = admin.get("/api/v1/operations/overview?asOf=2013-02-28").json();
		// by February 2013 the NLC was linked to 28 provincial-level and 45 city
		// libraries
		assertThat(level(feb2013, "PROVINCIAL").get("vpnConnected").asInt()).isEqualTo(28);
		assertThat(level(feb2013, "CITY").get("vpnConnected").asInt()).isEqualTo(45);
		assertThat(level(feb2013, "NATIONAL").get("vpnConnected").asInt()).isEqualTo(1);
		JsonNode end2011 = admin.get("/api/v1/operations/overview?asOf=2011-12-31").json();
		assertThat(end2011.get("money").get("central").decimalValue())
			.isLessThan(new java.math.BigDecimal("173000000"));
		assertThat(level(end2011, "PROVINCIAL").get("hardwareStandardMet").asInt()).isLessThan(24);
		JsonNode trend = admin.get("/api/v1/operations/trend?asOf=2013-12-31").json();
		assertThat(trend.findValuesAsString("year")).containsExactly("2011", "2012", "2013");
		assertThat(trend.get(1).get("hardwareStandardMet").asInt()).isEqualTo(24 + 86);
		assertThat(trend.get(2).get("hardwareStandardMet").asInt()).isGreaterThan(24 + 86);
	}

	@Test
	void aProvinceSeesItsOwnLibrariesAndTheNationSeesAll() {
		Http guangdong = Http.as(this.port, "gd-admin");
		JsonNode own = guangdong.get("/api/v1/operations/overview?asOf=2012-12-31").json();
		assertThat(own.get("province").asString()).isEqualTo("44");
		assertThat(own.get("scopeName").asString()).isEqualTo("广东省");
		assertThat(level(own, "NATIONAL")).isNull();
		assertProblem(guangdong.get("/api/v1/operations/overview?province=33"), 403, null);
		assertProblem(guangdong.get("/api/v1/operations/provinces"), 403, null);
		assertProblem(Http.as(this.port, "gz-admin").get("/api/v1/operations/overview"), 403, null);
		assertProblem(Http.as(this.port, "admin").get("/api/v1/operations/overview?province=99"), 400, "province");
		JsonNode libraries = guangdong.get("/api/v1/operations/provinces/44/libraries?asOf=2012-12-31").json();
		assertThat(libraries.findValuesAsString("key")).contains("CN-440000-PL", "CN-440100-GZL")
			.allMatch((code) -> code.startsWith("CN-44"));
		JsonNode provinces = Http.as(this.port, "admin").get("/api/v1/operations/provinces?asOf=2012-12-31").json();
		int sum = 0;
		for (JsonNode row : provinces) {
			sum += row.get("hardwareStandardMet").asInt();
		}
		assertThat(sum).isEqualTo(24 + 86);
		assertThat(Http.as(this.port, "gz-cataloger").get("/api/v1/operations/libraries/CN-440100-GZL").status())
			.isEqualTo(200);
		assertProblem(Http.as(this.port, "gz-cataloger").get("/api/v1/operations/libraries/CN-440300-SZL"), 403, null);
	}

	@Test
	void recordedTrainingAndPressAreCounted() {
		Http guangdong = Http.as(this.port, "gd-admin");
		JsonNode before = guangdong.get("/api/v1/operations/overview?asOf=2014-12-31").json();
		Response session = guangdong.post("/api/v1/operations/training-sessions",
				"{\"heldOn\":\"2014-05-06\",\"level\":\"PROVINCIAL\",\"title\":\"全省推广工程培训班\","
						+ "\"organizer\":\"CN-440100-GZL\",\"attendees\":55}");
		assertThat(session.status()).as(session.toString()).isEqualTo(201);
		Response report = guangdong.post("/api/v1/operations/press-reports",
				"{\"publishedOn\":\"2014-06-01\",\"outlet\":\"南方日报\",\"outletLevel\":\"LOCAL\","
						+ "\"aboutProject\":true,\"title\":\"广州图书馆接入推广工程虚拟网\",\"library\":\"CN-440100-GZL\"}");
		assertThat(report.status()).as(report.toString()).isEqualTo(201);
		JsonNode after = guangdong.get("/api/v1/operations/overview?asOf=2014-12-31").json();
		assertThat(after.get("training").get("attendees").asInt())
			.isEqualTo(before.get("training").get("attendees").asInt() + 55);
		assertThat(after.get("press").get("aboutProject").asInt())
			.isEqualTo(before.get("press").get("aboutProject").asInt() + 1);
		assertProblem(Http.as(this.port, "zj-admin")
			.post("/api/v1/operations/press-reports",
					"{\"publishedOn\":\"2014-06-01\",\"outlet\":\"x\",\"outletLevel\":\"LOCAL\",\"title\":\"x\","
							+ "\"library\":\"CN-440100-GZL\"}"),
				403, null);
		assertProblem(guangdong.post("/api/v1/operations/training-sessions",
				"{\"heldOn\":\"2014-05-06\",\"level\":\"PROVINCIAL\",\"title\":\"x\",\"organizer\":\"CN-440100-GZL\","
						+ "\"attendees\":0}"),
				400, "attendees");
	}

	private static void assertPlan(JsonNode overview, String level, int year, int planned, int done, int percent) {
		for (JsonNode plan : overview.get("plans")) {
			if (plan.get("level").asString().equals(level) && plan.get("year").asInt() == year) {
				assertThat(plan.get("planned").asInt()).as(level + " " + year + " planned").isEqualTo(planned);
				assertThat(plan.get("done").asInt()).as(level + " " + year + " done").isEqualTo(done);
				assertThat(plan.get("percent").asInt()).as(level + " " + year + " %").isEqualTo(percent);
				return;
			}
		}
		throw new AssertionError("no plan for " + level + " " + year);
	}

	static JsonNode level(JsonNode overview, String level) {
		for (JsonNode figures : overview.get("levels")) {
			if (figures.get("level").asString().equals(level)) {
				return figures;
			}
		}
		return null;
	}

	private static JsonNode system(JsonNode overview, String system) {
		for (JsonNode use : overview.get("systems")) {
			if (use.get("system").asString().equals(system)) {
				return use;
			}
		}
		throw new AssertionError("no system " + system);
	}

}
