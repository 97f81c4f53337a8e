package org.ndlp.operations.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ndlp.members.SoftwareSystem;
import org.ndlp.operations.AssessmentResult;
import org.ndlp.operations.Assessments;
import org.ndlp.operations.Assessments.WhatIf;
import org.ndlp.shared.LibraryCode;
import org.ndlp.shared.problem.InvalidInput;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** A library's assessment in the console, with a what-if form that stores nothing. */
@Controller
class AssessmentPage {

	private final Assessments assessments;

	AssessmentPage(Assessments assessments) {
		this.assessments = assessments;
	}

	@GetMapping("/admin/operations/assessments")
	String own(@RequestParam(required = false) Integer round) {
		int year = (round != null) ? round : LocalDate.now().getYear() - 1;
		if (OperationsApi.user().isNationalAdmin()) {
			// the national library is not assessed; the centre picks libraries from the
			// dashboard
			return "redirect:/admin/operations";
		}
		return "redirect:/admin/operations/assessments/" + year + "/" + OperationsApi.user().library();
	}

	@GetMapping("/admin/operations/assessments/{round}/{code}")
	String show(@PathVariable int round, @PathVariable String code, Model model) {
		return page(this.assessments.assess(code(code), round, OperationsApi.user()), null, model);
	}

	@PostMapping("/admin/operations/assessments/{round}/{code}/what-if")
	String whatIf(@PathVariable int round, @PathVariable String code, @RequestParam MultiValueMap<String, String> form,
			Model model) {
		LibraryCode library = code(code);
		AssessmentResult actual = this.assessments.assess(library, round, OperationsApi.user());
		Set<SoftwareSystem> systems = EnumSet.noneOf(SoftwareSystem.class);
		for (String system : form.getOrDefault("addSystems", List.of())) {
			systems.add(SoftwareSystem.valueOf(system));
		}
		Map<String, BigDecimal> manual = new HashMap<>();
		form.forEach((key, values) -> {
			if (key.startsWith("manual.") && !values.isEmpty() && !values.get(0).isBlank()) {
				manual.put(key.substring(7), number(key, values.get(0)));
			}
		});
		WhatIf change = new WhatIf(form.containsKey("hardwareStandardMet") ? Boolean.TRUE : null,
				form.containsKey("vpnConnected") ? Boolean.TRUE : null, systems, null,
				integer("trainingSessions", form.getFirst("trainingSessions")),
				integer("pressReports", form.getFirst("pressReports")), manual);
		return page(this.assessments.whatIf(library, round, change, OperationsApi.user()), actual, model);
	}

	private String page(AssessmentResult result, AssessmentResult actual, Model model) {
		model.addAttribute("result", result);
		model.addAttribute("actual", actual);
		model.addAttribute("systems", SoftwareSystem.values());
		Map<String, String> links = new HashMap<>();
		result.indicators()
			.forEach((indicator) -> indicator.criteria()
				.forEach((criterion) -> links.put(criterion.id(), consoleLink(criterion.evidenceUrl()))));
		model.addAttribute("links", links);
		return "admin/assessment";
	}

	/**
	 * The console page showing the same evidence as an API link (the API takes HTTP
	 * Basic, not the session).
	 */
	static String consoleLink(String url) {
		if (url == null || !url.startsWith("/api/v1/")) {
			return url;
		}
		if (url.startsWith("/api/v1/libraries/")) {
			return url.replace("/api/v1/libraries/", "/admin/libraries/").replace("/deployment?", "?");
		}
		int province = url.indexOf("province=");
		if (province < 0) {
			int slash = url.indexOf("/provinces/");
			return (slash < 0) ? "/admin/operations"
					: "/admin/operations?province=" + url.substring(slash + 11, slash + 13);
		}
		return "/admin/operations?province=" + url.substring(province + 9, province + 11);
	}

	private static LibraryCode code(String value) {
		try {
			return LibraryCode.of(value);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInput("code", ex.getMessage());
		}
	}

	private static BigDecimal number(String field, String value) {
		try {
			return new BigDecimal(value.strip());
		}
		catch (NumberFormatException ex) {
			throw new InvalidInput(field, "not a number: " + value);
		}
	}

	private static Integer integer(String field, String value) {
		return (value == null || value.isBlank()) ? null : number(field, value).intValue();
	}

}
