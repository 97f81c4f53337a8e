package org.ndlp.members.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.ndlp.members.LibraryLevel;
import org.ndlp.members.LibraryTransfer;
import org.ndlp.members.LibraryTransfer.Format;
import org.ndlp.members.LibraryTransfer.ImportReport;
import org.ndlp.members.MemberLibraries;
import org.ndlp.shared.problem.InvalidInput;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Bulk import and export of the registry as CSV or Excel. */
@RestController
@Tag(name = "Member libraries (成员馆)")
class LibraryTransferApi {

	private final MemberLibraries libraries;

	private final LibraryTransfer transfer;

	LibraryTransferApi(MemberLibraries libraries, LibraryTransfer transfer) {
		this.libraries = libraries;
		this.transfer = transfer;
	}

	@GetMapping({ "/api/v1/libraries.csv", "/api/v1/libraries.xlsx" })
	@Operation(summary = "Export member libraries as CSV or Excel", description = "Public; same filters as the list.")
	void export(HttpServletRequest request, HttpServletResponse response,
			@RequestParam(required = false) LibraryLevel level, @RequestParam(required = false) String parent,
			@RequestParam(required = false) String region, @RequestParam(required = false) String q)
			throws IOException {
		Format format = request.getRequestURI().endsWith(".xlsx") ? Format.XLSX : Format.CSV;
		response.setContentType(format.mediaType() + ((format == Format.CSV) ? ";charset=UTF-8" : ""));
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment()
					.filename("成员馆." + format.extension(), StandardCharsets.UTF_8)
					.build()
					.toString());
		this.transfer.export(this.libraries.search(LibraryApi.query(level, parent, region, q)), format,
				response.getOutputStream());
	}

	@PostMapping(path = "/api/v1/libraries/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Import member libraries from CSV or Excel",
			description = "All or nothing: 200 with counts when every row was stored, 422 listing each bad row "
					+ "(row number, code, field, message) when any row is bad and nothing was stored.")
	ResponseEntity<Object> importFile(@RequestParam("file") MultipartFile file) throws IOException {
		if (file.isEmpty()) {
			throw new InvalidInput("file", "the uploaded file is empty");
		}
		ImportReport report;
		try (InputStream in = file.getInputStream()) {
			report = this.transfer.importFile(in, Format.guess(file.getOriginalFilename(), file.getContentType()),
					LibraryApi.user());
		}
		if (report.imported()) {
			return ResponseEntity.ok(report);
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
				report.errors().size() + " of " + report.rows() + " rows are bad; nothing was imported");
		problem.setType(java.net.URI.create("urn:ndlp:problem:import-rejected"));
		problem.setProperty("rows", report.rows());
		problem.setProperty("errors", report.errors());
		return ResponseEntity.unprocessableContent().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
