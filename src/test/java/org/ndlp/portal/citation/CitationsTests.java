package org.ndlp.portal.citation;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.ndlp.catalog.marc.BibDescription;
import org.ndlp.catalog.marc.DataField;
import org.ndlp.catalog.marc.Iso2709Reader;
import org.ndlp.catalog.marc.MarcField;
import org.ndlp.catalog.marc.MarcRecord;
import org.ndlp.catalog.marc.MarcXmlReader;
import org.ndlp.catalog.marc.ReadResult;
import org.ndlp.catalog.marc.Subfield;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Citations of real records from {@code ../shared/data} (skipped where absent): dp2's
 * CNMARC sample (Chinese), UVA's MARC 21 records (Western, MARC-8) and LC's MARCXML. The
 * GB/T 7714-2015 entries are written out in full so that every punctuation mark is
 * checked: half-width with a following space, as the standard's examples print them.
 */
class CitationsTests {

	private static final Path DATA = Path.of("..", "shared", "data");

	private static final String DP2_CNMARC = "dp2-sru/dp2Catalog/SRU/sample_cnmarcxml.xml";

	private static final String UVA = "solrmarc/test/data/records/uva_001_2000.mrc";

	private static final String LC = "marc2bibframe2/test/data/collection.xml";

	@Test
	void chineseBookListsUpToThreeResponsiblePersonsAndBodies() {
		BibDescription book = BibDescription.of(record(DP2_CNMARC, "990002180740203961"));
		assertThat(Citations.gbt7714(book)).isEqualTo("叶震, 李强, 国家统计局. '94中国发展报告[M]. 北京: 中国统计出版社, 1994.");
	}

	@Test
	void chineseBookWithMoreThanThreePersonsEndsTheListWithDeng() {
		// the real record names three editors in 701; its 200$f names a fourth (张弢),
		// added here as a 701 the way a cataloguer would
		MarcRecord real = record(DP2_CNMARC, "990004545720203961");
		MarcRecord four = with(real,
				new DataField("701", ' ', '0', List.of(new Subfield('a', "张弢"), new Subfield('4', "主编"))));
		String entry = Citations.gbt7714(BibDescription.of(four));
		assertThat(entry).isEqualTo("季野, 张西明, 曲克敏, 等. 1999 年中国发展状况与趋势[M]. 北京: 经济日报出版社, 1999.");
		// the standard's examples print half-width marks, not full-width ones
		assertThat(entry).doesNotContain("，", "．", "：", "。");
	}

	@Test
	void otherTitleInformationFollowsAColon() {
		BibDescription book = BibDescription.of(record(DP2_CNMARC, "990002181050203961"));
		assertThat(Citations.gbt7714(book)).isEqualTo("张塞. '96 中国发展报告: 中国的“八五”[M]. 北京: 中国统计出版社, 1996.");
	}

	@Test
	void chineseBookWithoutPlaceSaysPlaceUnknownInBrackets() {
		BibDescription book = BibDescription.of(record(DP2_CNMARC, "9910637057203961"));
		assertThat(Citations.gbt7714(book)).isEqualTo("国家统计局. '97中国发展报告[M]. [出版地不详]: 中国统计出版社, 1997.");
	}

	@Test
	void translatorIsOtherResponsibilityAfterTheTitle() {
		MarcRecord real = record(DP2_CNMARC, "990002181050203961");
		MarcRecord translated = with(real,
				new DataField("702", ' ', '0', List.of(new Subfield('a', "王译"), new Subfield('4', "译"))));
		assertThat(Citations.gbt7714(BibDescription.of(translated)))
			.isEqualTo("张塞. '96 中国发展报告: 中国的“八五”[M]. 王译, 译. 北京: 中国统计出版社, 1996.");
	}

	@Test
	void westernBookWithMoreThanThreeAuthorsEndsWithEtAlAndInitials() {
		BibDescription book = BibDescription.of(record(UVA, "u55"));
		assertThat(Citations.gbt7714(book)).isEqualTo(
				"BROWNING R, BROWNING E B, KELLEY P, et al. The Brownings' correspondence[M]. Winfield, KS: Wedgestone Press, 1984.");
	}

	@Test
	void westernBookWithThreeAuthorsListsThemAll() {
		BibDescription book = BibDescription.of(record(LC, "4417401"));
		assertThat(Citations.gbt7714(book)).isEqualTo(
				"WHOLEY J S, HATRY H P, NEWCOMER K E. Handbook of practical program evaluation[M]. San Francisco: Jossey-Bass, 1994.");
	}

	@Test
	void editionOtherThanTheFirstFollowsTheTitle() {
		BibDescription book = BibDescription.of(record(UVA, "u85"));
		assertThat(Citations.gbt7714(book)).isEqualTo(
				"MILLER B W. Higher education and the community college[M]. 2nd ed. Lanham, [Md.]: University Press of America, 1984.");
	}

	@Test
	void serialIsMarkedJAndCitedFromItsFirstYear() {
		BibDescription serial = BibDescription.of(record(UVA, "u27"));
		assertThat(Citations.gbt7714(serial)).isEqualTo(
				"Kossuth Lajos Tudományegyetem. Ethnographica et folkloristica Carpathica[J]. Debrecen: Kossuth Lajos Tudományegyetem, 1979-.");
		assertThat(Citations.ris(new Citations.Cited(7, serial, null))).startsWith("TY  - JFULL\r\n");
		assertThat(Citations.bibtex(new Citations.Cited(7, serial, null))).startsWith("@periodical{ndlp7,\n");
	}

	@Test
	void serialWithoutPublisherSaysSineNomine() {
		BibDescription serial = BibDescription.of(record(UVA, "u238"));
		assertThat(Citations.gbt7714(serial)).isEqualTo("Das Jüdische Litteraturblatt[J]. Magdeburg: [s.n.], 1893-.");
	}

	@Test
	void proceedingsOfAMeetingAreMarkedC() {
		BibDescription proceedings = BibDescription.of(record(UVA, "u40"));
		assertThat(Citations.gbt7714(proceedings)).endsWith(
				"DAVIS R F, PALMOUR H, et al. Emergent process methods for high-technology ceramics[C]. New York: Plenum Press, 1984.");
	}

	@Test
	void risHasOneTagPerLineWithCrLfAndEndsWithEr() {
		BibDescription book = BibDescription.of(record(DP2_CNMARC, "990002180740203961"));
		String ris = Citations.ris(new Citations.Cited(42, book, "https://ndlp.example/records/42"));
		assertThat(ris).isEqualTo("""
				TY  - BOOK\r
				ID  - ndlp-42\r
				AU  - 叶震\r
				AU  - 李强\r
				AU  - 国家统计局\r
				TI  - '94中国发展报告\r
				TT  - '94Zhong Guo Fa Zhan Bao Gao\r
				CY  - 北京\r
				PB  - 中国统计出版社\r
				PY  - 1994\r
				SN  - 9787503717444\r
				LA  - chi\r
				KW  - 经济发展--概况--中国--1994\r
				UR  - https://ndlp.example/records/42\r
				ER  - \r
				""");
	}

	@Test
	void bibtexNamesPersonsByAndAndBracesBodies() {
		BibDescription book = BibDescription.of(record(DP2_CNMARC, "990002180740203961"));
		assertThat(Citations.bibtex(new Citations.Cited(42, book, null))).isEqualTo("""
				@book{ndlp42,
				  author = {叶震 and 李强 and {国家统计局}},
				  title = {'94中国发展报告},
				  address = {北京},
				  publisher = {中国统计出版社},
				  year = {1994},
				  isbn = {9787503717444},
				  language = {zh},
				  keywords = {经济发展--概况--中国--1994},
				}
				""");
		BibDescription western = BibDescription.of(record(UVA, "u55"));
		assertThat(Citations.bibtex(new Citations.Cited(5, western, null))).contains(
				"author = {Browning, Robert and Browning, Elizabeth Barrett and Kelley, Philip and Hudson, Ronald and Lewis, Scott}")
			.contains("language = {en}");
	}

	@Test
	void bibtexEscapesTexSpecialCharacters() {
		assertThat(Citations.escape("Works & Archives 100% {x} $5 #1 a_b"))
			.isEqualTo("Works \\& Archives 100\\% \\{x\\} \\$5 \\#1 a\\_b");
	}

	@Test
	void formatsAreNamedByTheirParameter() {
		assertThat(CitationFormat.of("RIS")).contains(CitationFormat.RIS);
		assertThat(CitationFormat.of("bibtex")).contains(CitationFormat.BIBTEX);
		assertThat(CitationFormat.of("gbt7714")).contains(CitationFormat.GBT7714);
		assertThat(CitationFormat.of("endnote")).isEmpty();
	}

	private static MarcRecord with(MarcRecord record, DataField added) {
		List<MarcField> fields = new ArrayList<>(record.fields());
		fields.add(added);
		return new MarcRecord(record.leader(), fields);
	}

	private static MarcRecord record(String relative, String controlNumber) {
		Path path = DATA.resolve(relative);
		assumeTrue(Files.isRegularFile(path), relative + " is absent from ../shared/data");
		Function<InputStream, Stream<ReadResult>> reader = relative.endsWith(".mrc") ? Iso2709Reader::read
				: MarcXmlReader::read;
		try (InputStream in = new BufferedInputStream(Files.newInputStream(path));
				Stream<ReadResult> results = reader.apply(in)) {
			return results.filter(ReadResult.Parsed.class::isInstance)
				.map((result) -> ((ReadResult.Parsed) result).record())
				.filter((record) -> record.controlNumber().map(String::strip).orElse("").equals(controlNumber))
				.findFirst()
				.orElseThrow(() -> new AssertionError(relative + " has no record " + controlNumber));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
