package org.ndlp.catalog.marc;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MarcSchemaTests {

	private static final String LEADER = "00000nam  2200000   4500";

	@Test
	void detectsCnmarcFromDp2RecordsAndMarc21FromTheirMarcxmlTwins() {
		assertThat(SharedData
			.records(SharedData.readAll("dp2-sru/dp2Catalog/SRU/sample_cnmarcxml.xml", MarcXmlReader::read)))
			.allMatch((r) -> MarcSchema.detect(r) == MarcSchema.CNMARC);
		assertThat(SharedData
			.records(SharedData.readAll("dp2-sru/dp2Catalog/SRU/sample_marcxml.xml", MarcXmlReader::read)))
			.allMatch((r) -> MarcSchema.detect(r) == MarcSchema.MARC21);
	}

	@Test
	void detectsUnimarcFromFrenchAndPymarcRecords() {
		assertThat(SharedData.parsed(SharedData.readAll("pymarc/test/testunimarc.dat", Iso2709Reader::read)))
			.singleElement()
			.satisfies((p) -> assertThat(p.schema()).isEqualTo(MarcSchema.UNIMARC));
		assertThat(SharedData.parsed(
				SharedData.readAll("qa-catalogue/src/test/resources/unimarc/short.bnr.1993.mrc", Iso2709Reader::read)))
			.hasSize(10)
			.allMatch((p) -> p.schema() == MarcSchema.UNIMARC);
	}

	@Test
	void tellsCnmarcFromUnimarcByLanguageOfCataloguingClcOrAgency() {
		DataField coded = new DataField("100", ' ', ' ',
				List.of(new Subfield('a', "20020204d1994    em y0chiy0120    ea")));
		DataField title = new DataField("200", '1', ' ', List.of(new Subfield('a', "标题")));
		assertThat(MarcSchema.detect(new MarcRecord(LEADER, List.of(coded, title)))).isEqualTo(MarcSchema.CNMARC);
		DataField french = new DataField("100", ' ', ' ',
				List.of(new Subfield('a', "20020204d1994    m  y0frey0103    ba")));
		assertThat(MarcSchema.detect(new MarcRecord(LEADER, List.of(french, title)))).isEqualTo(MarcSchema.UNIMARC);
		DataField clc = new DataField("690", ' ', ' ', List.of(new Subfield('a', "F124")));
		assertThat(MarcSchema.detect(new MarcRecord(LEADER, List.of(french, title, clc)))).isEqualTo(MarcSchema.CNMARC);
	}

	@Test
	void usesTheHintOnlyWhenContentDoesNotDecide() {
		MarcRecord bare = new MarcRecord(LEADER, List.of(new ControlField("001", "x")));
		assertThat(MarcSchema.detect(bare)).isEqualTo(MarcSchema.MARC21);
		assertThat(MarcSchema.detect(bare, MarcSchema.UNIMARC)).isEqualTo(MarcSchema.UNIMARC);
		MarcRecord marc21 = new MarcRecord(LEADER,
				List.of(new DataField("245", '1', '0', List.of(new Subfield('a', "Title")))));
		assertThat(MarcSchema.detect(marc21, MarcSchema.CNMARC)).isEqualTo(MarcSchema.MARC21);
	}

	@Test
	void usesTheCallersSchemaOverDetection() {
		assertThat(SharedData.parsed(SharedData.readAll("dp2-sru/dp2Catalog/SRU/sample_cnmarcxml.xml",
				(in) -> MarcXmlReader.read(in, ReadOptions.DETECT.withSchema(MarcSchema.UNIMARC)))))
			.allMatch((p) -> p.schema() == MarcSchema.UNIMARC);
	}

	@Test
	void recognisesUnimarcCodedDataExactlyAsTheRegularExpressionItReplaces() {
		java.util.regex.Pattern regex = java.util.regex.Pattern.compile("^\\d{8}[a-kux].*");
		List<String> samples = List.of("", "2002020", "20020204d1994    em y0chiy0120    ea", "20020204x", "20020204u",
				"20020204l1994", "2002020Ad1994", "20020204d1994\nline", "20020204d\u2028", "20020204d\u0085x",
				"20020204d\r", "２0020204d1994", "20020204k1994    \t", "20020204D1994");
		for (String sample : samples) {
			assertThat(MarcSchema.isUnimarcCodedData(sample)).as(sample).isEqualTo(regex.matcher(sample).matches());
		}
	}

}
