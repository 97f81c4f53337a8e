package org.ndlp.identifiers.web;

import java.util.ArrayList;
import java.util.List;

import org.ndlp.identifiers.Cdoi;
import org.ndlp.identifiers.Identifier;
import org.ndlp.identifiers.Identifiers;
import org.ndlp.identifiers.Location;
import org.ndlp.identifiers.Prefix;
import org.ndlp.shared.security.CurrentUser;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Console pages: search identifiers, edit an identifier's locations, see its history. */
@Controller
class IdentifierConsole {

	private final Identifiers identifiers;

	IdentifierConsole(Identifiers identifiers) {
		this.identifiers = identifiers;
	}

	@GetMapping("/admin/identifiers")
	String search(@RequestParam(required = false) String q, @RequestParam(required = false) String prefix,
			Model model) {
		model.addAttribute("q", q);
		model.addAttribute("prefix", prefix);
		model.addAttribute("results", this.identifiers.search(q, prefix, 0, 100));
		model.addAttribute("prefixes", this.identifiers.prefixes());
		return "admin/identifiers";
	}

	@GetMapping("/admin/identifiers/{prefix}/{suffix}")
	String show(@PathVariable String prefix, @PathVariable String suffix, Model model) {
		Cdoi cdoi = Cdoi.parse(prefix, suffix);
		Identifier identifier = this.identifiers.get(cdoi);
		CurrentUser user = CurrentUser.require();
		Prefix owner = this.identifiers.prefixes()
			.stream()
			.filter((p) -> p.prefix().equals(cdoi.prefix()))
			.findFirst()
			.orElseThrow();
		model.addAttribute("identifier", identifier);
		model.addAttribute("history", this.identifiers.history(cdoi));
		model.addAttribute("mayEdit", !identifier.deleted() && this.identifiers.mayManage(user, owner));
		model.addAttribute("owner", owner);
		return "admin/identifier";
	}

	@PostMapping("/admin/identifiers/{prefix}/{suffix}/locations")
	String locations(@PathVariable String prefix, @PathVariable String suffix,
			@RequestParam(name = "href", required = false) List<String> hrefs,
			@RequestParam(name = "mediaType", required = false) List<String> mediaTypes) {
		Cdoi cdoi = Cdoi.parse(prefix, suffix);
		List<Location> locations = new ArrayList<>();
		for (int i = 0; hrefs != null && i < hrefs.size(); i++) {
			if (hrefs.get(i) != null && !hrefs.get(i).isBlank()) {
				String type = (mediaTypes != null && i < mediaTypes.size()) ? mediaTypes.get(i) : null;
				locations.add(new Location(locations.size() + 1, hrefs.get(i), type));
			}
		}
		this.identifiers.setLocations(cdoi, locations, CurrentUser.require());
		return "redirect:/admin/identifiers/" + cdoi.handle() + "?saved";
	}

	@PostMapping("/admin/identifiers/{prefix}/{suffix}/delete")
	String delete(@PathVariable String prefix, @PathVariable String suffix,
			@RequestParam(required = false) String note) {
		Cdoi cdoi = Cdoi.parse(prefix, suffix);
		this.identifiers.tombstone(cdoi, note, CurrentUser.require());
		return "redirect:/admin/identifiers/" + cdoi.handle() + "?deleted";
	}

}
