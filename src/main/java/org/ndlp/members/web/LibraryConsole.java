package org.ndlp.members.web;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.ndlp.members.DeploymentEvent;
import org.ndlp.members.DeploymentEventKind;
import org.ndlp.members.DeploymentHistory;
import org.ndlp.members.FundingSource;
import org.ndlp.members.LibraryLevel;
import org.ndlp.members.LibraryTransfer;
import org.ndlp.members.LibraryTransfer.Format;
import org.ndlp.members.MemberLibraries;
import org.ndlp.members.MemberLibrary;
import org.ndlp.members.NewDeploymentEvent;
import org.ndlp.members.SoftwareSystem;
import org.ndlp.shared.LibraryCode;
import org.ndlp.shared.problem.InvalidInput;
import org.ndlp.shared.problem.ProblemException;
import org.ndlp.shared.security.CurrentUser;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** Staff console pages for the registry and deployment history (signed-in staff only). */
@Controller
class LibraryConsole {

	private final MemberLibraries libraries;

	private final DeploymentHistory history;

	private final LibraryTransfer transfer;

	LibraryConsole(MemberLibraries libraries, DeploymentHistory history, LibraryTransfer transfer) {
		this.libraries = libraries;
		this.history = history;
		this.transfer = transfer;
	}

	@GetMapping("/admin")
	String index(Model model) {
		model.addAttribute("library", this.libraries.get(LibraryApi.user().library()));
		model.addAttribute("summary", this.history.summary(LocalDate.now()));
		return "admin/index";
	}

	@GetMapping("/admin/libraries")
	String list(@RequestParam(required = false) LibraryLevel level, @RequestParam(required = false) String region,
			@RequestParam(required = false) String q, Model model) {
		List<MemberLibrary> found;
		try {
			found = this.libraries.search(LibraryApi.query(level, null, region, q));
		}
		catch (InvalidInput ex) {
			found = List.of();
		}
		model.addAttribute("libraries", found);
		model.addAttribute("levels", LibraryLevel.values());
		model.addAttribute("level", level);
		model.addAttribute("region", region);
		model.addAttribute("q", q);
		return "admin/libraries";
	}

	@GetMapping("/admin/libraries/{code}")
	String show(@PathVariable String code,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
			Model model) {
		MemberLibrary library = this.libraries.get(LibraryApi.code(code));
		return detail(library, (asOf != null) ? asOf : LocalDate.now(), null, model);
	}

	@GetMapping("/admin/libraries/new")
	String newForm(Model model) {
		return form(new LibraryForm(), false, null, model);
	}

	@PostMapping("/admin/libraries/new")
	String create(@ModelAttribute("form") LibraryForm form, Model model) {
		try {
			MemberLibrary created = this.libraries.create(form.toDraft(), LibraryApi.user());
			return "redirect:/admin/libraries/" + created.code() + "?saved";
		}
		catch (ProblemException ex) {
			return form(form, false, ex, model);
		}
	}

	@GetMapping("/admin/libraries/{code}/edit")
	String editForm(@PathVariable String code, Model model) {
		MemberLibrary library = this.libraries.get(LibraryApi.code(code));
		this.libraries.checkMayAdminister(LibraryApi.user(), library);
		return form(LibraryForm.of(library), true, null, model);
	}

	@PostMapping("/admin/libraries/{code}/edit")
	String update(@PathVariable String code, @ModelAttribute("form") LibraryForm form, Model model) {
		try {
			this.libraries.update(LibraryApi.code(code), form.toDraft(), LibraryApi.user());
			return "redirect:/admin/libraries/" + LibraryApi.code(code) + "?saved";
		}
		catch (ProblemException ex) {
			form.setCode(code);
			return form(form, true, ex, model);
		}
	}

	@PostMapping("/admin/libraries/{code}/events")
	String record(@PathVariable String code, @RequestParam DeploymentEventKind kind,
			@RequestParam(required = false) String effectiveOn, @RequestParam(required = false) SoftwareSystem system,
			@RequestParam(required = false) FundingSource fundingSource, @RequestParam(required = false) String amount,
			@RequestParam(required = false) String fiscalYear, @RequestParam(required = false) String voidsEventId,
			@RequestParam(required = false) String note, Model model) {
		LibraryCode libraryCode = LibraryApi.code(code);
		try {
			NewDeploymentEvent event = new NewDeploymentEvent(kind, date("effectiveOn", effectiveOn), system,
					fundingSource, decimal("amount", amount), integer("fiscalYear", fiscalYear),
					longValue("voidsEventId", voidsEventId), note);
			this.history.record(libraryCode, event, LibraryApi.user());
			return "redirect:/admin/libraries/" + libraryCode + "?recorded";
		}
		catch (ProblemException ex) {
			model.addAttribute("eventError", ((ex.field() != null) ? ex.field() + ": " : "") + ex.getMessage());
			return detail(this.libraries.get(libraryCode), LocalDate.now(), ex, model);
		}
	}

	@GetMapping("/admin/libraries/import")
	String importForm() {
		return "admin/import";
	}

	@PostMapping("/admin/libraries/import")
	String importFile(@RequestParam("file") MultipartFile file, Model model) throws IOException {
		try (InputStream in = file.getInputStream()) {
			model.addAttribute("report", this.transfer.importFile(in,
					Format.guess(file.getOriginalFilename(), file.getContentType()), LibraryApi.user()));
		}
		catch (InvalidInput ex) {
			model.addAttribute("error", ex.getMessage());
		}
		return "admin/import";
	}

	private String detail(MemberLibrary library, LocalDate asOf, ProblemException error, Model model) {
		CurrentUser user = LibraryApi.user();
		List<DeploymentEvent> events = this.history.events(library.code());
		Set<Long> voided = events.stream()
			.map(DeploymentEvent::voidsEventId)
			.filter((id) -> id != null)
			.collect(Collectors.toSet());
		model.addAttribute("library", library);
		model.addAttribute("mayEdit", this.libraries.mayAdminister(user, library));
		model.addAttribute("state", this.history.stateOf(library.code(), asOf));
		model.addAttribute("events", events);
		model.addAttribute("voided", voided);
		model.addAttribute("children", this.libraries.children(library.code()));
		model.addAttribute("kinds", DeploymentEventKind.values());
		model.addAttribute("systems", SoftwareSystem.values());
		model.addAttribute("sources", FundingSource.values());
		return "admin/library";
	}

	private String form(LibraryForm form, boolean editing, ProblemException error, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("editing", editing);
		model.addAttribute("levels", LibraryLevel.values());
		if (error != null) {
			model.addAttribute("error", ((error.field() != null) ? error.field() + ": " : "") + error.getMessage());
			model.addAttribute("errorField", error.field());
		}
		return "admin/library-form";
	}

	private static LocalDate date(String field, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInput(field, "not a date (YYYY-MM-DD): " + value);
		}
	}

	private static BigDecimal decimal(String field, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return new BigDecimal(value.strip().replace(",", ""));
		}
		catch (NumberFormatException ex) {
			throw new InvalidInput(field, "not a number: " + value);
		}
	}

	private static Integer integer(String field, String value) {
		BigDecimal number = decimal(field, value);
		return (number != null) ? number.intValueExact() : null;
	}

	private static Long longValue(String field, String value) {
		BigDecimal number = decimal(field, value);
		return (number != null) ? number.longValueExact() : null;
	}

}
