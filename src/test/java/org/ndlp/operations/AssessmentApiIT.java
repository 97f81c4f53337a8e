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

/** Assessment over HTTP: evidence-based scores, assessors' scores, what-if, scope. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AssessmentApiIT {

	private final int port;

	AssessmentApiIT(@Autowired Environment environment) {
		this.port = environment.getRequiredProperty("local.server.port", Integer.class);
	}

	@Test
	void scoresAreReproducibleFromEvidenceAndAssessorsScores() {
		Http guangdong = Http.as(this.port, "gd-admin");
		String path = "/api/v1/operations/assessments/2012/libraries/CN-440100-GZL";
		JsonNode first = guangdong.get(path).json();
		assertThat(first.get("max").decimalValue()).isEqualByComparingTo("40");
		assertThat(first.get("level").asString()).isEqualTo("CITY");
		// Guangzhou at end 2012 (demo data): central money, hardware at standard, on the
		// VPN, unified auth
		assertThat(criterion(first, "FUNDING_CENTRAL").get("points").decimalValue()).isEqualByComparingTo("2");
		assertThat(criterion(first, "PLATFORM_HARDWARE").get("points").decimalValue()).isEqualByComparingTo("3");
		assertThat(criterion(first, "PLATFORM_VPN").get("points").decimalValue()).isEqualByComparingTo("2");
		assertThat(criterion(first, "SERVICES_SHARED").get("points").decimalValue()).isEqualByComparingTo("2");
		assertThat(criterion(first, "PLATFORM_HARDWARE").get("evidenceUrl").asString())
			.isEqualTo("/api/v1/libraries/CN-440100-GZL/deployment?asOf=2012-12-31");
		assertThat(criterion(first, "STANDARDS_APPLIED").get("source").asString()).isEqualTo("PENDING");
		assertThat(guangdong.get(path).json()).as("the same evidence gives the same assessment").isEqualTo(first);

		Response scored = guangdong.put(path + "/scores/STANDARDS_APPLIED",
				"{\"points\":1.5,\"note\":\"执行元数据标准\",\"evidenceUrl\":\"https://example.org/report\"}");
		assertThat(scored.status()).as(scored.toString()).isEqualTo(200);
		JsonNode second = scored.json();
		assertThat(criterion(second, "STANDARDS_APPLIED").get("source").asString()).isEqualTo("MANUAL");
		assertThat(second.get("total").decimalValue())
			.isEqualByComparingTo(first.get("total").decimalValue().add(new java.math.BigDecimal("1.5")));
		assertThat(Http.as(this.port, "gz-admin").get(path).json().get("total").decimalValue())
			.as("the library sees its own assessment")
			.isEqualByComparingTo(second.get("total").decimalValue());

		assertProblem(guangdong.put(path + "/scores/STANDARDS_APPLIED", "{\"points\":3}"), 400, "points");
		assertProblem(guangdong.put(path + "/scores/PLATFORM_HARDWARE", "{\"points\":1}"), 400, "criterion");
		assertProblem(Http.as(this.port, "gz-admin").put(path + "/scores/STANDARDS_APPLIED", "{\"points\":2}"), 403,
				null);
		assertProblem(Http.as(this.port, "zj-admin").get(path), 403, null);
		assertProblem(guangdong.get("/api/v1/operations/assessments/2012/libraries/CN-110000-NLC"), 403, null);
		assertProblem(Http.as(this.port, "admin").get("/api/v1/operations/assessments/2012/libraries/CN-110000-NLC"),
				400, "code");
	}

	@Test
	void whatIfShowsTheScoreWithChangedEvidenceAndStoresNothing() {
		Http zhejiang = Http.as(this.port, "zj-admin");
		String path = "/api/v1/operations/assessments/2012/libraries/CN-330000-PL";
		JsonNode actual = zhejiang.get(path).json();
		JsonNode whatIf = zhejiang
			.post(path + "/what-if",
					"{\"addSystems\":[\"UNIQUE_IDENTIFIER\"],\"trainingSessions\":4,"
							+ "\"manualScores\":{\"RESOURCES_REGISTERED\":3}}")
			.json();
		assertThat(whatIf.get("whatIf").asBoolean()).isTrue();
		assertThat(whatIf.get("total").decimalValue()).isGreaterThan(actual.get("total").decimalValue());
		assertThat(criterion(whatIf, "TRAINING_HELD").get("points").decimalValue()).isEqualByComparingTo("2");
		assertThat(criterion(whatIf, "RESOURCES_REGISTERED").get("points").decimalValue()).isEqualByComparingTo("3");
		assertThat(zhejiang.get(path).json()).as("nothing stored").isEqualTo(actual);
		assertThat(criterion(actual, "PLATFORM_PROVINCE").get("points").decimalValue()).isPositive();
	}

	private static JsonNode criterion(JsonNode result, String id) {
		for (JsonNode indicator : result.get("indicators")) {
			for (JsonNode criterion : indicator.get("criteria")) {
				if (criterion.get("id").asString().equals(id)) {
					return criterion;
				}
			}
		}
		throw new AssertionError("no criterion " + id);
	}

}
