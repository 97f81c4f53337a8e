package org.ndlp.search.internal;

import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.impl.Http2SolrClient;

/**
 * A standalone Solr reached by URL whose core (made from the repo's configset) exists. It
 * has no alias to move: a full rebuild rewrites the live core in place.
 */
final class StandaloneSolr implements SolrShape {

	private final Http2SolrClient client;

	private final String core;

	StandaloneSolr(String url, String core) {
		this.client = new Http2SolrClient.Builder(url).build();
		this.core = core;
	}

	@Override
	public SolrClient client() {
		return this.client;
	}

	@Override
	public String live() {
		return this.core;
	}

	@Override
	public String createRebuildTarget() {
		return this.core;
	}

	@Override
	public void swapIn(String rebuilt) {
		// rebuilt in place
	}

	@Override
	public void drop(String rebuilt) {
		// nothing was created
	}

	@Override
	public void close() {
		this.client.close();
	}

}
