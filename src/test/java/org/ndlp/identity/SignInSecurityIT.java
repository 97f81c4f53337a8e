package org.ndlp.identity;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.ndlp.identity.internal.accounts.Totp;
import org.ndlp.support.Http;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-in security over HTTP: lockout after N failures (and its end), the per-address
 * limit (429 on the API, a message on the sign-in page), the TOTP step required of admins
 * (enrolment on first sign-in), session fixation protection and CSRF.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SignInSecurityIT {

	private static final String PASSWORD = "hong-mian-hua-kai-2024";

	private static final AtomicInteger ADDRESSES = new AtomicInteger(10);

	private final int port;

	private final int attempts;

	private final int perAddress;

	SignInSecurityIT(@Autowired Environment environment) {
		this.port = environment.getRequiredProperty("local.server.port", Integer.class);
		this.attempts = environment.getProperty("ndlp.identity.lockout.attempts", Integer.class, 5);
		this.perAddress = environment.getProperty("ndlp.identity.lockout.failures-per-address", Integer.class, 50);
	}

	@Test
	void failedSignInsLockTheLoginNameForTheConfiguredTime() throws Exception {
		createCataloguer("lock-basic");
		String address = newAddress();
		for (int i = 0; i < this.attempts; i++) {
			assertThat(basic("lock-basic", "wrong-password-" + i, address).statusCode()).isEqualTo(401);
		}
		// locked: even the right password is refused, from any address, by form too
		assertThat(basic("lock-basic", PASSWORD, newAddress()).statusCode()).isEqualTo(401);
		FormClient form = new FormClient(this.port, newAddress());
		HttpResponse<String> refused = form.signIn("lock-basic", PASSWORD);
		assertThat(FormClient.location(refused)).contains("/login?error");
		assertThat(form.get("/login?error").body()).contains("id=\"login-locked\"");
		assertThat(Http.as(this.port, "admin").get("/api/v1/audit?action=ACCOUNT_LOCKED&actor=lock-basic").text())
			.contains("lock-basic");

		Thread.sleep(3_200);
		assertThat(basic("lock-basic", PASSWORD, address).statusCode()).as("signed in, forbidden").isEqualTo(403);
	}

	@Test
	void aSuccessfulSignInForgetsEarlierFailures() {
		createCataloguer("lock-reset");
		String address = newAddress();
		for (int round = 0; round < 2; round++) {
			for (int i = 0; i < this.attempts - 1; i++) {
				assertThat(basic("lock-reset", "wrong-password-" + i, address).statusCode()).isEqualTo(401);
			}
			assertThat(basic("lock-reset", PASSWORD, address).statusCode()).as("signed in, forbidden").isEqualTo(403);
		}
	}

	@Test
	void anAddressThatFailsTooOftenIsRefusedWith429AndAMessage() {
		String address = newAddress();
		for (int i = 0; i < this.perAddress; i++) {
			// a different, unknown login name each time: only the address limit can bite
			basic("nobody-" + i, "wrong-password", address);
		}
		HttpResponse<String> refused = basic("admin", Http.ADMIN_PASSWORD, address);
		assertThat(refused.statusCode()).isEqualTo(429);
		assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		assertThat(refused.body()).contains("\"status\":429");
		FormClient form = new FormClient(this.port, address);
		assertThat(FormClient.location(form.signIn("admin", Http.ADMIN_PASSWORD))).endsWith("/login?throttled");
		assertThat(form.get("/login?throttled").body()).contains("id=\"login-throttled\"");
		// other addresses are not affected
		assertThat(basic("admin", Http.ADMIN_PASSWORD, newAddress()).statusCode()).isEqualTo(200);
	}

	@Test
	void adminFormSignInNeedsTheTotpCodeAndChangesTheSessionId() {
		FormClient form = new FormClient(this.port, newAddress());
		form.get("/login");
		String before = form.sessionId();
		HttpResponse<String> password = form.signIn("admin", Http.ADMIN_PASSWORD);
		assertThat(FormClient.location(password)).endsWith("/login/totp");
		String afterPassword = form.sessionId();
		assertThat(afterPassword).isNotNull().isNotEqualTo(before);
		// not signed in yet
		assertThat(FormClient.location(form.get("/admin"))).endsWith("/login");

		form.get("/login/totp");
		HttpResponse<String> wrong = form.post("/login/totp",
				Map.of("code", "000000".equals(Http.totpCode()) ? "111111" : "000000"));
		assertThat(wrong.statusCode()).isEqualTo(200);
		assertThat(wrong.body()).contains("id=\"totp-error\"");
		HttpResponse<String> right = form.post("/login/totp", Map.of("code", Http.totpCode()));
		assertThat(right.statusCode()).isEqualTo(302);
		assertThat(FormClient.location(right)).contains("/admin");
		assertThat(form.sessionId()).isNotEqualTo(afterPassword);
		assertThat(form.get("/admin").statusCode()).isEqualTo(200);
		// scripts keep HTTP Basic without a code
		assertThat(basic("admin", Http.ADMIN_PASSWORD, newAddress()).statusCode()).isEqualTo(200);
	}

	@Test
	void anAdminWithoutSecretEnrolsOnFirstSignIn() {
		assertThat(Http.as(this.port, "admin")
			.post("/api/v1/staff",
					"{\"username\":\"fs-admin\",\"password\":\"" + PASSWORD
							+ "\",\"role\":\"LIBRARY_ADMIN\",\"library\":\"CN-440100-GZL\"}")
			.status()).isEqualTo(201);
		FormClient form = new FormClient(this.port, newAddress());
		assertThat(FormClient.location(form.signIn("fs-admin", PASSWORD))).endsWith("/login/totp/enrol");
		String page = form.get("/login/totp/enrol").body();
		Matcher secret = Pattern.compile("id=\"totp-secret\">([A-Z2-7]+)<").matcher(page);
		assertThat(secret.find()).isTrue();
		assertThat(page).contains("otpauth://totp/NDLP:fs-admin?secret=" + secret.group(1));
		HttpResponse<String> enrolled = form.post("/login/totp/enrol",
				Map.of("code", Totp.code(secret.group(1), Instant.now())));
		assertThat(FormClient.location(enrolled)).endsWith("/admin");
		assertThat(form.get("/admin").statusCode()).isEqualTo(200);
		assertThat(Http.as(this.port, "admin").get("/api/v1/audit?action=TOTP_ENROLLED&actor=fs-admin").text())
			.contains("fs-admin");

		FormClient again = new FormClient(this.port, newAddress());
		assertThat(FormClient.location(again.signIn("fs-admin", PASSWORD))).endsWith("/login/totp");
	}

	@Test
	void cataloguersWithoutSecretSignInWithThePasswordAlone() {
		FormClient form = new FormClient(this.port, newAddress());
		assertThat(FormClient.location(form.signIn("gz-cataloger", Http.ADMIN_PASSWORD))).endsWith("/admin");
		assertThat(form.get("/admin").statusCode()).isEqualTo(200);
	}

	@Test
	void formsWithoutCsrfTokenAreRefused() {
		FormClient form = new FormClient(this.port, newAddress());
		form.get("/login");
		assertThat(form.postRaw("/login", Map.of("username", "gz-cataloger", "password", Http.ADMIN_PASSWORD))
			.statusCode()).isEqualTo(403);
	}

	private void createCataloguer(String username) {
		assertThat(Http.as(this.port, "admin")
			.post("/api/v1/staff",
					"{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD
							+ "\",\"role\":\"CATALOGER\",\"library\":\"CN-440100-GZL\"}")
			.status()).isEqualTo(201);
	}

	private HttpResponse<String> basic(String username, String password, String address) {
		String token = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
		try {
			return HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/v1/staff"))
					.header("Authorization", "Basic " + token)
					.header("X-Forwarded-For", address)
					.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String newAddress() {
		return "198.51.100." + ADDRESSES.incrementAndGet();
	}

}
