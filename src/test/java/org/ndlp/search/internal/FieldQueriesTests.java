package org.ndlp.search.internal;

import java.nio.file.Path;
import java.util.List;

import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.common.SolrInputDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.ndlp.search.FieldQuery;
import org.ndlp.search.FieldQuery.Field;
import org.ndlp.search.FieldQuery.Match;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Structured queries on embedded Solr with the real configset, without Spring: values
 * travel as parameters, so query syntax in them is just text.
 */
class FieldQueriesTests {

	@TempDir
	static Path home;

	static EmbeddedSolr solr;

	@BeforeAll
	static void index() throws Exception {
		solr = new EmbeddedSolr(home, "ndlp");
		solr.client()
			.add("ndlp",
					List.of(doc("1", "'94中国发展报告", "9787503717444", "F124", 1994),
							doc("2", "中华人民共和国图书馆史稿", "9787301061237", "G259.2", 2003),
							doc("3", "Libraries and librarianship in China (AND) title:x", null, "G259", 1998)));
		solr.client().commit("ndlp");
	}

	static SolrInputDocument doc(String id, String title, String isbn, String clc, int year) {
		SolrInputDocument doc = new SolrInputDocument();
		doc.setField("id", id);
		doc.setField("kind", "record");
		UnionRecordDocuments.addText(doc, "title", title);
		if (isbn != null) {
			doc.addField("isbn", isbn);
		}
		doc.addField("clc", clc);
		doc.setField("year", year);
		doc.setField("titleSort", title);
		return doc;
	}

	@AfterAll
	static void close() {
		solr.close();
	}

	@Test
	void wordsValuesRangesAndBooleans() throws Exception {
		assertThat(ids(new FieldQuery.Words(Field.TITLE, "中國發展報告", Match.ALL_WORDS))).containsExactly("1");
		assertThat(ids(new FieldQuery.Words(Field.ANYWHERE, "人民", Match.ALL_WORDS))).containsExactly("2");
		assertThat(ids(new FieldQuery.Words(Field.ISBN, "7-5037-1744-0", Match.ALL_WORDS))).containsExactly("1");
		assertThat(ids(new FieldQuery.Words(Field.CLC, "G259", Match.PREFIX))).containsExactlyInAnyOrder("2", "3");
		assertThat(ids(new FieldQuery.Range(Field.YEAR, 1995, true, null, true))).containsExactlyInAnyOrder("2", "3");
		assertThat(ids(new FieldQuery.Or(new FieldQuery.Words(Field.TITLE, "发展报告", Match.ALL_WORDS),
				new FieldQuery.Words(Field.TITLE, "图书馆史稿", Match.ALL_WORDS))))
			.containsExactlyInAnyOrder("1", "2");
		assertThat(ids(new FieldQuery.AndNot(new FieldQuery.Everything(),
				new FieldQuery.Words(Field.CLC, "G259", Match.PREFIX))))
			.containsExactly("1");
	}

	@Test
	void querySyntaxInValuesIsText() throws Exception {
		assertThat(ids(new FieldQuery.Words(Field.TITLE, "librarianship AND title:x (", Match.ALL_WORDS)))
			.containsExactly("3");
		assertThat(ids(new FieldQuery.Words(Field.TITLE, "librarianship in China", Match.PHRASE))).containsExactly("3");
		assertThat(ids(new FieldQuery.Words(Field.TITLE, "China librarianship", Match.PHRASE))).isEmpty();
		assertThat(ids(new FieldQuery.Words(Field.TITLE, "中國發展報告 图书馆史稿", Match.ANY_WORD))).containsExactly("1", "2");
		assertThat(ids(new FieldQuery.Words(Field.TITLE, "中國發展報告 图书馆史稿", Match.ALL_WORDS))).isEmpty();
	}

	static List<String> ids(FieldQuery query) throws Exception {
		SolrQuery solrQuery = FieldQueries.of(query, List.of(new FieldQuery.Sort(Field.ID, true)), 0, 10);
		return solr.client()
			.query("ndlp", solrQuery)
			.getResults()
			.stream()
			.map((d) -> (String) d.getFieldValue("id"))
			.toList();
	}

}
