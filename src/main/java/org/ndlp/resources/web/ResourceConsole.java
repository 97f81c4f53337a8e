package org.ndlp.resources.web;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;

import org.ndlp.resources.RegistrationRatios;
import org.ndlp.resources.Resource;
import org.ndlp.resources.ResourceDraft;
import org.ndlp.resources.ResourceQuery;
import org.ndlp.resources.ResourceRegistry;
import org.ndlp.resources.ResourceStatus;
import org.ndlp.resources.ResourceType;
import org.ndlp.resources.ResourceUpload;
import org.ndlp.resources.ResourceUpload.Format;
import org.ndlp.resources.ResourceUpload.Mode;
import org.ndlp.resources.ThematicDatabase;
import org.ndlp.shared.LibraryCode;
import org.ndlp.shared.problem.InvalidInput;
import org.ndlp.shared.problem.ProblemException;
import org.ndlp.shared.security.CurrentUser;
import org.ndlp.shared.security.StaffRole;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Console pages of resource registration: the list, the form, bulk upload, the review
 * queue and the ratios of the 80% rule. Scope as in {@link ResourceRegistry}.
 */
@Controller
class ResourceConsole {

	private final ResourceRegistry registry;

	private final ResourceUpload upload;

	private final RegistrationRatios ratios;

	ResourceConsole(ResourceRegistry registry, ResourceUpload upload, RegistrationRatios ratios) {
		this.registry = registry;
		this.upload = upload;
		this.ratios = ratios;
	}

	@ModelAttribute
	void common(Model model) {
		model.addAttribute("types", ResourceType.values());
		model.addAttribute("thematics", ThematicDatabase.values());
		model.addAttribute("statuses", ResourceStatus.values());
		CurrentUser user = CurrentUser.current().orElse(null);
		model.addAttribute("reviewer",
				user != null && (user.isNationalAdmin() || user.role() == StaffRole.PROVINCIAL_ADMIN));
	}

	@GetMapping("/admin/resources")
	String list(@RequestParam(required = false) ResourceStatus status, @RequestParam(required = false) String q,
			@RequestParam(required = false) String library, @RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("page",
				this.registry.list(new ResourceQuery(library, null, status, q, false, page, 50), user()));
		model.addAttribute("status", status);
		model.addAttribute("q", q);
		model.addAttribute("library", library);
		model.addAttribute("queue", false);
		return "admin/resources";
	}

	@GetMapping("/admin/resources/review")
	String queue(@RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("page",
				this.registry.reviewQueue(new ResourceQuery(null, null, null, null, false, page, 50), user()));
		model.addAttribute("queue", true);
		return "admin/resources";
	}

	@GetMapping("/admin/resources/new")
	String newForm(Model model) {
		CurrentUser user = user();
		model.addAttribute("draft",
				new ResourceDraft(user.library().value(), null, null, null, null, null, null, null, null, null, null,
						null, "chi", null, null, null, "TEXT", null, null, null, "NONE", LocalDate.now().getYear()));
		model.addAttribute("action", "/admin/resources");
		return "admin/resource-form";
	}

	@PostMapping("/admin/resources")
	String create(@ModelAttribute("draft") ResourceDraft draft, Model model) {
		try {
			Resource stored = this.registry.register(draft, user());
			return "redirect:/admin/resources/" + stored.id();
		}
		catch (InvalidInput ex) {
			model.addAttribute("error", ex.getMessage());
			model.addAttribute("errorField", ex.field());
			model.addAttribute("action", "/admin/resources");
			return "admin/resource-form";
		}
	}

	@GetMapping("/admin/resources/{id}")
	String show(@PathVariable long id, Model model) {
		return detail(this.registry.get(id, user()), null, model);
	}

	@GetMapping("/admin/resources/{id}/edit")
	String editForm(@PathVariable long id, Model model) {
		Resource r = this.registry.get(id, user());
		model.addAttribute("draft",
				new ResourceDraft(r.library().value(), r.title(), r.creator(), r.subject(), r.description(),
						r.publisher(), r.contributor(), r.date(), r.dcType(), r.format(), r.identifier(), r.source(),
						r.language(), r.relation(), r.coverage(), r.rights(), r.resourceType().name(), r.sizeGb(),
						r.itemCount(), r.accessUrl(), r.thematic().name(), r.yearBuilt()));
		model.addAttribute("action", "/admin/resources/" + id);
		model.addAttribute("resource", r);
		return "admin/resource-form";
	}

	@PostMapping("/admin/resources/{id}")
	String update(@PathVariable long id, @ModelAttribute("draft") ResourceDraft draft, Model model) {
		try {
			this.registry.update(id, draft, user());
			return "redirect:/admin/resources/" + id;
		}
		catch (InvalidInput ex) {
			model.addAttribute("error", ex.getMessage());
			model.addAttribute("errorField", ex.field());
			model.addAttribute("action", "/admin/resources/" + id);
			return "admin/resource-form";
		}
	}

	@PostMapping("/admin/resources/{id}/approve")
	String approve(@PathVariable long id, @RequestParam(required = false) String comment, Model model) {
		try {
			this.registry.approve(id, comment, user());
			return "redirect:/admin/resources/" + id;
		}
		catch (ProblemException ex) {
			return detail(this.registry.get(id, user()), ex, model);
		}
	}

	@PostMapping("/admin/resources/{id}/return")
	String returnWithComments(@PathVariable long id, @RequestParam(required = false) String comment, Model model) {
		try {
			this.registry.returnWithComments(id, comment, user());
			return "redirect:/admin/resources/" + id;
		}
		catch (ProblemException ex) {
			return detail(this.registry.get(id, user()), ex, model);
		}
	}

	@PostMapping("/admin/resources/{id}/withdraw")
	String withdraw(@PathVariable long id) {
		this.registry.withdraw(id, user());
		return "redirect:/admin/resources/" + id;
	}

	@GetMapping("/admin/resources/upload")
	String uploadForm() {
		return "admin/resource-upload";
	}

	@PostMapping("/admin/resources/upload")
	String upload(@RequestParam("file") MultipartFile file, @RequestParam(required = false) String mode, Model model)
			throws IOException {
		if (file.isEmpty()) {
			model.addAttribute("error", "the uploaded file is empty");
			return "admin/resource-upload";
		}
		try (InputStream in = file.getInputStream()) {
			model.addAttribute("report", this.upload.upload(in,
					Format.guess(file.getOriginalFilename(), file.getContentType()), Mode.parse(mode), user()));
		}
		catch (InvalidInput ex) {
			model.addAttribute("error", ex.getMessage());
		}
		return "admin/resource-upload";
	}

	@GetMapping("/admin/resources/ratios")
	String ratios(@RequestParam(required = false) Integer year, @RequestParam(required = false) String province,
			Model model) {
		CurrentUser user = user();
		int y = (year != null) ? year : LocalDate.now().getYear();
		model.addAttribute("report", this.ratios.report(y, province, user));
		model.addAttribute("year", y);
		model.addAttribute("ownLibrary", user.library().value());
		return "admin/resource-ratios";
	}

	@PostMapping("/admin/resources/declarations")
	String declare(@RequestParam String library, @RequestParam int year, @RequestParam long items,
			@RequestParam BigDecimal sizeGb, Model model) {
		try {
			this.ratios.declare(LibraryCode.of(library), year, items, sizeGb, user());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInput("library", ex.getMessage());
		}
		return "redirect:/admin/resources/ratios?year=" + year;
	}

	private String detail(Resource resource, ProblemException error, Model model) {
		CurrentUser user = user();
		model.addAttribute("resource", resource);
		model.addAttribute("quality", resource.quality());
		model.addAttribute("mayReview",
				resource.status() == ResourceStatus.PENDING && this.registry.mayReview(user, resource));
		model.addAttribute("mayEdit",
				resource.status() != ResourceStatus.WITHDRAWN && this.registry.isRegistrant(user, resource));
		if (error != null) {
			model.addAttribute("error", error.getMessage());
		}
		return "admin/resource";
	}

	private static CurrentUser user() {
		return CurrentUser.require();
	}

}
