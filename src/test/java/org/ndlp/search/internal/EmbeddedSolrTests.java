package org.ndlp.search.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.core.SolrCore;
import org.apache.solr.search.SolrIndexSearcher;
import org.apache.solr.util.RefCounted;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Swapping in a rebuilt index while a search still holds the old one: the old core is
 * unloaded only after that search let go (it used to be closed by the search itself,
 * which then waited 10 s for its own searcher and failed: SearchIT's reindex test, once
 * in CI).
 */
class EmbeddedSolrTests {

	@TempDir
	Path home;

	@Test
	void theOldIndexIsUnloadedOnlyAfterTheSearchesThatHoldIt() throws Exception {
		EmbeddedSolr solr = new EmbeddedSolr(this.home, "ndlp");
		try {
			SolrInputDocument doc = new SolrInputDocument();
			doc.setField("id", "old");
			solr.client().add("ndlp", List.of(doc));
			solr.client().commit("ndlp");
			String rebuilt = solr.createRebuildTarget();
			SolrInputDocument fresh = new SolrInputDocument();
			fresh.setField("id", "new");
			solr.client().add(rebuilt, List.of(fresh));
			solr.client().commit(rebuilt);

			// a search in flight: the live core and its searcher held
			SolrCore held = solr.cores().getCore("ndlp");
			RefCounted<SolrIndexSearcher> searcher = held.getSearcher();
			CompletableFuture<Void> swap = CompletableFuture.runAsync(() -> solr.swapIn(rebuilt));
			Thread.sleep(300);
			assertThat(swap).as("waits for the search that holds the old index").isNotDone();
			// new searches already see the rebuilt index
			assertThat(solr.client()
				.query("ndlp", new org.apache.solr.client.solrj.SolrQuery("id:new"))
				.getResults()
				.getNumFound()).isEqualTo(1);

			// the search ends as EmbeddedSolrServer ends a request: the core first, then
			// the request's searcher; closing the core must not fall to the search
			long closing = System.nanoTime();
			held.close();
			assertThat((System.nanoTime() - closing) / 1_000_000).as("ms the search spent closing the old core")
				.isLessThan(2000);
			Thread.sleep(100);
			searcher.decref();
			swap.get(10, TimeUnit.SECONDS);
			assertThat(solr.cores().getAllCoreNames()).containsExactly("ndlp");
		}
		finally {
			solr.close();
		}
	}

	@Test
	void documentsHandedToTheCoreAreIndexedAndARefusedOneFailsWithSolrsReason() throws Exception {
		EmbeddedSolr solr = new EmbeddedSolr(this.home, "ndlp");
		try {
			List<SolrInputDocument> docs = new java.util.ArrayList<>();
			for (int i = 0; i < 3; i++) {
				SolrInputDocument doc = new SolrInputDocument();
				doc.setField("id", "d" + i);
				doc.setField("kind", "record");
				doc.addField("title_cjk", "中華人民共和國 " + i);
				docs.add(doc);
			}
			solr.client().add("ndlp", docs);
			solr.client().commit("ndlp");
			assertThat(solr.client()
				.query("ndlp", new org.apache.solr.client.solrj.SolrQuery("title_cjk:人民"))
				.getResults()
				.getNumFound()).isEqualTo(3);

			SolrInputDocument bad = new SolrInputDocument();
			bad.setField("id", "bad");
			bad.setField("no_such_field", "x");
			assertThatThrownBy(() -> solr.client().add("ndlp", List.of(bad))).hasMessageContaining("no_such_field");
			assertThatThrownBy(() -> solr.client().add("gone", List.of(bad))).hasMessageContaining("gone");
			// the core is not held after a failure: it can still be unloaded at once
			String other = solr.createRebuildTarget();
			solr.swapIn(other);
			assertThat(solr.cores().getAllCoreNames()).containsExactly("ndlp");
		}
		finally {
			solr.close();
		}
	}

}
