package org.ndlp.search.internal;

import java.io.IOException;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;

import org.apache.solr.common.params.SolrParams;
import org.apache.solr.common.util.NamedList;
import org.apache.solr.handler.component.FacetComponent;
import org.apache.solr.handler.component.ResponseBuilder;
import org.apache.solr.response.SolrQueryResponse;
import org.apache.solr.search.SolrCache;

/**
 * Solr's facet component, remembering its answers per searcher (ADR 0038). Facet counts
 * depend only on the request's query, filters and facet parameters and on the index the
 * searcher sees; Solr caches the page of hits (queryResultCache) and the set of hits
 * (filterCache) but counts the facets again for every request, so the next page of a
 * search, or the same search by another reader, used to recount all six facets (the
 * largest share of a search's time once its hits come from the cache). Here the counts
 * are kept in the searcher's user cache {@value #CACHE} (solrconfig.xml): a new searcher
 * (every commit) starts with an empty one, so a cached answer never outlives the index it
 * counted. A request answered from it does not ask the query component for the set of
 * hits either.
 * <p>
 * The cache key is every request parameter except those that cannot change the counts
 * (paging, returned fields, highlighting, spelling, debugging, response format, and the
 * {@code NOW} a SolrCloud node sends with each shard request when no parameter uses date
 * math). An answer cut short by a time limit is not kept.
 */
public class CachingFacetComponent extends FacetComponent {

	/** The name of the user cache in solrconfig.xml. */
	public static final String CACHE = "ndlpFacetCounts";

	private static final String CACHED = CachingFacetComponent.class.getName() + ".cached";

	private static final String KEY = CachingFacetComponent.class.getName() + ".key";

	/** Parameters that do not change facet counts. */
	private static final Set<String> IGNORED = Set.of("start", "rows", "fl", "cursorMark", "echoParams", "wt",
			"version", "omitHeader", "debug", "debugQuery", "indent", "rid", "shard.url", "shards.purpose",
			"requestPurpose", "fsv", "isShard", "distrib.singlePass");

	/** Parameter prefixes that do not change facet counts (highlighting, spelling). */
	private static final String[] IGNORED_PREFIXES = { "hl", "spellcheck" };

	@Override
	public void prepare(ResponseBuilder rb) throws IOException {
		boolean docSetWanted = rb.isNeedDocSet();
		super.prepare(rb);
		if (!rb.doFacets) {
			return;
		}
		SolrCache<String, NamedList<Object>> cache = cache(rb);
		if (cache == null) {
			return;
		}
		String key = key(rb.req.getParams());
		rb.req.getContext().put(KEY, key);
		NamedList<Object> counts = cache.get(key);
		if (counts != null) {
			rb.req.getContext().put(CACHED, counts);
			// no set of hits for the facets (a later component may still ask for one)
			rb.setNeedDocSet(docSetWanted);
		}
	}

	@Override
	public void process(ResponseBuilder rb) throws IOException {
		if (!rb.doFacets) {
			return;
		}
		Object cached = rb.req.getContext().get(CACHED);
		if (cached != null) {
			rb.rsp.add(FACET_COUNTS_KEY, cached);
			return;
		}
		super.process(rb);
		String key = (String) rb.req.getContext().get(KEY);
		SolrCache<String, NamedList<Object>> cache = cache(rb);
		if (key != null && cache != null && !partial(rb.rsp)
				&& rb.rsp.getValues().get(FACET_COUNTS_KEY) instanceof NamedList<?> counts) {
			@SuppressWarnings("unchecked")
			NamedList<Object> answer = (NamedList<Object>) counts;
			cache.put(key, answer);
		}
	}

	/**
	 * The searcher's facet cache, or {@code null} when none is configured (or sized 0).
	 */
	private static SolrCache<String, NamedList<Object>> cache(ResponseBuilder rb) {
		SolrCache<String, NamedList<Object>> cache = rb.req.getSearcher().getCache(CACHE);
		return (cache != null && cache.getMaxSize() > 0) ? cache : null;
	}

	private static boolean partial(SolrQueryResponse rsp) {
		NamedList<Object> header = rsp.getResponseHeader();
		return header != null
				&& header.get(SolrQueryResponse.RESPONSE_HEADER_PARTIAL_RESULTS_KEY) instanceof Boolean partial
				&& partial;
	}

	/** The parameters that can change the counts, in a canonical order. */
	static String key(SolrParams params) {
		Set<String> names = new TreeSet<>();
		boolean dateMath = false;
		for (Iterator<String> it = params.getParameterNamesIterator(); it.hasNext();) {
			String name = it.next();
			if (!ignored(name)) {
				names.add(name);
				for (String value : params.getParams(name)) {
					dateMath |= !"NOW".equals(name) && value != null && value.contains("NOW");
				}
			}
		}
		if (!dateMath) {
			names.remove("NOW");
		}
		StringBuilder key = new StringBuilder();
		for (String name : names) {
			key.append(name);
			for (String value : params.getParams(name)) {
				// each value with its length: no two lists of values read alike
				key.append(' ').append(value.length()).append(':').append(value);
			}
			key.append('\n');
		}
		return key.toString();
	}

	private static boolean ignored(String name) {
		if (IGNORED.contains(name)) {
			return true;
		}
		for (String prefix : IGNORED_PREFIXES) {
			if (name.startsWith(prefix)) {
				return true;
			}
		}
		return false;
	}

}
