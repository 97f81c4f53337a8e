package org.ndlp.ingest.web;

import java.io.IOException;
import java.io.InputStream;

import org.ndlp.ingest.IngestJob;
import org.ndlp.ingest.IngestJobs;
import org.ndlp.shared.LibraryCode;
import org.ndlp.shared.problem.InvalidInput;
import org.ndlp.shared.security.CurrentUser;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** Console pages: send a file, follow a job's progress, read its rejections. */
@Controller
class IngestConsole {

	private final IngestJobs jobs;

	IngestConsole(IngestJobs jobs) {
		this.jobs = jobs;
	}

	@GetMapping("/admin/ingest")
	String list(@RequestParam(required = false) String library, Model model) {
		CurrentUser user = CurrentUser.require();
		LibraryCode code = (library == null || library.isBlank()) ? user.library() : code(library);
		model.addAttribute("library", code.value());
		model.addAttribute("jobs", this.jobs.ofLibrary(code, user));
		return "admin/ingest";
	}

	@PostMapping("/admin/ingest")
	String submit(@RequestParam("file") MultipartFile file, @RequestParam String library,
			@RequestParam(required = false) String format, @RequestParam(required = false) String encoding,
			@RequestParam(required = false) String syntax) throws IOException {
		if (file.isEmpty()) {
			throw new InvalidInput("file", "the uploaded file is empty");
		}
		IngestJob job;
		try (InputStream in = file.getInputStream()) {
			job = this.jobs.submit(in, file.getOriginalFilename(), library, format, encoding, syntax,
					CurrentUser.require());
		}
		return "redirect:/admin/ingest/" + job.id();
	}

	@GetMapping("/admin/ingest/{id}")
	String show(@PathVariable long id, Model model) {
		CurrentUser user = CurrentUser.require();
		IngestJob job = this.jobs.get(id, user);
		model.addAttribute("job", job);
		model.addAttribute("rejections", this.jobs.rejections(id, 0, 200, user));
		return "admin/ingest-job";
	}

	private static LibraryCode code(String value) {
		try {
			return LibraryCode.of(value);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInput("library", ex.getMessage());
		}
	}

}
