package org.ndlp.catalog.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.ndlp.catalog.ListingQuery;
import org.ndlp.catalog.SourceRecord;
import org.ndlp.shared.LibraryCode;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Keyset pages over {@code source_record} by {@code (updated_at, id)} (index
 * {@code source_record_datestamp}, or {@code source_record_library_datestamp} for a set
 * of libraries), joined to the current version.
 */
@Repository
public class JdbcCatalogListing {

	private static final byte[] NO_CONTENT = new byte[0];

	private final JdbcTemplate jdbc;

	public JdbcCatalogListing(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public List<SourceRecord> page(ListingQuery query, ListingQuery.Cursor after, int limit, boolean withContent) {
		StringBuilder sql = new StringBuilder("select r.id, r.library_code, r.local_id, r.updated_at, v.version, "
				+ "v.syntax, v.record_schema, v.encoding, v.deleted")
			.append(withContent ? ", v.content" : "")
			.append(" from source_record r join source_record_version v on v.record_id = r.id "
					+ "and v.version = r.current_version where 1 = 1");
		List<Object> params = new ArrayList<>();
		if (after != null) {
			// the first condition bounds the index range; the second skips the rows of
			// the
			// same instant already seen
			Timestamp at = Timestamp.from(after.datestamp());
			sql.append(" and r.updated_at >= ? and (r.updated_at > ? or r.id > ?)");
			params.add(at);
			params.add(at);
			params.add(after.id());
		}
		if (query.from() != null) {
			sql.append(" and r.updated_at >= ?");
			params.add(Timestamp.from(query.from()));
		}
		if (query.until() != null) {
			sql.append(" and r.updated_at < ?");
			params.add(Timestamp.from(query.until()));
		}
		if (!query.libraries().isEmpty()) {
			sql.append(" and r.library_code in (").append(marks(query.libraries().size())).append(')');
			query.libraries().forEach((library) -> params.add(library.value()));
		}
		if (!query.schemas().isEmpty()) {
			sql.append(" and v.record_schema in (").append(marks(query.schemas().size())).append(')');
			params.addAll(query.schemas());
		}
		sql.append(" order by r.updated_at, r.id fetch first ").append(limit).append(" rows only");
		return this.jdbc.query(sql.toString(), (rs, row) -> map(rs, withContent), params.toArray());
	}

	public Optional<Instant> earliestDatestamp() {
		Timestamp earliest = this.jdbc.queryForObject("select min(updated_at) from source_record", Timestamp.class);
		return Optional.ofNullable(earliest).map(Timestamp::toInstant);
	}

	public List<LibraryCode> librariesWithRecords() {
		return this.jdbc.query(
				"select l.code from member_library l where exists "
						+ "(select 1 from source_record r where r.library_code = l.code) order by l.code",
				(rs, row) -> LibraryCode.of(rs.getString("code")));
	}

	private static SourceRecord map(ResultSet rs, boolean withContent) throws SQLException {
		return new SourceRecord(rs.getLong("id"), LibraryCode.of(rs.getString("library_code")),
				rs.getString("local_id"), rs.getInt("version"), rs.getString("syntax"), rs.getString("record_schema"),
				rs.getString("encoding"), withContent ? rs.getBytes("content") : NO_CONTENT, rs.getBoolean("deleted"),
				rs.getTimestamp("updated_at").toInstant());
	}

	private static String marks(int count) {
		return String.join(", ", java.util.Collections.nCopies(count, "?"));
	}

}
