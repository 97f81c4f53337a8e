package org.ndlp.search.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.ndlp.catalog.CatalogRecords;
import org.ndlp.catalog.internal.JdbcClusters;
import org.ndlp.catalog.internal.JdbcSourceRecords;
import org.ndlp.search.Books;
import org.ndlp.search.SearchRequest;
import org.ndlp.search.SearchResults;
import org.ndlp.support.Databases;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An index left by an older release whose schema gave a field other index options (here
 * {@code title_prefix} with positions, as before ADR 0034): Lucene refuses new documents
 * for that field, so the follower rebuilds the whole index with the current schema by
 * itself, the old index answering until the new one is swapped in, and nothing of the
 * catalog is lost.
 */
class SchemaUpgradeIT {

	@TempDir
	Path home;

	@Test
	void anIndexOfAnOlderSchemaIsRebuiltByTheFollower() throws Exception {
		// the old release's index: a document whose title_prefix had positions
		new EmbeddedSolr(this.home, "ndlp").close();
		try (IndexWriter old = new IndexWriter(
				FSDirectory.open(this.home.resolve("cores").resolve("ndlp").resolve("data").resolve("index")),
				new IndexWriterConfig())) {
			Document doc = new Document();
			doc.add(new StringField("id", "old-1", Field.Store.YES));
			doc.add(new SortedDocValuesField("id", new BytesRef("old-1")));
			doc.add(new TextField("title_prefix", "旧索引的书", Field.Store.NO));
			old.addDocument(doc);
		}
		DataSource db = Databases.h2();
		CatalogRecords catalog = new CatalogRecords(new JdbcSourceRecords(new JdbcTemplate(db)),
				new JdbcClusters(new JdbcTemplate(db)),
				new org.ndlp.catalog.internal.JdbcHoldings(new JdbcTemplate(db)), Clock.systemUTC());
		try (SearchBenchSupport search = new SearchBenchSupport(this.home, db, catalog, 500)) {
			catalog.storeAll(
					List.of(Books.book("CN-440000-PL", "u-1", "红楼梦", "曹雪芹", "1982", "chi", null, "I242.47", "古典小说"),
							Books.book("CN-330000-PL", "u-2", "Libraries in China", "Lin, Sharon", "1998", "eng", null,
									"G259.2", "Libraries")));

			// the live index refuses the documents: the follower reports it and rebuilds
			assertThat(search.catchUp()).isFalse();
			assertThat(search.status().lastError()).contains("title_prefix");
			assertThat(search.status().reindex()).isNotNull();
			long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
			while ("RUNNING".equals(search.status().reindex().state()) && System.nanoTime() < deadline) {
				Thread.sleep(100);
			}
			assertThat(search.status().reindex().state()).isEqualTo("DONE");

			// the new index holds the catalog, not the old index's document, and takes
			// new
			// records again
			catalog.storeAll(
					List.of(Books.book("CN-320000-PL", "u-3", "水浒传", "施耐庵", "1975", "chi", null, "I242.4", "古典小说")));
			assertThat(search.catchUp()).isTrue();
			assertThat(search.status().lastError()).isNull();
			SearchResults all = search.search()
				.search(new SearchRequest(null, java.util.Map.of(), null, null, 1, 20, null));
			assertThat(all.hits()).extracting(SearchResults.Hit::title)
				.containsExactlyInAnyOrder("红楼梦", "Libraries in China", "水浒传");
			assertThat(search.search().suggest("红楼", 5)).isNotEmpty();
		}
	}

}
