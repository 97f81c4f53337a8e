package org.ndlp.search.internal;

import java.util.List;
import java.util.Map;

import org.apache.solr.client.solrj.SolrQuery;
import org.junit.jupiter.api.Test;

import org.ndlp.search.SearchRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** Which fields a search uses and when spelling runs (ADR 0031). */
class SearchQueriesTests {

	@Test
	void textWithoutEastAsianCharactersUsesTheSingleAnalyses() {
		SolrQuery latin = SearchQueries.of(new SearchRequest("Politique étrangère", null, null, null, 1, 10, null));
		assertThat(latin.get("qf")).isEqualTo(SearchQueries.QF_LATIN).doesNotContain("_smart").contains("title_pinyin");
		assertThat(latin.get("pf")).isEqualTo(SearchQueries.PF_LATIN);
		SolrQuery pinyin = SearchQueries.of(new SearchRequest("hongloumeng", null, null, null, 1, 10, null));
		assertThat(pinyin.get("qf")).isEqualTo(SearchQueries.QF_LATIN);
		assertThat(pinyin.getQuery()).contains("\"hong lou meng\"");
	}

	@Test
	void relevanceOrderWithoutAskingForScores() {
		SolrQuery query = SearchQueries.of(new SearchRequest("France", null, null, null, 1, 10, null));
		// by score alone (Solr's cheaper score-only collector) ...
		assertThat(query.get("sort")).isEqualTo("score desc");
		// ... and no scores returned: with a field sort, Solr would score the page again
		assertThat(query.getFields().split(",")).contains("id", "title", "library").doesNotContain("score");
		// a cursor needs the id as the last sort key
		assertThat(SearchQueries.of(new SearchRequest("France", null, null, null, null, 10, "*")).get("sort"))
			.isEqualTo("score desc,id asc");
		assertThat(SearchQueries.of(new SearchRequest("France", null, null, "year", 1, 10, null)).get("sort"))
			.isEqualTo("year desc,id asc");
	}

	@Test
	void anyEastAsianCharacterKeepsEveryAnalysis() {
		assertThat(SearchQueries.of(new SearchRequest("鲁迅 quanji", null, null, null, 1, 10, null)).get("qf"))
			.isEqualTo(SearchQueries.QF);
		assertThat(SearchQueries.of(new SearchRequest(null, Map.of("title", "紅樓夢"), null, null, 1, 10, null)).get("qf"))
			.isEqualTo(SearchQueries.QF);
		// full-width Latin letters are folded by the CJK analysis only
		assertThat(SearchQueries.of(new SearchRequest("ＡＢＣ", null, null, null, 1, 10, null)).get("qf"))
			.isEqualTo(SearchQueries.QF);
	}

	@Test
	void facetsWithFewValuesAreCountedPerValueOthersPerHit() {
		SolrQuery query = SearchQueries.of(new SearchRequest("France", null, null, null, 1, 10, null));
		assertThat(query.getFacetFields()).containsExactlyElementsOf(SearchQueries.FACETS);
		for (String field : List.of("resourceType", "language", "clcTop", "province")) {
			assertThat(query.get("f." + field + ".facet.method")).as(field).isEqualTo("enum");
		}
		// thousands of member libraries would fill the filter cache; year is a point
		// field
		assertThat(query.get("f.library.facet.method")).isNull();
		assertThat(query.get("f.year.facet.method")).isNull();
		assertThat(query.get("facet.method")).isNull();
		assertThat(query.get("facet.enum.cache.minDf")).isEqualTo("1000");
	}

	@Test
	void newSearchersWarmTheSetsTheEnumFacetsRead() throws Exception {
		String config;
		try (java.io.InputStream in = SearchQueries.class.getResourceAsStream("/solr/ndlp/conf/solrconfig.xml")) {
			config = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		}
		for (String field : SearchQueries.ENUM_FACETS) {
			assertThat(config).contains("<str name=\"f." + field + ".facet.method\">enum</str>");
		}
		assertThat(config)
			.contains("<str name=\"facet.enum.cache.minDf\">" + SearchQueries.ENUM_CACHE_MIN_DF + "</str>");
	}

	@Test
	void spellingOnlyForFewHitsAndEnglishWordsAreNotPinyin() {
		SolrQuery query = SearchQueries.of(new SearchRequest("librarianshop", null, null, null, 1, 10, null));
		assertThat(query.get("spellcheck.maxResultsForSuggest")).isEqualTo("10");
		assertThat(query.get("spellcheck.collateMaxCollectDocs")).isEqualTo("1");
		assertThat(SearchQueries.pinyin("adult education")).isEqualTo("adult education");
	}

}
