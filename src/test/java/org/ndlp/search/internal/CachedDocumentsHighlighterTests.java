package org.ndlp.search.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.core.SolrCore;
import org.apache.solr.handler.component.HighlightComponent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.ndlp.search.SearchRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The highlighter that reads through the document cache highlights exactly what Solr's
 * own unified highlighter does: the application's searches (Chinese, traditional, Latin,
 * pinyin; several creators joined; a limit on the analysed characters) asked with and
 * without it, the highlights compared whole.
 */
class CachedDocumentsHighlighterTests {

	@TempDir
	Path home;

	@Test
	void highlightsAreTheStockHighlightersAndTheDocumentsAreReadThroughTheCache() throws Exception {
		try (EmbeddedSolr solr = new EmbeddedSolr(this.home, "ndlp"); SolrCore core = solr.cores().getCore("ndlp")) {
			assertThat(((HighlightComponent) core.getSearchComponent("highlight"))
				.getHighlighter(new org.apache.solr.common.params.ModifiableSolrParams()))
				.isInstanceOf(CachedDocumentsHighlighter.class);
			List<SolrInputDocument> docs = new ArrayList<>();
			String[][] books = { { "Libraries and librarianship in China", "Lin, Sharon Chien|Wang, Ning" },
					{ "中华人民共和国图书馆史稿", "王子舟|李明" }, { "臺灣圖書館事業發展", "胡述兆" },
					{ "Library history of China 中国图书馆史 — a long title about libraries, librarians and library "
							+ "buildings in China and elsewhere", "Wang Zizhou 王子舟|Zhang, San" } };
			for (int i = 0; i < 40; i++) {
				String[] book = books[i % books.length];
				SolrInputDocument doc = new SolrInputDocument();
				doc.setField("id", String.valueOf(1000 + i));
				doc.setField("kind", "record");
				UnionRecordDocuments.addText(doc, "title", book[0] + " " + i);
				for (String creator : book[1].split("\\|")) {
					UnionRecordDocuments.addText(doc, "creator", creator);
				}
				doc.setField("holdingCount", 1);
				doc.setField("titleSort", "t" + i);
				docs.add(doc);
			}
			solr.client().add("ndlp", docs);
			solr.client().commit("ndlp");
			int searches = 0;
			for (String q : List.of("library china", "图书馆", "圖書館", "wang", "王子舟", "librarians buildings",
					"tushuguan")) {
				for (String limit : new String[] { null, "20" }) {
					SolrQuery query = SearchQueries.of(new SearchRequest(q, Map.of(), List.of(), null, 1, 10, null));
					if (limit != null) {
						query.set("hl.maxAnalyzedChars", limit);
					}
					Map<String, Map<String, List<String>>> cached = solr.client()
						.query("ndlp", query)
						.getHighlighting();
					query.set(CachedDocumentsHighlighter.PARAM, false);
					Map<String, Map<String, List<String>>> stock = solr.client().query("ndlp", query).getHighlighting();
					assertThat(cached).as(q + " " + limit).isEqualTo(stock);
					searches += cached.values().stream().anyMatch((fields) -> !fields.isEmpty()) ? 1 : 0;
				}
			}
			assertThat(searches).as("searches with highlights").isGreaterThanOrEqualTo(10);
		}
	}

}
