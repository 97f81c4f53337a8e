package org.ndlp.search.internal;

import java.nio.file.Path;
import java.time.Duration;

import javax.sql.DataSource;

import org.ndlp.catalog.CatalogRecords;
import org.ndlp.members.MemberLibraries;
import org.ndlp.members.internal.JdbcLibraries;
import org.ndlp.search.CatalogSearch;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Wires the indexer and search on embedded Solr without Spring, for the benches
 * ({@code SearchBench}, {@code IngestFileBench}) and tests of the follower alone.
 */
public final class SearchBenchSupport implements AutoCloseable {

	private final EmbeddedSolr solr;

	private final SearchIndexer indexer;

	private final CatalogSearch search;

	public SearchBenchSupport(Path home, DataSource db, CatalogRecords catalog, int batchSize) {
		this(home, db, catalog, batchSize, Duration.ofSeconds(1), 2);
	}

	public SearchBenchSupport(Path home, DataSource db, CatalogRecords catalog, int batchSize, Duration commitInterval,
			int threads) {
		SearchProperties properties = new SearchProperties(new SearchProperties.Solr(null, null, "ndlp", 1, 1, null),
				new SearchProperties.Indexer(false, Duration.ofSeconds(1), batchSize, commitInterval, threads, false,
						1));
		this.solr = new EmbeddedSolr(home, "ndlp");
		MemberLibraries libraries = new MemberLibraries(new JdbcLibraries(JdbcClient.create(db)),
				java.time.Clock.systemUTC());
		this.indexer = new SearchIndexer(catalog, new UnionRecordDocuments(catalog, libraries, properties),
				new JdbcIndexPosition(JdbcClient.create(db)), this.solr, properties);
		this.search = new CatalogSearch(this.solr.client(), properties);
	}

	/** Indexes everything on the change feed; false when Solr failed. */
	public boolean catchUp() {
		return this.indexer.catchUp();
	}

	public CatalogSearch search() {
		return this.search;
	}

	/** Where the follower stands. */
	public SearchIndexer.Status status() {
		return this.indexer.status();
	}

	@Override
	public void close() {
		this.solr.close();
	}

}
