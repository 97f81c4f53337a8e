package org.ndlp.search.internal;

import java.io.IOException;

import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrServerException;

/**
 * Where the index lives: embedded cores, a SolrCloud (collections behind an alias) or a
 * standalone Solr. One client serves every index, named per request.
 */
sealed interface SolrShape extends AutoCloseable permits EmbeddedSolr, CloudSolr, StandaloneSolr {

	/** The client; pass {@link #live()} or a rebuild target as the collection. */
	SolrClient client();

	/** The name queries and the follower use. */
	String live();

	/** Creates an empty index for a full rebuild and returns its name. */
	String createRebuildTarget() throws IOException, SolrServerException;

	/** Makes a rebuilt index the live one (no gap) and drops the old one. */
	void swapIn(String rebuilt) throws IOException, SolrServerException;

	/** Drops a rebuild target that failed. */
	void drop(String rebuilt);

	@Override
	void close();

}
