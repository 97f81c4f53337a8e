package org.ndlp.identity.web;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.ndlp.identity.internal.accounts.SecondFactor;
import org.ndlp.identity.internal.accounts.Totp;
import org.ndlp.identity.internal.accounts.TotpProperties;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The second step of the console sign-in: the TOTP code, or enrolment of a secret for an
 * admin who has none. Only reachable with a password step done in this session.
 */
@Controller
class SecondFactorPage {

	private static final String NEW_SECRET = SecondFactorPage.class.getName() + ".SECRET";

	private final SecondFactor factor;

	private final TotpProperties properties;

	SecondFactorPage(SecondFactor factor, TotpProperties properties) {
		this.factor = factor;
		this.properties = properties;
	}

	@GetMapping("/login/totp")
	String code(HttpServletRequest request) {
		return this.factor.pending(request).isPresent() ? "totp" : "redirect:/login";
	}

	@PostMapping("/login/totp")
	String checkCode(@RequestParam(defaultValue = "") String code, HttpServletRequest request,
			HttpServletResponse response, Model model) throws IOException, ServletException {
		Optional<Authentication> pending = this.factor.pending(request);
		Optional<String> secret = pending.flatMap(this.factor::secret);
		if (pending.isEmpty() || secret.isEmpty()) {
			return "redirect:/login";
		}
		if (!this.factor.verify(request, pending.get(), secret.get(), code)) {
			if (this.factor.pending(request).isEmpty()) {
				return "redirect:/login?locked";
			}
			model.addAttribute("wrongCode", true);
			return "totp";
		}
		this.factor.complete(request, response, pending.get(), "password+totp");
		return null;
	}

	@GetMapping("/login/totp/enrol")
	String enrol(HttpServletRequest request, Model model) {
		Optional<Authentication> pending = this.factor.pending(request);
		if (pending.isEmpty()) {
			return "redirect:/login";
		}
		if (this.factor.secret(pending.get()).isPresent()) {
			return "redirect:/login/totp";
		}
		return enrolPage(request.getSession(), pending.get(), model);
	}

	@PostMapping("/login/totp/enrol")
	String confirm(@RequestParam(defaultValue = "") String code, HttpServletRequest request,
			HttpServletResponse response, Model model) throws IOException, ServletException {
		Optional<Authentication> pending = this.factor.pending(request);
		HttpSession session = request.getSession();
		String secret = (String) session.getAttribute(NEW_SECRET);
		if (pending.isEmpty() || secret == null) {
			return "redirect:/login";
		}
		if (!this.factor.verify(request, pending.get(), secret, code)) {
			if (this.factor.pending(request).isEmpty()) {
				return "redirect:/login?locked";
			}
			model.addAttribute("wrongCode", true);
			return enrolPage(session, pending.get(), model);
		}
		this.factor.enrol(pending.get(), secret);
		session.removeAttribute(NEW_SECRET);
		this.factor.complete(request, response, pending.get(), "password+totp (enrolled)");
		return null;
	}

	private String enrolPage(HttpSession session, Authentication pending, Model model) {
		String secret = (String) session.getAttribute(NEW_SECRET);
		if (secret == null) {
			secret = Totp.newSecret();
			session.setAttribute(NEW_SECRET, secret);
		}
		model.addAttribute("secret", secret);
		model.addAttribute("uri", Totp.uri(this.properties.issuer(), pending.getName(), secret));
		return "totp-enrol";
	}

}
