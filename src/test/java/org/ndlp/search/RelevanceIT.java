package org.ndlp.search;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.ndlp.catalog.CatalogRecords;
import org.ndlp.catalog.ClusterMember;
import org.ndlp.catalog.IncomingRecord;
import org.ndlp.catalog.StoreOutcome;
import org.ndlp.support.Http;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Relevance as data: the judged queries in {@code search/judged-queries.tsv} (simplified,
 * traditional, pinyin, mixed Chinese and English, author names, ISBN) over the books in
 * {@code search/relevance-corpus.tsv}, scored by nDCG@10 for NDLP's analysis and for the
 * plain CJK-bigram baseline in the same run.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RelevanceIT {

	private static final String LIBRARY = "CN-140000-PL";

	private final int port;

	private final CatalogRecords catalog;

	private final CatalogSearch search;

	RelevanceIT(@Autowired Environment environment, @Autowired CatalogRecords catalog,
			@Autowired CatalogSearch search) {
		this.port = environment.getRequiredProperty("local.server.port", Integer.class);
		this.catalog = catalog;
		this.search = search;
	}

	@Test
	void judgedQueriesRankBetterThanTheBigramBaseline() throws Exception {
		Map<String, String> clusterOf = storeCorpus();
		awaitIndexed();
		Http anonymous = Http.anonymous(this.port);
		Map<String, double[]> byKind = new LinkedHashMap<>();
		double ours = 0;
		double baseline = 0;
		int count = 0;
		StringBuilder report = new StringBuilder("nDCG@10 per judged query (NDLP | bigram baseline)\n");
		for (String line : lines("search/judged-queries.tsv")) {
			String[] columns = line.split("\t");
			Map<String, Integer> grades = new HashMap<>();
			for (String judgment : columns[2].split(" ")) {
				String[] parts = judgment.split(":");
				grades.put(clusterOf.get(parts[0]), Integer.valueOf(parts[1]));
			}
			JsonNode result = anonymous
				.get("/api/v1/search?size=10&q=" + java.net.URLEncoder.encode(columns[1], StandardCharsets.UTF_8))
				.json();
			List<String> ranked = new ArrayList<>();
			result.get("hits").forEach((hit) -> ranked.add(hit.get("id").asString()));
			double n = ndcg(ranked, grades);
			double b = ndcg(this.search.baselineIds(columns[1], 10), grades);
			report.append(String.format("%-12s %-16s %.3f | %.3f%n", columns[0], columns[1], n, b));
			double[] kind = byKind.computeIfAbsent(columns[0], (k) -> new double[3]);
			kind[0] += n;
			kind[1] += b;
			kind[2]++;
			ours += n;
			baseline += b;
			count++;
		}
		byKind.forEach((kind, sums) -> report
			.append(String.format("mean %-11s %.3f | %.3f%n", kind, sums[0] / sums[2], sums[1] / sums[2])));
		report.append(String.format("MEAN nDCG@10 over %d queries: NDLP %.3f | bigram baseline %.3f", count,
				ours / count, baseline / count));
		System.out.println(report);
		assertThat(ours / count).as(report.toString()).isGreaterThan(baseline / count).isGreaterThanOrEqualTo(0.85);
	}

	static double ndcg(List<String> ranked, Map<String, Integer> grades) {
		double dcg = 0;
		for (int i = 0; i < Math.min(10, ranked.size()); i++) {
			int grade = grades.getOrDefault(ranked.get(i), 0);
			dcg += (Math.pow(2, grade) - 1) / (Math.log(i + 2) / Math.log(2));
		}
		List<Integer> ideal = grades.values().stream().sorted(Comparator.reverseOrder()).toList();
		double idcg = 0;
		for (int i = 0; i < Math.min(10, ideal.size()); i++) {
			idcg += (Math.pow(2, ideal.get(i)) - 1) / (Math.log(i + 2) / Math.log(2));
		}
		return (idcg == 0) ? 0 : dcg / idcg;
	}

	private Map<String, String> storeCorpus() throws IOException {
		List<IncomingRecord> books = new ArrayList<>();
		List<String> localIds = new ArrayList<>();
		for (String line : lines("search/relevance-corpus.tsv")) {
			String[] c = line.split("\t");
			books.add(Books.book(LIBRARY, c[0], c[1], c[2], c[3], c[4], "-".equals(c[5]) ? null : c[5], c[6], "相关性测试"));
			localIds.add(c[0]);
		}
		List<StoreOutcome> outcomes = this.catalog.storeAll(books);
		Map<String, String> clusterOf = new HashMap<>();
		for (int i = 0; i < outcomes.size(); i++) {
			long id = outcomes.get(i).recordId();
			List<ClusterMember> cluster = this.catalog.cluster(id);
			clusterOf.put(localIds.get(i), String.valueOf(cluster.isEmpty() ? id : cluster.get(0).clusterId()));
		}
		return clusterOf;
	}

	private void awaitIndexed() throws InterruptedException {
		Http admin = Http.as(this.port, "admin");
		for (int i = 0; i < 600; i++) {
			if (admin.get("/api/v1/search/status").json().get("caughtUp").asBoolean()) {
				return;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("the index did not catch up");
	}

	private static List<String> lines(String resource) throws IOException {
		try (InputStream in = RelevanceIT.class.getClassLoader().getResourceAsStream(resource)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
				.filter((line) -> !line.isBlank() && !line.startsWith("#"))
				.toList();
		}
	}

}
