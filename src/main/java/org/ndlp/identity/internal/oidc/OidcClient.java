package org.ndlp.identity.internal.oidc;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.ndlp.shared.LibraryCode;
import org.ndlp.shared.security.StaffRole;

/**
 * A registered OIDC client as NDLP shows it (never its secret).
 *
 * @param clientId the OAuth client id
 * @param name the name shown on the consent page and in the console
 * @param library the member library that owns the client
 * @param kind ILS, mobile app or vendor
 * @param redirectUris where authorization responses may go
 * @param postLogoutRedirectUris where RP-initiated logout may return to
 * @param grantTypes {@code authorization_code}, {@code refresh_token},
 * {@code client_credentials}
 * @param scopes the scopes the client may ask for
 * @param thirdParty whether the user must consent (a vendor asking for reader data)
 * @param roleCeiling the role a client-credentials token acts with, in the owning library
 * @param confidential whether the client authenticates with a secret
 * @param createdAt when it was registered
 * @param createdBy who registered it
 */
public record OidcClient(String clientId, String name, LibraryCode library, ClientKind kind, List<String> redirectUris,
		List<String> postLogoutRedirectUris, Set<String> grantTypes, Set<String> scopes, boolean thirdParty,
		StaffRole roleCeiling, boolean confidential, Instant createdAt, String createdBy) {
}
