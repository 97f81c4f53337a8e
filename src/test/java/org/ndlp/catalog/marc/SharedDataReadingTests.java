package org.ndlp.catalog.marc;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every MARC file in {@code ../shared/data} reads to the end without an exception: broken
 * records come back as {@link ReadResult.Malformed}, never as a thrown error.
 */
class SharedDataReadingTests {

	@Test
	void readsEveryIso2709FileToTheEnd() throws IOException {
		List<Path> files = files(".*\\.(mrc|marc|dat|bin)");
		assertThat(files).hasSizeGreaterThan(100);
		long records = 0;
		for (Path file : files) {
			try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
				records += Iso2709Reader.read(in).count();
			}
		}
		assertThat(records).isGreaterThan(7_000);
	}

	@Test
	void readsEveryMarcXmlAndMarcJsonFileToTheEnd() throws IOException {
		for (Path file : files(".*\\.xml")) {
			try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
				assertThat(MarcXmlReader.read(in).count()).as(file.toString()).isGreaterThanOrEqualTo(0);
			}
		}
		for (Path file : files(".*\\.json")) {
			try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
				assertThat(MarcJsonReader.read(in).count()).as(file.toString()).isGreaterThanOrEqualTo(0);
			}
		}
	}

	@Test
	void reportsAnEmptyOrNonXmlInputAsOneMalformedResult() {
		assertThat(MarcXmlReader.read(InputStream.nullInputStream()).toList()).singleElement()
			.isInstanceOf(ReadResult.Malformed.class);
		assertThat(Iso2709Reader.read(InputStream.nullInputStream()).toList()).isEmpty();
		assertThat(MarcJsonReader.read(InputStream.nullInputStream()).toList()).isEmpty();
	}

	private static List<Path> files(String pattern) throws IOException {
		SharedData.file("dp2-sru/PROVENANCE.md");
		try (Stream<Path> walk = Files.walk(SharedData.ROOT)) {
			return walk.filter(Files::isRegularFile)
				.filter((p) -> p.getFileName().toString().matches(pattern))
				.sorted()
				.toList();
		}
	}

}
