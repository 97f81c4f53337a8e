package org.ndlp.identity.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.ndlp.identity.internal.oidc.OidcClient;
import org.ndlp.identity.internal.oidc.OidcClients;

/** A client as JSON with the one-time secret beside its fields. */
final class OidcClientView {

	private OidcClientView() {
	}

	static Map<String, Object> withSecret(OidcClients.Registration registration) {
		OidcClient client = registration.client();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("clientId", client.clientId());
		body.put("clientSecret", registration.clientSecret());
		body.put("name", client.name());
		body.put("library", client.library());
		body.put("kind", client.kind());
		body.put("redirectUris", client.redirectUris());
		body.put("postLogoutRedirectUris", client.postLogoutRedirectUris());
		body.put("grantTypes", client.grantTypes());
		body.put("scopes", client.scopes());
		body.put("thirdParty", client.thirdParty());
		body.put("roleCeiling", client.roleCeiling());
		body.put("confidential", client.confidential());
		body.put("createdAt", client.createdAt());
		body.put("createdBy", client.createdBy());
		return body;
	}

}
