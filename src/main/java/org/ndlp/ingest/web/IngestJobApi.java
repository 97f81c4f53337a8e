package org.ndlp.ingest.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.ndlp.ingest.IngestJob;
import org.ndlp.ingest.IngestJobs;
import org.ndlp.ingest.Rejection;
import org.ndlp.shared.LibraryCode;
import org.ndlp.shared.problem.InvalidInput;
import org.ndlp.shared.security.CurrentUser;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Ingest jobs over REST: staff of the sending library, or of its province or the nation.
 */
@RestController
@RequestMapping("/api/v1/ingest-jobs")
@Tag(name = "Ingest (数据收割与装载)")
class IngestJobApi {

	private final IngestJobs jobs;

	IngestJobApi(IngestJobs jobs) {
		this.jobs = jobs;
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Send a file of MARC records",
			description = "202 with the job. format: ISO2709, MARCXML or MARCJSON (default from the file name); "
					+ "encoding: UTF-8, MARC-8, GB18030/GBK (default detected); syntax: MARC21, UNIMARC or CNMARC "
					+ "(default detected). Staff of that library, its province or the nation.")
	ResponseEntity<IngestJob> submit(@RequestParam("file") MultipartFile file, @RequestParam String library,
			@RequestParam(required = false) String format, @RequestParam(required = false) String encoding,
			@RequestParam(required = false) String syntax) throws IOException {
		if (file.isEmpty()) {
			throw new InvalidInput("file", "the uploaded file is empty");
		}
		IngestJob job;
		try (InputStream in = file.getInputStream()) {
			job = this.jobs.submit(in, file.getOriginalFilename(), library, format, encoding, syntax, user());
		}
		return ResponseEntity.accepted().location(URI.create("/api/v1/ingest-jobs/" + job.id())).body(job);
	}

	@GetMapping("/{id}")
	@Operation(summary = "A job's status, counts and progress")
	IngestJob get(@PathVariable long id) {
		return this.jobs.get(id, user());
	}

	@GetMapping
	@Operation(summary = "The latest jobs of a library")
	List<IngestJob> list(@RequestParam String library) {
		try {
			return this.jobs.ofLibrary(LibraryCode.of(library), user());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInput("library", ex.getMessage());
		}
	}

	@GetMapping("/{id}/rejections")
	@Operation(summary = "Records the job could not take: position, local id (001), reason")
	List<Rejection> rejections(@PathVariable long id, @RequestParam(defaultValue = "0") int offset,
			@RequestParam(defaultValue = "100") int limit) {
		return this.jobs.rejections(id, offset, limit, user());
	}

	private static CurrentUser user() {
		return CurrentUser.require();
	}

}
