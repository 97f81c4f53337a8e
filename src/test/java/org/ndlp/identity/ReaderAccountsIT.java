package org.ndlp.identity;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.ndlp.support.Http;
import org.ndlp.support.Http.Response;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ndlp.support.Problems.assertProblem;

/**
 * Reader accounts over HTTP as a reader's app and a library's script would use them:
 * sign-up, the code from the outbox, verification, profile, cards, real name, disabled
 * status, and the staff list in scope.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ReaderAccountsIT {

	static final String PASSWORD = "reader-pass-2026";

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	private static final Pattern CODE = Pattern.compile("(\\d{6})");

	private final int port;

	private final MessageOutbox outbox;

	private final JdbcClient jdbc;

	ReaderAccountsIT(@Autowired Environment environment, @Autowired MessageOutbox outbox, @Autowired JdbcClient jdbc) {
		this.port = environment.getRequiredProperty("local.server.port", Integer.class);
		this.outbox = outbox;
		this.jdbc = jdbc;
	}

	static String uniqueEmail(String who) {
		return who + "-" + System.nanoTime() + "-" + SEQUENCE.incrementAndGet() + "@example.cn";
	}

	static String uniqueMobile() {
		return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
	}

	/** A valid ID number no other test uses (random birth day and sequence). */
	static String uniqueIdNumber() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		String first17 = "440106" + (1950 + random.nextInt(60)) + String.format("%02d", 1 + random.nextInt(12))
				+ String.format("%02d", 1 + random.nextInt(28)) + String.format("%03d", random.nextInt(1000));
		return first17 + ResidentIdNumber.checkCharacter(first17);
	}

	/** The code in the newest outbox message to a recipient. */
	static String codeFor(MessageOutbox outbox, String recipient) {
		String body = outbox.latestTo(recipient).orElseThrow().message().body();
		Matcher matcher = CODE.matcher(body);
		assertThat(matcher.find()).as(body).isTrue();
		return matcher.group(1);
	}

	private static String signUpJson(String field, String login, String library) {
		return "{\"" + field + "\":\"" + login + "\",\"password\":\"" + PASSWORD
				+ "\",\"displayName\":\"读者\",\"homeLibrary\":\"" + library + "\"}";
	}

	/** Signs a reader up and verifies it; returns its e-mail address. */
	private String activeReader(String library) {
		String email = uniqueEmail("reader");
		Http anonymous = Http.anonymous(this.port);
		assertThat(anonymous.post("/api/v1/readers", signUpJson("email", email, library)).status()).isEqualTo(201);
		Response verified = anonymous.post("/api/v1/readers/verify",
				"{\"login\":\"" + email + "\",\"code\":\"" + codeFor(this.outbox, email) + "\"}");
		assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
		return email;
	}

	private Http reader(String login) {
		return Http.as(this.port, login, PASSWORD);
	}

	@Test
	void signsUpWithAnEmailAddressVerifiesTheCodeAndSignsIn() {
		String email = uniqueEmail("Li.Hua");
		Http anonymous = Http.anonymous(this.port);
		Response created = anonymous.post("/api/v1/readers", signUpJson("email", email, "CN-440100-GZL"));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(created.json().get("status").asString()).isEqualTo("PENDING");
		String login = email.toLowerCase();
		assertThat(created.json().get("login").asString()).isEqualTo(login);

		// not verified yet: cannot sign in
		assertThat(reader(login).get("/api/v1/me").status()).isEqualTo(401);
		OutgoingMessage message = this.outbox.latestTo(login).orElseThrow().message();
		assertThat(message.channel()).isEqualTo(OutgoingMessage.Channel.EMAIL);
		assertThat(message.body()).contains("验证码");

		Response wrong = anonymous.post("/api/v1/readers/verify", "{\"login\":\"" + login + "\",\"code\":\"000000\"}");
		String code = codeFor(this.outbox, login);
		if (!code.equals("000000")) {
			assertProblem(wrong, 400, "code");
			assertThat(wrong.json().get("detail").asString()).contains("4 tries left");
		}
		Response verified = anonymous.post("/api/v1/readers/verify",
				"{\"login\":\"" + login + "\",\"code\":\"" + code + "\"}");
		assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
		assertThat(verified.json().get("status").asString()).isEqualTo("ACTIVE");

		JsonNode me = reader(login).get("/api/v1/me").json();
		assertThat(me.get("email").asString()).isEqualTo(login);
		assertThat(me.get("homeLibrary").asString()).isEqualTo("CN-440100-GZL");
		assertThat(me.get("disabilityStatus").asString()).isEqualTo("NONE");

		// the same address again is taken
		assertProblem(anonymous.post("/api/v1/readers", signUpJson("email", login, "CN-440100-GZL")), 409, "email");
		// a second verification of an active account is refused
		assertProblem(
				anonymous.post("/api/v1/readers/verify", "{\"login\":\"" + login + "\",\"code\":\"" + code + "\"}"),
				400, "login");
	}

	@Test
	void signsUpWithAMobileNumberGivenWithCountryCode() {
		String mobile = uniqueMobile();
		Http anonymous = Http.anonymous(this.port);
		Response created = anonymous.post("/api/v1/readers",
				signUpJson("phone", "+86 " + mobile.substring(0, 3) + "-" + mobile.substring(3), "CN-330100-HZL"));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(created.json().get("codeSentTo").asString())
			.isEqualTo(mobile.substring(0, 3) + "****" + mobile.substring(7));
		assertThat(this.outbox.latestTo(mobile).orElseThrow().message().channel())
			.isEqualTo(OutgoingMessage.Channel.SMS);
		anonymous.post("/api/v1/readers/verify",
				"{\"login\":\"" + mobile + "\",\"code\":\"" + codeFor(this.outbox, mobile) + "\"}");
		JsonNode me = reader(mobile).get("/api/v1/me").json();
		assertThat(me.get("phone").asString()).isEqualTo(mobile);
		assertThat(me.get("email").isNull()).isTrue();
	}

	@Test
	void badSignUpsAreProblemsNamingTheField() {
		Http anonymous = Http.anonymous(this.port);
		assertProblem(anonymous.post("/api/v1/readers", signUpJson("phone", "12345678901", "CN-440100-GZL")), 400,
				"phone");
		assertProblem(anonymous.post("/api/v1/readers", signUpJson("email", "not-an-address", "CN-440100-GZL")), 400,
				"email");
		assertProblem(anonymous.post("/api/v1/readers",
				"{\"email\":\"" + uniqueEmail("both") + "\",\"phone\":\"" + uniqueMobile() + "\",\"password\":\""
						+ PASSWORD + "\",\"displayName\":\"x\",\"homeLibrary\":\"CN-440100-GZL\"}"),
				400, "phone");
		assertProblem(
				anonymous.post("/api/v1/readers",
						"{\"password\":\"" + PASSWORD + "\",\"displayName\":\"x\",\"homeLibrary\":\"CN-440100-GZL\"}"),
				400, "email");
		assertProblem(
				anonymous.post("/api/v1/readers",
						"{\"email\":\"" + uniqueEmail("short")
								+ "\",\"password\":\"abc12\",\"displayName\":\"x\",\"homeLibrary\":\"CN-440100-GZL\"}"),
				400, "password");
		assertProblem(
				anonymous.post("/api/v1/readers", "{\"email\":\"" + uniqueEmail("digits")
						+ "\",\"password\":\"12345678\",\"displayName\":\"x\",\"homeLibrary\":\"CN-440100-GZL\"}"),
				400, "password");
		assertProblem(anonymous.post("/api/v1/readers", signUpJson("email", uniqueEmail("nolib"), "CN-999999-NONE")),
				400, "homeLibrary");
		assertProblem(
				anonymous
					.post("/api/v1/readers",
							"{\"email\":\"" + uniqueEmail("noname") + "\",\"password\":\"" + PASSWORD
									+ "\",\"displayName\":\" \",\"homeLibrary\":\"CN-440100-GZL\"}"),
				400, "displayName");
	}

	@Test
	void wrongCodesUseUpTheTriesAndExpiredCodesAreRefused() {
		String email = uniqueEmail("tries");
		Http anonymous = Http.anonymous(this.port);
		anonymous.post("/api/v1/readers", signUpJson("email", email, "CN-440100-GZL"));
		String code = codeFor(this.outbox, email);
		String wrong = code.equals("111111") ? "222222" : "111111";
		for (int i = 0; i < 5; i++) {
			assertProblem(anonymous.post("/api/v1/readers/verify",
					"{\"login\":\"" + email + "\",\"code\":\"" + wrong + "\"}"), 400, "code");
		}
		Response spent = anonymous.post("/api/v1/readers/verify",
				"{\"login\":\"" + email + "\",\"code\":\"" + code + "\"}");
		assertProblem(spent, 400, "code");
		assertThat(spent.json().get("detail").asString()).contains("too many");

		// a new code, once the resend interval has passed, works; asking at once is
		// throttled
		Response tooSoon = anonymous.post("/api/v1/readers/resend", "{\"login\":\"" + email + "\"}");
		assertProblem(tooSoon, 429, "login");
		backdateCode(email, 120);
		assertThat(anonymous.post("/api/v1/readers/resend", "{\"login\":\"" + email + "\"}").status()).isEqualTo(202);
		String fresh = codeFor(this.outbox, email);

		// the code expires
		expireCode(email);
		Response expired = anonymous.post("/api/v1/readers/verify",
				"{\"login\":\"" + email + "\",\"code\":\"" + fresh + "\"}");
		assertProblem(expired, 400, "code");
		assertThat(expired.json().get("detail").asString()).contains("expired");
		assertThat(reader(email).get("/api/v1/me").status()).isEqualTo(401);

		assertProblem(
				anonymous.post("/api/v1/readers/verify",
						"{\"login\":\"nobody-" + System.nanoTime() + "@example.cn\",\"code\":\"123456\"}"),
				400, "login");
	}

	@Test
	void realNameTakesOnlyValidIdNumbersAndKeepsThemMasked() {
		String email = activeReader("CN-440100-GZL");
		Http reader = reader(email);
		String id = uniqueIdNumber();
		String corrupted = id.substring(0, 17) + ((id.charAt(17) == '1') ? '2' : '1');
		assertProblem(reader.post("/api/v1/me/real-name", "{\"name\":\"李华\",\"idNumber\":\"" + corrupted + "\"}"), 400,
				"idNumber");
		String badProvince = "990106199001011";
		badProvince = badProvince + "23" + ResidentIdNumber.checkCharacter(badProvince + "23");
		Response province = reader.post("/api/v1/me/real-name",
				"{\"name\":\"李华\",\"idNumber\":\"" + badProvince + "\"}");
		assertProblem(province, 400, "idNumber");
		assertThat(province.json().get("detail").asString()).contains("province");
		String badDate = "44010619990230123";
		Response date = reader.post("/api/v1/me/real-name",
				"{\"name\":\"李华\",\"idNumber\":\"" + badDate + ResidentIdNumber.checkCharacter(badDate) + "\"}");
		assertProblem(date, 400, "idNumber");
		assertThat(date.json().get("detail").asString()).contains("not a date");
		assertProblem(reader.post("/api/v1/me/real-name", "{\"name\":\"李华\",\"idNumber\":\"" + id.substring(1) + "\"}"),
				400, "idNumber");
		assertProblem(reader.post("/api/v1/me/real-name", "{\"name\":\"\",\"idNumber\":\"" + id + "\"}"), 400, "name");

		Response ok = reader.post("/api/v1/me/real-name", "{\"name\":\"李华\",\"idNumber\":\"" + id + "\"}");
		assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
		assertThat(ok.json().get("idNumberMasked").asString())
			.isEqualTo(id.substring(0, 3) + "***********" + id.substring(14));
		assertThat(ok.text()).doesNotContain(id);
		String stored = this.jdbc.sql("select id_number_hash || id_number_masked from reader_account where email = ?")
			.param(email)
			.query(String.class)
			.single();
		assertThat(stored).doesNotContain(id).doesNotContain(id.substring(6, 14));

		// one ID number, one reader
		Http other = reader(activeReader("CN-440100-GZL"));
		assertProblem(other.post("/api/v1/me/real-name", "{\"name\":\"李华\",\"idNumber\":\"" + id + "\"}"), 409,
				"idNumber");

		// a certificate must be the reader's own ID number once one is given
		String foreign = uniqueIdNumber();
		assertProblem(reader.post("/api/v1/me/disability", "{\"certificateNumber\":\"" + foreign + "42\"}"), 400,
				"certificateNumber");
		Response pending = reader.post("/api/v1/me/disability", "{\"certificateNumber\":\"" + id + "42\"}");
		assertThat(pending.status()).as(pending.toString()).isEqualTo(200);
		assertThat(pending.json().get("disabilityStatus").asString()).isEqualTo("PENDING");
		assertThat(pending.json().get("disabilityCategory").asInt()).isEqualTo(4);
		assertThat(pending.json().get("disabilityLevel").asInt()).isEqualTo(2);
		assertThat(pending.text()).doesNotContain(id);
	}

	@Test
	void disabilityCertificatesAreFormatCheckedAndStayPendingWithoutAVerifier() {
		Http reader = reader(activeReader("CN-330100-HZL"));
		String id = uniqueIdNumber();
		assertProblem(reader.post("/api/v1/me/disability", "{\"certificateNumber\":\"" + id + "82\"}"), 400,
				"certificateNumber");
		assertProblem(reader.post("/api/v1/me/disability", "{\"certificateNumber\":\"" + id + "45\"}"), 400,
				"certificateNumber");
		assertProblem(reader.post("/api/v1/me/disability", "{\"certificateNumber\":\"" + id + "4\"}"), 400,
				"certificateNumber");
		String corrupted = id.substring(0, 17) + ((id.charAt(17) == '1') ? '2' : '1');
		assertProblem(reader.post("/api/v1/me/disability", "{\"certificateNumber\":\"" + corrupted + "11\"}"), 400,
				"certificateNumber");
		JsonNode me = reader.post("/api/v1/me/disability", "{\"certificateNumber\":\"" + id + "71\"}").json();
		assertThat(me.get("disabilityStatus").asString()).isEqualTo("PENDING");
		assertThat(me.get("disabilityMasked").asString()).endsWith("71").contains("***********");
		assertThat(me.get("disabilityNote").asString()).contains("no verifier");
	}

	@Test
	void cardNumbersAreUniquePerLibrary() {
		Http first = reader(activeReader("CN-440100-GZL"));
		Http second = reader(activeReader("CN-440100-GZL"));
		String number = "GZ" + System.nanoTime();
		Response bound = first.post("/api/v1/me/cards",
				"{\"library\":\"CN-440100-GZL\",\"number\":\"" + number + "\"}");
		assertThat(bound.status()).as(bound.toString()).isEqualTo(201);
		assertProblem(second.post("/api/v1/me/cards", "{\"library\":\"CN-440100-GZL\",\"number\":\"" + number + "\"}"),
				409, "number");
		assertProblem(first.post("/api/v1/me/cards", "{\"library\":\"CN-440100-GZL\",\"number\":\"" + number + "\"}"),
				409, "number");
		// the same number at another library is another card
		assertThat(second.post("/api/v1/me/cards", "{\"library\":\"CN-330100-HZL\",\"number\":\"" + number + "\"}")
			.status()).isEqualTo(201);
		assertProblem(second.post("/api/v1/me/cards", "{\"library\":\"CN-999999-NONE\",\"number\":\"1\"}"), 400,
				"library");
		assertProblem(second.post("/api/v1/me/cards", "{\"library\":\"CN-440100-GZL\",\"number\":\"a b\"}"), 400,
				"number");
		assertThat(first.get("/api/v1/me/cards").json().findValuesAsString("number")).containsExactly(number);

		assertThat(first.delete("/api/v1/me/cards/CN-440100-GZL/" + number).status()).isEqualTo(204);
		assertThat(first.delete("/api/v1/me/cards/CN-440100-GZL/" + number).status()).isEqualTo(404);
		assertThat(second.post("/api/v1/me/cards", "{\"library\":\"CN-440100-GZL\",\"number\":\"" + number + "\"}")
			.status()).isEqualTo(201);
		assertThat(second.get("/api/v1/me").json().get("cards").size()).isEqualTo(2);
	}

	@Test
	void profileChangesNeedTheCurrentPasswordToChangeIt() {
		String email = activeReader("CN-440100-GZL");
		Http reader = reader(email);
		JsonNode changed = reader.put("/api/v1/me", "{\"displayName\":\"新名字\",\"homeLibrary\":\"CN-330000-PL\"}")
			.json();
		assertThat(changed.get("displayName").asString()).isEqualTo("新名字");
		assertThat(changed.get("homeLibrary").asString()).isEqualTo("CN-330000-PL");
		assertProblem(
				reader.put("/api/v1/me", "{\"currentPassword\":\"wrong-one-1\",\"newPassword\":\"another-pass-9\"}"),
				400, "currentPassword");
		assertThat(reader
			.put("/api/v1/me", "{\"currentPassword\":\"" + PASSWORD + "\",\"newPassword\":\"another-pass-9\"}")
			.status()).isEqualTo(200);
		assertThat(reader.get("/api/v1/me").status()).isEqualTo(401);
		assertThat(Http.as(this.port, email, "another-pass-9").get("/api/v1/me").status()).isEqualTo(200);
	}

	@Test
	void readersGetForbiddenOnStaffApisAndTheConsole() throws Exception {
		String email = activeReader("CN-440100-GZL");
		Http reader = reader(email);
		assertProblem(reader.get("/api/v1/readers"), 403, null);
		assertProblem(reader.post("/api/v1/libraries", "{}"), 403, null);
		assertProblem(reader.get("/api/v1/ingest-jobs"), 403, null);
		// staff have no /me
		assertProblem(Http.as(this.port, "admin").get("/api/v1/me"), 403, null);

		// the console through the shared sign-in page: a reader lands on its profile,
		// /admin is 403
		HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		String base = "http://localhost:" + this.port;
		String page = browser
			.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString())
			.body();
		assertThat(page).contains("读者/工作人员登录");
		// the public sign-up form needs its CSRF token
		HttpResponse<String> forged = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(base + "/reader/register"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers
					.ofString("login=x%40example.cn&password=abcdefgh1&displayName=x" + "&homeLibrary=CN-440100-GZL"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(forged.statusCode()).isEqualTo(403);
		Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
		assertThat(csrf.find()).isTrue();
		String form = "username=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password=" + PASSWORD
				+ "&_csrf=" + csrf.group(1);
		HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(URI.create(base + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(signedIn.headers().firstValue("Location").orElseThrow()).endsWith("/reader/profile");
		assertThat(browser
			.send(HttpRequest.newBuilder(URI.create(base + "/admin")).build(), HttpResponse.BodyHandlers.ofString())
			.statusCode()).isEqualTo(403);
		assertThat(browser
			.send(HttpRequest.newBuilder(URI.create(base + "/admin/libraries")).build(),
					HttpResponse.BodyHandlers.ofString())
			.statusCode()).isEqualTo(403);
		assertThat(browser
			.send(HttpRequest.newBuilder(URI.create(base + "/reader/profile")).build(),
					HttpResponse.BodyHandlers.ofString())
			.statusCode()).isEqualTo(200);
	}

	@Test
	void staffSeeTheReadersOfTheirScope() {
		String guangzhou = activeReader("CN-440100-GZL");
		String hangzhou = activeReader("CN-330100-HZL");
		String national = activeReader("CN-110000-NLC");

		assertThat(logins(Http.as(this.port, "admin").get("/api/v1/readers"))).contains(guangzhou, hangzhou, national);
		assertThat(logins(Http.as(this.port, "gd-admin").get("/api/v1/readers"))).contains(guangzhou)
			.doesNotContain(hangzhou, national);
		assertThat(logins(Http.as(this.port, "zj-admin").get("/api/v1/readers?library=CN-330100-HZL")))
			.contains(hangzhou)
			.doesNotContain(guangzhou);
		assertThat(logins(Http.as(this.port, "gz-admin").get("/api/v1/readers"))).contains(guangzhou)
			.doesNotContain(hangzhou, national);
		assertThat(logins(Http.as(this.port, "gz-cataloger").get("/api/v1/readers?library=CN-440100-GZL")))
			.contains(guangzhou);

		assertProblem(Http.as(this.port, "gd-admin").get("/api/v1/readers?library=CN-330100-HZL"), 403, null);
		assertProblem(Http.as(this.port, "gd-admin").get("/api/v1/readers?library=CN-110000-NLC"), 403, null);
		assertProblem(Http.as(this.port, "gz-admin").get("/api/v1/readers?library=CN-440000-PL"), 403, null);
		assertThat(Http.anonymous(this.port).get("/api/v1/readers").status()).isEqualTo(401);
		// the list shows no plain ID numbers
		assertThat(Http.as(this.port, "admin").get("/api/v1/readers").text()).doesNotContain("id_number_hash");
	}

	private static java.util.List<String> logins(Response response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.json().findValuesAsString("email");
	}

	private void backdateCode(String login, int seconds) {
		this.jdbc.sql("update reader_code set sent_at = ? where recipient = ?")
			.params(Instant.now().minusSeconds(seconds).atOffset(ZoneOffset.UTC), login)
			.update();
	}

	private void expireCode(String login) {
		this.jdbc.sql("update reader_code set expires_at = ? where recipient = ?")
			.params(Instant.now().minusSeconds(1).atOffset(ZoneOffset.UTC), login)
			.update();
	}

}
