package org.ndlp.catalog.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.ndlp.catalog.MatchSignature;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Tables {@code cluster_member} and {@code blocking_key} (and {@code match_key}, the keys
 * written before V14_1).
 */
@Repository
public class JdbcClusters {

	private final JdbcTemplate jdbc;

	private volatile Boolean unhashedKeys;

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
	 * Clusters (by their first record) that have any of these keys, by key, each key's
	 * clusters in record order; one query however many keys (two while keys written
	 * before V14_1 remain in {@code match_key}).
	 */
	public Map<String, List<Member>> byKeys(List<String> keys) {
		Map<String, List<Member>> found = new HashMap<>();
		if (keys.isEmpty()) {
			return found;
		}
		Set<String> wanted = new HashSet<>(keys);
		// only cluster heads have keys, so a book held by hundreds of libraries costs one
		// row. The hashes come as one array parameter joined as a table (see SqlArrays),
		// each one index lookup; a row whose text is not a key asked for is a hash
		// collision and is skipped
		this.jdbc.query(SqlArrays.withArray(
				"select b.match_key, m.* from unnest(cast(? as bigint array)) as t(h) "
						+ "join blocking_key b on b.key_hash = t.h "
						+ "join cluster_member m on m.record_id = b.record_id and m.cluster_id = b.record_id",
				"bigint", keys.stream().map(JdbcClusters::hash).distinct().toArray()), (rs) -> {
					String key = rs.getString("match_key");
					if (wanted.contains(key)) {
						found.computeIfAbsent(key, (k) -> new ArrayList<>()).add(member(rs));
					}
				});
		if (hasUnhashedKeys()) {
			this.jdbc.query(SqlArrays.withArray(
					"select t.k as match_key, m.* from unnest(cast(? as varchar array)) as t(k) "
							+ "join match_key mk on mk.match_key = t.k and mk.head = true "
							+ "join cluster_member m on m.record_id = mk.record_id and m.cluster_id = mk.record_id",
					"varchar", keys.toArray()), (rs) -> {
						found.computeIfAbsent(rs.getString("match_key"), (key) -> new ArrayList<>()).add(member(rs));
					});
		}
		// the order the primary key (match_key, record_id) gave before: a record joins
		// the first same-edition candidate, so the order decides
		found.values().forEach((members) -> members.sort(Comparator.comparingLong(Member::recordId)));
		return found;
	}

	/**
	 * Whether {@code match_key} still holds keys written before V14_1. Checked once:
	 * nothing writes to it any more, so once empty it stays empty.
	 */
	private boolean hasUnhashedKeys() {
		if (this.unhashedKeys == null) {
			this.unhashedKeys = !this.jdbc.queryForList("select record_id from match_key fetch first 1 rows only")
				.isEmpty();
		}
		return this.unhashedKeys;
	}

	/**
	 * The 64-bit hash a blocking key is indexed by (ADR 0035): FNV-1a over the key's
	 * UTF-16 code units, then MurmurHash3's final mix to spread the bits. Stored, so it
	 * must never change.
	 */
	static long hash(String key) {
		long h = 0xcbf29ce484222325L;
		for (int i = 0; i < key.length(); i++) {
			h ^= key.charAt(i);
			h *= 0x100000001b3L;
		}
		h ^= h >>> 33;
		h *= 0xff51afd7ed558ccdL;
		h ^= h >>> 33;
		h *= 0xc4ceb9fe1a85ec53L;
		h ^= h >>> 33;
		return h;
	}

	/**
	 * A record's distinct keys as rows (hash, record, key) for {@code blocking_key}; a
	 * second key with the hash of an earlier one (a collision within one record) is left
	 * out, the primary key being (hash, record).
	 */
	private static void keyRows(Member member, List<Object[]> rows) {
		Set<Long> hashes = new HashSet<>();
		for (String key : new LinkedHashSet<>(member.signature().keys())) {
			long hash = hash(key);
			if (hashes.add(hash)) {
				rows.add(new Object[] { hash, key, member.recordId() });
			}
		}
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
		List<Object[]> ids = recordIds.stream().map((id) -> new Object[] { id }).toList();
		this.jdbc.batchUpdate("delete from blocking_key where record_id = ?", ids);
		if (hasUnhashedKeys()) {
			this.jdbc.batchUpdate("delete from match_key where record_id = ?", ids);
		}
	}

	/**
	 * Stores the blocking keys of new cluster heads (members whose record gives the
	 * cluster its id). Only heads' keys are kept: lookups compare with cluster heads
	 * alone, so a member's keys would be rows written and indexed for nothing.
	 */
	public void insertHeadKeys(List<Member> heads) {
		List<Object[]> rows = new ArrayList<>();
		heads.forEach((head) -> keyRows(head, rows));
		this.jdbc.batchUpdate("insert into blocking_key (key_hash, match_key, record_id) values (?, ?, ?)", rows);
	}

	/**
	 * Stores the new keys of changed records that head their cluster (after
	 * {@link #dropKeys} dropped their old ones).
	 */
	public void insertKeysIfHead(List<Member> changed) {
		List<Object[]> rows = new ArrayList<>();
		changed.forEach((member) -> keyRows(member, rows));
		this.jdbc.batchUpdate("insert into blocking_key (key_hash, match_key, record_id) select ?, ?, m.record_id "
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
			member(clusterId).ifPresent((head) -> {
				List<Object[]> rows = new ArrayList<>();
				keyRows(head, rows);
				this.jdbc.batchUpdate("insert into blocking_key (key_hash, match_key, record_id) select ?, ?, r.id "
						+ "from source_record r where r.id = ? and r.deleted = false", rows);
			});
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
