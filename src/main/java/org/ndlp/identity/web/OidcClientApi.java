package org.ndlp.identity.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.ndlp.identity.internal.oidc.ClientDraft;
import org.ndlp.identity.internal.oidc.OidcClient;
import org.ndlp.identity.internal.oidc.OidcClients;
import org.ndlp.identity.internal.oidc.SigningKeys;
import org.ndlp.shared.problem.OutOfScope;
import org.ndlp.shared.security.CurrentUser;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * OIDC clients and signing keys. National admins register, change and remove clients and
 * rotate keys; other admins see their own library's clients; cataloguers get 403.
 */
@RestController
@Tag(name = "OIDC provider")
class OidcClientApi {

	private final OidcClients clients;

	private final SigningKeys keys;

	OidcClientApi(OidcClients clients, SigningKeys keys) {
		this.clients = clients;
		this.keys = keys;
	}

	@GetMapping("/api/v1/oidc/clients")
	@Operation(summary = "Clients: all for national admins, the own library's for other admins")
	List<OidcClient> list() {
		return this.clients.list(CurrentUser.require());
	}

	@GetMapping("/api/v1/oidc/clients/{clientId}")
	@Operation(summary = "One client (never its secret)")
	OidcClient get(@PathVariable String clientId) {
		return this.clients.get(clientId, CurrentUser.require());
	}

	@PostMapping("/api/v1/oidc/clients")
	@Operation(summary = "Register a client (national admins); the answer holds the secret, shown only this once")
	ResponseEntity<Map<String, Object>> register(@RequestBody ClientDraft draft) {
		OidcClients.Registration registration = this.clients.register(draft, CurrentUser.require());
		return ResponseEntity.created(URI.create("/api/v1/oidc/clients/" + registration.client().clientId()))
			.body(OidcClientView.withSecret(registration));
	}

	@PutMapping("/api/v1/oidc/clients/{clientId}")
	@Operation(summary = "Change a client's name, owner, URIs, grants, scopes, third-party flag or role ceiling")
	OidcClient update(@PathVariable String clientId, @RequestBody ClientDraft draft) {
		return this.clients.update(clientId, draft, CurrentUser.require());
	}

	@DeleteMapping("/api/v1/oidc/clients/{clientId}")
	@Operation(summary = "Remove a client; its tokens stop working")
	ResponseEntity<Void> delete(@PathVariable String clientId) {
		this.clients.delete(clientId, CurrentUser.require());
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/v1/oidc/keys")
	@Operation(summary = "Published signing keys (national admins)")
	List<SigningKeys.KeyInfo> keys() {
		checkNational();
		return this.keys.keys();
	}

	@PostMapping("/api/v1/oidc/keys/rotate")
	@Operation(summary = "Make a new signing key now (national admins); the old one stays published until its "
			+ "tokens expire")
	Map<String, Object> rotate() {
		checkNational();
		String kid = this.keys.rotate().getKeyID();
		return Map.of("kid", kid, "keys", this.keys.keys());
	}

	private static void checkNational() {
		if (!CurrentUser.require().isNationalAdmin()) {
			throw new OutOfScope("only national administrators manage signing keys");
		}
	}

}
