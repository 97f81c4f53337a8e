package org.ndlp.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Temporary folders of benchmarks and tests (H2 files, Solr homes, browser profiles):
 * removed when the JVM ends, so that repeated runs do not fill {@code /tmp} (a
 * 200k-record bench run leaves 400 MB).
 */
public final class TempFolders {

	private TempFolders() {
	}

	/** A new temporary folder, deleted with its content when the JVM exits. */
	public static Path temporary(String prefix) throws IOException {
		Path folder = Files.createTempDirectory(prefix);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(folder), "delete-" + prefix));
		return folder;
	}

	/** Deletes a folder and everything in it (files still open are unlinked). */
	public static void delete(Path folder) {
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
