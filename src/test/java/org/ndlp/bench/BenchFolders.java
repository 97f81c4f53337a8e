package org.ndlp.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Temporary folders of the benchmarks (H2 files, Solr homes): removed when the JVM ends,
 * so that repeated runs do not fill {@code /tmp} (a 200k-record run leaves 400 MB).
 */
final class BenchFolders {

	private BenchFolders() {
	}

	/** A new temporary folder, deleted with its content when the JVM exits. */
	static Path temporary(String prefix) throws IOException {
		Path folder = Files.createTempDirectory(prefix);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(folder), "delete-" + prefix));
		return folder;
	}

	/** Deletes a folder and everything in it (files still open are unlinked). */
	static void delete(Path folder) {
		if (!Files.exists(folder)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(folder)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
