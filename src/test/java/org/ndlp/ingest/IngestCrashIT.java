package org.ndlp.ingest;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.ndlp.NdlpApplication;
import org.ndlp.support.Http;
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

		int port = freePort();
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

	/** Starts NDLP in a new JVM on the test class path and waits until it answers. */
	private static Process start(Path home, int port) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-Xmx512m");
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add(NdlpApplication.class.getName());
		command.add("--server.port=" + port);
		command.add("--ndlp.home=" + home);
		command.add("--ndlp.demo-data=false");
		command.add("--ndlp.ingest.batch-size=100");
		command.add("--ndlp.ingest.stale-after=PT1S");
		command.add("--ndlp.ingest.poll-interval=PT1S");
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(home.resolve("ndlp-" + System.nanoTime() + ".log").toFile());
		builder.environment().put("NDLP_ADMIN_PASSWORD", Http.ADMIN_PASSWORD);
		Process process = builder.start();
		Http anonymous = Http.anonymous(port);
		for (int i = 0; i < 1200; i++) {
			if (!process.isAlive()) {
				throw new AssertionError("NDLP died on start-up; see " + home);
			}
			try {
				if (anonymous.get("/actuator/health").status() == 200) {
					return process;
				}
			}
			catch (IllegalStateException ex) {
				// not listening yet
			}
			Thread.sleep(100);
		}
		process.destroyForcibly();
		throw new AssertionError("NDLP did not start within 2 minutes");
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
