package org.ndlp.shared.web;

import jakarta.servlet.http.HttpServletResponse;

import org.ndlp.shared.problem.ProblemException;
import org.ndlp.shared.security.CurrentUser;
import org.ndlp.shared.security.Readers;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page needs: the signed-in staff member or reader for the layout, and a
 * readable error page (with the right status) when a page's request breaks a rule. REST
 * controllers get problem+json from {@link org.ndlp.shared.problem.ProblemAdvice}, which
 * runs first.
 */
@ControllerAdvice(annotations = Controller.class)
class PageAdvice {

	@ModelAttribute("currentUser")
	CurrentUser currentUser() {
		return CurrentUser.current().orElse(null);
	}

	/**
	 * The login of a signed-in reader (authority {@code ROLE_READER}, not staff), for the
	 * layout's "my account" and sign-out entries; {@code null} otherwise.
	 */
	@ModelAttribute("signedInReader")
	String signedInReader() {
		return CurrentUser.current().isPresent() ? null : Readers.current().orElse(null);
	}

	@ExceptionHandler(ProblemException.class)
	String problem(ProblemException ex, HttpServletResponse response, Model model) {
		response.setStatus(ex.status());
		model.addAttribute("status", ex.status());
		model.addAttribute("detail", ex.getMessage());
		model.addAttribute("currentUser", currentUser());
		model.addAttribute("signedInReader", signedInReader());
		return "problem";
	}

}
