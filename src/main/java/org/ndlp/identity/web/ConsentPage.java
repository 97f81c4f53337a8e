package org.ndlp.identity.web;

import java.security.Principal;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.ndlp.identity.internal.oidc.OidcClient;
import org.ndlp.identity.internal.oidc.OidcClients;
import org.ndlp.members.MemberLibraries;
import org.ndlp.shared.problem.NotFound;

import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsent;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The consent page of the OIDC provider, shown only for third-party clients: which
 * outside service asks for which of the signed-in person's data. It posts the decision to
 * {@code /oauth2/authorize}.
 */
@Controller
class ConsentPage {

	private final OidcClients clients;

	private final RegisteredClientRepository registered;

	private final OAuth2AuthorizationConsentService consents;

	private final MemberLibraries libraries;

	ConsentPage(OidcClients clients, RegisteredClientRepository registered, OAuth2AuthorizationConsentService consents,
			MemberLibraries libraries) {
		this.clients = clients;
		this.registered = registered;
		this.consents = consents;
		this.libraries = libraries;
	}

	@GetMapping("/oauth2/consent")
	String consent(Principal principal, @RequestParam("client_id") String clientId, @RequestParam("scope") String scope,
			@RequestParam("state") String state, Model model) {
		OidcClient client = this.clients.find(clientId).orElseThrow(() -> new NotFound("no OIDC client " + clientId));
		RegisteredClient registeredClient = this.registered.findByClientId(clientId);
		OAuth2AuthorizationConsent previous = this.consents.findById(registeredClient.getId(), principal.getName());
		Set<String> granted = (previous != null) ? previous.getScopes() : Set.of();
		Set<String> asked = new LinkedHashSet<>(Arrays.asList(scope.split(" ")));
		asked.remove("openid");
		List<String> toApprove = asked.stream().filter((s) -> !granted.contains(s)).toList();
		List<String> already = asked.stream().filter(granted::contains).toList();
		model.addAttribute("client", client);
		model.addAttribute("library", this.libraries.find(client.library()).orElse(null));
		model.addAttribute("toApprove", toApprove);
		model.addAttribute("already", already);
		model.addAttribute("state", state);
		model.addAttribute("person", principal.getName());
		return "oidc/consent";
	}

}
