package org.ndlp.identity.web;

import org.ndlp.identity.MessageOutbox;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The outbox of the embedded message sender (发件箱), for national admins only (the URL rule
 * says so): the newest 200 messages, verification codes included.
 */
@Controller
class OutboxConsole {

	private final MessageOutbox outbox;

	OutboxConsole(MessageOutbox outbox) {
		this.outbox = outbox;
	}

	@GetMapping("/admin/outbox")
	String outbox(Model model) {
		model.addAttribute("messages", this.outbox.recent(200));
		return "admin/outbox";
	}

}
