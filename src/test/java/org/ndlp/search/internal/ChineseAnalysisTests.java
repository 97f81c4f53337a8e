package org.ndlp.search.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.common.SolrInputDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.ndlp.search.SearchRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** The configset's analysis on embedded Solr, without Spring: what matches what. */
class ChineseAnalysisTests {

	@TempDir
	static Path home;

	static EmbeddedSolr solr;

	@BeforeAll
	static void index() throws Exception {
		solr = new EmbeddedSolr(home, "ndlp");
		SolrInputDocument doc = new SolrInputDocument();
		doc.setField("id", "1");
		UnionRecordDocuments.addText(doc, "title", "中华人民共和国图书馆史稿");
		doc.addField("isbn", "9787301061237");
		doc.addField("title_pinyin", Pinyin.full("中华人民共和国图书馆史稿"));
		doc.addField("title_initials", Pinyin.initials("中华人民共和国图书馆史稿"));
		SolrInputDocument english = new SolrInputDocument();
		english.setField("id", "2");
		UnionRecordDocuments.addText(english, "title", "Libraries and librarianship in China");
		solr.client().add("ndlp", List.of(doc, english));
		solr.client().commit("ndlp");
	}

	@AfterAll
	static void close() {
		solr.close();
	}

	@Test
	void pinyinForms() {
		assertThat(Pinyin.full("中华人民共和国")).isEqualTo("zhong hua ren min gong he guo");
		assertThat(Pinyin.initials("红楼梦")).isEqualTo("hlm");
		assertThat(Pinyin.split("hongloumeng")).containsExactly("hong", "lou", "meng");
		assertThat(Pinyin.split("history")).isEmpty();
		assertThat(Pinyin.split("education")).isEmpty();
		assertThat(Pinyin.split("tiananmen")).containsExactly("tian", "an", "men");
	}

	@Test
	void theWrittenOutSyllablesAreTheOnesIcuGives() {
		assertThat(Pinyin.syllables()).hasSize(410).isEqualTo(Pinyin.syllablesFromIcu());
	}

	@Test
	void traditionalCharactersAreSimplified() {
		assertThat(TraditionalToSimplifiedCharFilterFactory.simplify("圖書館")).isEqualTo("图书馆");
	}

	@Test
	void theSkipForTextsWithoutChangeableCharactersAnswersAsIcuDoes() {
		com.ibm.icu.text.Transliterator icu = com.ibm.icu.text.Transliterator.getInstance("Traditional-Simplified");
		// every BMP character alone, then with neighbours that ICU's phrase rules look at
		// (于/於, 姜/薑, 干/乾/幹 …)
		StringBuilder all = new StringBuilder();
		for (int c = 0x20; c <= 0xFFFF; c++) {
			if (Character.isSurrogate((char) c)) {
				continue;
			}
			String one = String.valueOf((char) c);
			assertThat(TraditionalToSimplifiedCharFilterFactory.simplify(one)).as("U+%04X", c)
				.isEqualTo(icu.transliterate(one));
			all.append((char) c);
		}
		for (String text : List.of("於飛", "于飛", "單于", "生薑", "生姜", "乾坤", "乾隆", "幹部", "Library of 國家圖書館", "𠀀圖",
				all.toString())) {
			assertThat(TraditionalToSimplifiedCharFilterFactory.simplify(text)).as(text)
				.isEqualTo(icu.transliterate(text));
		}
		String latin = "Libraries and librarianship in China";
		assertThat(TraditionalToSimplifiedCharFilterFactory.simplify(latin)).isSameAs(latin);
	}

	@Test
	void aQueryWithoutQueryFieldsSearchesTheDefaultField() throws Exception {
		assertThat(solr.client()
			.query("ndlp", new SolrQuery("图书馆"))
			.getResults()
			.stream()
			.map((d) -> d.getFieldValue("id"))
			.toList()).containsExactly("1");
	}

	@Test
	void isbnAndPrefixAndWordInsideWord() throws Exception {
		assertThat(ids(query(Map.of("isbn", "9787301061237"), null))).containsExactly("1");
		assertThat(ids(query(Map.of(), "人民"))).containsExactly("1");
		assertThat(ids(query(Map.of(), "圖書館"))).containsExactly("1");
		assertThat(ids(solr.client()
			.query("ndlp", SearchQueries.suggest("中華人民", 5))
			.getResults()
			.stream()
			.map((d) -> d.getFieldValue("id"))
			.toList())).containsExactly("1");
	}

	private List<Object> query(Map<String, String> fields, String q) throws Exception {
		SolrQuery query = SearchQueries.of(new SearchRequest(q, fields, null, null, 1, 10, null));
		return solr.client().query("ndlp", query).getResults().stream().map((d) -> d.getFieldValue("id")).toList();
	}

	private static List<Object> ids(List<Object> ids) {
		return ids;
	}

}
