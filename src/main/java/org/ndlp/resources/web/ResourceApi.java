package org.ndlp.resources.web;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.ndlp.resources.DublinCoreRecord;
import org.ndlp.resources.OaiDc;
import org.ndlp.resources.RegistrationRatios;
import org.ndlp.resources.RegistrationRatios.RatioReport;
import org.ndlp.resources.Resource;
import org.ndlp.resources.ResourceChange;
import org.ndlp.resources.ResourceDraft;
import org.ndlp.resources.ResourcePage;
import org.ndlp.resources.ResourceQuery;
import org.ndlp.resources.ResourceRegistry;
import org.ndlp.resources.ResourceRegistry.Registered;
import org.ndlp.resources.ResourceStatus;
import org.ndlp.resources.ResourceUpload;
import org.ndlp.resources.ResourceUpload.Format;
import org.ndlp.resources.ResourceUpload.Mode;
import org.ndlp.resources.ResourceUpload.UploadReport;
import org.ndlp.shared.LibraryCode;
import org.ndlp.shared.problem.InvalidInput;
import org.ndlp.shared.security.CurrentUser;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
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
 * Resource registration over REST. Every endpoint needs a signed-in staff member; scope
 * rules are those of {@link ResourceRegistry} and {@link RegistrationRatios}.
 */
@RestController
@RequestMapping("/api/v1/resources")
@Tag(name = "Resource registration (资源登记)")
class ResourceApi {

	private final ResourceRegistry registry;

	private final ResourceUpload upload;

	private final RegistrationRatios ratios;

	ResourceApi(ResourceRegistry registry, ResourceUpload upload, RegistrationRatios ratios) {
		this.registry = registry;
		this.upload = upload;
		this.ratios = ratios;
	}

	/**
	 * A reviewer's decision.
	 *
	 * @param comment the comment (required to return)
	 */
	record Decision(String comment) {
	}

	/**
	 * A library's declaration of what it built in a year.
	 *
	 * @param items items built
	 * @param sizeGb GB built
	 */
	record DeclarationBody(Long items, BigDecimal sizeGb) {
	}

	@GetMapping
	@Operation(summary = "Registrations in the caller's scope, newest first",
			description = "Library staff: their library; provincial admins: their province; national admins: all.")
	ResourcePage list(@RequestParam(required = false) String library, @RequestParam(required = false) String province,
			@RequestParam(required = false) ResourceStatus status, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		return this.registry.list(new ResourceQuery(library, province, status, q, false, page, size), user());
	}

	@GetMapping("/review-queue")
	@Operation(summary = "Pending registrations the caller reviews",
			description = "Provincial admins: their province's city and county libraries; national admins: "
					+ "provincial and national registrations (all=true: every pending one).")
	ResourcePage queue(@RequestParam(defaultValue = "false") boolean all, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		return this.registry.reviewQueue(new ResourceQuery(null, null, null, null, all, page, size), user());
	}

	@PostMapping
	@Operation(summary = "Register one resource for review",
			description = "Staff of the building library (national admins: any library). Possible duplicates "
					+ "(same normalized title and library, or same access URL) are flagged in the answer.")
	ResponseEntity<Resource> register(@RequestBody ResourceDraft draft) {
		Resource stored = this.registry.register(draft, user());
		return ResponseEntity.created(URI.create("/api/v1/resources/" + stored.id())).body(stored);
	}

	@GetMapping("/{id}")
	@Operation(summary = "One registration with its quality tier and flagged duplicates",
			description = "In the caller's scope.")
	Resource get(@PathVariable long id) {
		return this.registry.get(id, user());
	}

	@PutMapping("/{id}")
	@Operation(summary = "Change a registration; it goes back to review",
			description = "Staff of the building library.")
	Resource update(@PathVariable long id, @RequestBody ResourceDraft draft) {
		return this.registry.update(id, draft, user());
	}

	@PostMapping("/{id}/approve")
	@Operation(summary = "Approve and publish a pending registration",
			description = "City and county libraries: their provincial admin (or national); provincial and national "
					+ "libraries: national admins.")
	Resource approve(@PathVariable long id, @RequestBody(required = false) Decision decision) {
		return this.registry.approve(id, (decision != null) ? decision.comment() : null, user());
	}

	@PostMapping("/{id}/return")
	@Operation(summary = "Return a pending registration with comments", description = "As for approve.")
	Resource returnWithComments(@PathVariable long id, @RequestBody(required = false) Decision decision) {
		return this.registry.returnWithComments(id, (decision != null) ? decision.comment() : null, user());
	}

	@PostMapping("/{id}/withdraw")
	@Operation(summary = "Withdraw a registration", description = "Staff of the building library, or a reviewer.")
	Resource withdraw(@PathVariable long id) {
		return this.registry.withdraw(id, user());
	}

	@GetMapping("/changes")
	@Operation(summary = "The change feed of published and withdrawn resources after a sequence number",
			description = "Any signed-in staff member (search and identifiers follow it in-process).")
	List<ResourceChange> changes(@RequestParam(defaultValue = "0") long after,
			@RequestParam(defaultValue = "500") int limit) {
		return this.registry.changesAfter(after, limit);
	}

	@GetMapping("/changes/latest")
	@Operation(summary = "The last sequence number of the change feed ({\"seq\": 0} when empty)",
			description = "Any signed-in staff member.")
	java.util.Map<String, Long> latest() {
		return java.util.Map.of("seq", this.registry.latestSeq());
	}

	@GetMapping({ "/template.xlsx", "/template.csv" })
	@Operation(summary = "The registration template with Chinese headers and example rows",
			description = "Any signed-in staff member.")
	void template(HttpServletRequest request, HttpServletResponse response) throws IOException {
		Format format = request.getRequestURI().endsWith(".xlsx") ? Format.XLSX : Format.CSV;
		response.setContentType(format.mediaType() + ((format == Format.CSV) ? ";charset=UTF-8" : ""));
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment()
					.filename("资源登记模板." + format.extension(), StandardCharsets.UTF_8)
					.build()
					.toString());
		this.upload.template(format, response.getOutputStream());
	}

	@PostMapping(path = "/upload", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Register many resources from the filled-in template (CSV or .xlsx)",
			description = "mode=all (default): 422 listing each bad row and nothing registered unless every row is "
					+ "good. mode=valid-only: the good rows are registered, the bad ones listed (200).")
	ResponseEntity<Object> upload(@RequestParam("file") MultipartFile file, @RequestParam(required = false) String mode)
			throws IOException {
		if (file.isEmpty()) {
			throw new InvalidInput("file", "the uploaded file is empty");
		}
		Mode parsed = Mode.parse(mode);
		UploadReport report;
		try (InputStream in = file.getInputStream()) {
			report = this.upload.upload(in, Format.guess(file.getOriginalFilename(), file.getContentType()), parsed,
					user());
		}
		if (report.imported() || report.errors().isEmpty()) {
			return ResponseEntity.ok(report);
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
				report.errors().size() + " of " + report.rows() + " rows are bad; nothing was registered"
						+ ((parsed == Mode.ALL) ? " (send mode=valid-only to register the good rows only)" : ""));
		problem.setType(URI.create("urn:ndlp:problem:upload-rejected"));
		problem.setProperty("rows", report.rows());
		problem.setProperty("errors", report.errors());
		return ResponseEntity.unprocessableContent().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	@PostMapping(path = "/oai-dc", consumes = { MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE })
	@Operation(summary = "Register oai_dc records (one, or an OAI-PMH ListRecords response) for a library",
			description = "Staff of the library. Records are matched by their OAI identifier: a known one is "
					+ "updated, a deleted one withdrawn.")
	List<Registered> oaiDc(@RequestParam String library, HttpServletRequest request) throws IOException {
		LibraryCode code;
		try {
			code = LibraryCode.of(library);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInput("library", ex.getMessage());
		}
		List<DublinCoreRecord> records;
		try (InputStream in = request.getInputStream()) {
			records = OaiDc.read(in);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInput("body", ex.getMessage());
		}
		List<Registered> results = new ArrayList<>();
		for (DublinCoreRecord record : records) {
			results.add(this.registry.registerFromDublinCore(code, record, user()));
		}
		return results;
	}

	@PutMapping("/declarations/{code}/{year}")
	@Operation(summary = "Declare what a library built in a year (items and GB), for the 80% rule",
			description = "Admins in scope of the library (its library admin, its provincial admin, national).")
	RatioReport declare(@PathVariable String code, @PathVariable int year, @RequestBody DeclarationBody body) {
		LibraryCode library;
		try {
			library = LibraryCode.of(code);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInput("code", ex.getMessage());
		}
		if (body == null || body.items() == null) {
			throw new InvalidInput("items", "items is required");
		}
		this.ratios.declare(library, year, body.items(), body.sizeGb(), user());
		return this.ratios.report(year, null, user());
	}

	@GetMapping("/ratios")
	@Operation(summary = "Registration ratios of a year: per library, province and the nation",
			description = "National admins: the nation or any province; provincial admins: their province; "
					+ "other staff: their library.")
	RatioReport ratios(@RequestParam(required = false) Integer year, @RequestParam(required = false) String province) {
		return this.ratios.report((year != null) ? year : LocalDate.now().getYear(), province, user());
	}

	static CurrentUser user() {
		return CurrentUser.require();
	}

}
