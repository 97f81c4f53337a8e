package org.ndlp.identity.web;

import java.util.Arrays;
import java.util.List;

import org.ndlp.identity.internal.oidc.ClientDraft;
import org.ndlp.identity.internal.oidc.ClientKind;
import org.ndlp.identity.internal.oidc.OidcClients;
import org.ndlp.shared.problem.ProblemException;
import org.ndlp.shared.security.CurrentUser;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Console page {@code /admin/clients}: the OIDC clients the admin may see; national
 * admins register new ones here and see the secret once, on the answer page.
 */
@Controller
class ClientConsole {

	private final OidcClients clients;

	ClientConsole(OidcClients clients) {
		this.clients = clients;
	}

	@GetMapping("/admin/clients")
	String list(Model model) {
		return page(model);
	}

	@PostMapping("/admin/clients")
	String register(@RequestParam String name, @RequestParam String library, @RequestParam String kind,
			@RequestParam(defaultValue = "") String redirectUris,
			@RequestParam(required = false) List<String> grantTypes,
			@RequestParam(required = false) List<String> scopes,
			@RequestParam(defaultValue = "false") boolean thirdParty, @RequestParam String roleCeiling, Model model) {
		List<String> uris = Arrays.stream(redirectUris.split("\\s+")).filter((uri) -> !uri.isBlank()).toList();
		try {
			model.addAttribute("registered", this.clients.register(
					new ClientDraft(name, library, kind, uris, List.of(), (grantTypes != null) ? grantTypes : List.of(),
							(scopes != null) ? scopes : List.of(), thirdParty, roleCeiling),
					CurrentUser.require()));
		}
		catch (ProblemException ex) {
			model.addAttribute("error", ex.getMessage());
		}
		return page(model);
	}

	private String page(Model model) {
		CurrentUser user = CurrentUser.require();
		model.addAttribute("clients", this.clients.list(user));
		model.addAttribute("mayRegister", user.isNationalAdmin());
		model.addAttribute("kinds", ClientKind.values());
		return "admin/clients";
	}

}
