package org.ndlp.portal;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The front page at {@code /}; the search issue turns it into the Wenjin search box. */
@Controller
class HomePage {

	@GetMapping("/")
	String home() {
		return "home";
	}

}
