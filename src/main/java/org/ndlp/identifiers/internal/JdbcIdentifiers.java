package org.ndlp.identifiers.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.ndlp.identifiers.Cdoi;
import org.ndlp.identifiers.CdoiType;
import org.ndlp.identifiers.Identifier;
import org.ndlp.identifiers.IdentifierEvent;
import org.ndlp.identifiers.Location;
import org.ndlp.identifiers.Prefix;
import org.ndlp.shared.LibraryCode;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Tables {@code cdoi_prefix}, {@code cdoi_identifier}, {@code cdoi_location},
 * {@code cdoi_event} and {@code cdoi_follower}. Batches cost a fixed number of
 * statements.
 */
@Repository
public class JdbcIdentifiers {

	private static final String COLUMNS = "i.id, i.prefix, i.suffix, i.resource_type, i.target_kind, i.target_id, "
			+ "i.title, i.deleted, i.tombstone_note, i.created_by, i.created_at, i.updated_at, i.deleted_at";

	private final JdbcClient db;

	private final JdbcTemplate jdbc;

	public JdbcIdentifiers(JdbcClient db, JdbcTemplate jdbc) {
		this.db = db;
		this.jdbc = jdbc;
	}

	/** A stored identifier with its row id. */
	public record Stored(long id, Identifier identifier) {
	}

	/** An identifier to insert. */
	public record NewIdentifier(Cdoi cdoi, String targetKind, String targetId, String title, List<Location> locations,
			String createdBy, String eventAction, String eventDetail) {
	}

	// prefixes

	public List<Prefix> prefixes() {
		return this.db
			.sql("select p.prefix, p.library_code, l.name, p.allocated_by, p.allocated_at, p.note "
					+ "from cdoi_prefix p join member_library l on l.code = p.library_code order by p.prefix")
			.query(JdbcIdentifiers::prefix)
			.list();
	}

	public Optional<Prefix> prefix(String prefix) {
		return this.db
			.sql("select p.prefix, p.library_code, l.name, p.allocated_by, p.allocated_at, p.note "
					+ "from cdoi_prefix p join member_library l on l.code = p.library_code where p.prefix = ?")
			.param(prefix)
			.query(JdbcIdentifiers::prefix)
			.optional();
	}

	public void insertPrefix(String prefix, LibraryCode library, String by, Instant at, String note) {
		this.db.sql(
				"insert into cdoi_prefix (prefix, library_code, allocated_by, allocated_at, note) values (?, ?, ?, ?, ?)")
			.params(prefix, library.value(), by, Timestamp.from(at), note)
			.update();
	}

	private static Prefix prefix(ResultSet rs, int row) throws SQLException {
		return new Prefix(rs.getString(1), LibraryCode.of(rs.getString(2)), rs.getString(3), rs.getString(4),
				rs.getTimestamp(5).toInstant(), rs.getString(6));
	}

	/** The next block number of the local-name sequence. */
	public long nextBlock() {
		return this.db.sql("select nextval('cdoi_block_seq')").query(Long.class).single();
	}

	// identifiers

	/**
	 * One identifier with its locations, in one statement (the resolver's cache-miss
	 * path).
	 */
	public Optional<Stored> find(Cdoi cdoi) {
		List<Stored> found = new ArrayList<>(1);
		List<Location> locations = new ArrayList<>(2);
		this.jdbc.query(
				"select " + COLUMNS + ", l.idx, l.href, l.media_type from cdoi_identifier i "
						+ "left join cdoi_location l on l.identifier_id = i.id where i.handle = ? order by l.idx",
				(ResultSet rs) -> {
					if (found.isEmpty()) {
						found.add(new Stored(rs.getLong(1),
								new Identifier(new Cdoi(rs.getString(2), rs.getString(3)),
										CdoiType.ofCode(rs.getString(4)), rs.getString(5), rs.getString(6),
										rs.getString(7), locations, rs.getBoolean(8), rs.getString(9), rs.getString(10),
										rs.getTimestamp(11).toInstant(), rs.getTimestamp(12).toInstant(),
										(rs.getTimestamp(13) != null) ? rs.getTimestamp(13).toInstant() : null)));
					}
					if (rs.getString(15) != null) {
						locations.add(new Location(rs.getInt(14), rs.getString(15), rs.getString(16)));
					}
				}, cdoi.handle());
		return found.stream().findFirst();
	}

	/**
	 * The href a plain resolution redirects to: present only for a live identifier with
	 * exactly one location and no media type (three columns, at most two rows read).
	 */
	public Optional<String> redirect(String handle) {
		String[] href = new String[1];
		int[] rows = new int[1];
		this.jdbc.query((connection) -> {
			java.sql.PreparedStatement statement = connection.prepareStatement(
					"select l.href, l.media_type from cdoi_identifier i join cdoi_location l on l.identifier_id = i.id "
							+ "where i.handle = ? and i.deleted = false");
			statement.setString(1, handle);
			statement.setMaxRows(2);
			return statement;
		}, (ResultSet rs) -> {
			rows[0]++;
			href[0] = (rs.getString(2) == null) ? rs.getString(1) : null;
		});
		return (rows[0] == 1) ? Optional.ofNullable(href[0]) : Optional.empty();
	}

	/**
	 * The plain redirects (see {@link #redirect(String)}) of the identifiers whose row
	 * ids are in {@code (afterId, toId]}, each given to {@code sink} as handle and href;
	 * one statement per range, so the resolution index is built in steps of bounded cost.
	 */
	public void plainRedirects(long afterId, long toId, java.util.function.BiConsumer<String, String> sink) {
		Plain plain = new Plain(sink);
		this.jdbc.query("select i.id, i.handle, l.href, l.media_type from cdoi_identifier i "
				+ "join cdoi_location l on l.identifier_id = i.id where i.id > ? and i.id <= ? and i.deleted = false "
				+ "order by i.id, l.idx",
				(ResultSet rs) -> plain.row(rs.getString(2), rs.getString(3), rs.getString(4)), afterId, toId);
		plain.flush();
	}

	/**
	 * The plain redirects of these handles (absent: unknown, tombstone, several or typed
	 * locations); a statement per 500 handles.
	 */
	public Map<String, String> plainRedirects(java.util.Collection<String> handles) {
		Map<String, String> found = new HashMap<>();
		List<String> all = new ArrayList<>(handles);
		for (int from = 0; from < all.size(); from += 500) {
			List<String> part = all.subList(from, Math.min(all.size(), from + 500));
			Plain plain = new Plain(found::put);
			this.jdbc.query(
					"select i.id, i.handle, l.href, l.media_type from cdoi_identifier i "
							+ "join cdoi_location l on l.identifier_id = i.id where i.handle in (" + marks(part.size())
							+ ") and i.deleted = false order by i.id, l.idx",
					(ResultSet rs) -> plain.row(rs.getString(2), rs.getString(3), rs.getString(4)), part.toArray());
			plain.flush();
		}
		return found;
	}

	/**
	 * Groups location rows ordered by identifier; passes on those that are one untyped
	 * location.
	 */
	private static final class Plain {

		private final java.util.function.BiConsumer<String, String> sink;

		private String handle;

		private String href;

		private int locations;

		Plain(java.util.function.BiConsumer<String, String> sink) {
			this.sink = sink;
		}

		void row(String handle, String href, String mediaType) {
			if (!handle.equals(this.handle)) {
				flush();
				this.handle = handle;
				this.locations = 0;
			}
			this.locations++;
			this.href = (mediaType == null) ? href : null;
		}

		void flush() {
			if (this.handle != null && this.locations == 1 && this.href != null) {
				this.sink.accept(this.handle, this.href);
			}
			this.handle = null;
		}

	}

	/** The largest identifier row id (0 when there is none). */
	public long maxIdentifierId() {
		return this.db.sql("select coalesce(max(id), 0) from cdoi_identifier").query(Long.class).single();
	}

	/** An audit row's id and subject (a handle, or {@code prefix:…}). */
	public record EventRef(long id, String subject) {
	}

	/** The largest audit row id (0 when there is none). */
	public long maxEventId() {
		return this.db.sql("select coalesce(max(id), 0) from cdoi_event").query(Long.class).single();
	}

	/** Audit rows after this id, oldest first. */
	public List<EventRef> eventsAfter(long id, int limit) {
		return this.db.sql("select id, subject from cdoi_event where id > ? order by id limit ?")
			.params(id, limit)
			.query((rs, row) -> new EventRef(rs.getLong(1), rs.getString(2)))
			.list();
	}

	/** The audit rows with these ids that exist (now). */
	public List<EventRef> events(java.util.Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.jdbc.query("select id, subject from cdoi_event where id in (" + marks(ids.size()) + ")",
				(rs, row) -> new EventRef(rs.getLong(1), rs.getString(2)), ids.toArray());
	}

	/** Handles of live or deleted identifiers naming these targets, by target id. */
	public Map<String, Stored> byTargets(String kind, List<String> targetIds) {
		Map<String, Stored> found = new HashMap<>();
		if (targetIds.isEmpty()) {
			return found;
		}
		List<Object> params = new ArrayList<>();
		params.add(kind);
		params.addAll(targetIds);
		for (Stored stored : load("where i.target_kind = ? and i.target_id in (" + marks(targetIds.size()) + ")",
				params)) {
			found.put(stored.identifier().targetId(), stored);
		}
		return found;
	}

	public boolean exists(Cdoi cdoi) {
		return this.db.sql("select count(*) from cdoi_identifier where handle = ?")
			.param(cdoi.handle())
			.query(Integer.class)
			.single() > 0;
	}

	/** Staff search: by handle, title or target id; newest first. */
	public List<Identifier> search(String q, String prefix, int offset, int limit) {
		StringBuilder where = new StringBuilder("where 1 = 1");
		List<Object> params = new ArrayList<>();
		if (prefix != null && !prefix.isBlank()) {
			where.append(" and i.prefix = ?");
			params.add(prefix.strip().toLowerCase(Locale.ROOT));
		}
		if (q != null && !q.isBlank()) {
			String like = "%" + q.strip().toLowerCase(Locale.ROOT).replace("%", "") + "%";
			where.append(" and (i.handle like ? or lower(i.title) like ? or i.target_id = ?)");
			params.add(like);
			params.add(like);
			params.add(q.strip());
		}
		params.add(limit);
		params.add(offset);
		return load(where + " order by i.id desc limit ? offset ?", params).stream().map(Stored::identifier).toList();
	}

	private List<Stored> load(String where, List<Object> params) {
		Map<Long, Object[]> rows = new LinkedHashMap<>();
		this.jdbc.query("select " + COLUMNS + " from cdoi_identifier i " + where, (ResultSet rs) -> {
			rows.put(rs.getLong(1),
					new Object[] { rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
							rs.getString(7), rs.getBoolean(8), rs.getString(9), rs.getString(10),
							rs.getTimestamp(11).toInstant(), rs.getTimestamp(12).toInstant(),
							(rs.getTimestamp(13) != null) ? rs.getTimestamp(13).toInstant() : null });
		}, params.toArray());
		Map<Long, List<Location>> locations = locations(new ArrayList<>(rows.keySet()));
		List<Stored> result = new ArrayList<>();
		rows.forEach((id, r) -> result.add(new Stored(id,
				new Identifier(new Cdoi((String) r[0], (String) r[1]), CdoiType.ofCode((String) r[2]), (String) r[3],
						(String) r[4], (String) r[5], locations.getOrDefault(id, List.of()), (Boolean) r[6],
						(String) r[7], (String) r[8], (Instant) r[9], (Instant) r[10], (Instant) r[11]))));
		return result;
	}

	private Map<Long, List<Location>> locations(List<Long> ids) {
		Map<Long, List<Location>> result = new HashMap<>();
		if (ids.isEmpty()) {
			return result;
		}
		this.jdbc.query("select identifier_id, idx, href, media_type from cdoi_location where identifier_id in ("
				+ marks(ids.size()) + ") order by identifier_id, idx", (ResultSet rs) -> {
					result.computeIfAbsent(rs.getLong(1), (k) -> new ArrayList<>())
						.add(new Location(rs.getInt(2), rs.getString(3), rs.getString(4)));
				}, ids.toArray());
		return result;
	}

	/** Inserts identifiers, their locations and their MINTED/REGISTERED events. */
	public void insertAll(List<NewIdentifier> fresh, Instant now) {
		if (fresh.isEmpty()) {
			return;
		}
		Timestamp at = Timestamp.from(now);
		this.jdbc.batchUpdate("insert into cdoi_identifier (handle, prefix, suffix, resource_type, target_kind, "
				+ "target_id, title, deleted, created_by, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, false, ?, ?, ?)",
				fresh.stream()
					.map((n) -> new Object[] { n.cdoi().handle(), n.cdoi().prefix(), n.cdoi().suffix(),
							n.cdoi().type().code(), n.targetKind(), n.targetId(), truncate(n.title(), 500),
							n.createdBy(), at, at })
					.toList());
		Map<String, Long> ids = new HashMap<>();
		List<String> handles = fresh.stream().map((n) -> n.cdoi().handle()).toList();
		this.jdbc.query("select handle, id from cdoi_identifier where handle in (" + marks(handles.size()) + ")",
				(ResultSet rs) -> {
					ids.put(rs.getString(1), rs.getLong(2));
				}, handles.toArray());
		List<Object[]> locationRows = new ArrayList<>();
		for (NewIdentifier n : fresh) {
			for (Location location : n.locations()) {
				locationRows.add(new Object[] { ids.get(n.cdoi().handle()), location.index(), location.href(),
						location.mediaType() });
			}
		}
		this.jdbc.batchUpdate("insert into cdoi_location (identifier_id, idx, href, media_type) values (?, ?, ?, ?)",
				locationRows);
		insertEvents(fresh.stream()
			.map((n) -> new IdentifierEvent(n.cdoi().handle(), now, n.createdBy(), n.eventAction(), n.eventDetail()))
			.toList());
	}

	public void replaceLocations(long id, List<Location> locations, Instant now) {
		this.db.sql("delete from cdoi_location where identifier_id = ?").param(id).update();
		this.jdbc.batchUpdate("insert into cdoi_location (identifier_id, idx, href, media_type) values (?, ?, ?, ?)",
				locations.stream().map((l) -> new Object[] { id, l.index(), l.href(), l.mediaType() }).toList());
		this.db.sql("update cdoi_identifier set updated_at = ? where id = ?").params(Timestamp.from(now), id).update();
	}

	/**
	 * Marks identifiers deleted; their locations stay for the record of what they were.
	 */
	public void tombstone(List<Long> ids, String note, Instant now) {
		Timestamp at = Timestamp.from(now);
		this.jdbc.batchUpdate(
				"update cdoi_identifier set deleted = true, tombstone_note = ?, deleted_at = ?, updated_at = ? where id = ?",
				ids.stream().map((id) -> new Object[] { truncate(note, 500), at, at, id }).toList());
	}

	public void updateTitle(long id, String title, Instant now) {
		this.db.sql("update cdoi_identifier set title = ?, updated_at = ? where id = ?")
			.params(truncate(title, 500), Timestamp.from(now), id)
			.update();
	}

	// audit

	public void insertEvents(List<IdentifierEvent> events) {
		this.jdbc.batchUpdate("insert into cdoi_event (subject, at, actor, action, detail) values (?, ?, ?, ?, ?)",
				events.stream()
					.map((e) -> new Object[] { e.subject(), Timestamp.from(e.at()), e.actor(), e.action(),
							truncate(e.detail(), 2000) })
					.toList());
	}

	public List<IdentifierEvent> events(String subject) {
		return this.db.sql("select subject, at, actor, action, detail from cdoi_event where subject = ? order by id")
			.param(subject)
			.query((rs, row) -> new IdentifierEvent(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
					rs.getString(4), rs.getString(5)))
			.list();
	}

	// follower position

	/** Locks the follower's row for this transaction (one node follows at a time). */
	public long lockPosition(String follower) {
		return this.db.sql("select last_seq from cdoi_follower where name = ? for update")
			.param(follower)
			.query(Long.class)
			.single();
	}

	public void savePosition(String follower, long seq, Instant now) {
		this.db.sql("update cdoi_follower set last_seq = ?, updated_at = ? where name = ?")
			.params(seq, Timestamp.from(now), follower)
			.update();
	}

	private static String marks(int count) {
		return String.join(", ", java.util.Collections.nCopies(count, "?"));
	}

	private static String truncate(String text, int max) {
		return (text == null || text.length() <= max) ? text : text.substring(0, max);
	}

}
