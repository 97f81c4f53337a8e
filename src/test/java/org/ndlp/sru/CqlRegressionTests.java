package org.ndlp.sru;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import org.ndlp.sru.cql.CqlParser;
import org.ndlp.sru.cql.CqlSyntaxError;
import org.ndlp.sru.cql.Xcql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The 92 CQL → XCQL regression pairs of Index Data's cql-java
 * ({@code ../shared/data/cql-java}), run through our parser: each query parses to exactly
 * the expected XCQL, and each query of the FAILURES group whose answer is an error
 * message fails with that message. The four {@code *.disabled} queries are not pairs
 * (cql-java itself does not run them).
 */
class CqlRegressionTests {

	static final Path REGRESSION = Path.of("../shared/data/cql-java/src/test/resources/regression");

	private final CqlParser parser = new CqlParser();

	@TestFactory
	Stream<DynamicTest> everyPairParsesToItsXcql() throws IOException {
		assumeTrue(Files.isDirectory(REGRESSION), "../shared/data/cql-java absent: regression pairs skipped");
		List<Path> queries = pairs();
		assertThat(queries).hasSize(92);
		return queries.stream().map((cql) -> DynamicTest.dynamicTest(REGRESSION.relativize(cql).toString(), () -> {
			String query = read(cql).strip();
			String expected = read(Path.of(cql.toString().replace(".cql", ".xcql")));
			if (expected.strip().startsWith("<")) {
				assertThat(normalized(Xcql.of(this.parser.parse(query)))).as(query).isEqualTo(normalized(expected));
			}
			else {
				assertThatThrownBy(() -> this.parser.parse(query)).as(query)
					.isInstanceOf(CqlSyntaxError.class)
					.hasMessage(expected.strip());
			}
		}));
	}

	@Test
	void chineseTermsAndIndexesParse() {
		assertThat(Xcql.of(this.parser.parse("dc.title = \"中国发展报告\" and bath.isbn == 7-5037-1744-0")))
			.contains("<term>中国发展报告</term>")
			.contains("<index>bath.isbn</index>")
			.contains("<value>==</value>");
	}

	static List<Path> pairs() throws IOException {
		try (Stream<Path> files = Files.walk(REGRESSION)) {
			return files.filter((p) -> p.toString().endsWith(".cql")).sorted().toList();
		}
	}

	private static String read(Path path) throws IOException {
		return Files.readString(path, StandardCharsets.UTF_8);
	}

	private static String normalized(String xcql) {
		return xcql.lines().map(String::strip).filter((l) -> !l.isEmpty()).reduce("", (a, b) -> a + b + "\n");
	}

}
