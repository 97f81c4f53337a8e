package org.ndlp.catalog.marc;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MarcEncodingDetectionTests {

	@Test
	void readsMarc8DiacriticsAsMarc8NotAsGb18030() {
		// MARC-8 combining marks before ASCII letters form valid GB18030 byte pairs
		for (String file : List.of("pymarc/test/marc8.dat", "ruby-marc/test/marc8_accented_chars.marc",
				"marc4j/test/resources/u335.mrc")) {
			assertThat(SharedData.parsed(SharedData.readAll(file, Iso2709Reader::read))).as(file)
				.isNotEmpty()
				.allMatch((p) -> p.encoding() == MarcEncoding.MARC_8);
		}
	}

	@Test
	void readsMarc8CjkEscapesIntoUnicode() {
		List<ReadResult.Parsed> parsed = SharedData
			.parsed(SharedData.readAll("xbib-marc/src/test/resources/org/xbib/marc/IRMARC8.bin", Iso2709Reader::read));
		assertThat(parsed).hasSize(10).allMatch((p) -> p.encoding() == MarcEncoding.MARC_8);
		assertThat(parsed).flatExtracting((p) -> p.record().fields())
			.filteredOn(DataField.class::isInstance)
			.map(DataField.class::cast)
			.flatExtracting(DataField::subfields)
			.extracting(Subfield::value)
			.anyMatch((value) -> value.codePoints().anyMatch((c) -> c >= 0x4E00 && c <= 0x9FFF));
	}

	@Test
	void trustsUtf8BytesOverABlankLeader09() {
		assertThat(
				SharedData.parsed(SharedData.readAll("pymarc/test/utf8_without_leader_flag.dat", Iso2709Reader::read)))
			.singleElement()
			.satisfies((p) -> assertThat(p.encoding()).isEqualTo(MarcEncoding.UTF_8));
	}

	@Test
	void parsesTheNamesJobsUse() {
		assertThat(MarcEncoding.of("utf-8")).isEqualTo(MarcEncoding.UTF_8);
		assertThat(MarcEncoding.of("gbk")).isEqualTo(MarcEncoding.GB18030);
		assertThat(MarcEncoding.of("MARC8")).isEqualTo(MarcEncoding.MARC_8);
		assertThatIllegalArgumentException().isThrownBy(() -> MarcEncoding.of("ebcdic"));
	}

}
