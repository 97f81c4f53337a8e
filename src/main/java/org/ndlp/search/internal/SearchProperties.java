package org.ndlp.search.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Search settings. With neither {@code solr.zk-hosts} nor {@code solr.url} set, Solr runs
 * embedded under {@code ${ndlp.home}/solr}.
 *
 * @param solr where Solr is
 * @param indexer how the change-feed follower runs
 */
@ConfigurationProperties("ndlp.search")
public record SearchProperties(@DefaultValue Solr solr, @DefaultValue Indexer indexer) {

	/**
	 * Where Solr is.
	 *
	 * @param zkHosts ZooKeeper hosts of a SolrCloud (comma-separated, optional chroot
	 * after the last host), or empty
	 * @param url base URL of a standalone Solr (e.g. {@code http://solr:8983/solr}), or
	 * empty
	 * @param collection the live index: core name (embedded, standalone) or alias
	 * (SolrCloud)
	 * @param shards shards of a new SolrCloud collection
	 * @param replicas replicas per shard of a new SolrCloud collection
	 * @param home folder of embedded Solr, or {@code null} for {@code ${ndlp.home}/solr}
	 */
	public record Solr(String zkHosts, String url, @DefaultValue("ndlp") String collection,
			@DefaultValue("1") int shards, @DefaultValue("1") int replicas, java.nio.file.Path home) {

		boolean cloud() {
			return this.zkHosts != null && !this.zkHosts.isBlank();
		}

		boolean standalone() {
			return !cloud() && this.url != null && !this.url.isBlank();
		}

	}

	/**
	 * The change-feed follower.
	 *
	 * @param enabled whether it runs on this node
	 * @param pollInterval pause between looks at the feed when it is caught up (and after
	 * a Solr failure)
	 * @param batchSize feed entries per batch
	 * @param commitInterval how often the follower makes what it wrote searchable while
	 * it catches up (it always does once caught up): each commit opens a searcher and
	 * flushes a segment, so a longer interval indexes a large load faster and a shorter
	 * one shows new records sooner
	 * @param threads how many threads send one batch's documents to Solr at once (Solr's
	 * analysis runs on the sending thread with embedded Solr)
	 * @param relevanceBaseline whether union records also carry the plain CJK-bigram
	 * baseline field {@code text_bigram} that the relevance test compares with (ADR 0034:
	 * off in production, where nothing searches it and it was an eighth of the tokens)
	 * @param rebuildSegments how many segments a full rebuild merges its new index into
	 * before it is swapped in (ADR 0040: a search looks up each word in each segment);
	 * {@code 0} leaves the segments as written
	 */
	public record Indexer(@DefaultValue("true") boolean enabled, @DefaultValue("2s") Duration pollInterval,
			@DefaultValue("500") int batchSize, @DefaultValue("1s") Duration commitInterval,
			@DefaultValue("2") int threads, @DefaultValue("false") boolean relevanceBaseline,
			@DefaultValue("1") int rebuildSegments) {

		public Indexer {
			if (rebuildSegments < 0) {
				throw new IllegalArgumentException(
						"ndlp.search.indexer.rebuild-segments must be 0 (no merge) or more, got " + rebuildSegments);
			}
		}

	}

}
