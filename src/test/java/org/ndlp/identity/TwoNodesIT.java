package org.ndlp.identity;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.ndlp.NdlpApplication;
import org.ndlp.support.Databases;
import org.ndlp.support.Http;
import org.ndlp.support.Http.Response;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.client.authentication.OAuth2LoginAuthenticationToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The national shape's multi-node promise: two NDLP nodes (each with its own embedded
 * Solr) on one PostgreSQL database, sessions in the database
 * ({@code ndlp.identity.sessions=jdbc}). A token from node A is accepted by node B, a
 * sign-in begun on A finishes on B, a key rotated on B signs A's next tokens, and A's
 * session cookie is recognised by B.
 */
class TwoNodesIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static ConfigurableApplicationContext nodeA;

	private static ConfigurableApplicationContext nodeB;

	private static String baseA;

	private static String baseB;

	@BeforeAll
	static void startTwoNodes() throws Exception {
		String name = "ndlp_nodes_" + System.nanoTime();
		try (var connection = Databases.server().getPostgresDatabase().getConnection();
				var statement = connection.createStatement()) {
			statement.execute("create database " + name);
		}
		String url = Databases.server().getJdbcUrl("postgres", name);
		nodeA = start(url);
		nodeB = start(url);
		baseA = "http://localhost:" + port(nodeA);
		baseB = "http://localhost:" + port(nodeB);
	}

	@AfterAll
	static void stopNodes() {
		if (nodeB != null) {
			nodeB.close();
		}
		if (nodeA != null) {
			nodeA.close();
		}
	}

	private static ConfigurableApplicationContext start(String url) {
		// arguments, not default properties: they must win over application(-test).yml
		return new SpringApplicationBuilder(NdlpApplication.class).profiles("test")
			.run("--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
					"--spring.datasource.password=", "--server.port=0", "--ndlp.identity.sessions=jdbc");
	}

	private static int port(ConfigurableApplicationContext node) {
		return node.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
	}

	@Test
	void aTokenFromNodeAIsAcceptedByNodeB() {
		JsonNode client = register(Map.of("name", "广州图书馆 双节点", "library", "CN-440100-GZL", "kind", "ILS", "scopes",
				List.of("openid", "ndlp"), "grantTypes", List.of("authorization_code", "client_credentials"),
				"redirectUris", List.of(RelyingParty.REDIRECT)));
		String clientId = client.get("clientId").asString();
		String secret = client.get("clientSecret").asString();

		String fromA = new RelyingParty(baseA, clientId, secret, Set.of("ndlp")).clientCredentials()
			.getAccessToken()
			.getTokenValue();
		Response onB = Http.bearer(port(nodeB), fromA).get("/api/v1/resources?size=3");
		assertThat(onB.status()).as(onB.toString()).isEqualTo(200);
		assertThat(onB.json()).isEqualTo(Http.as(port(nodeA), "gz-cataloger").get("/api/v1/resources?size=3").json());

		// a sign-in begun on node A (authorization endpoint, sign-in page) finishes on
		// node B
		RelyingParty onNodeB = new RelyingParty(baseB, clientId, secret, Set.of("openid", "ndlp"));
		OAuth2AuthorizationRequest request = onNodeB.authorizationRequest();
		HttpResponse<String> back = new OidcBrowser().follow(request.getAuthorizationRequestUri().replace(baseB, baseA),
				RelyingParty.REDIRECT, "gz-cataloger", Http.ADMIN_PASSWORD);
		assertThat(back.headers().firstValue("Location").orElseThrow()).contains("code=");
		OAuth2LoginAuthenticationToken signedIn = onNodeB.signIn(request, RelyingParty.response(back));
		assertThat(((OidcUser) signedIn.getPrincipal()).getSubject()).isEqualTo("staff:gz-cataloger");
		assertThat(Http.bearer(port(nodeA), signedIn.getAccessToken().getTokenValue())
			.get("/api/v1/resources?size=1")
			.status()).isEqualTo(200);

		// a key rotated on node B signs node A's next token, which node B accepts
		Response rotated = Http.as(port(nodeB), "admin").post("/api/v1/oidc/keys/rotate", "{}");
		assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);
		String next = new RelyingParty(baseA, clientId, secret, Set.of("ndlp")).clientCredentials()
			.getAccessToken()
			.getTokenValue();
		assertThat(OidcProviderIT.kid(next)).isEqualTo(rotated.json().get("kid").asString());
		assertThat(Http.bearer(port(nodeB), next).get("/api/v1/resources?size=1").status()).isEqualTo(200);
		assertThat(Http.bearer(port(nodeB), fromA).get("/api/v1/resources?size=1").status()).isEqualTo(200);
	}

	@Test
	void aSessionCookieFromNodeAIsRecognisedByNodeB() throws Exception {
		OidcBrowser browser = new OidcBrowser();
		HttpResponse<String> console = browser.follow(baseA + "/admin", "http://nowhere/", "gz-cataloger",
				Http.ADMIN_PASSWORD);
		assertThat(console.statusCode()).as(console.body()).isEqualTo(200);
		String cookie = browser.cookieHeader(baseA);
		assertThat(cookie).contains("SESSION=");
		assertThat(JdbcClient.create(nodeA.getBean(javax.sql.DataSource.class))
			.sql("select count(*) from spring_session where principal_name = 'gz-cataloger'")
			.query(Long.class)
			.single()).isPositive();

		HttpClient plain = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
		HttpResponse<String> onB = plain.send(
				HttpRequest.newBuilder(URI.create(baseB + "/admin")).header("Cookie", cookie).GET().build(),
				BodyHandlers.ofString());
		assertThat(onB.statusCode()).as("node B knows node A's session").isEqualTo(200);
		HttpResponse<String> stranger = plain.send(HttpRequest.newBuilder(URI.create(baseB + "/admin")).GET().build(),
				BodyHandlers.ofString());
		assertThat(stranger.statusCode()).isEqualTo(302);
	}

	private static JsonNode register(Map<String, Object> draft) {
		Response created = Http.as(port(nodeA), "admin").post("/api/v1/oidc/clients", JSON.writeValueAsString(draft));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json();
	}

}
