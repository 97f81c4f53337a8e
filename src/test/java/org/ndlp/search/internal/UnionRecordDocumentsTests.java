package org.ndlp.search.internal;

import org.apache.solr.common.SolrInputDocument;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Each analysis only for the scripts it serves (ADR 0036). */
class UnionRecordDocumentsTests {

	@Test
	void aLatinScriptTitleIsDisplayedAndIndexedByTheEnglishAnalysisOnly() {
		SolrInputDocument doc = new SolrInputDocument();
		UnionRecordDocuments.addText(doc, "title", "Libraries and librarianship in China");
		assertThat(doc.getFieldNames()).containsExactlyInAnyOrder("title", "title_en", "spell");
	}

	@Test
	void aChineseTitleIsDisplayedAndIndexedByTheChineseAnalysesOnly() {
		SolrInputDocument doc = new SolrInputDocument();
		UnionRecordDocuments.addText(doc, "title", "中华人民共和国图书馆史稿");
		assertThat(doc.getFieldNames()).containsExactlyInAnyOrder("title", "title_cjk", "title_smart");
	}

	@Test
	void aMixedValueGetsBothAndDigitsCountAsOtherScript() {
		SolrInputDocument doc = new SolrInputDocument();
		UnionRecordDocuments.addText(doc, "creator", "Mao Zedong 毛泽东");
		assertThat(doc.getFieldNames()).containsExactlyInAnyOrder("creator", "creator_cjk", "creator_smart",
				"creator_en", "spell");
		SolrInputDocument year = new SolrInputDocument();
		UnionRecordDocuments.addText(year, "subject", "中国历史 1949");
		assertThat(year.getFieldNames()).containsExactlyInAnyOrder("subject_cjk", "subject_smart", "subject_en");
	}

	@Test
	void subjectsAreNotStoredAndPublishersKeepTheirOnlyAnalysisForEveryScript() {
		SolrInputDocument doc = new SolrInputDocument();
		UnionRecordDocuments.addText(doc, "subject", "Library science");
		UnionRecordDocuments.addText(doc, "publisher", "Scarecrow Press");
		UnionRecordDocuments.addText(doc, "publisher", "北京大学出版社");
		assertThat(doc.getFieldNames()).containsExactlyInAnyOrder("subject_en", "publisher_cjk", "publisher_smart");
		assertThat(doc.getFieldValues("publisher_cjk")).containsExactly("Scarecrow Press", "北京大学出版社");
	}

}
