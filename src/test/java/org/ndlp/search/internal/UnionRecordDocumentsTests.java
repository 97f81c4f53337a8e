package org.ndlp.search.internal;

import java.util.Collection;

import org.apache.solr.common.SolrInputDocument;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Each analysis only for the scripts it serves (ADR 0036). */
class UnionRecordDocumentsTests {

	@Test
	void aLatinScriptTitleIsDisplayedAndIndexedByTheEnglishAnalysisOnly() {
		assertThat(fields("title", "Libraries and librarianship in China")).containsExactlyInAnyOrder("title",
				"title_en", "spell");
	}

	@Test
	void aChineseTitleIsDisplayedAndIndexedByTheChineseAnalysesOnly() {
		assertThat(fields("title", "中华人民共和国图书馆史稿")).containsExactlyInAnyOrder("title", "title_cjk", "title_smart");
	}

	@Test
	void aMixedValueGetsBothAndDigitsCountAsOtherScript() {
		assertThat(fields("creator", "Mao Zedong 毛泽东")).containsExactlyInAnyOrder("creator", "creator_cjk",
				"creator_smart", "creator_en", "spell");
		assertThat(fields("subject", "中国历史 1949")).containsExactlyInAnyOrder("subject_cjk", "subject_smart",
				"subject_en");
	}

	@Test
	void subjectsAreNotStoredAndPublishersKeepTheirOnlyAnalysisForEveryScript() {
		assertThat(fields("subject", "Library science")).containsExactly("subject_en");
		SolrInputDocument doc = new SolrInputDocument();
		UnionRecordDocuments.addText(doc, "publisher", "Scarecrow Press");
		UnionRecordDocuments.addText(doc, "publisher", "北京大学出版社");
		assertThat(doc.getFieldNames()).containsExactlyInAnyOrder("publisher_cjk", "publisher_smart");
		assertThat(doc.getFieldValues("publisher_cjk")).containsExactly("Scarecrow Press", "北京大学出版社");
	}

	// the fields one value of this kind is written to
	private static Collection<String> fields(String name, String value) {
		SolrInputDocument doc = new SolrInputDocument();
		UnionRecordDocuments.addText(doc, name, value);
		return doc.getFieldNames();
	}

}
