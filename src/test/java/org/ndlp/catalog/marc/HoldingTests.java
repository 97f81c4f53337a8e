package org.ndlp.catalog.marc;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Holdings from CNMARC 905/906 and ISO 20775 (real records of Beijing Normal University
 * from the dp2 SRU samples) and from MARC 21 852.
 */
class HoldingTests {

	private static final String DP2 = "dp2-sru/dp2Catalog/SRU/";

	@Test
	void cnmarcItemsIn906JoinThe905SummaryWithTheSameCallNumber() {
		MarcRecord record = SharedData.records(SharedData.readAll(DP2 + "sample_cnmarcxml.xml", MarcXmlReader::read))
			.get(0);
		List<Holding> holdings = Holding.of(record, MarcSchema.CNMARC);
		assertThat(holdings).hasSize(1);
		Holding holding = holdings.get(0);
		assertThat(holding.institution()).isEqualTo("BNU");
		assertThat(holding.callNumber()).isEqualTo("F124/26");
		assertThat(holding.copies()).isEqualTo(3);
		assertThat(holding.barcodes()).containsExactly("1683011", "1683012", "1683013");
	}

	@Test
	void everyCnmarcSampleRecordHasItsHoldings() {
		List<MarcRecord> records = SharedData
			.records(SharedData.readAll(DP2 + "sample_cnmarcxml.xml", MarcXmlReader::read));
		assertThat(records).hasSize(10);
		for (MarcRecord record : records) {
			List<Holding> holdings = Holding.of(record, MarcSchema.CNMARC);
			if (record.controlNumber().orElseThrow().equals("9910637057203961")) {
				// the one sample record without 905/906 (its ISO 20775 rendering has no
				// holdings either)
				assertThat(holdings).isEmpty();
				continue;
			}
			assertThat(holdings).as(record.controlNumber().orElse("?"))
				.isNotEmpty()
				.allSatisfy((holding) -> assertThat(holding.callNumber()).isNotBlank());
		}
	}

	@Test
	void marc21852GivesLocationCallNumberAndPieces() {
		MarcRecord record = new MarcRecord("00000nam a2200000 a 4500",
				List.of(new ControlField("001", "b1"),
						new DataField("852", '0', ' ',
								List.of(new Subfield('a', "CN-440000-PL"), new Subfield('b', "DEPOSITORY"),
										new Subfield('h', "QH545.A1"), new Subfield('i', "R65 1996"),
										new Subfield('p', "33311011074376"), new Subfield('p', "33311011074377")))));
		List<Holding> holdings = Holding.of(record, MarcSchema.MARC21);
		assertThat(holdings).containsExactly(new Holding("CN-440000-PL", "DEPOSITORY", "QH545.A1 R65 1996", "", 2,
				List.of("33311011074376", "33311011074377")));
	}

	@Test
	void iso20775HoldingsOfEachBibliographicRecord() {
		List<List<Holding>> documents = Iso20775Reader.read(SharedData.open(DP2 + "sample_isohold.xml"));
		// ten records in the response, nine of them with holdings
		assertThat(documents).hasSize(9);
		assertThat(documents.get(0)).hasSize(2);
		Holding first = documents.get(0).get(0);
		assertThat(first.location()).isEqualTo("总馆普通文献");
		assertThat(first.callNumber()).isEqualTo("F124 26");
		assertThat(first.copies()).isEqualTo(1);
		assertThat(first.barcodes()).containsExactly("N00837624");
	}

	@Test
	void iso20775ParsingIsXxeSafeAndSaysWhatIsWrong() {
		String evil = "<?xml version=\"1.0\"?><!DOCTYPE h [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
				+ "<holdings xmlns=\"http://www.loc.gov/standards/iso20775/\"><holding>"
				+ "<physicalLocation>&x;</physicalLocation></holding></holdings>";
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Iso20775Reader.read(new ByteArrayInputStream(evil.getBytes(StandardCharsets.UTF_8))))
			.withMessageContaining("ISO 20775");
	}

}
