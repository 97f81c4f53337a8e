package org.ndlp.oaipmh.web;

import org.ndlp.oaipmh.HarvestSources;
import org.ndlp.shared.security.CurrentUser;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Console page: each harvest source's health (last run, counts, error). */
@Controller
class HarvestConsole {

	private final HarvestSources sources;

	HarvestConsole(HarvestSources sources) {
		this.sources = sources;
	}

	@GetMapping("/admin/harvest")
	String list(Model model) {
		model.addAttribute("sources", this.sources.list(CurrentUser.require()));
		return "admin/harvest";
	}

}
