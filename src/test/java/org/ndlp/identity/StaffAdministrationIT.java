package org.ndlp.identity;

import java.util.ArrayList;
import java.util.List;

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
 * Delegated staff administration and the audit log over HTTP: each admin sees and manages
 * only the staff of its scope, grants no role above its own, and reads only its scope's
 * audit events.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class StaffAdministrationIT {

	private static final String PASSWORD = "qing-shan-lü-shui-2024";

	private final int port;

	StaffAdministrationIT(@Autowired Environment environment) {
		this.port = environment.getRequiredProperty("local.server.port", Integer.class);
	}

	@Test
	void provincialAdminSeesAndCreatesOnlyItsProvincesStaff() {
		Http guangdong = Http.as(this.port, "gd-admin");
		assertThat(usernames(guangdong.get("/api/v1/staff"))).contains("gd-admin", "gz-admin", "gz-cataloger")
			.doesNotContain("admin", "zj-admin");
		// another province's account is unknown, not forbidden
		assertProblem(guangdong.get("/api/v1/staff/zj-admin"), 404, null);
		assertProblem(guangdong.put("/api/v1/staff/zj-admin", "{\"enabled\":false}"), 404, null);
		assertProblem(guangdong.post("/api/v1/staff/zj-admin/password", "{\"password\":\"" + PASSWORD + "\"}"), 404,
				null);
		assertProblem(guangdong.get("/api/v1/staff/admin"), 404, null);
		assertProblem(guangdong.post("/api/v1/staff", newStaff("hz-cat", "CATALOGER", "CN-330000-PL")), 403, null);
		assertProblem(guangdong.post("/api/v1/staff", newStaff("nlc-cat", "CATALOGER", "CN-110000-NLC")), 403, null);
		assertProblem(guangdong.post("/api/v1/staff", newStaff("gz-boss", "NATIONAL_ADMIN", "CN-440100-GZL")), 403,
				null);
		assertProblem(guangdong.post("/api/v1/staff", newStaff("gz-prov", "PROVINCIAL_ADMIN", "CN-440100-GZL")), 400,
				"role");

		Response created = guangdong.post("/api/v1/staff", newStaff("gz-cat2", "CATALOGER", "CN-440100-GZL"));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(created.location()).endsWith("/api/v1/staff/gz-cat2");
		assertThat(Http.as(this.port, "gz-cat2", PASSWORD).get("/api/v1/ingest-jobs").status()).isNotEqualTo(401);
		assertThat(usernames(Http.as(this.port, "zj-admin").get("/api/v1/staff"))).doesNotContain("gz-cat2");
		assertProblem(Http.as(this.port, "zj-admin").get("/api/v1/staff/gz-cat2"), 404, null);
	}

	@Test
	void libraryAdminManagesOnlyItsOwnLibraryAndNoRoleAboveItsOwn() {
		Http guangzhou = Http.as(this.port, "gz-admin");
		List<String> seen = usernames(guangzhou.get("/api/v1/staff"));
		assertThat(seen).contains("gz-admin", "gz-cataloger").doesNotContain("gd-admin", "zj-admin", "admin");
		assertProblem(guangzhou.get("/api/v1/staff/gd-admin"), 404, null);
		assertProblem(guangzhou.post("/api/v1/staff", newStaff("sz-cat", "CATALOGER", "CN-440300-SZL")), 403, null);
		assertProblem(guangzhou.post("/api/v1/staff", newStaff("gz-prov2", "PROVINCIAL_ADMIN", "CN-440100-GZL")), 403,
				null);

		Response created = guangzhou.post("/api/v1/staff", newStaff("gz-cat3", "CATALOGER", "CN-440100-GZL"));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		Response promoted = guangzhou.put("/api/v1/staff/gz-cat3",
				"{\"role\":\"LIBRARY_ADMIN\",\"displayName\":\"新管理员\"}");
		assertThat(promoted.status()).as(promoted.toString()).isEqualTo(200);
		assertThat(promoted.json().get("role").asString()).isEqualTo("LIBRARY_ADMIN");
		assertProblem(guangzhou.put("/api/v1/staff/gz-admin", "{\"enabled\":false}"), 400, "enabled");

		Response disabled = guangzhou.put("/api/v1/staff/gz-cat3", "{\"enabled\":false}");
		assertThat(disabled.json().get("enabled").asBoolean()).isFalse();
		assertThat(Http.as(this.port, "gz-cat3", PASSWORD).get("/api/v1/staff").status()).isEqualTo(401);
		guangzhou.put("/api/v1/staff/gz-cat3", "{\"enabled\":true}");
		String reset = "{\"password\":\"bai-yun-shan-xia-99\"}";
		assertThat(guangzhou.post("/api/v1/staff/gz-cat3/password", reset).status()).isEqualTo(204);
		assertThat(Http.as(this.port, "gz-cat3", "bai-yun-shan-xia-99").get("/api/v1/staff").status()).isEqualTo(200);
	}

	@Test
	void cataloguersAdministerNobody() {
		assertProblem(Http.as(this.port, "gz-cataloger").get("/api/v1/staff"), 403, null);
		assertProblem(Http.as(this.port, "gz-cataloger").get("/api/v1/audit"), 403, null);
		assertProblem(Http.anonymous(this.port).get("/api/v1/staff"), 401, null);
	}

	@Test
	void passwordPolicyAnswersProblemsNamingTheField() {
		Http admin = Http.as(this.port, "admin");
		assertProblem(admin.post("/api/v1/staff", staff("gz-short", "short-pw", "CATALOGER")), 400, "password");
		assertProblem(admin.post("/api/v1/staff", staff("gz-named", "my-gz-named-password", "CATALOGER")), 400,
				"password");
		assertProblem(admin.post("/api/v1/staff", staff("gz-common", "Password1234", "CATALOGER")), 400, "password");
		assertProblem(admin.post("/api/v1/staff", staff("GZ Upper", PASSWORD, "CATALOGER")), 400, "username");
		assertThat(admin.post("/api/v1/staff", staff("gz-good", PASSWORD, "CATALOGER")).status()).isEqualTo(201);
		assertProblem(admin.post("/api/v1/staff", staff("gz-good", PASSWORD, "CATALOGER")), 409, "username");
		assertProblem(admin.post("/api/v1/staff/gz-good/password", "{\"password\":\"short\"}"), 400, "password");
	}

	@Test
	void auditEventsAreScopedToTheAdminsProvinceOrLibrary() {
		Http admin = Http.as(this.port, "admin");
		assertThat(admin.post("/api/v1/staff", newStaff("hz-audit", "CATALOGER", "CN-330000-PL")).status())
			.isEqualTo(201);
		assertThat(Http.as(this.port, "gd-admin")
			.post("/api/v1/staff", newStaff("gz-audit", "CATALOGER", "CN-440100-GZL"))
			.status()).isEqualTo(201);

		JsonNode national = admin.get("/api/v1/audit?action=STAFF_CREATED&size=200").json();
		assertThat(targets(national)).contains("hz-audit", "gz-audit");
		JsonNode zhejiang = Http.as(this.port, "zj-admin").get("/api/v1/audit?action=STAFF_CREATED&size=200").json();
		assertThat(targets(zhejiang)).contains("hz-audit").doesNotContain("gz-audit");
		JsonNode guangzhou = Http.as(this.port, "gz-admin").get("/api/v1/audit?actor=gd-admin&size=200").json();
		assertThat(targets(guangzhou)).contains("gz-audit").doesNotContain("hz-audit");
		JsonNode event = guangzhou.get("items").get(0);
		assertThat(event.get("actorLibrary").asString()).isEqualTo("CN-440000-PL");
		assertThat(event.get("clientIp").asString()).isNotBlank();
		assertThat(admin.get("/api/v1/audit?from=2999-01-01T00:00:00Z").json().get("total").asLong()).isZero();
		assertProblem(admin.get("/api/v1/audit?size=0"), 400, "size");
	}

	private static String newStaff(String username, String role, String library) {
		return "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\",\"displayName\":\"测试\",\"role\":\""
				+ role + "\",\"library\":\"" + library + "\"}";
	}

	private static String staff(String username, String password, String role) {
		return "{\"username\":\"" + username + "\",\"password\":\"" + password + "\",\"role\":\"" + role
				+ "\",\"library\":\"CN-440100-GZL\"}";
	}

	private static List<String> usernames(Response response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		List<String> names = new ArrayList<>();
		response.json().forEach((account) -> names.add(account.get("username").asString()));
		return names;
	}

	private static List<String> targets(JsonNode page) {
		List<String> names = new ArrayList<>();
		page.get("items").forEach((event) -> names.add(event.get("target").asString()));
		return names;
	}

}
