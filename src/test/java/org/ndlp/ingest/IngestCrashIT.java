package org.ndlp.ingest;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.ndlp.support.Http;
import org.ndlp.support.NdlpProcess;
import org.ndlp.support.Http.Response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A real crash: NDLP runs in its own JVM on an H2 file database, a job is killed with
 * SIGKILL (kill -9) mid-way, NDLP starts again on the same data folder, takes the
 * orphaned job over and ends with the same counts as an uninterrupted run of the same
 * file.
 */
class IngestCrashIT {

	private static final Path UVA = Path.of("..", "shared", "data", "solrmarc", "test", "data", "records",
			"uva_001_2000.mrc");

	@Test
	void aJobKilledWithSigkillEndsWithTheCountsOfAnUninterruptedRun(@TempDir Path home) throws Exception {
		assumeTrue(Files.isRegularFile(UVA), "../shared/data is absent");
		byte[] sample = Files.readAllBytes(UVA);
		Path file = home.resolve("twenty-thousand.mrc");
		try (OutputStream out = Files.newOutputStream(file)) {
			for (int i = 0; i < 10; i++) {
				out.write(sample);
			}
		}
		byte[] content = Files.readAllBytes(file);

		int port = NdlpProcess.freePort();
		Process first = start(home, port);
		long killedId;
		long readWhenKilled;
		try {
			Http admin = Http.as(port, "admin");
			killedId = submit(admin, content, "CN-130000-PL");
			JsonNode job = admin.get("/api/v1/ingest-jobs/" + killedId).json();
			for (int i = 0; i < 3000 && job.get("read").asLong() < 500; i++) {
				Thread.sleep(10);
				job = admin.get("/api/v1/ingest-jobs/" + killedId).json();
			}
			assertThat(job.get("status").asString()).as("the job is still running when killed").isEqualTo("RUNNING");
			readWhenKilled = job.get("read").asLong();
		}
		finally {
			first.destroyForcibly().waitFor();
		}

		Process second = start(home, port);
		try {
			Http admin = Http.as(port, "admin");
			JsonNode resumed = waitForEnd(admin, killedId);
			long wholeId = submit(admin, content, "CN-140000-PL");
			JsonNode whole = waitForEnd(admin, wholeId);
			assertThat(readWhenKilled).isLessThan(whole.get("read").asLong());
			assertThat(resumed.get("status").asString()).isEqualTo("COMPLETED");
			for (String count : List.of("read", "accepted", "unchanged", "deleted", "rejected")) {
				assertThat(resumed.get(count).asLong()).as(count).isEqualTo(whole.get(count).asLong());
			}
			assertThat(whole.get("read").asLong()).isEqualTo(20_000);
		}
		finally {
			second.destroyForcibly().waitFor();
		}
	}

	private static long submit(Http admin, byte[] content, String library) {
		Response response = admin.upload("/api/v1/ingest-jobs?library=" + library, "uva-x10.mrc", "application/marc",
				content);
		assertThat(response.status()).as(response.toString()).isEqualTo(202);
		return response.json().get("id").asLong();
	}

	private static JsonNode waitForEnd(Http admin, long id) throws InterruptedException {
		for (int i = 0; i < 1200; i++) {
			JsonNode job = admin.get("/api/v1/ingest-jobs/" + id).json();
			String status = job.get("status").asString();
			if (status.equals("COMPLETED") || status.equals("FAILED")) {
				return job;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("job " + id + " did not end");
	}

	private static Process start(Path home, int port) throws IOException, InterruptedException {
		return NdlpProcess.start(home, port, List.of(), List.of("--ndlp.ingest.batch-size=100",
				"--ndlp.ingest.stale-after=PT1S", "--ndlp.ingest.poll-interval=PT1S"));
	}

}
