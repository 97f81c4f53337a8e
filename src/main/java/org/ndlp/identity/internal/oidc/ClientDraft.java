package org.ndlp.identity.internal.oidc;

import java.util.List;

/**
 * What a national admin sends to register or change a client.
 *
 * @param name the client's name
 * @param library owning library code
 * @param kind {@code ILS}, {@code MOBILE_APP} or {@code VENDOR}
 * @param redirectUris authorization response targets (required with
 * {@code authorization_code})
 * @param postLogoutRedirectUris RP-initiated logout targets
 * @param grantTypes grant types
 * @param scopes scopes among {@code openid profile email phone ndlp}
 * @param thirdParty whether users are asked for consent
 * @param roleCeiling role of client-credentials tokens, at most {@code LIBRARY_ADMIN}
 */
public record ClientDraft(String name, String library, String kind, List<String> redirectUris,
		List<String> postLogoutRedirectUris, List<String> grantTypes, List<String> scopes, Boolean thirdParty,
		String roleCeiling) {
}
