package org.ndlp.search.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.common.cloud.DocCollection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.ndlp.catalog.CatalogRecords;
import org.ndlp.catalog.IncomingRecord;
import org.ndlp.catalog.internal.JdbcClusters;
import org.ndlp.catalog.internal.JdbcSourceRecords;
import org.ndlp.members.MemberLibraries;
import org.ndlp.members.internal.JdbcLibraries;
import org.ndlp.search.CatalogSearch;
import org.ndlp.search.SearchRequest;
import org.ndlp.search.SearchResults;
import org.ndlp.support.Databases;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same configset, indexer and queries on a real in-process SolrCloud: 2 nodes, a
 * collection of 2 shards behind the {@code ndlp} alias; a full reindex moves the alias to
 * a new collection.
 */
class SolrCloudSearchIT {

	@TempDir
	static Path base;

	static MiniSolrCloudCluster cluster;

	static CloudSolr solr;

	static CatalogRecords catalog;

	static SearchIndexer indexer;

	static CatalogSearch search;

	@BeforeAll
	static void start() throws Exception {
		cluster = new MiniSolrCloudCluster.Builder(2, base).withMetrics(false).configure();
		SearchProperties properties = new SearchProperties(
				new SearchProperties.Solr(cluster.getZkServer().getZkAddress(), null, "ndlp", 2, 1, null),
				new SearchProperties.Indexer(false, Duration.ofSeconds(1), 500, Duration.ofSeconds(1), 2, false, 1));
		solr = new CloudSolr(properties.solr().zkHosts(), "ndlp", 2, 1);
		DataSource db = Databases.h2();
		catalog = new CatalogRecords(new JdbcSourceRecords(new JdbcTemplate(db)),
				new JdbcClusters(new JdbcTemplate(db)),
				new org.ndlp.catalog.internal.JdbcHoldings(new JdbcTemplate(db)), Clock.systemUTC());
		MemberLibraries libraries = new MemberLibraries(new JdbcLibraries(JdbcClient.create(db)), Clock.systemUTC());
		indexer = new SearchIndexer(catalog, new UnionRecordDocuments(catalog, libraries, properties),
				new JdbcIndexPosition(JdbcClient.create(db)), solr, properties);
		search = new CatalogSearch(solr.client(), properties);
		catalog.storeAll(List.of(book("CN-440000-PL", "c-1", "中华人民共和国图书馆史稿", "王子舟", "2003", "G259.2", "9787301061237"),
				book("CN-330000-PL", "c-2", "中華人民共和國圖書館史稿", "王子舟", "2003", "G259.2", "9787301061237"),
				book("CN-320000-PL", "c-3", "红楼梦", "曹雪芹", "1982", "I242.47", null),
				book("CN-440000-PL", "c-4", "臺灣圖書館事業發展", "張錦郎", "1995", "G259.58", null)));
		assertThat(indexer.catchUp()).isTrue();
	}

	@AfterAll
	static void stop() throws Exception {
		if (solr != null) {
			solr.close();
		}
		if (cluster != null) {
			cluster.shutdown();
		}
	}

	@Test
	void aliasPointsAtACollectionOfTwoShards() {
		List<String> collections = cloud().getClusterStateProvider().resolveAlias("ndlp");
		assertThat(collections).hasSize(1);
		DocCollection collection = cloud().getClusterState().getCollection(collections.get(0));
		assertThat(collection.getSlices()).hasSize(2);
	}

	@Test
	void searchesAndFacetsAcrossShards() {
		SearchResults traditional = search(Map.of(), "圖書館");
		assertThat(traditional.hits()).extracting(SearchResults.Hit::title).contains("中华人民共和国图书馆史稿", "臺灣圖書館事業發展");
		assertThat(search(Map.of(), "人民").hits()).extracting(SearchResults.Hit::holdingCount).containsExactly(2);
		assertThat(search(Map.of(), "hongloumeng").hits()).extracting(SearchResults.Hit::title).containsExactly("红楼梦");
		SearchResults all = search(Map.of(), null);
		assertThat(all.total()).isEqualTo(3);
		assertThat(all.facets().get("library"))
			.extracting(SearchResults.FacetValue::value, SearchResults.FacetValue::count)
			.contains(org.assertj.core.groups.Tuple.tuple("CN-440000-PL", 2L),
					org.assertj.core.groups.Tuple.tuple("CN-330000-PL", 1L),
					org.assertj.core.groups.Tuple.tuple("CN-320000-PL", 1L));
		assertThat(all.facets().get("clcTop"))
			.extracting(SearchResults.FacetValue::value, SearchResults.FacetValue::count,
					SearchResults.FacetValue::label)
			.contains(org.assertj.core.groups.Tuple.tuple("G", 2L, "文化、科学、教育、体育"));
		assertThat(all.facets().get("province")).extracting(SearchResults.FacetValue::value)
			.contains("广东省", "浙江省", "江苏省");
	}

	@Test
	void eachShardCountsTheFacetsOfASearchOnce() throws Exception {
		int before = cachedFacetCounts();
		SearchResults first = search.search(new SearchRequest("图书馆", Map.of(), null, null, 1, 1, null));
		int cached = cachedFacetCounts();
		assertThat(cached).as("each shard keeps its counts").isEqualTo(before + 2);
		SearchResults again = search.search(new SearchRequest("图书馆", Map.of(), null, null, 1, 1, null));
		SearchResults nextPage = search.search(new SearchRequest("图书馆", Map.of(), null, null, 2, 1, null));
		// the shard requests of the same search differ in NOW, paging and fields only
		assertThat(cachedFacetCounts()).isEqualTo(cached);
		assertThat(again.facets()).isEqualTo(first.facets());
		assertThat(nextPage.facets()).isEqualTo(first.facets());
		assertThat(nextPage.hits()).extracting(SearchResults.Hit::id)
			.doesNotContainAnyElementsOf(first.hits().stream().map(SearchResults.Hit::id).toList());
	}

	private static int cachedFacetCounts() throws Exception {
		int entries = 0;
		for (org.apache.solr.embedded.JettySolrRunner node : cluster.getJettySolrRunners()) {
			for (org.apache.solr.core.SolrCore core : node.getCoreContainer().getCores()) {
				entries += core.withSearcher((searcher) -> searcher.getCache(CachingFacetComponent.CACHE).size());
			}
		}
		return entries;
	}

	@Test
	void reindexMovesTheAliasToANewCollection() throws Exception {
		String before = cloud().getClusterStateProvider().resolveAlias("ndlp").get(0);
		indexer.startReindex();
		SearchIndexer.Reindex progress = indexer.status().reindex();
		for (int i = 0; i < 600 && "RUNNING".equals(progress.state()); i++) {
			assertThat(search(Map.of(), "红楼梦").total()).as("search answers during the rebuild").isEqualTo(1);
			Thread.sleep(100);
			progress = indexer.status().reindex();
		}
		assertThat(progress.state()).as(String.valueOf(progress.error())).isEqualTo("DONE");
		String after = cloud().getClusterStateProvider().resolveAlias("ndlp").get(0);
		assertThat(after).isNotEqualTo(before);
		assertThat(search(Map.of(), null).total()).isEqualTo(3);
	}

	private static CloudSolrClient cloud() {
		return (CloudSolrClient) solr.client();
	}

	private static SearchResults search(Map<String, String> fields, String q) {
		return search.search(new SearchRequest(q, fields, null, null, 1, 20, null));
	}

	private static IncomingRecord book(String library, String id, String title, String creator, String year, String clc,
			String isbn) {
		return org.ndlp.search.Books.book(library, id, title, creator, year, "chi", isbn, clc, "云测试");
	}

}
