package org.ndlp.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;

import org.ndlp.catalog.marc.MarcEncoding;
import org.ndlp.catalog.marc.MarcSchema;
import org.ndlp.ingest.internal.IngestRunner;
import org.ndlp.ingest.internal.JdbcIngestJobs;
import org.ndlp.members.MemberLibraries;
import org.ndlp.members.MemberLibrary;
import org.ndlp.shared.LibraryCode;
import org.ndlp.shared.NdlpProperties;
import org.ndlp.shared.problem.InvalidInput;
import org.ndlp.shared.problem.NotFound;
import org.ndlp.shared.problem.OutOfScope;
import org.ndlp.shared.security.CurrentUser;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Ingest jobs: a library's staff (or the province or nation above it) send a file; the
 * job is stored with the file under {@code ${ndlp.home}/ingest} and run in the
 * background, one at a time per node. Waiting jobs, and running jobs whose node stopped
 * reporting, are taken by whichever node polls first, so a job survives the death of its
 * JVM.
 */
@Service
public class IngestJobs {

	private static final List<String> SYNTAXES = List.of("ISO2709", "MARCXML", "MARCJSON");

	private final Set<Long> runningHere = ConcurrentHashMap.newKeySet();

	private final JdbcIngestJobs jobs;

	private final IngestRunner runner;

	private final MemberLibraries libraries;

	private final IngestProperties properties;

	private final Path folder;

	private final Clock clock;

	private final ExecutorService executor = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "ndlp-ingest");
		thread.setDaemon(true);
		return thread;
	});

	public IngestJobs(JdbcIngestJobs jobs, IngestRunner runner, MemberLibraries libraries, IngestProperties properties,
			NdlpProperties ndlp, Clock clock) {
		this.jobs = jobs;
		this.runner = runner;
		this.libraries = libraries;
		this.properties = properties;
		this.folder = ndlp.home().resolve("ingest");
		this.clock = clock;
	}

	/** Stores the file and queues a job for it; the job starts at once on this node. */
	public IngestJob submit(InputStream content, String fileName, String library, String format, String encoding,
			String syntax, CurrentUser user) throws IOException {
		if (library == null || library.isBlank()) {
			throw new InvalidInput("library", "library (the sending library's code) is required");
		}
		LibraryCode code;
		try {
			code = LibraryCode.of(library);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInput("library", ex.getMessage());
		}
		MemberLibrary sender = this.libraries.find(code)
			.orElseThrow(() -> new InvalidInput("library", "no member library has the code " + code));
		checkMaySend(user, sender);
		String fileSyntax = syntax(format, fileName);
		String schemaHint = null;
		if (syntax != null && !syntax.isBlank()) {
			try {
				schemaHint = MarcSchema.valueOf(syntax.strip().toUpperCase(Locale.ROOT)).name();
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidInput("syntax", "syntax must be MARC21, UNIMARC or CNMARC, got " + syntax);
			}
		}
		String encodingHint = null;
		if (encoding != null && !encoding.isBlank()) {
			try {
				encodingHint = MarcEncoding.of(encoding).name();
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidInput("encoding", "encoding must be UTF-8, MARC-8, GB18030 (or GBK) or ISO-8859-1");
			}
		}
		Files.createDirectories(this.folder);
		Path file = Files.createTempFile(this.folder, "upload-", ".data");
		long size = Files.copy(content, file, StandardCopyOption.REPLACE_EXISTING);
		if (size == 0) {
			Files.deleteIfExists(file);
			throw new InvalidInput("file", "the uploaded file is empty");
		}
		String name = (fileName != null && !fileName.isBlank()) ? fileName : "upload";
		long id = this.jobs.insert(code, name, file.toAbsolutePath().toString(), size, fileSyntax, schemaHint,
				encodingHint, user.username(), this.clock.instant());
		this.executor.submit(() -> claimAndRun(id));
		return this.jobs.find(id).orElseThrow().job();
	}

	public IngestJob get(long id, CurrentUser user) {
		IngestJob job = this.jobs.find(id).orElseThrow(() -> new NotFound("no ingest job " + id)).job();
		checkMaySend(user, this.libraries.get(job.library()));
		return job;
	}

	public List<IngestJob> ofLibrary(LibraryCode library, CurrentUser user) {
		checkMaySend(user, this.libraries.get(library));
		return this.jobs.ofLibrary(library, 100);
	}

	public List<Rejection> rejections(long id, int offset, int limit, CurrentUser user) {
		get(id, user);
		return this.jobs.rejections(id, Math.max(offset, 0), Math.min(Math.max(limit, 1), 1000));
	}

	/** Takes and runs waiting jobs and jobs orphaned by a dead node. */
	@Scheduled(fixedDelayString = "${ndlp.ingest.poll-interval:PT10S}", initialDelayString = "PT5S")
	public void resumeWaiting() {
		Instant staleBefore = this.clock.instant().minus(this.properties.staleAfter());
		for (long id : this.jobs.claimable(staleBefore)) {
			claimAndRun(id, staleBefore);
		}
	}

	/**
	 * Runs a job now if no other node has it, treating heartbeats older than the given
	 * instant as dead.
	 */
	public void claimAndRun(long id, Instant staleBefore) {
		// a job this node is still running only looks stale (a slow batch): leave it
		if (!this.runningHere.add(id)) {
			return;
		}
		try {
			if (this.jobs.claim(id, staleBefore, this.clock.instant())) {
				this.runner.run(id);
			}
		}
		finally {
			this.runningHere.remove(id);
		}
	}

	private void claimAndRun(long id) {
		claimAndRun(id, this.clock.instant().minus(this.properties.staleAfter()));
	}

	private void checkMaySend(CurrentUser user, MemberLibrary library) {
		if (!user.library().equals(library.code()) && !this.libraries.mayAdminister(user, library)) {
			throw new OutOfScope(user.username() + " may not send or see records of " + library.code());
		}
	}

	private static String syntax(String format, String fileName) {
		if (format != null && !format.isBlank()) {
			String value = format.strip().toUpperCase(Locale.ROOT).replace("-", "").replace("_", "");
			return switch (value) {
				case "ISO2709", "MARC", "MRC" -> "ISO2709";
				case "MARCXML", "XML" -> "MARCXML";
				case "MARCJSON", "JSON" -> "MARCJSON";
				default -> throw new InvalidInput("format", "format must be one of " + SYNTAXES + ", got " + format);
			};
		}
		String name = (fileName != null) ? fileName.toLowerCase(Locale.ROOT) : "";
		if (name.endsWith(".xml")) {
			return "MARCXML";
		}
		if (name.endsWith(".json") || name.endsWith(".ndjson")) {
			return "MARCJSON";
		}
		return "ISO2709";
	}

	@PreDestroy
	void stop() {
		this.executor.shutdownNow();
	}

}
