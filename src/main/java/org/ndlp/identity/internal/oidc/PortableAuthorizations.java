package org.ndlp.identity.internal.oidc;

import java.security.Principal;
import java.util.List;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * Stores authorizations in the database (every node sees them) with the signed-in person
 * reduced to a plain {@link User} of the same name: NDLP's principals (staff, readers)
 * are not among the types Spring's JSON mapping accepts, and the tokens load the person
 * again anyway ({@link PersonClaims}).
 */
class PortableAuthorizations implements OAuth2AuthorizationService {

	private final OAuth2AuthorizationService delegate;

	PortableAuthorizations(OAuth2AuthorizationService delegate) {
		this.delegate = delegate;
	}

	@Override
	public void save(OAuth2Authorization authorization) {
		Object principal = authorization.getAttribute(Principal.class.getName());
		if (principal instanceof Authentication authentication && !(authentication.getPrincipal() instanceof User)
				&& authentication.isAuthenticated()) {
			List<GrantedAuthority> authorities = authentication.getAuthorities()
				.stream()
				.map((authority) -> (GrantedAuthority) new SimpleGrantedAuthority(authority.getAuthority()))
				.toList();
			User plain = new User(authentication.getName(), "", authorities);
			authorization = OAuth2Authorization.from(authorization)
				.attribute(Principal.class.getName(),
						UsernamePasswordAuthenticationToken.authenticated(plain, null, authorities))
				.build();
		}
		this.delegate.save(authorization);
	}

	@Override
	public void remove(OAuth2Authorization authorization) {
		this.delegate.remove(authorization);
	}

	@Override
	public OAuth2Authorization findById(String id) {
		return this.delegate.findById(id);
	}

	@Override
	public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
		return this.delegate.findByToken(token, tokenType);
	}

}
