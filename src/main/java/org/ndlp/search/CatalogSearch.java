package org.ndlp.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.response.FacetField;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.client.solrj.response.SpellCheckResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrException;

import org.ndlp.search.internal.FieldQueries;
import org.ndlp.search.internal.SearchProperties;
import org.ndlp.search.internal.SearchQueries;

import org.springframework.stereotype.Service;

/**
 * Wenjin search over union records (one per work cluster): Chinese-aware free text and
 * fielded queries, facets, highlighting, "did you mean" and autocomplete.
 */
@Service
public class CatalogSearch {

	private final SolrClient solr;

	private final String collection;

	public CatalogSearch(SolrClient solr, SearchProperties properties) {
		this.solr = solr;
		this.collection = properties.solr().collection();
	}

	/** Runs a search; {@link SearchUnavailable} when Solr cannot answer. */
	public SearchResults search(SearchRequest request) {
		return answer(request, SearchQueries.of(request));
	}

	/**
	 * One page of union records (no registered resources) matching a structured query,
	 * for query languages such as CQL; {@link SearchUnavailable} when Solr cannot answer,
	 * {@code InvalidInput} for a value a field cannot hold (an invalid ISBN).
	 * @param query the query tree
	 * @param sort sort keys before relevance
	 * @param start 0-based offset of the first record
	 * @param rows records on the page (0 for the count only)
	 */
	public FieldQuery.Page unionRecords(FieldQuery query, List<FieldQuery.Sort> sort, int start, int rows) {
		QueryResponse response = execute(FieldQueries.of(query, sort, start, rows));
		return new FieldQuery.Page(response.getResults().getNumFound(),
				response.getResults().stream().map((doc) -> (String) doc.getFieldValue("id")).toList());
	}

	/**
	 * Runs a search on the plain CJK-bigram baseline fields only (for relevance
	 * comparisons; no facets).
	 */
	public List<String> baselineIds(String q, int size) {
		SolrQuery query = SearchQueries.of(new SearchRequest(q, null, null, null, 1, size, null));
		query.set("qf", SearchQueries.BASELINE_QF);
		query.remove("pf");
		query.setFacet(false);
		query.setHighlight(false);
		return execute(query).getResults().stream().map((doc) -> (String) doc.getFieldValue("id")).toList();
	}

	/** Titles to complete what a reader has typed: id and title of each. */
	public List<Map<String, String>> suggest(String prefix, int limit) {
		if (prefix == null || prefix.isBlank()) {
			return List.of();
		}
		QueryResponse response = execute(SearchQueries.suggest(prefix, limit));
		List<Map<String, String>> suggestions = new ArrayList<>();
		for (SolrDocument doc : response.getResults()) {
			suggestions.add(Map.of("id", (String) doc.getFieldValue("id"), "title", title(doc)));
		}
		return suggestions;
	}

	private SearchResults answer(SearchRequest request, SolrQuery query) {
		QueryResponse response = execute(query);
		Map<String, Map<String, List<String>>> highlighting = (response.getHighlighting() != null)
				? response.getHighlighting() : Map.of();
		List<SearchResults.Hit> hits = new ArrayList<>();
		for (SolrDocument doc : response.getResults()) {
			String id = (String) doc.getFieldValue("id");
			Map<String, List<String>> highlight = new LinkedHashMap<>();
			highlighting.getOrDefault(id, Map.of()).forEach((field, snippets) -> {
				if (snippets != null && !snippets.isEmpty()) {
					highlight.put(field, snippets);
				}
			});
			Object year = doc.getFieldValue("year");
			Object holdings = doc.getFieldValue("holdingCount");
			hits.add(new SearchResults.Hit(id, title(doc), creators(doc),
					(year != null) ? ((Number) year).intValue() : null, strings(doc, "library"),
					(holdings != null) ? ((Number) holdings).intValue() : 0, highlight,
					(doc.getFieldValue("kind") != null) ? (String) doc.getFieldValue("kind") : "record",
					(String) doc.getFieldValue("url")));
		}
		Map<String, List<SearchResults.FacetValue>> facets = new LinkedHashMap<>();
		for (String name : SearchQueries.FACETS) {
			FacetField field = response.getFacetField(name);
			List<SearchResults.FacetValue> values = new ArrayList<>();
			if (field != null && field.getValues() != null) {
				field.getValues()
					.forEach((count) -> values.add(new SearchResults.FacetValue(count.getName(),
							"clcTop".equals(name) ? SearchQueries.clcName(count.getName()) : null, count.getCount())));
			}
			facets.put(name, values);
		}
		return new SearchResults(response.getResults().getNumFound(),
				(request.cursor() != null) ? null : ((request.page() != null) ? request.page() : 1), request.size(),
				(request.cursor() != null) ? response.getNextCursorMark() : null, hits, facets, didYouMean(response),
				response.getQTime());
	}

	private static String didYouMean(QueryResponse response) {
		SpellCheckResponse spelling = response.getSpellCheckResponse();
		if (spelling == null || spelling.isCorrectlySpelled() || spelling.getCollatedResults() == null
				|| spelling.getCollatedResults().isEmpty()) {
			return null;
		}
		return spelling.getCollatedResults().get(0).getCollationQueryString();
	}

	private QueryResponse execute(SolrQuery query) {
		try {
			return this.solr.query(this.collection, query, SolrRequest.METHOD.POST);
		}
		catch (SolrException ex) {
			if (ex.code() == 400) {
				throw new org.ndlp.shared.problem.InvalidInput("q", "the query cannot be parsed: " + ex.getMessage());
			}
			throw new SearchUnavailable("search is temporarily unavailable; please try again shortly");
		}
		catch (SolrServerException | IOException | RuntimeException ex) {
			throw new SearchUnavailable("search is temporarily unavailable; please try again shortly");
		}
	}

	// a document indexed before ADR 0036 has its titles and creators in title_cjk and
	// creator_cjk only
	private static String title(SolrDocument doc) {
		String title = first(doc, "title");
		return (title != null) ? title : first(doc, "title_cjk");
	}

	private static List<String> creators(SolrDocument doc) {
		List<String> creators = strings(doc, "creator");
		return creators.isEmpty() ? strings(doc, "creator_cjk") : creators;
	}

	private static String first(SolrDocument doc, String field) {
		Object value = doc.getFirstValue(field);
		return (value != null) ? value.toString() : null;
	}

	private static List<String> strings(SolrDocument doc, String field) {
		Collection<Object> values = doc.getFieldValues(field);
		return (values != null) ? values.stream().map(Object::toString).toList() : List.of();
	}

}
