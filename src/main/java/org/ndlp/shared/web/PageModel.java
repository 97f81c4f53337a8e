package org.ndlp.shared.web;

import org.ndlp.shared.security.CurrentUser;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's layout needs: the signed-in staff member, if any. */
@ControllerAdvice(annotations = Controller.class)
class PageModel {

	@ModelAttribute("currentUser")
	CurrentUser currentUser() {
		return CurrentUser.current().orElse(null);
	}

}
