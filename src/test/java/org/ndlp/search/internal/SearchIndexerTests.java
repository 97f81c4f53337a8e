package org.ndlp.search.internal;

import java.time.Duration;

import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.common.SolrException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The follower's rules that need no Solr: commit pacing and schema refusals. */
class SearchIndexerTests {

	@Test
	void commitsWaitTheIntervalOrFiveTimesTheLastCommit() {
		Duration second = Duration.ofSeconds(1);
		assertThat(SearchIndexer.commitPause(second, 0)).isEqualTo(1_000_000_000L);
		assertThat(SearchIndexer.commitPause(second, 150_000_000L)).isEqualTo(1_000_000_000L);
		// a commit that warms for 400 ms: the next one 2 s later, a sixth of the time
		assertThat(SearchIndexer.commitPause(second, 400_000_000L)).isEqualTo(2_000_000_000L);
	}

	@Test
	void recognisesAnIndexThatRefusesTheSchemaAnywhereInTheCauses() {
		IllegalArgumentException lucene = new IllegalArgumentException(
				"cannot change field \"title_prefix\" from index options=DOCS_AND_FREQS_AND_POSITIONS "
						+ "to inconsistent index options=DOCS");
		SolrException solr = new SolrException(SolrException.ErrorCode.BAD_REQUEST,
				"Exception writing document id 1 to the index; possible analysis error", lucene);
		assertThat(SearchIndexer.refusesSchema(new SolrServerException(solr))).isTrue();
		assertThat(SearchIndexer.refusesSchema(new SolrServerException("Connection refused"))).isFalse();
		assertThat(SearchIndexer.refusesSchema(new IllegalStateException("cannot change the past"))).isFalse();
	}

}
