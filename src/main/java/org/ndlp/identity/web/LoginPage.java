package org.ndlp.identity.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The staff sign-in page; Spring Security handles the POST. */
@Controller
class LoginPage {

	@GetMapping("/login")
	String login() {
		return "login";
	}

}
