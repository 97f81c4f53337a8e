package org.ndlp.identity.internal.oidc;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Which claims each scope releases (ID token and userinfo alike). */
final class ScopedClaims {

	private static final Map<String, Set<String>> BY_SCOPE = Map.of("profile",
			Set.of("name", "preferred_username", "given_name", "family_name", "middle_name", "nickname", "profile",
					"picture", "website", "gender", "birthdate", "zoneinfo", "locale", "updated_at"),
			"email", Set.of("email", "email_verified"), "phone", Set.of("phone_number", "phone_number_verified"));

	private ScopedClaims() {
	}

	/**
	 * The person's claims that the granted scopes release; {@code ndlp} releases
	 * {@code ndlp_*}.
	 */
	static Map<String, Object> filter(Map<String, Object> claims, Collection<String> scopes) {
		Map<String, Object> released = new LinkedHashMap<>();
		claims.forEach((name, value) -> {
			if (value == null) {
				return;
			}
			boolean allowed = (name.startsWith("ndlp_") && scopes.contains("ndlp")) || BY_SCOPE.entrySet()
				.stream()
				.anyMatch((entry) -> scopes.contains(entry.getKey()) && entry.getValue().contains(name));
			if (allowed) {
				released.put(name, value);
			}
		});
		return released;
	}

}
