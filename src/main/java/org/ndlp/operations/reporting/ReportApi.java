package org.ndlp.operations.reporting;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

import org.ndlp.operations.reporting.QuarterlyReports.AttachmentFile;
import org.ndlp.shared.LibraryCode;
import org.ndlp.shared.problem.InvalidInput;
import org.ndlp.shared.security.CurrentUser;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Quarterly reports over REST (signed-in staff, HTTP Basic). Readers: staff whose role
 * covers the library. Authors (save, submit, attachments): the library's own staff.
 * Reviewers (return, approve): the provincial centre for city libraries, the national
 * centre for provincial libraries and the national report.
 */
@RestController
@RequestMapping("/api/v1/operations/reports")
@Tag(name = "Quarterly reports (工作报送)")
class ReportApi {

	private static final String REPORT = "/{code}/{year}/{quarter}";

	private final QuarterlyReports reports;

	ReportApi(QuarterlyReports reports) {
		this.reports = reports;
	}

	@GetMapping
	@Operation(summary = "Stored reports in the caller's scope",
			description = "Filters: year, quarter (1-4), status, province (two digits or a region code).")
	List<ReportSummary> list(@RequestParam(required = false) Integer year,
			@RequestParam(required = false) Integer quarter, @RequestParam(required = false) ReportStatus status,
			@RequestParam(required = false) String province) {
		return this.reports.list(year, quarter, status, province, user());
	}

	@GetMapping("/overdue")
	@Operation(summary = "Libraries in the caller's scope whose report is overdue",
			description = "Default: the quarter that fell due most recently. A province's list for provincial admins, "
					+ "the nation's for national admins (filter with province).")
	List<ReportSummary> overdue(@RequestParam(required = false) Integer year,
			@RequestParam(required = false) Integer quarter, @RequestParam(required = false) String province) {
		Quarter period = (year == null && quarter == null) ? this.reports.lastDueQuarter()
				: quarter(year, (quarter != null) ? String.valueOf(quarter) : null);
		return this.reports.overdue(period, province, user());
	}

	@GetMapping(REPORT)
	@Operation(summary = "A library's report for a quarter (an empty draft when none is stored)")
	ReportView get(@PathVariable String code, @PathVariable int year, @PathVariable String quarter) {
		return this.reports.view(code(code), quarter(year, quarter), user());
	}

	@PutMapping(REPORT)
	@Operation(summary = "Save the entered figures, notes and text of a draft or returned report",
			description = "The library's own staff. 409 once submitted or approved.")
	ReportView save(@PathVariable String code, @PathVariable int year, @PathVariable String quarter,
			@RequestBody ReportDraft draft) {
		return this.reports.save(code(code), quarter(year, quarter), draft, user());
	}

	@PostMapping(REPORT + "/submit")
	@Operation(summary = "Submit the report to the level above after the edit checks")
	ReportView submit(@PathVariable String code, @PathVariable int year, @PathVariable String quarter,
			@RequestBody(required = false) Comment comment) {
		return this.reports.submit(code(code), quarter(year, quarter), text(comment), user());
	}

	@PostMapping(REPORT + "/return")
	@Operation(summary = "Return a submitted report with a comment (reviewer)")
	ReportView returnReport(@PathVariable String code, @PathVariable int year, @PathVariable String quarter,
			@RequestBody(required = false) Comment comment) {
		return this.reports.returnReport(code(code), quarter(year, quarter), text(comment), user());
	}

	@PostMapping(REPORT + "/approve")
	@Operation(summary = "Approve a submitted report (reviewer); it becomes a locked snapshot")
	ReportView approve(@PathVariable String code, @PathVariable int year, @PathVariable String quarter,
			@RequestBody(required = false) Comment comment) {
		return this.reports.approve(code(code), quarter(year, quarter), text(comment), user());
	}

	@GetMapping(REPORT + "/export.xlsx")
	@Operation(summary = "The report as an Excel summary sheet: one row per library, a totals row")
	void export(@PathVariable String code, @PathVariable int year, @PathVariable String quarter,
			HttpServletResponse response) throws IOException {
		ReportView report = this.reports.view(code(code), quarter(year, quarter), user());
		response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment()
					.filename("工作报送-" + report.libraryCode() + "-" + year + "Q" + report.quarter() + ".xlsx",
							StandardCharsets.UTF_8)
					.build()
					.toString());
		ReportExport.write(report, response.getOutputStream());
	}

	@PostMapping(path = REPORT + "/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Attach a file (multipart field file) to a draft or returned report")
	ResponseEntity<Attachment> attach(@PathVariable String code, @PathVariable int year, @PathVariable String quarter,
			@RequestParam("file") MultipartFile file) throws IOException {
		Quarter period = quarter(year, quarter);
		Attachment attachment = this.reports.attach(code(code), period, file.getOriginalFilename(),
				file.getContentType(), file.getBytes(), user());
		return ResponseEntity
			.created(URI.create("/api/v1/operations/reports/" + code(code) + "/" + year + "/" + period.label()
					+ "/attachments/" + attachment.id()))
			.body(attachment);
	}

	@GetMapping(REPORT + "/attachments/{id}")
	@Operation(summary = "Download an attachment")
	ResponseEntity<byte[]> attachment(@PathVariable String code, @PathVariable int year, @PathVariable String quarter,
			@PathVariable long id) {
		AttachmentFile file = this.reports.attachment(code(code), quarter(year, quarter), id, user());
		return ResponseEntity.ok()
			.contentType(mediaType(file.attachment().mediaType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(file.attachment().name(), StandardCharsets.UTF_8)
						.build()
						.toString())
			.body(file.content());
	}

	@DeleteMapping(REPORT + "/attachments/{id}")
	@Operation(summary = "Remove an attachment from a draft or returned report")
	ResponseEntity<Void> detach(@PathVariable String code, @PathVariable int year, @PathVariable String quarter,
			@PathVariable long id) {
		this.reports.detach(code(code), quarter(year, quarter), id, user());
		return ResponseEntity.noContent().build();
	}

	/**
	 * A comment on a transition.
	 *
	 * @param comment the text
	 */
	record Comment(String comment) {
	}

	static String text(Comment comment) {
		return (comment != null) ? comment.comment() : null;
	}

	static LibraryCode code(String value) {
		try {
			return LibraryCode.of(value);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInput("libraryCode", ex.getMessage());
		}
	}

	static Quarter quarter(Integer year, String quarter) {
		if (year == null) {
			throw new InvalidInput("year", "year is required");
		}
		try {
			return Quarter.of(year, quarter);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInput(ex.getMessage().startsWith("year") ? "year" : "quarter", ex.getMessage());
		}
	}

	static CurrentUser user() {
		// the API chain lets only signed-in staff through
		return CurrentUser.require();
	}

	private static MediaType mediaType(String value) {
		try {
			return MediaType.parseMediaType(value);
		}
		catch (IllegalArgumentException ex) {
			return MediaType.APPLICATION_OCTET_STREAM;
		}
	}

}
