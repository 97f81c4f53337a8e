package org.ndlp.catalog.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import org.ndlp.catalog.CatalogContributions.Contribution;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Per-library counts for {@link org.ndlp.catalog.CatalogContributions}: one grouped query
 * per figure, never a row per record in Java.
 */
@Repository
public class JdbcContributions {

	private static final String LIVE_NOW = "select id, library_code from source_record where not deleted";

	// the record's newest version received before the date is not a deletion
	private static final String LIVE_AT = """
			select r.id, r.library_code from source_record r
			join source_record_version v on v.record_id = r.id
			where v.version = (select max(w.version) from source_record_version w
			                   where w.record_id = r.id and w.received_at < :end)
			and not v.deleted""";

	private final JdbcClient jdbc;

	public JdbcContributions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Contributions by library, now ({@code end == null}) or before {@code end}. */
	public Map<String, Contribution> byLibrary(Instant end) {
		String live = (end == null) ? LIVE_NOW : LIVE_AT;
		Map<String, long[]> counts = new TreeMap<>();
		query("select l.library_code, count(*) from (" + live + ") l group by l.library_code", end, counts, 0);
		// unique: the record's cluster has no live member from another library
		query("select l.library_code, count(*) from (" + live + ") l join cluster_member m on m.record_id = l.id "
				+ "where not exists (select 1 from cluster_member o join source_record s on s.id = o.record_id "
				+ "where o.cluster_id = m.cluster_id and s.library_code <> l.library_code and not s.deleted) "
				+ "group by l.library_code", end, counts, 1);
		query("select l.library_code, count(*), coalesce(sum(h.copies), 0) from (" + live + ") l "
				+ "join holding h on h.record_id = l.id group by l.library_code", end, counts, 2);
		Map<String, Contribution> result = new TreeMap<>();
		counts.forEach((code, c) -> result.put(code, new Contribution(c[0], c[1], c[2], c[3])));
		return result;
	}

	/** Versions a library's records received in {@code [from, to)}. */
	public long sent(String library, Instant from, Instant to) {
		return this.jdbc
			.sql("select count(*) from source_record_version v join source_record r on r.id = v.record_id "
					+ "where r.library_code = ? and v.received_at >= ? and v.received_at < ?")
			.params(library, Timestamp.from(from), Timestamp.from(to))
			.query(Long.class)
			.single();
	}

	private void query(String sql, Instant end, Map<String, long[]> counts, int column) {
		JdbcClient.StatementSpec statement = this.jdbc.sql(sql);
		if (end != null) {
			statement = statement.param("end", Timestamp.from(end));
		}
		statement.query((rs) -> {
			long[] c = counts.computeIfAbsent(rs.getString(1), (key) -> new long[4]);
			c[column] = rs.getLong(2);
			if (column == 2) {
				c[3] = rs.getLong(3);
			}
		});
	}

}
