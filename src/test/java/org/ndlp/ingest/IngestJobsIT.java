package org.ndlp.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import org.ndlp.catalog.CatalogRecords;
import org.ndlp.ingest.internal.IngestRunner;
import org.ndlp.shared.LibraryCode;
import org.ndlp.shared.RegionCode;
import org.ndlp.shared.security.CurrentUser;
import org.ndlp.shared.security.StaffRole;
import org.ndlp.support.Http;
import org.ndlp.support.Http.Response;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.ndlp.support.Problems.assertProblem;

/** Ingest jobs over HTTP with the real files in ../shared/data (skipped where absent). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class IngestJobsIT {

	private static final Path DATA = Path.of("..", "shared", "data");

	private final int port;

	private final IngestJobs jobs;

	private final IngestRunner runner;

	private final CatalogRecords catalog;

	IngestJobsIT(@Autowired Environment environment, @Autowired IngestJobs jobs, @Autowired IngestRunner runner,
			@Autowired CatalogRecords catalog) {
		this.catalog = catalog;
		this.port = environment.getRequiredProperty("local.server.port", Integer.class);
		this.jobs = jobs;
		this.runner = runner;
	}

	@Test
	void ingestsTwoThousandMarc21RecordsAndAgainChangesNothing() throws Exception {
		Http guangzhou = Http.as(this.port, "gz-cataloger");
		JsonNode first = ingest(guangzhou, "solrmarc/test/data/records/uva_001_2000.mrc", "CN-440100-GZL");
		assertThat(first.get("status").asString()).isEqualTo("COMPLETED");
		assertThat(first.get("read").asLong()).isEqualTo(2000);
		assertThat(first.get("accepted").asLong() + first.get("deleted").asLong() + first.get("rejected").asLong()
				+ first.get("unchanged").asLong())
			.isEqualTo(2000);
		assertThat(first.get("progress").asDouble()).isEqualTo(1.0);
		byte[] file = Files.readAllBytes(file("solrmarc/test/data/records/uva_001_2000.mrc"));
		int length = Integer.parseInt(new String(file, 0, 5, java.nio.charset.StandardCharsets.US_ASCII));
		String firstId = org.ndlp.catalog.marc.Iso2709Reader.read(new java.io.ByteArrayInputStream(file))
			.findFirst()
			.map((result) -> ((org.ndlp.catalog.marc.ReadResult.Parsed) result).record().controlNumber().orElseThrow())
			.orElseThrow();
		assertThat(this.catalog.current(LibraryCode.of("CN-440100-GZL"), firstId.strip()).orElseThrow().content())
			.as("stored exactly as received")
			.isEqualTo(java.util.Arrays.copyOf(file, length));
		JsonNode again = ingest(guangzhou, "solrmarc/test/data/records/uva_001_2000.mrc", "CN-440100-GZL");
		assertThat(again.get("accepted").asLong()).isZero();
		assertThat(again.get("unchanged").asLong() + again.get("deleted").asLong())
			.isEqualTo(first.get("accepted").asLong() + first.get("deleted").asLong());
	}

	@Test
	void ingestsUnimarcAndCnmarc() throws Exception {
		Http admin = Http.as(this.port, "admin");
		JsonNode unimarc = ingest(admin, "xbib-marc/src/test/resources/org/xbib/marc/dialects/unimarc/periouni.mrc",
				"CN-110000-PL");
		assertThat(unimarc.get("status").asString()).isEqualTo("COMPLETED");
		assertThat(unimarc.get("read").asLong()).isEqualTo(3064);
		JsonNode cnmarc = ingest(admin, "dp2-sru/dp2Catalog/SRU/sample_cnmarcxml.xml", "CN-110000-NLC");
		assertThat(cnmarc.get("status").asString()).isEqualTo("COMPLETED");
		assertThat(cnmarc.get("syntax").asString()).isEqualTo("MARCXML");
		assertThat(cnmarc.get("read").asLong()).isEqualTo(10);
		assertThat(cnmarc.get("accepted").asLong()).isEqualTo(10);
	}

	@Test
	void storedRecordsAreServedAsReceivedAndDescribed() throws Exception {
		Http zhejiang = Http.as(this.port, "zj-admin");
		JsonNode job = ingest(zhejiang, "dp2-sru/dp2Catalog/SRU/sample_cnmarcxml.xml", "CN-330000-PL");
		assertThat(job.get("accepted").asLong()).isEqualTo(10);
		String firstId;
		try (var in = Files.newInputStream(file("dp2-sru/dp2Catalog/SRU/sample_cnmarcxml.xml"))) {
			firstId = org.ndlp.catalog.marc.MarcXmlReader.read(in)
				.map((result) -> ((org.ndlp.catalog.marc.ReadResult.Parsed) result).record()
					.controlNumber()
					.orElseThrow())
				.findFirst()
				.orElseThrow();
		}
		Http anyone = Http.anonymous(this.port);
		Response found = anyone.get("/api/v1/source-records?library=CN-330000-PL&localId="
				+ java.net.URLEncoder.encode(firstId.strip(), java.nio.charset.StandardCharsets.UTF_8));
		assertThat(found.status()).as(found.toString()).isEqualTo(200);
		JsonNode record = found.json();
		assertThat(record.get("schema").asString()).isEqualTo("CNMARC");
		assertThat(record.get("description").get("title").asString()).isNotBlank().matches(".*\\p{IsHan}.*");
		Response xml = anyone.get("/api/v1/source-records/" + record.get("id").asLong() + "/marc?syntax=marcxml");
		assertThat(xml.contentType()).startsWith("application/marcxml+xml");
		assertThat(xml.text()).contains(record.get("description").get("title").asString().substring(0, 2));
		assertThat(anyone.get("/api/v1/source-records/" + record.get("id").asLong() + "/marc?syntax=iso2709").status())
			.isEqualTo(400);
		assertThat(anyone.get("/api/v1/source-records/999999999").status()).isEqualTo(404);
	}

	@ParameterizedTest
	@ValueSource(strings = { "bad_hathi_records.mrc", "pride-and-prejudice-with-many-errors.mrc",
			"bad_oversize_field_bad_directory.mrc", "bad_too_long_plus_2.mrc", "bad_leaders_10_11.mrc",
			"chabon-missing-controlfield-tag.xml", "chabon-missing-subfield-code.xml", "illegal-marc-in-json.json" })
	void brokenFilesCompleteWithReasons(String name) throws Exception {
		Http admin = Http.as(this.port, "admin");
		JsonNode job = ingest(admin, "marc4j/test/resources/" + name, "CN-120000-PL");
		assertThat(job.get("status").asString()).as(name + ": " + job).isEqualTo("COMPLETED");
		assertThat(job.get("read").asLong()).isPositive();
		if (job.get("rejected").asLong() > 0) {
			JsonNode rejections = admin.get("/api/v1/ingest-jobs/" + job.get("id").asLong() + "/rejections").json();
			assertThat(rejections.size()).isPositive();
			assertThat(rejections.get(0).get("index").asLong()).isPositive();
			assertThat(rejections.get(0).get("reason").asString()).isNotBlank();
		}
	}

	@Test
	void aJobKilledMidwayResumesToTheSameCountsAsAnUninterruptedRun() throws Exception {
		Path file = file("solrmarc/test/data/records/uva_001_2000.mrc");
		CurrentUser admin = new CurrentUser("admin", StaffRole.NATIONAL_ADMIN, LibraryCode.NLC,
				RegionCode.of("110108"));
		IngestJob whole = waitFor(
				this.jobs.submit(Files.newInputStream(file), "uva.mrc", "CN-130000-PL", null, null, null, admin));
		this.runner.afterBatch((position) -> {
			if (position >= 1000) {
				throw new SimulatedCrash();
			}
		});
		IngestJob crashed;
		try {
			IngestJob started = this.jobs.submit(Files.newInputStream(file), "uva.mrc", "CN-140000-PL", null, null,
					null, admin);
			crashed = waitWhile(started, (job) -> job.read() < 1000);
			Thread.sleep(500);
		}
		finally {
			this.runner.afterBatch((position) -> {
			});
		}
		crashed = this.jobs.get(crashed.id(), admin);
		assertThat(crashed.status()).isEqualTo("RUNNING");
		assertThat(crashed.read()).isEqualTo(1000);
		// another node (or this one after a restart) takes over the job whose heartbeat
		// stopped
		this.jobs.claimAndRun(crashed.id(), Instant.now().plusSeconds(1));
		IngestJob resumed = this.jobs.get(crashed.id(), admin);
		assertThat(resumed.status()).isEqualTo("COMPLETED");
		assertThat(resumed.read()).isEqualTo(whole.read());
		assertThat(resumed.accepted()).isEqualTo(whole.accepted());
		assertThat(resumed.unchanged()).isEqualTo(whole.unchanged());
		assertThat(resumed.deleted()).isEqualTo(whole.deleted());
		assertThat(resumed.rejected()).isEqualTo(whole.rejected());
	}

	@Test
	void onlyStaffOfTheLibraryOrAboveMaySend() {
		byte[] content = "not marc".getBytes();
		assertProblem(
				Http.as(this.port, "gz-admin")
					.upload("/api/v1/ingest-jobs?library=CN-440300-SZL", "x.mrc", "application/marc", content),
				403, null);
		assertProblem(Http.as(this.port, "gz-admin")
			.upload("/api/v1/ingest-jobs?library=CN-440100-GZL&syntax=DUBLINCORE", "x.mrc", "application/marc",
					content),
				400, "syntax");
		assertThat(Http.anonymous(this.port)
			.upload("/api/v1/ingest-jobs?library=CN-440100-GZL", "x.mrc", "application/marc", content)
			.status()).isEqualTo(401);
	}

	private JsonNode ingest(Http http, String relative, String library) throws Exception {
		Path file = file(relative);
		Response submitted = http.upload("/api/v1/ingest-jobs?library=" + library, file.getFileName().toString(),
				"application/octet-stream", Files.readAllBytes(file));
		assertThat(submitted.status()).as(submitted.toString()).isEqualTo(202);
		long id = submitted.json().get("id").asLong();
		for (int i = 0; i < 600; i++) {
			JsonNode job = http.get("/api/v1/ingest-jobs/" + id).json();
			String status = job.get("status").asString();
			if (status.equals("COMPLETED") || status.equals("FAILED")) {
				return job;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("job " + id + " did not finish");
	}

	private IngestJob waitFor(IngestJob job) throws InterruptedException {
		return waitWhile(job, (current) -> !current.status().equals("COMPLETED") && !current.status().equals("FAILED"));
	}

	private IngestJob waitWhile(IngestJob job, java.util.function.Predicate<IngestJob> condition)
			throws InterruptedException {
		CurrentUser admin = new CurrentUser("admin", StaffRole.NATIONAL_ADMIN, LibraryCode.NLC,
				RegionCode.of("110108"));
		for (int i = 0; i < 600; i++) {
			IngestJob current = this.jobs.get(job.id(), admin);
			if (!condition.test(current)) {
				return current;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("job " + job.id() + " did not get there");
	}

	private static Path file(String relative) {
		Path path = DATA.resolve(relative);
		assumeTrue(Files.isRegularFile(path), relative + " is absent from ../shared/data");
		return path;
	}

	/** Stands in for the JVM dying between two batches. */
	static final class SimulatedCrash extends RuntimeException {

		SimulatedCrash() {
			super("simulated kill -9");
		}

	}

}
