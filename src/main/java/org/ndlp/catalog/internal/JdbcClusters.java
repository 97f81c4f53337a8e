package org.ndlp.catalog.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ndlp.catalog.MatchSignature;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Tables {@code cluster_member} and {@code match_key}. */
@Repository
public class JdbcClusters {

	private final JdbcTemplate jdbc;

	public JdbcClusters(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A cluster member.
	 *
	 * @param recordId the record
	 * @param clusterId its cluster
	 * @param signature what it is compared by
	 * @param reasons why it joined
	 */
	public record Member(long recordId, long clusterId, MatchSignature signature, String reasons) {
	}

	/**
	 * Clusters (by their first record) that have any of these keys, by key; one query
	 * however many keys.
	 */
	public Map<String, List<Member>> byKeys(List<String> keys) {
		Map<String, List<Member>> found = new HashMap<>();
		if (keys.isEmpty()) {
			return found;
		}
		// compare with each cluster's first record only: a book held by hundreds of
		// libraries costs one row (match_key.head, index match_key_head: the other
		// members' rows are not visited). The keys come as one array parameter joined as
		// a table
		// (see SqlArrays), so each key is one index lookup.
		this.jdbc.query(SqlArrays.withArray(
				"select t.k as match_key, m.* from unnest(cast(? as varchar array)) as t(k) "
						+ "join match_key mk on mk.match_key = t.k and mk.head = true "
						+ "join cluster_member m on m.record_id = mk.record_id and m.cluster_id = mk.record_id",
				"varchar", keys.toArray()), (rs) -> {
					found.computeIfAbsent(rs.getString("match_key"), (key) -> new ArrayList<>()).add(member(rs));
				});
		return found;
	}

	public void insertMembers(List<Member> members) {
		this.jdbc.batchUpdate(
				"insert into cluster_member (record_id, cluster_id, title_key, creator_key, pub_year, "
						+ "edition_key, isbns, reasons) values (?, ?, ?, ?, ?, ?, ?, ?)",
				members.stream()
					.map((m) -> new Object[] { m.recordId(), m.clusterId(), m.signature().titleKey(),
							m.signature().creatorKey(), m.signature().year(), m.signature().editionKey(),
							String.join(" ", m.signature().isbns()), m.reasons() })
					.toList());
	}

	/**
	 * A changed record keeps its cluster (staff decisions survive) but gets its new
	 * signature.
	 */
	public void updateSignatures(List<Member> members) {
		this.jdbc.batchUpdate(
				"update cluster_member set title_key = ?, creator_key = ?, pub_year = ?, "
						+ "edition_key = ?, isbns = ? where record_id = ?",
				members.stream()
					.map((m) -> new Object[] { m.signature().titleKey(), m.signature().creatorKey(),
							m.signature().year(), m.signature().editionKey(), String.join(" ", m.signature().isbns()),
							m.recordId() })
					.toList());
	}

	/** Drops the blocking keys of {@code recordIds} (deleted or changed records). */
	public void dropKeys(List<Long> recordIds) {
		this.jdbc.batchUpdate("delete from match_key where record_id = ?",
				recordIds.stream().map((id) -> new Object[] { id }).toList());
	}

	/**
	 * Stores the blocking keys of new cluster heads (members whose record gives the
	 * cluster its id). Only heads' keys are kept: lookups compare with cluster heads
	 * alone, so a member's keys would be rows written and indexed for nothing.
	 */
	public void insertHeadKeys(List<Member> heads) {
		List<Object[]> rows = new ArrayList<>();
		for (Member head : heads) {
			new LinkedHashSet<>(head.signature().keys())
				.forEach((key) -> rows.add(new Object[] { key, head.recordId() }));
		}
		this.jdbc.batchUpdate("insert into match_key (match_key, record_id, head) values (?, ?, true)", rows);
	}

	/**
	 * Stores the new keys of changed records that head their cluster (after
	 * {@link #dropKeys} dropped their old ones).
	 */
	public void insertKeysIfHead(List<Member> changed) {
		List<Object[]> rows = new ArrayList<>();
		for (Member member : changed) {
			new LinkedHashSet<>(member.signature().keys())
				.forEach((key) -> rows.add(new Object[] { key, member.recordId() }));
		}
		this.jdbc.batchUpdate("insert into match_key (match_key, record_id, head) select ?, m.record_id, true "
				+ "from cluster_member m where m.record_id = ? and m.cluster_id = m.record_id", rows);
	}

	/** Puts records into another cluster, with why. */
	public void move(List<Long> recordIds, long clusterId, String reason) {
		this.jdbc.batchUpdate("update cluster_member set cluster_id = ?, reasons = ? where record_id = ?",
				recordIds.stream().map((id) -> new Object[] { clusterId, cut(reason, 500), id }).toList());
		// a moved record heads its new cluster only if it gives the cluster its id: only
		// that one keeps (or gets) keys, made from its stored signature; a deleted record
		// gets none
		dropKeys(recordIds);
		if (recordIds.contains(clusterId)) {
			member(clusterId).ifPresent((head) -> this.jdbc.batchUpdate(
					"insert into match_key (match_key, record_id, head) select ?, r.id, true from source_record r "
							+ "where r.id = ? and r.deleted = false",
					new LinkedHashSet<>(head.signature().keys()).stream()
						.map((key) -> new Object[] { key, clusterId })
						.toList()));
		}
	}

	/** Records a staff decision ({@code APART} or {@code TOGETHER}) on two records. */
	public void decide(long recordA, long recordB, String decision, String by, java.time.Instant at, String note) {
		this.jdbc.update(
				"insert into cluster_decision (record_a, record_b, decision, decided_by, decided_at, note) "
						+ "values (?, ?, ?, ?, ?, ?)",
				recordA, recordB, decision, by, java.sql.Timestamp.from(at), cut((note != null) ? note : "", 500));
	}

	public Optional<Member> member(long recordId) {
		return this.jdbc.query("select * from cluster_member where record_id = ?", (rs, row) -> member(rs), recordId)
			.stream()
			.findFirst();
	}

	/**
	 * The clusters of these records in one query: cluster id to its member record ids
	 * (ascending); records that are not clustered are absent.
	 */
	public Map<Long, List<Long>> clustersOf(java.util.Collection<Long> recordIds) {
		Map<Long, java.util.SortedSet<Long>> clusters = new java.util.HashMap<>();
		if (recordIds.isEmpty()) {
			return Map.of();
		}
		this.jdbc
			.query(SqlArrays.withArray("select m.cluster_id, m.record_id from unnest(cast(? as bigint array)) as t(id) "
					+ "join cluster_member c on c.record_id = t.id join cluster_member m on m.cluster_id = c.cluster_id",
					"bigint", recordIds.stream().distinct().toArray()), (rs) -> {
						clusters.computeIfAbsent(rs.getLong("cluster_id"), (id) -> new java.util.TreeSet<>())
							.add(rs.getLong("record_id"));
					});
		Map<Long, List<Long>> result = new java.util.HashMap<>();
		clusters.forEach((id, members) -> result.put(id, List.copyOf(members)));
		return result;
	}

	public List<Member> members(long clusterId) {
		return this.jdbc.query("select * from cluster_member where cluster_id = ? order by record_id",
				(rs, row) -> member(rs), clusterId);
	}

	private static String cut(String text, int length) {
		return (text.length() > length) ? text.substring(0, length) : text;
	}

	private static Member member(java.sql.ResultSet rs) throws java.sql.SQLException {
		String isbns = rs.getString("isbns");
		return new Member(rs.getLong("record_id"), rs.getLong("cluster_id"),
				new MatchSignature(rs.getString("title_key"), rs.getString("creator_key"), rs.getString("pub_year"),
						rs.getString("edition_key"),
						new LinkedHashSet<>(isbns.isBlank() ? List.of() : Arrays.asList(isbns.split(" ")))),
				rs.getString("reasons"));
	}

}
