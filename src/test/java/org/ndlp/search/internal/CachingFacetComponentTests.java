package org.ndlp.search.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.response.FacetField;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.apache.solr.core.SolrCore;
import org.apache.solr.search.SolrCache;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.ndlp.search.SearchRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Facet counts from the searcher's cache (ADR 0038), on the real configset: the next page
 * of a search and the same search again are counted once; a cached answer equals a fresh
 * count; another filter is counted anew; after a commit the counts are the new index's.
 */
class CachingFacetComponentTests {

	@TempDir
	Path home;

	@Test
	void theSameSearchIsCountedOnceAndACommitStartsAfresh() throws Exception {
		try (EmbeddedSolr solr = new EmbeddedSolr(this.home, "ndlp")) {
			solr.client().add("ndlp", books(0, 40));
			solr.client().commit("ndlp");

			// the searcher's warming query (facets over all documents) is the first entry
			int warmed = cache(solr).size();
			assertThat(warmed).isEqualTo(1);
			QueryResponse first = solr.client().query("ndlp", search("library", 1, List.of()));
			assertThat(cache(solr).size()).isEqualTo(warmed + 1);
			QueryResponse secondPage = solr.client().query("ndlp", search("library", 2, List.of()));
			assertThat(cache(solr).size()).as("the next page has the same counts").isEqualTo(warmed + 1);
			assertThat(counts(secondPage)).isEqualTo(counts(first));
			assertThat(secondPage.getResults().get(0).getFieldValue("id"))
				.isNotEqualTo(first.getResults().get(0).getFieldValue("id"));

			// a parameter the cache does not know to ignore: counted afresh, the same
			// counts
			SolrQuery fresh = search("library", 1, List.of());
			fresh.set("ndlpRecount", "1");
			QueryResponse recounted = solr.client().query("ndlp", fresh);
			assertThat(cache(solr).size()).isEqualTo(warmed + 2);
			assertThat(counts(recounted)).isEqualTo(counts(first));
			assertThat(counts(first).get("language")).containsEntry("chi", 20L).containsEntry("eng", 20L);

			QueryResponse filtered = solr.client().query("ndlp", search("library", 1, List.of("language:chi")));
			assertThat(cache(solr).size()).isEqualTo(warmed + 3);
			assertThat(counts(filtered).get("language")).containsExactly(Map.entry("chi", 20L));

			solr.client().add("ndlp", books(40, 10));
			solr.client().commit("ndlp");
			assertThat(cache(solr).size()).as("a new searcher starts afresh, with its warming query only")
				.isEqualTo(warmed);
			QueryResponse after = solr.client().query("ndlp", search("library", 1, List.of()));
			assertThat(counts(after).get("language")).containsEntry("chi", 25L).containsEntry("eng", 25L);
			assertThat(after.getResults().getNumFound()).isEqualTo(50);
		}
	}

	@Test
	void theSecondPageOfThePortalsHitsComesFromTheQueryResultCache() throws Exception {
		try (EmbeddedSolr solr = new EmbeddedSolr(this.home, "ndlp")) {
			solr.client().add("ndlp", books(0, 60));
			solr.client().commit("ndlp");
			QueryResponse first = solr.client()
				.query("ndlp", SearchQueries.of(new SearchRequest("library", Map.of(), List.of(), null, 1, 20, null)));
			Map<?, ?> before = queryResultCache(solr);
			QueryResponse second = solr.client()
				.query("ndlp", SearchQueries.of(new SearchRequest("library", Map.of(), List.of(), null, 2, 20, null)));
			Map<?, ?> after = queryResultCache(solr);
			// found, and long enough: not searched again (a search would insert its hits
			// anew)
			assertThat(((Number) after.get("hits")).longValue() - ((Number) before.get("hits")).longValue())
				.as("page 2 found in the cache")
				.isEqualTo(1);
			assertThat(((Number) after.get("inserts")).longValue()).as("page 2 not searched again")
				.isEqualTo(((Number) before.get("inserts")).longValue());
			assertThat(second.getResults()).hasSize(20);
			assertThat(second.getResults().get(0).getFieldValue("id"))
				.isNotEqualTo(first.getResults().get(0).getFieldValue("id"));
		}
	}

	private static Map<?, ?> queryResultCache(EmbeddedSolr solr) {
		try (SolrCore core = solr.cores().getCore("ndlp")) {
			com.codahale.metrics.Metric metric = core.getSolrMetricsContext()
				.getMetricRegistry()
				.getMetrics()
				.get("CACHE.searcher.queryResultCache");
			return (Map<?, ?>) ((com.codahale.metrics.Gauge<?>) metric).getValue();
		}
	}

	@Test
	void theKeyLeavesOutWhatCannotChangeTheCounts() {
		ModifiableSolrParams page1 = new ModifiableSolrParams();
		page1.set("q", "history");
		page1.set("facet.field", "language", "year");
		page1.set("start", "0");
		page1.set("hl", "true");
		page1.set("spellcheck.q", "history");
		page1.set("NOW", "1700000000000");
		ModifiableSolrParams page2 = new ModifiableSolrParams(page1);
		page2.set("start", "20");
		page2.set("hl", "false");
		page2.set("NOW", "1800000000000");
		assertThat(CachingFacetComponent.key(page2)).isEqualTo(CachingFacetComponent.key(page1));

		ModifiableSolrParams otherOrder = new ModifiableSolrParams(page1);
		otherOrder.set("facet.field", "year", "language");
		assertThat(CachingFacetComponent.key(otherOrder)).isNotEqualTo(CachingFacetComponent.key(page1));
		ModifiableSolrParams joined = new ModifiableSolrParams(page1);
		joined.set("facet.field", "language year");
		assertThat(CachingFacetComponent.key(joined)).isNotEqualTo(CachingFacetComponent.key(page1));

		// with date math the moment matters
		ModifiableSolrParams recent = new ModifiableSolrParams(page1);
		recent.add("fq", "updated:[NOW-1DAY TO NOW]");
		ModifiableSolrParams later = new ModifiableSolrParams(recent);
		later.set("NOW", "1800000000000");
		assertThat(CachingFacetComponent.key(later)).isNotEqualTo(CachingFacetComponent.key(recent));
	}

	private static SolrQuery search(String q, int page, List<String> filters) {
		return SearchQueries.of(new SearchRequest(q, Map.of(), filters, null, page, 10, null));
	}

	private static Map<String, Map<String, Long>> counts(QueryResponse response) {
		Map<String, Map<String, Long>> counts = new java.util.TreeMap<>();
		for (FacetField field : response.getFacetFields()) {
			Map<String, Long> values = new java.util.LinkedHashMap<>();
			field.getValues().forEach((value) -> values.put(value.getName(), value.getCount()));
			counts.put(field.getName(), values);
		}
		return counts;
	}

	private static SolrCache<?, ?> cache(EmbeddedSolr solr) throws Exception {
		try (SolrCore core = solr.cores().getCore("ndlp")) {
			return core.withSearcher((searcher) -> searcher.getCache(CachingFacetComponent.CACHE));
		}
	}

	private static List<SolrInputDocument> books(int from, int count) {
		List<SolrInputDocument> docs = new ArrayList<>();
		for (int i = from; i < from + count; i++) {
			SolrInputDocument doc = new SolrInputDocument();
			doc.setField("id", String.valueOf(1000 + i));
			doc.setField("kind", "record");
			UnionRecordDocuments.addText(doc, "title", ((i % 2 == 0) ? "中国图书馆史 library " : "Library history ") + i);
			doc.addField("language", (i % 2 == 0) ? "chi" : "eng");
			doc.setField("resourceType", "BOOK");
			doc.setField("year", 1990 + i % 20);
			doc.addField("library", "L" + (i % 7));
			doc.addField("province", (i % 2 == 0) ? "广东省" : "浙江省");
			doc.setField("holdingCount", 1);
			doc.setField("titleSort", "t" + i);
			docs.add(doc);
		}
		return docs;
	}

}
