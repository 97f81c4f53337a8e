package org.ndlp.identity.internal.oidc;

import java.util.Map;

import org.ndlp.identity.internal.SignedInPerson;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;

/**
 * Puts the signed-in person into the tokens: the subject ({@code staff:<username>} /
 * {@code reader:<id>}) in both, {@code ndlp_kind} in access tokens, and in ID tokens the
 * person's claims that the granted scopes release. The account is loaded again each time,
 * so a disabled account gets no more tokens (also not by refreshing). Client-credentials
 * tokens carry the owning library and the role ceiling.
 */
@Component
class PersonClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

	private final UserDetailsService people;

	private final OidcClients clients;

	PersonClaims(UserDetailsService people, OidcClients clients) {
		this.people = people;
		this.clients = clients;
	}

	@Override
	public void customize(JwtEncodingContext context) {
		if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
			OidcClient client = this.clients.find(context.getRegisteredClient().getClientId())
				.orElseThrow(() -> invalid("unknown client"));
			context.getClaims()
				.claim("ndlp_kind", "client")
				.claim("ndlp_library", client.library().value())
				.claim("ndlp_role", client.roleCeiling().name());
			return;
		}
		SignedInPerson person = person(context.getPrincipal());
		context.getClaims().subject(person.subject());
		if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
			context.getClaims().claim("ndlp_kind", person.kind());
		}
		else if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
			Map<String, Object> released = ScopedClaims.filter(person.claims(), context.getAuthorizedScopes());
			context.getClaims().claims((claims) -> claims.putAll(released));
		}
	}

	private SignedInPerson person(Authentication principal) {
		UserDetails details;
		try {
			details = this.people.loadUserByUsername(principal.getName());
		}
		catch (UsernameNotFoundException ex) {
			throw invalid("the account no longer exists");
		}
		if (!details.isEnabled() || !details.isAccountNonLocked() || !(details instanceof SignedInPerson person)) {
			throw invalid("the account may not sign in");
		}
		return person;
	}

	private static OAuth2AuthenticationException invalid(String why) {
		return new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT, why, null));
	}

}
