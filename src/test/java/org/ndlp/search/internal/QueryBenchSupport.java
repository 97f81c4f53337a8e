package org.ndlp.search.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrInputDocument;

import org.ndlp.catalog.marc.BibDescription;
import org.ndlp.search.SearchRequest;

/**
 * Package access for {@code org.ndlp.bench.QueryBench}: builds search documents the way
 * the indexer does and runs the application's own Solr query for a search request.
 */
public final class QueryBenchSupport {

	private static EmbeddedSolr opened;

	private QueryBenchSupport() {
	}

	/** Hit ratios of the open core's caches since its searcher opened. */
	public static String caches() {
		StringBuilder out = new StringBuilder();
		try (org.apache.solr.core.SolrCore core = opened.cores().getCore("ndlp")) {
			com.codahale.metrics.MetricRegistry registry = core.getSolrMetricsContext().getMetricRegistry();
			for (String name : List.of("filterCache", "queryResultCache", "documentCache", "ndlpFacetCounts")) {
				com.codahale.metrics.Metric metric = registry.getMetrics().get("CACHE.searcher." + name);
				Object value = (metric instanceof com.codahale.metrics.Gauge<?> gauge) ? gauge.getValue() : metric;
				if (value instanceof java.util.Map<?, ?> stats) {
					out.append(String.format(java.util.Locale.ROOT,
							"  %-17s lookups %s, hits %s, hit ratio %s, size %s, inserts %s, evictions %s%n", name,
							stats.get("lookups"), stats.get("hits"), stats.get("hitratio"), stats.get("size"),
							stats.get("inserts"), stats.get("evictions")));
				}
				else {
					out.append("  ").append(name).append(' ').append(value).append('\n');
				}
			}
		}
		return out.toString();
	}

	/** The indexer's document for a union record. */
	public static SolrInputDocument document(long id, BibDescription description, Set<String> libraries,
			Set<String> provinces, int holdings) {
		List<Long> recordIds = new ArrayList<>();
		for (int i = 0; i < holdings; i++) {
			recordIds.add(id * 8 + i);
		}
		return UnionRecordDocuments.document(id, List.of(description), libraries, provinces, recordIds, false);
	}

	/** Embedded Solr under this folder, core {@code ndlp} (the application's layout). */
	public static AutoCloseable open(Path solrHome, SolrClient[] client) {
		EmbeddedSolr solr = new EmbeddedSolr(solrHome, "ndlp");
		opened = solr;
		client[0] = solr.client();
		return solr::close;
	}

	/**
	 * The query the application sends to Solr for this search (facets, highlighting,
	 * spelling included), answered by Solr; its {@code QTime} is Solr's own time.
	 */
	public static QueryResponse solrOnly(SolrClient client, SearchRequest request) throws Exception {
		return client.query("ndlp", tried(SearchQueries.of(request)));
	}

	/** The same with a {@code debug} parameter (e.g. {@code timing}). */
	public static QueryResponse solrOnly(SolrClient client, SearchRequest request, String debug) throws Exception {
		org.apache.solr.client.solrj.SolrQuery query = tried(SearchQueries.of(request));
		for (String d : debug.split(",")) {
			query.add("debug", d);
		}
		return client.query("ndlp", query);
	}

	/**
	 * Request parameters to try without a rebuild: {@code -Dbench.params="a=1&b=&c+=2"}
	 * sets {@code a} to 1, removes {@code b} from the application's query and adds 2 to
	 * the values of {@code c}.
	 */
	static org.apache.solr.client.solrj.SolrQuery tried(org.apache.solr.client.solrj.SolrQuery query) {
		String params = System.getProperty("bench.params", "");
		for (String param : params.split("&")) {
			int eq = param.indexOf('=');
			if (eq <= 0) {
				continue;
			}
			String name = param.substring(0, eq);
			String value = param.substring(eq + 1);
			if (name.endsWith("+")) {
				query.add(name.substring(0, name.length() - 1), value);
			}
			else if (value.isEmpty()) {
				query.remove(name);
			}
			else {
				query.set(name, value);
			}
		}
		return query;
	}

}
