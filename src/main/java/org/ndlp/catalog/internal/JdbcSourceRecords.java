package org.ndlp.catalog.internal;

import java.security.MessageDigest;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.ndlp.catalog.CatalogChange;
import org.ndlp.catalog.IncomingRecord;
import org.ndlp.catalog.SourceRecord;
import org.ndlp.catalog.StoreOutcome;
import org.ndlp.shared.LibraryCode;

import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Tables {@code source_record}, {@code source_record_version} and {@code catalog_change}.
 * A batch costs a fixed number of statements, not one round trip per record: one look-up
 * of the existing records, then batched inserts and updates.
 */
@Repository
public class JdbcSourceRecords {

	private static final String UPSERT = "UPSERT";

	private static final String DELETE = "DELETE";

	private final JdbcTemplate jdbc;

	public JdbcSourceRecords(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Stores a batch in order; a record sent twice in one batch is stored twice, in
	 * order.
	 */
	public List<StoreOutcome> storeAll(List<IncomingRecord> batch, Instant now) {
		List<StoreOutcome> outcomes = new ArrayList<>(batch.size());
		List<IncomingRecord> part = new ArrayList<>();
		Set<String> keys = new HashSet<>();
		for (IncomingRecord record : batch) {
			if (!keys.add(key(record.library(), record.localId()))) {
				outcomes.addAll(storeDistinct(part, now));
				part.clear();
				keys.clear();
				keys.add(key(record.library(), record.localId()));
			}
			part.add(record);
		}
		outcomes.addAll(storeDistinct(part, now));
		return outcomes;
	}

	private List<StoreOutcome> storeDistinct(List<IncomingRecord> batch, Instant now) {
		if (batch.isEmpty()) {
			return List.of();
		}
		Map<String, Existing> existing = existing(batch);
		Timestamp at = Timestamp.from(now);
		List<IncomingRecord> fresh = batch.stream().filter((r) -> !existing.containsKey(key(r))).toList();
		if (!fresh.isEmpty()) {
			existing.putAll(insertRecords(fresh, at));
		}
		List<Object[]> versions = new ArrayList<>();
		List<Object[]> updates = new ArrayList<>();
		List<Object[]> changes = new ArrayList<>();
		List<StoreOutcome> outcomes = new ArrayList<>();
		Set<String> freshKeys = new HashSet<>();
		fresh.forEach((r) -> freshKeys.add(key(r)));
		for (IncomingRecord record : batch) {
			Existing current = existing.get(key(record));
			String sha = sha256(record.content());
			int version;
			if (freshKeys.contains(key(record))) {
				version = 1;
			}
			else if (current.deleted() == record.deleted() && (record.deleted() || current.sha().equals(sha))) {
				outcomes.add(new StoreOutcome.Unchanged(current.id()));
				continue;
			}
			else {
				version = current.version() + 1;
				updates.add(new Object[] { version, record.deleted(), at, current.id() });
			}
			versions.add(new Object[] { current.id(), version, record.syntax(), record.schema(), record.encoding(),
					record.content(), sha, record.deleted(), at });
			changes.add(new Object[] { current.id(), version, record.deleted() ? DELETE : UPSERT, at });
			outcomes.add(record.deleted() ? new StoreOutcome.Deleted(current.id(), version) : (version == 1)
					? new StoreOutcome.Created(current.id()) : new StoreOutcome.Updated(current.id(), version));
		}
		if (!versions.isEmpty()) {
			this.jdbc.batchUpdate("insert into source_record_version (record_id, version, syntax, record_schema, "
					+ "encoding, content, content_sha256, deleted, received_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
					versions);
			this.jdbc.batchUpdate(
					"update source_record set current_version = ?, deleted = ?, updated_at = ? where id = ?", updates);
			this.jdbc.batchUpdate(
					"insert into catalog_change (record_id, version, kind, changed_at) values (?, ?, ?, ?)", changes);
		}
		return outcomes;
	}

	/**
	 * Inserts new records and answers their ids from the generated keys (one per row, in
	 * order) instead of reading back what was just written; reads them back only if the
	 * driver does not give one key per row.
	 */
	private Map<String, Existing> insertRecords(List<IncomingRecord> fresh, Timestamp at) {
		GeneratedKeyHolder ids = new GeneratedKeyHolder();
		this.jdbc.batchUpdate(
				(connection) -> connection.prepareStatement(
						"insert into source_record (library_code, local_id, current_version, deleted, created_at, "
								+ "updated_at) values (?, ?, 1, ?, ?, ?)",
						new String[] { "id" }),
				new BatchPreparedStatementSetter() {

					@Override
					public void setValues(PreparedStatement statement, int i) throws SQLException {
						IncomingRecord record = fresh.get(i);
						statement.setString(1, record.library().value());
						statement.setString(2, record.localId());
						statement.setBoolean(3, record.deleted());
						statement.setTimestamp(4, at);
						statement.setTimestamp(5, at);
					}

					@Override
					public int getBatchSize() {
						return fresh.size();
					}

				}, ids);
		List<Map<String, Object>> keys = ids.getKeyList();
		if (keys.size() != fresh.size()) {
			return existing(fresh);
		}
		Map<String, Existing> inserted = new HashMap<>();
		for (int i = 0; i < fresh.size(); i++) {
			IncomingRecord record = fresh.get(i);
			long id = ((Number) keys.get(i).values().iterator().next()).longValue();
			inserted.put(key(record), new Existing(id, 1, record.deleted(), ""));
		}
		return inserted;
	}

	/**
	 * Puts records on the change feed again at their current version (their cluster
	 * changed: followers rebuild what they derived from it).
	 */
	public void touch(List<Long> recordIds, Instant now) {
		if (recordIds.isEmpty()) {
			return;
		}
		this.jdbc.update(SqlArrays.withArray(
				"insert into catalog_change (record_id, version, kind, changed_at) "
						+ "select r.id, r.current_version, case when r.deleted then 'DELETE' else 'UPSERT' end, ? "
						+ "from unnest(cast(? as bigint array)) as t(id) join source_record r on r.id = t.id",
				"bigint", recordIds.toArray(), Timestamp.from(now)));
	}

	/** The current version of a library's record, if the catalog has it. */
	public Optional<SourceRecord> current(LibraryCode library, String localId) {
		return this.jdbc
			.query("select r.id, r.library_code, r.local_id, v.* from source_record r join source_record_version v "
					+ "on v.record_id = r.id and v.version = r.current_version "
					+ "where r.library_code = ? and r.local_id = ?", (rs, row) -> map(rs), library.value(), localId)
			.stream()
			.findFirst();
	}

	/** The current version of a record by its id. */
	public Optional<SourceRecord> current(long recordId) {
		return this.jdbc
			.query("select r.id, r.library_code, r.local_id, v.* from source_record r join source_record_version v "
					+ "on v.record_id = r.id and v.version = r.current_version where r.id = ?", (rs, row) -> map(rs),
					recordId)
			.stream()
			.findFirst();
	}

	/** The current versions of these records in one query, by record id. */
	public Map<Long, SourceRecord> current(java.util.Collection<Long> recordIds) {
		Map<Long, SourceRecord> found = new HashMap<>();
		if (recordIds.isEmpty()) {
			return found;
		}
		this.jdbc.query(SqlArrays.withArray(
				"select r.id, r.library_code, r.local_id, v.* "
						+ "from unnest(cast(? as bigint array)) as t(id) join source_record r on r.id = t.id "
						+ "join source_record_version v on v.record_id = r.id and v.version = r.current_version",
				"bigint", recordIds.stream().distinct().toArray()), (rs) -> {
					SourceRecord record = map(rs);
					found.put(record.id(), record);
				});
		return found;
	}

	/** Every version of a record, oldest first. */
	public List<SourceRecord> versions(long recordId) {
		return this.jdbc
			.query("select r.id, r.library_code, r.local_id, v.* from source_record r join source_record_version v "
					+ "on v.record_id = r.id where r.id = ? order by v.version", (rs, row) -> map(rs), recordId);
	}

	/**
	 * The change feed after a sequence number, oldest first, at most {@code limit}
	 * entries.
	 */
	public List<CatalogChange> changesAfter(long seq, int limit) {
		return this.jdbc.query(
				"select seq, record_id, version, kind, changed_at from catalog_change where seq > ? order by seq "
						+ "fetch first " + limit + " rows only",
				(rs, row) -> new CatalogChange(rs.getLong("seq"), rs.getLong("record_id"), rs.getInt("version"),
						rs.getString("kind"), rs.getTimestamp("changed_at").toInstant()),
				seq);
	}

	/** Records of a library that are not deleted. */
	public int countLive(LibraryCode library) {
		Integer count = this.jdbc.queryForObject(
				"select count(*) from source_record where library_code = ? and deleted = false", Integer.class,
				library.value());
		return (count != null) ? count : 0;
	}

	private Map<String, Existing> existing(List<IncomingRecord> batch) {
		Map<String, Existing> found = new HashMap<>();
		Map<LibraryCode, List<String>> byLibrary = new LinkedHashMap<>();
		batch.forEach((r) -> byLibrary.computeIfAbsent(r.library(), (key) -> new ArrayList<>()).add(r.localId()));
		byLibrary.forEach((library, ids) -> {
			// by local id alone (one array parameter joined as a table, see
			// SqlArrays.withArray), so that the database walks the (local_id,
			// library_code) index once per id; records of other libraries with the same
			// local ids are skipped here
			this.jdbc.query(SqlArrays
				.withArray("select r.id, r.library_code, r.local_id, r.current_version, r.deleted, v.content_sha256 "
						+ "from unnest(cast(? as varchar array)) as t(local_id) "
						+ "join source_record r on r.local_id = t.local_id "
						+ "left join source_record_version v on v.record_id = r.id and v.version = r.current_version",
						"varchar", ids.toArray()),
					(rs) -> {
						if (!library.value().equals(rs.getString("library_code"))) {
							return;
						}
						found.put(key(library, rs.getString("local_id")),
								new Existing(rs.getLong("id"), rs.getInt("current_version"), rs.getBoolean("deleted"),
										String.valueOf(rs.getString("content_sha256"))));
					});
		});
		return found;
	}

	private static SourceRecord map(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new SourceRecord(rs.getLong("id"), LibraryCode.of(rs.getString("library_code")),
				rs.getString("local_id"), rs.getInt("version"), rs.getString("syntax"), rs.getString("record_schema"),
				rs.getString("encoding"), rs.getBytes("content"), rs.getBoolean("deleted"),
				rs.getTimestamp("received_at").toInstant().atOffset(ZoneOffset.UTC).toInstant());
	}

	private static String key(IncomingRecord record) {
		return key(record.library(), record.localId());
	}

	private static String key(LibraryCode library, String localId) {
		return library.value() + '\u0000' + localId;
	}

	static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JDK has SHA-256", ex);
		}
	}

	private record Existing(long id, int version, boolean deleted, String sha) {
	}

}
