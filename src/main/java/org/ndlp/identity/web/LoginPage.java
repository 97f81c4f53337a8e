package org.ndlp.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The staff sign-in page; Spring Security handles the POST. */
@Controller
class LoginPage {

	@GetMapping("/login")
	String login(HttpServletRequest request, Model model) {
		// accounts: say when the failure was a locked login name rather than a wrong
		// password
		HttpSession session = request.getSession(false);
		model.addAttribute("lockedOut", session != null
				&& session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION) instanceof LockedException);
		return "login";
	}

}
