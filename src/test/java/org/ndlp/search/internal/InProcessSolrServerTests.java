package org.ndlp.search.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.embedded.EmbeddedSolrServer;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.util.NamedList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.ndlp.search.SearchRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Documents added and searches answered in place: the searches give SolrJ exactly what
 * the javabin round trip of {@link EmbeddedSolrServer} gives: the application's own
 * queries (facets, highlighting, "did you mean", cursor, sorts, autocomplete) asked both
 * ways, the answers compared whole (types included: a highlight is a list of strings
 * either way).
 */
class InProcessSolrServerTests {

	@TempDir
	Path home;

	@Test
	void theApplicationsSearchesGetTheSameAnswerAsThroughJavabin() throws Exception {
		EmbeddedSolr solr = new EmbeddedSolr(this.home, "ndlp");
		try (SolrClient javabin = new EmbeddedSolrServer(solr.cores(), "ndlp")) {
			List<SolrInputDocument> docs = new ArrayList<>();
			String[][] books = { { "Libraries and librarianship in China", "Lin, Sharon Chien", "eng" },
					{ "中华人民共和国图书馆史稿", "王子舟", "chi" }, { "臺灣圖書館事業發展", "胡述兆", "chi" },
					{ "Library history of China 中国图书馆史", "Wang Zizhou 王子舟", "eng" },
					{ "Librarianship in France", "Martin, Henri-Jean", "fre" } };
			for (int i = 0; i < 60; i++) {
				String[] book = books[i % books.length];
				SolrInputDocument doc = new SolrInputDocument();
				doc.setField("id", String.valueOf(1000 + i));
				doc.setField("kind", "record");
				UnionRecordDocuments.addText(doc, "title", book[0] + ((i < books.length) ? "" : " " + i));
				UnionRecordDocuments.addText(doc, "creator", book[1]);
				UnionRecordDocuments.addText(doc, "subject", "Libraries 图书馆");
				doc.addField("language", book[2]);
				doc.setField("resourceType", "BOOK");
				doc.setField("year", 1990 + i % 20);
				doc.addField("library", "L" + (i % 7));
				doc.addField("library", "L" + (i % 3 + 10));
				doc.addField("province", (i % 2 == 0) ? "广东省" : "浙江省");
				doc.setField("holdingCount", 2);
				doc.setField("titleSort", book[0].toLowerCase(java.util.Locale.ROOT));
				docs.add(doc);
			}
			InProcessSolrServer client = (InProcessSolrServer) solr.client();
			client.add("ndlp", docs);
			assertThat(client.answeredInPlace()).as("the documents went straight into the core").isEqualTo(1);
			client.commit("ndlp");

			List<SolrQuery> queries = List.of(request("library china", null, null, 1), request("人民", null, null, 1),
					request("圖書館", "year", null, 2), request("librarianshop", null, null, 1),
					request("china", "title", "*", null), request(null, null, null, 1), SearchQueries.suggest("中華", 10),
					SearchQueries.suggest("lib", 10));
			for (SolrQuery query : queries) {
				QueryResponse inPlace = solr.client().query("ndlp", query);
				QueryResponse roundTrip = javabin.query("ndlp", query);
				assertThat(withoutHeader(inPlace.getResponse())).as(query.toString())
					.isEqualTo(withoutHeader(roundTrip.getResponse()));
			}
			assertThat(client.answeredInPlace()).as("every search answered in place").isEqualTo(1 + queries.size());
			QueryResponse misspelt = solr.client().query("ndlp", request("librarianshop", null, null, 1));
			assertThat(misspelt.getSpellCheckResponse().getCollatedResult()).isEqualTo("librarianship");
			QueryResponse china = solr.client().query("ndlp", request("library china", null, null, 1));
			assertThat(china.getHighlighting().values()).anySatisfy((fields) -> assertThat(fields.get("title"))
				.anySatisfy((snippet) -> assertThat(snippet).contains("<em>")));
			assertThat(china.getFacetField("library").getValueCount()).isGreaterThan(5);

			SolrQuery broken = new SolrQuery("title_cjk:(");
			broken.set("defType", "lucene");
			assertThatThrownBy(() -> solr.client().query("ndlp", broken)).isInstanceOf(SolrException.class)
				.satisfies((ex) -> assertThat(((SolrException) ex).code()).isEqualTo(400));
		}
		finally {
			solr.close();
		}
	}

	private static SolrQuery request(String q, String sort, String cursor, Integer page) {
		return SearchQueries.of(new SearchRequest(q, Map.of(), List.of(), sort, page, 10, cursor));
	}

	// the answer without its header (QTime differs)
	private static String withoutHeader(NamedList<Object> response) {
		NamedList<Object> copy = response.clone();
		copy.remove("responseHeader");
		return copy.toString();
	}

}
