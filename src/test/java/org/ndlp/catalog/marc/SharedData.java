package org.ndlp.catalog.marc;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

/**
 * The shared test data beside the checkout ({@code ../shared/data}); tests skip when it
 * is absent. Files are read in place, never copied into the repository.
 */
final class SharedData {

	static final Path ROOT = Path.of("..", "shared", "data");

	private SharedData() {
	}

	/**
	 * A file under the shared data folder; skips the test when the folder or file is
	 * absent.
	 */
	static Path file(String relative) {
		Assumptions.assumeTrue(Files.isDirectory(ROOT), "../shared/data absent");
		Path path = ROOT.resolve(relative);
		Assumptions.assumeTrue(Files.isRegularFile(path), relative + " absent");
		return path;
	}

	static InputStream open(String relative) {
		try {
			return new BufferedInputStream(Files.newInputStream(file(relative)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static byte[] bytes(String relative) {
		try {
			return Files.readAllBytes(file(relative));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** All results of reading a file with a reader, stream closed afterwards. */
	static List<ReadResult> readAll(String relative,
			java.util.function.Function<InputStream, Stream<ReadResult>> reader) {
		try (InputStream in = open(relative)) {
			return reader.apply(in).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static List<ReadResult.Parsed> parsed(List<ReadResult> results) {
		return results.stream().filter(ReadResult.Parsed.class::isInstance).map(ReadResult.Parsed.class::cast).toList();
	}

	static List<ReadResult.Malformed> malformed(List<ReadResult> results) {
		return results.stream()
			.filter(ReadResult.Malformed.class::isInstance)
			.map(ReadResult.Malformed.class::cast)
			.toList();
	}

	static List<MarcRecord> records(List<ReadResult> results) {
		return parsed(results).stream().map(ReadResult.Parsed::record).toList();
	}

}
