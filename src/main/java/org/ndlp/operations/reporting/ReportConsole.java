package org.ndlp.operations.reporting;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.ndlp.members.LibraryLevel;
import org.ndlp.members.MemberLibraries;
import org.ndlp.members.MemberLibrary;
import org.ndlp.operations.reporting.QuarterlyReports.AttachmentFile;
import org.ndlp.shared.LibraryCode;
import org.ndlp.shared.problem.InvalidInput;
import org.ndlp.shared.problem.ProblemException;
import org.ndlp.shared.security.CurrentUser;
import org.ndlp.shared.security.StaffRole;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Console pages for quarterly reporting (signed-in staff; the same scope rules as the
 * API): the list and overdue list of the user's scope, and one report with its form,
 * workflow buttons, attachments and history.
 */
@Controller
@RequestMapping("/admin/operations/reports")
class ReportConsole {

	private static final String REPORT = "/{code}/{year}/{quarter}";

	private final QuarterlyReports reports;

	private final MemberLibraries libraries;

	ReportConsole(QuarterlyReports reports, MemberLibraries libraries) {
		this.reports = reports;
		this.libraries = libraries;
	}

	@GetMapping
	String list(@RequestParam(required = false) Integer year, @RequestParam(required = false) Integer quarter,
			@RequestParam(required = false) ReportStatus status, Model model) {
		CurrentUser user = ReportApi.user();
		Quarter period = (year != null && quarter != null) ? ReportApi.quarter(year, String.valueOf(quarter))
				: this.reports.lastDueQuarter();
		// one year at a time by default: the nation's list grows by some 1,300 reports a
		// year
		int listYear = (year != null) ? year : period.year();
		model.addAttribute("reports", this.reports.list(listYear, quarter, status, null, user));
		model.addAttribute("overdue", this.reports.overdue(period, null, user));
		model.addAttribute("period", period);
		model.addAttribute("year", listYear);
		model.addAttribute("quarter", quarter);
		model.addAttribute("status", status);
		model.addAttribute("statuses", ReportStatus.values());
		Optional<MemberLibrary> own = this.libraries.find(user.library());
		boolean reports = own.isPresent() && own.get().level() != LibraryLevel.COUNTY
				&& user.role() != StaffRole.CATALOGER;
		model.addAttribute("ownLibrary", reports ? own.get() : null);
		return "admin/reports";
	}

	@GetMapping(REPORT)
	String show(@PathVariable String code, @PathVariable int year, @PathVariable String quarter, Model model) {
		return page(ReportApi.code(code), ReportApi.quarter(year, quarter), null, null, model);
	}

	@PostMapping(REPORT)
	String save(@PathVariable String code, @PathVariable int year, @PathVariable String quarter,
			@RequestParam Map<String, String> form, Model model) {
		LibraryCode library = ReportApi.code(code);
		Quarter period = ReportApi.quarter(year, quarter);
		try {
			this.reports.save(library, period, draft(form), ReportApi.user());
			return redirect(library, period) + "?saved";
		}
		catch (ProblemException ex) {
			return page(library, period, ex, form, model);
		}
	}

	@PostMapping(REPORT + "/submit")
	String submit(@PathVariable String code, @PathVariable int year, @PathVariable String quarter,
			@RequestParam(required = false) String comment, Model model) {
		LibraryCode library = ReportApi.code(code);
		Quarter period = ReportApi.quarter(year, quarter);
		try {
			this.reports.submit(library, period, comment, ReportApi.user());
			return redirect(library, period) + "?submitted";
		}
		catch (ProblemException ex) {
			return page(library, period, ex, null, model);
		}
	}

	@PostMapping(REPORT + "/return")
	String returnReport(@PathVariable String code, @PathVariable int year, @PathVariable String quarter,
			@RequestParam(required = false) String comment, Model model) {
		LibraryCode library = ReportApi.code(code);
		Quarter period = ReportApi.quarter(year, quarter);
		try {
			this.reports.returnReport(library, period, comment, ReportApi.user());
			return redirect(library, period) + "?returned";
		}
		catch (ProblemException ex) {
			return page(library, period, ex, null, model);
		}
	}

	@PostMapping(REPORT + "/approve")
	String approve(@PathVariable String code, @PathVariable int year, @PathVariable String quarter,
			@RequestParam(required = false) String comment, Model model) {
		LibraryCode library = ReportApi.code(code);
		Quarter period = ReportApi.quarter(year, quarter);
		try {
			this.reports.approve(library, period, comment, ReportApi.user());
			return redirect(library, period) + "?approved";
		}
		catch (ProblemException ex) {
			return page(library, period, ex, null, model);
		}
	}

	@PostMapping(REPORT + "/attachments")
	String attach(@PathVariable String code, @PathVariable int year, @PathVariable String quarter,
			@RequestParam("file") MultipartFile file, Model model) throws IOException {
		LibraryCode library = ReportApi.code(code);
		Quarter period = ReportApi.quarter(year, quarter);
		try {
			this.reports.attach(library, period, file.getOriginalFilename(), file.getContentType(), file.getBytes(),
					ReportApi.user());
			return redirect(library, period) + "?attached";
		}
		catch (ProblemException ex) {
			return page(library, period, ex, null, model);
		}
	}

	@PostMapping(REPORT + "/attachments/{id}/delete")
	String detach(@PathVariable String code, @PathVariable int year, @PathVariable String quarter,
			@PathVariable long id, Model model) {
		LibraryCode library = ReportApi.code(code);
		Quarter period = ReportApi.quarter(year, quarter);
		try {
			this.reports.detach(library, period, id, ReportApi.user());
			return redirect(library, period);
		}
		catch (ProblemException ex) {
			return page(library, period, ex, null, model);
		}
	}

	@GetMapping(REPORT + "/attachments/{id}")
	void download(@PathVariable String code, @PathVariable int year, @PathVariable String quarter,
			@PathVariable long id, HttpServletResponse response) throws IOException {
		AttachmentFile file = this.reports.attachment(ReportApi.code(code), ReportApi.quarter(year, quarter), id,
				ReportApi.user());
		response.setContentType(file.attachment().mediaType());
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment()
					.filename(file.attachment().name(), StandardCharsets.UTF_8)
					.build()
					.toString());
		response.getOutputStream().write(file.content());
	}

	// the console session does not reach /api (HTTP Basic only), so the sheet is served
	// here too
	@GetMapping(REPORT + "/export.xlsx")
	void export(@PathVariable String code, @PathVariable int year, @PathVariable String quarter,
			HttpServletResponse response) throws IOException {
		ReportView report = this.reports.view(ReportApi.code(code), ReportApi.quarter(year, quarter), ReportApi.user());
		response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment()
					.filename("工作报送-" + report.libraryCode() + "-" + year + "Q" + report.quarter() + ".xlsx",
							StandardCharsets.UTF_8)
					.build()
					.toString());
		ReportExport.write(report, response.getOutputStream());
	}

	private String page(LibraryCode code, Quarter quarter, ProblemException error, Map<String, String> posted,
			Model model) {
		ReportView report = this.reports.view(code, quarter, ReportApi.user());
		Map<String, String> values = new HashMap<>();
		for (Figure figure : Figure.values()) {
			BigDecimal value = report.figures().get(figure);
			if (!figure.prefilled() && value != null) {
				values.put("fig." + figure.key(), value.toPlainString());
			}
			String note = report.notes().get(figure.key());
			if (note != null) {
				values.put("note." + figure.key(), note);
			}
		}
		Map<String, String> suggested = new HashMap<>();
		if (report.actions().edit()) {
			this.reports.platformSuggestions(code, quarter).forEach((figure, value) -> {
				suggested.put(figure.key(), value.toPlainString());
				values.putIfAbsent("fig." + figure.key(), value.toPlainString());
			});
		}
		putIfPresent(values, "workDone", report.workDone());
		putIfPresent(values, "problems", report.problems());
		putIfPresent(values, "nextQuarterPlan", report.nextQuarterPlan());
		if (posted != null) {
			values.putAll(posted);
		}
		model.addAttribute("report", report);
		model.addAttribute("values", values);
		model.addAttribute("suggested", suggested);
		model.addAttribute("allFigures", Figure.values());
		model.addAttribute("entered",
				List.of(Figure.values()).stream().filter((figure) -> !figure.prefilled()).toList());
		model.addAttribute("prefilled", List.of(Figure.values()).stream().filter(Figure::prefilled).toList());
		model.addAttribute("base", "/admin/operations/reports/" + code + "/" + quarter.year() + "/" + quarter.label());
		if (error != null) {
			model.addAttribute("error", ((error.field() != null) ? error.field() + ": " : "") + error.getMessage());
			model.addAttribute("errorField", error.field());
		}
		return "admin/report";
	}

	private static ReportDraft draft(Map<String, String> form) {
		Map<String, BigDecimal> figures = new HashMap<>();
		Map<String, String> notes = new HashMap<>();
		for (Figure figure : Figure.values()) {
			if (figure.prefilled()) {
				continue;
			}
			String value = form.get("fig." + figure.key());
			if (value != null && !value.isBlank()) {
				try {
					figures.put(figure.key(), new BigDecimal(value.strip().replace(",", "")));
				}
				catch (NumberFormatException ex) {
					throw new InvalidInput("figures." + figure.key(), "not a number: " + value);
				}
			}
			String note = form.get("note." + figure.key());
			if (note != null && !note.isBlank()) {
				notes.put(figure.key(), note);
			}
		}
		return new ReportDraft(figures, notes, form.get("workDone"), form.get("problems"), form.get("nextQuarterPlan"));
	}

	private static void putIfPresent(Map<String, String> values, String key, String value) {
		if (value != null) {
			values.put(key, value);
		}
	}

	private static String redirect(LibraryCode code, Quarter quarter) {
		return "redirect:/admin/operations/reports/" + code + "/" + quarter.year() + "/" + quarter.label();
	}

}
