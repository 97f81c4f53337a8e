package org.ndlp.catalog.marc;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BibDescriptionTests {

	@Test
	void mapsADp2CnmarcRecord() {
		BibDescription book = dp2().get(0);
		assertThat(book.schema()).isEqualTo(MarcSchema.CNMARC);
		assertThat(book.localId()).isEqualTo("990002180740203961");
		assertThat(book.type()).isEqualTo(ResourceType.BOOK);
		assertThat(book.title()).isEqualTo("'94中国发展报告");
		assertThat(book.titleRomanized()).isEqualTo("'94Zhong Guo Fa Zhan Bao Gao");
		assertThat(book.responsibility()).isEqualTo("国家统计局编");
		assertThat(book.creators()).containsExactly(new Creator("叶震", Creator.Kind.PERSON, "主编"),
				new Creator("李强", Creator.Kind.PERSON, "主编"), new Creator("国家统计局", Creator.Kind.ORGANIZATION, "编"));
		assertThat(book.place()).isEqualTo("北京");
		assertThat(book.publisher()).isEqualTo("中国统计出版社");
		assertThat(book.year()).isEqualTo("1994");
		assertThat(book.isbns()).containsExactly(new Isbn("9787503717444"));
		assertThat(book.languages()).containsExactly("chi");
		assertThat(book.clc()).containsExactly("F124");
		assertThat(book.subjects()).containsExactly("经济发展--概况--中国--1994");
		assertThat(book.extent()).isEqualTo("320页 : 图 ; 27cm");
	}

	@Test
	void mapsEveryDp2CnmarcRecordWithTitleYearIsbnAndClass() {
		List<BibDescription> books = dp2();
		assertThat(books).hasSize(10).allSatisfy((book) -> {
			assertThat(book.title()).contains("中国发展");
			assertThat(book.year()).matches("19\\d\\d|20\\d\\d");
			assertThat(book.isbns()).isNotEmpty();
			assertThat(book.clc()).isNotEmpty();
			assertThat(book.publisher()).isNotBlank();
		});
		assertThat(books).flatExtracting(BibDescription::clc).contains("F124");
	}

	@Test
	void mapsAMarc21RecordWithoutIsbdPunctuation() {
		BibDescription book = BibDescription
			.of(SharedData.records(SharedData.readAll("catmandu-marc/t/broken.xml", MarcXmlReader::read)).get(0));
		assertThat(book.schema()).isEqualTo(MarcSchema.MARC21);
		assertThat(book.title()).isEqualTo("ActivePerl with ASP and ADO");
		assertThat(book.responsibility()).isEqualTo("Tobias Martinsson");
		assertThat(book.creators()).containsExactly(new Creator("Martinsson, Tobias", Creator.Kind.PERSON, null));
		assertThat(book.place()).isEqualTo("New York");
		assertThat(book.publisher()).isEqualTo("John Wiley & Sons");
		assertThat(book.year()).isEqualTo("2000");
		assertThat(book.isbns()).containsExactly(new Isbn("9780471383147"));
		assertThat(book.languages()).containsExactly("eng");
		assertThat(book.subjects()).contains("Perl (Computer program language)");
	}

	@Test
	void takesTheVernacularTitleFromThe880AndKeepsTheRomanization() {
		BibDescription book = SharedData
			.records(SharedData.readAll("traject/test/test_support/test_data.utf8.mrc", Iso2709Reader::read))
			.stream()
			.map(BibDescription::of)
			.filter((b) -> "77826928".equals(b.localId()))
			.findFirst()
			.orElseThrow();
		assertThat(book.title()).isEqualTo("高麗 人物 列傅");
		assertThat(book.titleRomanized()).isEqualTo("Koryŏ inmul yŏlchŏn");
		assertThat(book.responsibility()).isEqualTo("李 民樹 編譯");
	}

	@Test
	void readsTheClcClassFromMarc21084WithSourceClc() {
		MarcRecord record = new MarcRecord("00000nam a2200000   4500",
				List.of(new DataField("245", '1', '0', List.of(new Subfield('a', "书名 /"))),
						new DataField("084", ' ', ' ', List.of(new Subfield('a', "I247.5"), new Subfield('2', "clc"))),
						new DataField("084", ' ', ' ', List.of(new Subfield('a', "17,1"), new Subfield('2', "rvk")))));
		BibDescription book = BibDescription.of(record);
		assertThat(book.title()).isEqualTo("书名");
		assertThat(book.clc()).containsExactly("I247.5");
	}

	@Test
	void mapsUnimarcSerials() {
		List<BibDescription> serials = SharedData
			.parsed(SharedData.readAll("xbib-marc/src/test/resources/org/xbib/marc/dialects/unimarc/periouni.mrc",
					Iso2709Reader::read))
			.stream()
			.map((p) -> BibDescription.of(p.record(), p.schema()))
			.toList();
		assertThat(serials).hasSize(3064).allMatch((s) -> s.schema() == MarcSchema.UNIMARC);
		// leader/06-07 "as" (printed serial) 2,702 times, "ls" (electronic serial) 362
		// times
		assertThat(serials).filteredOn((s) -> s.type() == ResourceType.SERIAL).hasSize(2702);
		assertThat(serials).filteredOn((s) -> s.type() == ResourceType.ELECTRONIC).hasSize(362);
		assertThat(serials).filteredOn((s) -> !s.issns().isEmpty()).hasSizeGreaterThan(1000);
	}

	private static List<BibDescription> dp2() {
		return SharedData.parsed(SharedData.readAll("dp2-sru/dp2Catalog/SRU/sample_cnmarcxml.xml", MarcXmlReader::read))
			.stream()
			.map((p) -> BibDescription.of(p.record(), p.schema()))
			.toList();
	}

}
