package org.ndlp.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.ndlp.NdlpApplication;

/**
 * NDLP in a JVM of its own (for tests that kill it with SIGKILL): the test class path, a
 * data folder, a port and the test's settings; output to a log file in the data folder.
 */
public final class NdlpProcess {

	private NdlpProcess() {
	}

	/**
	 * Starts NDLP and waits until it answers its health check (2 minutes at most).
	 * @param home {@code ndlp.home}, an H2 file database in it
	 * @param port HTTP port
	 * @param jvmOptions options of the JVM besides the heap limit
	 * @param settings {@code --key=value} arguments besides port, home and demo data
	 */
	public static Process start(Path home, int port, List<String> jvmOptions, List<String> settings)
			throws IOException, InterruptedException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-Xmx512m");
		command.addAll(jvmOptions);
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add(NdlpApplication.class.getName());
		command.add("--server.port=" + port);
		command.add("--ndlp.home=" + home);
		command.add("--ndlp.demo-data=false");
		command.addAll(settings);
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

	/** A port nothing listens on now. */
	public static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
