package org.ndlp.catalog.marc;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MarcJsonReaderTests {

	@Test
	void readsJsonLinesWithTheSameRecordsAsTheIso2709File() {
		List<MarcRecord> iso = SharedData
			.records(SharedData.readAll("traject/test/test_support/test_data.utf8.mrc", Iso2709Reader::read));
		List<MarcRecord> json = SharedData
			.records(SharedData.readAll("traject/test/test_support/test_data.utf8.json", MarcJsonReader::read));
		assertThat(json).hasSize(30).isEqualTo(iso);
	}

	@Test
	void readsAnArrayOfRecordsAndASingleRecord() {
		assertThat(SharedData.readAll("pymarc/test/batch.json", MarcJsonReader::read)).hasSize(2)
			.allMatch(ReadResult.Parsed.class::isInstance);
		List<MarcRecord> one = SharedData
			.records(SharedData.readAll("marc4j/test/resources/marc-in-json.json", MarcJsonReader::read));
		assertThat(one).singleElement().satisfies((r) -> assertThat(r.controlNumber()).hasValue("5674874"));
	}

	@Test
	void reportsARecordOfTheWrongShapeAndGoesOn() {
		String json = """
				[{"fields": [{"001": "no-leader"}]},
				 {"leader": "00000nam  2200000   4500", "fields": [{"001": "x"}, {"245": {"ind1": "1", "ind2": "0",
				   "subfields": [{"ab": "two-letter code"}]}}]},
				 {"leader": "00000nam  2200000   4500", "fields": [{"001": "good"}]}]""";
		List<ReadResult> results = MarcJsonReader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)))
			.toList();
		assertThat(results).hasSize(3);
		assertThat(results.get(0)).isInstanceOfSatisfying(ReadResult.Malformed.class, (m) -> {
			assertThat(m.recordId()).isEqualTo("no-leader");
			assertThat(m.reason()).contains("leader");
			assertThat(m.location()).startsWith("line 1");
		});
		assertThat(results.get(1)).isInstanceOf(ReadResult.Malformed.class);
		assertThat(results.get(2)).isInstanceOf(ReadResult.Parsed.class);
	}

	@Test
	void reportsBrokenJsonOnceAndStops() {
		List<ReadResult> results = SharedData.readAll("marc4j/test/resources/illegal-marc-in-json.json",
				MarcJsonReader::read);
		assertThat(results).singleElement()
			.isInstanceOfSatisfying(ReadResult.Malformed.class,
					(m) -> assertThat(m.reason()).contains("not well-formed"));
	}

}
