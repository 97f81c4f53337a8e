package org.ndlp.identity;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;

import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.oauth2.client.authentication.OAuth2LoginAuthenticationToken;
import org.springframework.security.oauth2.client.endpoint.OAuth2RefreshTokenGrantRequest;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.RestClientClientCredentialsTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.RestClientRefreshTokenTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.OAuth2ClientCredentialsGrantRequest;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeAuthenticationProvider;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationExchange;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationResponse;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A relying party built from Spring Security's OAuth2 client: it reads NDLP's discovery
 * document, sends the browser through authorization code + PKCE, exchanges the code,
 * validates the ID token against the JWKS (signature, issuer, audience, expiry, nonce),
 * reads userinfo, refreshes, and asks for client-credentials tokens.
 */
final class RelyingParty {

	static final String REDIRECT = "http://localhost:9/callback";

	private final ClientRegistration registration;

	private final RestClient tokenEndpoint = RestClient.builder()
		.requestFactory(new JdkClientHttpRequestFactory())
		.configureMessageConverters((converters) -> converters.addCustomConverter(new FormHttpMessageConverter())
			.addCustomConverter(new OAuth2AccessTokenResponseHttpMessageConverter()))
		.defaultStatusHandler(new OAuth2ErrorResponseErrorHandler())
		.build();

	RelyingParty(String issuer, String clientId, String clientSecret, Set<String> scopes) {
		this.registration = ClientRegistrations.fromIssuerLocation(issuer)
			.registrationId("ndlp")
			.clientId(clientId)
			.clientSecret(clientSecret)
			.clientAuthenticationMethod((clientSecret != null) ? ClientAuthenticationMethod.CLIENT_SECRET_BASIC
					: ClientAuthenticationMethod.NONE)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri(REDIRECT)
			.scope(scopes)
			.build();
	}

	ClientRegistration registration() {
		return this.registration;
	}

	/** An authorization request with PKCE (S256) and a nonce. */
	OAuth2AuthorizationRequest authorizationRequest() {
		String nonce = UUID.randomUUID().toString();
		OAuth2AuthorizationRequest.Builder builder = OAuth2AuthorizationRequest.authorizationCode()
			.authorizationUri(this.registration.getProviderDetails().getAuthorizationUri())
			.clientId(this.registration.getClientId())
			.redirectUri(REDIRECT)
			.scopes(this.registration.getScopes())
			.state(UUID.randomUUID().toString())
			.attributes((attributes) -> {
				attributes.put(OAuth2ParameterNames.REGISTRATION_ID, this.registration.getRegistrationId());
				attributes.put(OidcParameterNames.NONCE, nonce);
			})
			.additionalParameters((parameters) -> parameters.put(OidcParameterNames.NONCE, sha256(nonce)));
		OAuth2AuthorizationRequestCustomizers.withPkce().accept(builder);
		return builder.build();
	}

	/** The authorization response the browser was redirected with. */
	static OAuth2AuthorizationResponse response(HttpResponse<String> redirect) {
		String location = redirect.headers().firstValue("Location").orElseThrow();
		UriComponents uri = UriComponentsBuilder.fromUri(URI.create(location)).build();
		if (uri.getQueryParams().getFirst("error") != null) {
			return OAuth2AuthorizationResponse.error(uri.getQueryParams().getFirst("error"))
				.redirectUri(REDIRECT)
				.state(uri.getQueryParams().getFirst("state"))
				.build();
		}
		return OAuth2AuthorizationResponse.success(uri.getQueryParams().getFirst("code"))
			.redirectUri(REDIRECT)
			.state(uri.getQueryParams().getFirst("state"))
			.build();
	}

	/** Exchanges the code, validates the ID token, reads userinfo. */
	OAuth2LoginAuthenticationToken signIn(OAuth2AuthorizationRequest request, OAuth2AuthorizationResponse response) {
		RestClientAuthorizationCodeTokenResponseClient tokens = new RestClientAuthorizationCodeTokenResponseClient();
		tokens.setRestClient(this.tokenEndpoint);
		OidcAuthorizationCodeAuthenticationProvider provider = new OidcAuthorizationCodeAuthenticationProvider(tokens,
				new OidcUserService());
		return (OAuth2LoginAuthenticationToken) provider.authenticate(new OAuth2LoginAuthenticationToken(
				this.registration, new OAuth2AuthorizationExchange(request, response)));
	}

	OAuth2AccessTokenResponse refresh(OAuth2LoginAuthenticationToken signedIn) {
		RestClientRefreshTokenTokenResponseClient tokens = new RestClientRefreshTokenTokenResponseClient();
		tokens.setRestClient(this.tokenEndpoint);
		return tokens.getTokenResponse(new OAuth2RefreshTokenGrantRequest(this.registration, signedIn.getAccessToken(),
				signedIn.getRefreshToken()));
	}

	OAuth2AccessTokenResponse clientCredentials() {
		RestClientClientCredentialsTokenResponseClient tokens = new RestClientClientCredentialsTokenResponseClient();
		tokens.setRestClient(this.tokenEndpoint);
		ClientRegistration credentials = ClientRegistration.withClientRegistration(this.registration)
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.build();
		return tokens.getTokenResponse(new OAuth2ClientCredentialsGrantRequest(credentials));
	}

	private static String sha256(String value) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
