package org.ndlp.catalog.marc;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MarcXmlReaderTests {

	private static final String DP2 = "dp2-sru/dp2Catalog/SRU/";

	@Test
	void readsDp2CnmarcRecordsInTheNlcNamespaceFromAnSruResponseWithBom() {
		assertThat(SharedData.bytes(DP2 + "sample_cnmarcxml.xml")).startsWith(0xEF, 0xBB, 0xBF);
		List<ReadResult> results = SharedData.readAll(DP2 + "sample_cnmarcxml.xml", MarcXmlReader::read);
		assertThat(results).hasSize(10).allMatch(ReadResult.Parsed.class::isInstance);
		MarcRecord first = SharedData.records(results).get(0);
		assertThat(first.controlNumber()).hasValue("990002180740203961");
		assertThat(first.leader()).isEqualTo("01576nam0-2200409---4500");
		assertThat(first.firstValue("200", 'a')).hasValue("'94中国发展报告");
		assertThat(first.firstValue("200", 'A')).hasValue("'94Zhong Guo Fa Zhan Bao Gao");
		assertThat(SharedData.parsed(results)).allMatch((p) -> p.schema() == MarcSchema.CNMARC);
	}

	@Test
	void readsTheSameRecordsFromTheUnimarcAndKormarcLabelledResponses() {
		List<MarcRecord> cnmarc = SharedData
			.records(SharedData.readAll(DP2 + "sample_cnmarcxml.xml", MarcXmlReader::read));
		List<MarcRecord> unimarc = SharedData
			.records(SharedData.readAll(DP2 + "sample_unimarcxml.xml", MarcXmlReader::read));
		List<MarcRecord> kormarc = SharedData
			.records(SharedData.readAll(DP2 + "sample_kormarcxml.xml", MarcXmlReader::read));
		assertThat(unimarc).hasSize(10);
		assertThat(kormarc).hasSize(10);
		assertThat(unimarc).extracting(MarcRecord::controlNumber)
			.containsExactlyElementsOf(cnmarc.stream().map(MarcRecord::controlNumber).toList());
	}

	@Test
	void readsMarc21SlimRecordsOfChineseBooks() {
		List<ReadResult> results = SharedData.readAll(DP2 + "sample_marcxml.xml", MarcXmlReader::read);
		assertThat(SharedData.parsed(results)).hasSize(10).allMatch((p) -> p.schema() == MarcSchema.MARC21);
	}

	@Test
	void readsTheSameRecordsAsTheIso2709File() {
		List<MarcRecord> iso = SharedData
			.records(SharedData.readAll("traject/test/test_support/test_data.utf8.mrc", Iso2709Reader::read));
		List<MarcRecord> xml = SharedData
			.records(SharedData.readAll("traject/test/test_support/test_data.utf8.marc.xml", MarcXmlReader::read));
		assertThat(xml).hasSize(30).isEqualTo(iso);
	}

	@Test
	void readsRecordsWithoutNamespaceAndIgnoresWrapperElementsCalledRecord() {
		String xml = """
				<searchRetrieveResponse><records><record><recordData>
				<record><leader>00000nam  2200000   4500</leader>
				<controlfield tag="001">n1</controlfield>
				<datafield tag="245" ind1="1" ind2="0"><subfield code="a">No namespace</subfield></datafield>
				</record>
				</recordData></record></records></searchRetrieveResponse>""";
		List<ReadResult> results = read(xml);
		assertThat(results).hasSize(1);
		assertThat(SharedData.records(results).get(0).firstValue("245", 'a')).hasValue("No namespace");
	}

	@Test
	void reportsRecordsWithMissingTagsOrCodesAndGoesOn() {
		assertThat(SharedData.readAll("marc4j/test/resources/chabon-missing-controlfield-tag.xml", MarcXmlReader::read))
			.singleElement()
			.isInstanceOfSatisfying(ReadResult.Malformed.class, (m) -> {
				assertThat(m.recordId()).isEqualTo("11939876");
				assertThat(m.reason()).contains("controlfield without a tag");
				assertThat(m.location()).isEqualTo("line 2");
			});
		assertThat(SharedData.readAll("marc4j/test/resources/chabon-missing-subfield-code.xml", MarcXmlReader::read))
			.singleElement()
			.isInstanceOf(ReadResult.Malformed.class);
		String twoRecords = """
				<collection xmlns="http://www.loc.gov/MARC21/slim">
				<record><leader>00000nam  2200000   4500</leader><controlfield>x</controlfield></record>
				<record><leader>00000nam  2200000   4500</leader><controlfield tag="001">ok</controlfield></record>
				</collection>""";
		List<ReadResult> results = read(twoRecords);
		assertThat(results).hasSize(2);
		assertThat(results.get(0)).isInstanceOf(ReadResult.Malformed.class);
		assertThat(results.get(1)).isInstanceOf(ReadResult.Parsed.class);
	}

	@Test
	void readsPastAControlCharacterXmlForbidsAndReportsTheRecordItBroke() {
		// a BEL (0x07) in the second record's subfield code attribute
		List<ReadResult> results = SharedData.readAll("ruby-marc/test/three-records-second-bad.xml",
				MarcXmlReader::read);
		assertThat(results).hasSize(3);
		assertThat(results.get(0)).isInstanceOf(ReadResult.Parsed.class);
		assertThat(results.get(1)).isInstanceOfSatisfying(ReadResult.Malformed.class,
				(m) -> assertThat(m.reason()).contains("code U+FFFD"));
		assertThat(results.get(2)).isInstanceOf(ReadResult.Parsed.class);
	}

	@Test
	void replacesAnEscapeInTextAndWarns() {
		String xml = """
				<collection xmlns="http://www.loc.gov/MARC21/slim">
				<record><leader>00000nam  2200000   4500</leader>
				<datafield tag="245" ind1="1" ind2="0"><subfield code="a">MARC-8 (B leftover</subfield></datafield></record>
				<record><leader>00000nam  2200000   4500</leader><controlfield tag="001">next</controlfield></record>
				</collection>""";
		List<ReadResult> results = read(xml);
		assertThat(SharedData.parsed(results)).hasSize(2);
		ReadResult.Parsed first = SharedData.parsed(results).get(0);
		assertThat(first.record().firstValue("245", 'a')).hasValue("MARC-8 \uFFFD(B leftover");
		assertThat(first.warnings()).anyMatch((w) -> w.contains("U+FFFD"));
	}

	@Test
	void reportsADocumentThatStopsBeingWellFormedOnceAndStops() {
		String xml = """
				<collection xmlns="http://www.loc.gov/MARC21/slim">
				<record><leader>00000nam  2200000   4500</leader></record>
				<record><leader>00000nam  2200000   4500</leader><datafield tag="245"></record>
				<record><leader>00000nam  2200000   4500</leader></record>
				</collection>""";
		List<ReadResult> results = read(xml);
		assertThat(results).hasSize(2);
		assertThat(results.get(0)).isInstanceOf(ReadResult.Parsed.class);
		assertThat(results.get(1)).isInstanceOfSatisfying(ReadResult.Malformed.class, (m) -> {
			assertThat(m.reason()).contains("not well-formed");
			assertThat(m.location()).startsWith("line 3");
		});
	}

	@Test
	void refusesDoctypeDeclarations() {
		String xxe = """
				<?xml version="1.0"?>
				<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>
				<record xmlns="http://www.loc.gov/MARC21/slim"><leader>&x;</leader></record>""";
		assertThat(read(xxe)).singleElement()
			.isInstanceOfSatisfying(ReadResult.Malformed.class, (m) -> assertThat(m.reason()).doesNotContain("root:"));
	}

	private static List<ReadResult> read(String xml) {
		return MarcXmlReader.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))).toList();
	}

}
