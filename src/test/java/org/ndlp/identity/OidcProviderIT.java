package org.ndlp.identity;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.ndlp.shared.LibraryCode;
import org.ndlp.shared.security.StaffRole;
import org.ndlp.support.Http;
import org.ndlp.support.Http.Response;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.client.authentication.OAuth2LoginAuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ndlp.support.Problems.assertProblem;

/**
 * The OIDC provider driven over HTTP by a real relying party (Spring Security's OAuth2
 * client): authorization code + PKCE with the staff sign-in page, ID token checked
 * against the JWKS, userinfo, refresh, the access token on the API with the same scoped
 * answers as Basic, client credentials, consent for third parties, key rotation.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class OidcProviderIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final int port;

	private final String base;

	private final JdbcClient jdbc;

	private final StaffAccounts accounts;

	OidcProviderIT(@Autowired Environment environment, @Autowired JdbcClient jdbc, @Autowired StaffAccounts accounts) {
		this.port = environment.getRequiredProperty("local.server.port", Integer.class);
		this.base = "http://localhost:" + this.port;
		this.jdbc = jdbc;
		this.accounts = accounts;
	}

	@Test
	void publishesDiscoveryAndPublicKeysOnly() {
		Http anonymous = Http.anonymous(this.port);
		Response discovery = anonymous.get("/.well-known/openid-configuration");
		assertThat(discovery.status()).isEqualTo(200);
		JsonNode metadata = discovery.json();
		assertThat(metadata.get("issuer").asString()).isEqualTo(this.base);
		assertThat(metadata.get("code_challenge_methods_supported").toString()).contains("S256");
		assertThat(metadata.get("grant_types_supported").toString()).contains("authorization_code", "refresh_token",
				"client_credentials");
		assertThat(metadata.get("end_session_endpoint").asString()).endsWith("/connect/logout");
		assertThat(metadata.get("userinfo_endpoint").asString()).endsWith("/userinfo");
		JsonNode keys = anonymous.get(metadata.get("jwks_uri").asString().substring(this.base.length()))
			.json()
			.get("keys");
		assertThat(keys.size()).isPositive();
		assertThat(keys.get(0).get("kid").asString()).isNotBlank();
		assertThat(keys.get(0).has("d")).as("no private key part in the JWKS").isFalse();
	}

	@Test
	void staffSignInWithAuthorizationCodeAndPkceThenCallsTheApiLikeBasic() {
		JsonNode client = register(Map.of("name", "广州图书馆 ILS", "library", "CN-440100-GZL", "kind", "ILS", "scopes",
				List.of("openid", "profile", "ndlp"), "grantTypes", List.of("authorization_code", "refresh_token"),
				"postLogoutRedirectUris", List.of("http://localhost:9/signed-out")));
		assertThat(client.get("thirdParty").asBoolean()).isFalse();
		RelyingParty rp = new RelyingParty(this.base, client.get("clientId").asString(),
				client.get("clientSecret").asString(), Set.of("openid", "profile", "ndlp"));
		OidcBrowser browser = new OidcBrowser();
		OAuth2AuthorizationRequest request = rp.authorizationRequest();
		// a member library's own system: sign-in, then straight back with a code (no
		// consent)
		HttpResponse<String> back = browser.follow(request.getAuthorizationRequestUri(), RelyingParty.REDIRECT,
				"gz-cataloger", Http.ADMIN_PASSWORD);
		assertThat(back.statusCode()).as(back.body()).isEqualTo(302);
		assertThat(back.headers().firstValue("Location").orElseThrow()).contains("code=");

		OAuth2LoginAuthenticationToken signedIn = rp.signIn(request, RelyingParty.response(back));
		OidcUser user = (OidcUser) signedIn.getPrincipal();
		assertThat(user.getSubject()).isEqualTo("staff:gz-cataloger");
		assertThat(user.getIdToken().getClaimAsString("ndlp_library")).isEqualTo("CN-440100-GZL");
		assertThat(user.getIdToken().getClaimAsString("ndlp_role")).isEqualTo("CATALOGER");
		assertThat(user.getIdToken().getClaimAsString("preferred_username")).isEqualTo("gz-cataloger");
		assertThat(user.getUserInfo()).as("userinfo was read").isNotNull();
		assertThat(user.getUserInfo().getClaimAsString("ndlp_library")).isEqualTo("CN-440100-GZL");
		assertThat(publishedKids()).contains(kid(user.getIdToken().getTokenValue()));

		// the access token on the API: the same scoped answers as Basic
		String accessToken = signedIn.getAccessToken().getTokenValue();
		Http bearer = Http.bearer(this.port, accessToken);
		Http basic = Http.as(this.port, "gz-cataloger");
		Response byToken = bearer.get("/api/v1/resources?size=5");
		assertThat(byToken.status()).as(byToken.toString()).isEqualTo(200);
		assertThat(byToken.json()).isEqualTo(basic.get("/api/v1/resources?size=5").json());
		assertProblem(bearer.get("/api/v1/ingest-jobs?library=CN-440000-PL"), 403, null);
		assertThat(basic.get("/api/v1/ingest-jobs?library=CN-440000-PL").status()).isEqualTo(403);
		assertProblem(bearer.get("/api/v1/oidc/clients"), 403, null);

		// refresh: a new access token that works too
		OAuth2AccessTokenResponse refreshed = rp.refresh(signedIn);
		assertThat(refreshed.getAccessToken().getTokenValue()).isNotEqualTo(accessToken);
		assertThat(Http.bearer(this.port, refreshed.getAccessToken().getTokenValue())
			.get("/api/v1/resources?size=5")
			.status()).isEqualTo(200);

		// RP-initiated logout (with the newest ID token, from the refresh) ends the
		// session
		String idToken = (String) refreshed.getAdditionalParameters().get("id_token");
		assertThat(idToken).isNotBlank();
		HttpResponse<String> logout = browser.get(this.base + "/connect/logout?id_token_hint=" + idToken
				+ "&post_logout_redirect_uri=http://localhost:9/signed-out");
		assertThat(logout.statusCode()).as(logout.body()).isEqualTo(302);
		assertThat(logout.headers().firstValue("Location").orElseThrow()).startsWith("http://localhost:9/signed-out");
		HttpResponse<String> again = browser.get(rp.authorizationRequest().getAuthorizationRequestUri());
		assertThat(again.headers().firstValue("Location").orElseThrow()).endsWith("/login");
	}

	@Test
	void refusesAnAuthorizationRequestWithoutPkce() {
		JsonNode client = register(Map.of("name", "无 PKCE 的系统", "library", "CN-440100-GZL", "kind", "ILS", "scopes",
				List.of("openid"), "grantTypes", List.of("authorization_code")));
		OidcBrowser browser = new OidcBrowser();
		HttpResponse<String> back = browser.follow(
				this.base + "/oauth2/authorize?response_type=code&client_id=" + client.get("clientId").asString()
						+ "&scope=openid&state=s1&redirect_uri=" + RelyingParty.REDIRECT,
				RelyingParty.REDIRECT, "gz-cataloger", Http.ADMIN_PASSWORD);
		assertThat(back.headers().firstValue("Location").orElseThrow()).contains("error=invalid_request");
	}

	@Test
	void badAndMissingTokensAreProblems() {
		Response bad = Http.bearer(this.port, "eyJhbGciOiJSUzI1NiJ9.e30.c2lnbmF0dXJl").get("/api/v1/oidc/clients");
		assertProblem(bad, 401, null);
		assertProblem(Http.anonymous(this.port).get("/api/v1/oidc/clients"), 401, null);
	}

	@Test
	void aDisabledAccountsTokenStopsWorkingAndCannotBeRefreshed() {
		this.accounts.create("oidc-cataloger", Http.ADMIN_PASSWORD, "OIDC 测试编目员", StaffRole.CATALOGER,
				LibraryCode.of("CN-440100-GZL"));
		JsonNode client = register(Map.of("name", "广州图书馆 OPAC", "library", "CN-440100-GZL", "kind", "ILS", "scopes",
				List.of("openid", "ndlp"), "grantTypes", List.of("authorization_code", "refresh_token")));
		RelyingParty rp = new RelyingParty(this.base, client.get("clientId").asString(),
				client.get("clientSecret").asString(), Set.of("openid", "ndlp"));
		OAuth2AuthorizationRequest request = rp.authorizationRequest();
		HttpResponse<String> back = new OidcBrowser().follow(request.getAuthorizationRequestUri(),
				RelyingParty.REDIRECT, "oidc-cataloger", Http.ADMIN_PASSWORD);
		OAuth2LoginAuthenticationToken signedIn = rp.signIn(request, RelyingParty.response(back));
		Http bearer = Http.bearer(this.port, signedIn.getAccessToken().getTokenValue());
		assertThat(bearer.get("/api/v1/resources?size=1").status()).isEqualTo(200);

		this.jdbc.sql("update staff_account set enabled = false where username = 'oidc-cataloger'").update();
		assertProblem(bearer.get("/api/v1/resources?size=1"), 401, null);
		assertThatThrownBy(() -> rp.refresh(signedIn)).isInstanceOf(OAuth2AuthorizationException.class);
	}

	@Test
	void clientCredentialsActForTheOwningLibraryWithinTheRoleCeiling() {
		Response tooHigh = Http.as(this.port, "admin")
			.post("/api/v1/oidc/clients", json(Map.of("name", "越权", "library", "CN-440100-GZL", "kind", "ILS", "scopes",
					List.of("ndlp"), "grantTypes", List.of("client_credentials"), "roleCeiling", "NATIONAL_ADMIN")));
		assertProblem(tooHigh, 400, "roleCeiling");
		JsonNode client = register(Map.of("name", "广州图书馆 同步脚本", "library", "CN-440100-GZL", "kind", "ILS", "scopes",
				List.of("ndlp"), "grantTypes", List.of("client_credentials"), "roleCeiling", "CATALOGER"));
		String clientId = client.get("clientId").asString();
		// the secret is shown once and stored hashed
		assertThat(client.get("clientSecret").asString()).hasSizeGreaterThan(30);
		assertThat(Http.as(this.port, "admin").get("/api/v1/oidc/clients/" + clientId).json().has("clientSecret"))
			.isFalse();
		assertThat(this.jdbc.sql("select client_secret from oauth2_registered_client where client_id = ?")
			.param(clientId)
			.query(String.class)
			.single()).startsWith("{bcrypt}").doesNotContain(client.get("clientSecret").asString());

		RelyingParty rp = new RelyingParty(this.base, clientId, client.get("clientSecret").asString(), Set.of("ndlp"));
		String token = rp.clientCredentials().getAccessToken().getTokenValue();
		Http bearer = Http.bearer(this.port, token);
		Response byToken = bearer.get("/api/v1/resources?size=5");
		assertThat(byToken.status()).as(byToken.toString()).isEqualTo(200);
		assertThat(byToken.json()).isEqualTo(Http.as(this.port, "gz-cataloger").get("/api/v1/resources?size=5").json());
		assertProblem(bearer.get("/api/v1/ingest-jobs?library=CN-440000-PL"), 403, null);

		// who sees the client: its library's admin, not another province's, not a
		// cataloguer
		assertThat(Http.as(this.port, "gz-admin").get("/api/v1/oidc/clients").json().findValuesAsString("clientId"))
			.contains(clientId);
		assertThat(Http.as(this.port, "zj-admin").get("/api/v1/oidc/clients").json().findValuesAsString("clientId"))
			.doesNotContain(clientId);
		assertThat(Http.as(this.port, "zj-admin").get("/api/v1/oidc/clients/" + clientId).status()).isEqualTo(404);
		assertProblem(Http.as(this.port, "gz-cataloger").get("/api/v1/oidc/clients"), 403, null);
		assertProblem(Http.as(this.port, "gz-admin").delete("/api/v1/oidc/clients/" + clientId), 403, null);

		// a removed client's tokens stop working
		assertThat(Http.as(this.port, "admin").delete("/api/v1/oidc/clients/" + clientId).status()).isEqualTo(204);
		assertProblem(bearer.get("/api/v1/resources?size=5"), 401, null);
	}

	@Test
	void aThirdPartyClientAsksForConsentOnce() {
		JsonNode client = register(Map.of("name", "某数据库商", "library", "CN-440100-GZL", "kind", "VENDOR", "scopes",
				List.of("openid", "profile", "email"), "grantTypes", List.of("authorization_code")));
		assertThat(client.get("thirdParty").asBoolean()).isTrue();
		RelyingParty rp = new RelyingParty(this.base, client.get("clientId").asString(),
				client.get("clientSecret").asString(), Set.of("openid", "profile", "email"));
		OidcBrowser browser = new OidcBrowser();
		OAuth2AuthorizationRequest request = rp.authorizationRequest();
		HttpResponse<String> consent = browser.follow(request.getAuthorizationRequestUri(), RelyingParty.REDIRECT,
				"gz-cataloger", Http.ADMIN_PASSWORD);
		assertThat(consent.statusCode()).isEqualTo(200);
		assertThat(consent.uri().getPath()).isEqualTo("/oauth2/consent");
		assertThat(consent.body()).contains("某数据库商", "广州图书馆", "电子邮箱", "授权第三方访问");

		List<Map.Entry<String, String>> allow = new ArrayList<>(List.of(
				Map.entry("client_id", client.get("clientId").asString()), Map.entry("state", state(consent.body())),
				Map.entry("scope", "profile"), Map.entry("scope", "email")));
		HttpResponse<String> back = browser.postForm(this.base + "/oauth2/authorize", allow);
		assertThat(back.headers().firstValue("Location").orElseThrow()).startsWith(RelyingParty.REDIRECT)
			.contains("code=");
		OidcUser user = (OidcUser) rp.signIn(request, RelyingParty.response(back)).getPrincipal();
		assertThat(user.getSubject()).isEqualTo("staff:gz-cataloger");
		assertThat(user.getIdToken().getClaimAsString("ndlp_library")).as("scope ndlp not granted").isNull();

		// the consent is remembered: the next sign-in goes straight back
		OAuth2AuthorizationRequest second = rp.authorizationRequest();
		HttpResponse<String> straight = browser.follow(second.getAuthorizationRequestUri(), RelyingParty.REDIRECT,
				"gz-cataloger", Http.ADMIN_PASSWORD);
		assertThat(straight.headers().firstValue("Location").orElseThrow()).contains("code=");

		// another reader-data vendor, denied
		JsonNode other = register(Map.of("name", "另一数据库商", "library", "CN-440100-GZL", "kind", "VENDOR", "scopes",
				List.of("openid", "email"), "grantTypes", List.of("authorization_code")));
		RelyingParty denied = new RelyingParty(this.base, other.get("clientId").asString(),
				other.get("clientSecret").asString(), Set.of("openid", "email"));
		HttpResponse<String> asked = browser.follow(denied.authorizationRequest().getAuthorizationRequestUri(),
				RelyingParty.REDIRECT, "gz-cataloger", Http.ADMIN_PASSWORD);
		HttpResponse<String> refused = browser.postForm(this.base + "/oauth2/authorize", List
			.of(Map.entry("client_id", other.get("clientId").asString()), Map.entry("state", state(asked.body()))));
		assertThat(refused.headers().firstValue("Location").orElseThrow()).contains("error=access_denied");
	}

	@Test
	void rotatedKeysSignNewTokensWhileOldTokensStayValid() {
		JsonNode client = register(Map.of("name", "广州图书馆 轮换测试", "library", "CN-440100-GZL", "kind", "ILS", "scopes",
				List.of("ndlp"), "grantTypes", List.of("client_credentials")));
		RelyingParty rp = new RelyingParty(this.base, client.get("clientId").asString(),
				client.get("clientSecret").asString(), Set.of("ndlp"));
		String before = rp.clientCredentials().getAccessToken().getTokenValue();

		assertProblem(Http.as(this.port, "gz-admin").post("/api/v1/oidc/keys/rotate", "{}"), 403, null);
		Response rotated = Http.as(this.port, "admin").post("/api/v1/oidc/keys/rotate", "{}");
		assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);
		String newKid = rotated.json().get("kid").asString();
		assertThat(newKid).isNotEqualTo(kid(before));

		assertThat(Http.bearer(this.port, before).get("/api/v1/resources?size=1").status()).isEqualTo(200);
		String after = rp.clientCredentials().getAccessToken().getTokenValue();
		assertThat(kid(after)).isEqualTo(newKid);
		assertThat(Http.bearer(this.port, after).get("/api/v1/resources?size=1").status()).isEqualTo(200);
		assertThat(publishedKids()).contains(kid(before), newKid);
	}

	private List<String> publishedKids() {
		return Http.anonymous(this.port).get("/oauth2/jwks").json().findValuesAsString("kid");
	}

	/**
	 * Registers a client as the national admin; the redirect URI is the relying party's.
	 */
	private JsonNode register(Map<String, Object> draft) {
		Map<String, Object> withRedirect = new java.util.HashMap<>(draft);
		withRedirect.putIfAbsent("redirectUris", List.of(RelyingParty.REDIRECT));
		Response created = Http.as(this.port, "admin").post("/api/v1/oidc/clients", json(withRedirect));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json();
	}

	static String kid(String jwt) {
		String header = new String(Base64.getUrlDecoder().decode(jwt.substring(0, jwt.indexOf('.'))),
				StandardCharsets.UTF_8);
		return JSON.readTree(header).get("kid").asString();
	}

	private static String state(String consentPage) {
		java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("name=\"state\" value=\"([^\"]+)\"")
			.matcher(consentPage);
		assertThat(matcher.find()).isTrue();
		return org.springframework.web.util.HtmlUtils.htmlUnescape(matcher.group(1));
	}

	private static String json(Map<String, Object> value) {
		return JSON.writeValueAsString(value);
	}

}
