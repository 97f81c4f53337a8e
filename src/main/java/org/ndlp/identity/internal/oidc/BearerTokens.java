package org.ndlp.identity.internal.oidc;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.ndlp.members.MemberLibraries;
import org.ndlp.members.MemberLibrary;
import org.ndlp.shared.security.CurrentUser;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.resource.OAuth2ResourceServerConfigurer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.stereotype.Component;

/**
 * {@code Authorization: Bearer <JWT>} on {@code /api/**}, beside HTTP Basic: a token
 * issued by NDLP with scope {@code ndlp} acts as its staff member (the account is loaded
 * again, so a disabled account stops working at once) or, from client credentials, as the
 * client's owning library with the client's role ceiling. Either way the principal is a
 * {@link CurrentUser.Carrier}, so every endpoint's scope checks apply unchanged. Reader
 * tokens are not accepted here: readers are not staff.
 */
@Component
public class BearerTokens {

	private final JwtDecoder decoder;

	private final UserDetailsService people;

	private final OidcClients clients;

	private final MemberLibraries libraries;

	BearerTokens(JwtDecoder decoder, UserDetailsService people, OidcClients clients, MemberLibraries libraries) {
		this.decoder = decoder;
		this.people = people;
		this.clients = clients;
		this.libraries = libraries;
	}

	/** Configures the {@code /api/**} chain's resource server. */
	public void configure(OAuth2ResourceServerConfigurer<HttpSecurity> resourceServer,
			AuthenticationEntryPoint entryPoint) {
		resourceServer.jwt((jwt) -> jwt.decoder(this.decoder).jwtAuthenticationConverter(this::authenticate))
			.authenticationEntryPoint(entryPoint);
	}

	AbstractAuthenticationToken authenticate(Jwt jwt) {
		Collection<String> scopes = jwt.getClaimAsStringList("scope");
		if (scopes == null || !scopes.contains("ndlp")) {
			throw new InvalidBearerTokenException("the token lacks scope ndlp");
		}
		String kind = jwt.getClaimAsString("ndlp_kind");
		if ("staff".equals(kind) && jwt.getSubject() != null && jwt.getSubject().startsWith("staff:")) {
			return staff(jwt, jwt.getSubject().substring("staff:".length()));
		}
		if ("client".equals(kind)) {
			return client(jwt);
		}
		throw new InvalidBearerTokenException("only staff and client tokens act on the API");
	}

	private AbstractAuthenticationToken staff(Jwt jwt, String username) {
		UserDetails details;
		try {
			details = this.people.loadUserByUsername(username);
		}
		catch (UsernameNotFoundException ex) {
			throw new InvalidBearerTokenException("the token's account no longer exists");
		}
		if (!details.isEnabled() || !details.isAccountNonLocked() || !(details instanceof CurrentUser.Carrier)) {
			throw new InvalidBearerTokenException("the token's account may not sign in");
		}
		List<GrantedAuthority> authorities = new ArrayList<>(details.getAuthorities());
		return new Authenticated(details, jwt, authorities);
	}

	private AbstractAuthenticationToken client(Jwt jwt) {
		OidcClient client = this.clients.find(jwt.getSubject())
			.orElseThrow(() -> new InvalidBearerTokenException("the token's client is no longer registered"));
		MemberLibrary library = this.libraries.find(client.library())
			.orElseThrow(() -> new InvalidBearerTokenException("the client's library no longer exists"));
		CurrentUser user = new CurrentUser("client:" + client.clientId(), client.roleCeiling(), library.code(),
				library.regionCode());
		return new Authenticated(new ClientPrincipal(user), jwt,
				List.of(new SimpleGrantedAuthority(client.roleCeiling().authority())));
	}

	/** A client acting for its owning library. */
	record ClientPrincipal(CurrentUser currentUser) implements CurrentUser.Carrier {

		@Override
		public String toString() {
			return currentUser().username();
		}

	}

	/** An authentication by bearer token whose principal carries the current user. */
	static final class Authenticated extends AbstractAuthenticationToken {

		private final Object principal;

		private final transient Jwt token;

		Authenticated(Object principal, Jwt token, Collection<? extends GrantedAuthority> authorities) {
			super(authorities);
			this.principal = principal;
			this.token = token;
			setAuthenticated(true);
		}

		@Override
		public Object getCredentials() {
			return this.token;
		}

		@Override
		public Object getPrincipal() {
			return this.principal;
		}

		@Override
		public String getName() {
			return ((CurrentUser.Carrier) this.principal).currentUser().username();
		}

	}

}
