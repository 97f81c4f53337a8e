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

	private QueryBenchSupport() {
	}

	/** The indexer's document for a union record. */
	public static SolrInputDocument document(long id, BibDescription description, Set<String> libraries,
			Set<String> provinces, int holdings) {
		List<Long> recordIds = new ArrayList<>();
		for (int i = 0; i < holdings; i++) {
			recordIds.add(id * 8 + i);
		}
		return UnionRecordDocuments.document(id, List.of(description), libraries, provinces, recordIds);
	}

	/** Embedded Solr under this folder, core {@code ndlp} (the application's layout). */
	public static AutoCloseable open(Path solrHome, SolrClient[] client) {
		EmbeddedSolr solr = new EmbeddedSolr(solrHome, "ndlp");
		client[0] = solr.client();
		return solr::close;
	}

	/**
	 * The query the application sends to Solr for this search (facets, highlighting,
	 * spelling included), answered by Solr; its {@code QTime} is Solr's own time.
	 */
	public static QueryResponse solrOnly(SolrClient client, SearchRequest request) throws Exception {
		return client.query("ndlp", SearchQueries.of(request));
	}

	/** The same with a {@code debug} parameter (e.g. {@code timing}). */
	public static QueryResponse solrOnly(SolrClient client, SearchRequest request, String debug) throws Exception {
		org.apache.solr.client.solrj.SolrQuery query = SearchQueries.of(request);
		query.set("debug", debug);
		return client.query("ndlp", query);
	}

}
