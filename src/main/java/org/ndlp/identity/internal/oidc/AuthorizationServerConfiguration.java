package org.ndlp.identity.internal.oidc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.nimbusds.jose.jwk.JWK;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.config.Customizer;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.JdbcRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcUserInfoAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * The OIDC provider (Spring Authorization Server) in its own filter chain, ahead of the
 * others: discovery, JWKS, authorization code + PKCE, refresh tokens, client credentials,
 * userinfo, RP-initiated logout, consent for third-party clients. Clients, authorizations
 * and consents are in the database, signing keys too ({@link SigningKeys}), so any node
 * can finish what another began (ADR 0017). Staff sign in on the console's {@code /login}
 * page.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OidcProperties.class)
class AuthorizationServerConfiguration {

	/** Claims of the ID token that are about the token, not the person. */
	private static final Set<String> TOKEN_CLAIMS = Set.of("iss", "aud", "exp", "iat", "nbf", "jti", "auth_time",
			"nonce", "acr", "amr", "azp", "sid", "at_hash", "c_hash");

	@Bean
	@Order(0)
	SecurityFilterChain authorizationServer(HttpSecurity http, OAuth2AuthorizationService authorizations)
			throws Exception {
		OAuth2AuthorizationServerConfigurer server = new OAuth2AuthorizationServerConfigurer();
		http.securityMatcher(server.getEndpointsMatcher())
			.with(server,
					(configurer) -> configurer.authorizationService(authorizations)
						.authorizationEndpoint((endpoint) -> endpoint.consentPage("/oauth2/consent"))
						.oidc((oidc) -> oidc.userInfoEndpoint(
								(userInfo) -> userInfo.userInfoMapper(AuthorizationServerConfiguration::userInfo))))
			.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
			// browsers that are not signed in go to the staff sign-in page and come back
			.exceptionHandling((handling) -> handling.defaultAuthenticationEntryPointFor(
					new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
			// the userinfo endpoint takes the access token
			.oauth2ResourceServer((resourceServer) -> resourceServer.jwt(Customizer.withDefaults()));
		return http.build();
	}

	/**
	 * Userinfo: the ID token's person claims (already filtered by the granted scopes).
	 */
	private static OidcUserInfo userInfo(OidcUserInfoAuthenticationContext context) {
		OAuth2Authorization authorization = context.getAuthorization();
		OAuth2Authorization.Token<org.springframework.security.oauth2.core.oidc.OidcIdToken> idToken = authorization
			.getToken(org.springframework.security.oauth2.core.oidc.OidcIdToken.class);
		Map<String, Object> claims = new LinkedHashMap<>();
		if (idToken != null) {
			idToken.getToken().getClaims().forEach((name, value) -> {
				if (!TOKEN_CLAIMS.contains(name)) {
					claims.put(name, value);
				}
			});
		}
		Set<String> scopes = context.getAccessToken().getScopes();
		Map<String, Object> released = ScopedClaims.filter(claims, scopes);
		released.put("sub", claims.get("sub"));
		return new OidcUserInfo(released);
	}

	/** No session ids in ID tokens: nodes do not share Spring's session registry. */
	@Bean
	SessionRegistry sessionRegistry() {
		return new NoSessionIds();
	}

	@Bean
	RegisteredClientRepository registeredClients(JdbcTemplate jdbc) {
		return new JdbcRegisteredClientRepository(jdbc);
	}

	@Bean
	OAuth2AuthorizationService authorizations(JdbcTemplate jdbc, RegisteredClientRepository clients) {
		return new PortableAuthorizations(new JdbcOAuth2AuthorizationService(jdbc, clients));
	}

	@Bean
	OAuth2AuthorizationConsentService consents(JdbcTemplate jdbc, RegisteredClientRepository clients) {
		return new JdbcOAuth2AuthorizationConsentService(jdbc, clients);
	}

	@Bean
	AuthorizationServerSettings authorizationServerSettings(OidcProperties properties) {
		AuthorizationServerSettings.Builder settings = AuthorizationServerSettings.builder();
		if (properties.issuer() != null && !properties.issuer().isBlank()) {
			settings.issuer(properties.issuer());
		}
		return settings.build();
	}

	/** Signs with the current key only, though the JWKS publishes retired keys too. */
	@Bean
	JwtEncoder jwtEncoder(SigningKeys keys) {
		NimbusJwtEncoder encoder = new NimbusJwtEncoder(keys);
		encoder.setJwkSelector((List<JWK> candidates) -> {
			String signing = keys.current().getKeyID();
			return candidates.stream()
				.filter((candidate) -> signing.equals(candidate.getKeyID()))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("signing key " + signing + " is not published"));
		});
		return encoder;
	}

	/** Checks tokens against every published key (this node's or another's). */
	@Bean
	JwtDecoder jwtDecoder(SigningKeys keys) {
		return NimbusJwtDecoder.withJwkSource(keys).build();
	}

}
