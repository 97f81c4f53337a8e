package org.ndlp.oaipmh.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ndlp.oaipmh.HarvestSource;
import org.ndlp.shared.LibraryCode;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Tables {@code harvest_source}, {@code harvest_failure} and {@code harvest_record}. */
@Repository
public class JdbcHarvestSources {

	private static final String COLUMNS = "id, library_code, base_url, metadata_prefix, set_spec, interval_minutes, "
			+ "enabled, next_from, status, run_pages, run_harvested, run_deleted, run_failed, last_success_at, "
			+ "last_finished_at, last_error, next_run_at, run_token, run_from";

	private final JdbcTemplate jdbc;

	public JdbcHarvestSources(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public long insert(LibraryCode library, String baseUrl, String prefix, String set, int intervalMinutes,
			boolean enabled, String createdBy, Instant now) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.update((connection) -> {
			var statement = connection.prepareStatement("insert into harvest_source (library_code, base_url, "
					+ "metadata_prefix, set_spec, interval_minutes, enabled, status, run_pages, run_harvested, "
					+ "run_deleted, run_failed, next_run_at, created_by, created_at) "
					+ "values (?, ?, ?, ?, ?, ?, 'IDLE', 0, 0, 0, 0, ?, ?, ?)", new String[] { "id" });
			statement.setString(1, library.value());
			statement.setString(2, baseUrl);
			statement.setString(3, prefix);
			statement.setString(4, set);
			statement.setInt(5, intervalMinutes);
			statement.setBoolean(6, enabled);
			statement.setTimestamp(7, Timestamp.from(now));
			statement.setString(8, createdBy);
			statement.setTimestamp(9, Timestamp.from(now));
			return statement;
		}, keys);
		return keys.getKey().longValue();
	}

	public Optional<Row> find(long id) {
		return this.jdbc.query("select " + COLUMNS + " from harvest_source where id = ?", (rs, row) -> map(rs), id)
			.stream()
			.findFirst();
	}

	public List<Row> all() {
		return this.jdbc.query("select " + COLUMNS + " from harvest_source order by library_code, id",
				(rs, row) -> map(rs));
	}

	/** Sources due now, and runs whose node stopped reporting. */
	public List<Long> due(Instant now, Instant staleBefore) {
		return this.jdbc.queryForList(
				"select id from harvest_source where (enabled = true and status <> 'RUNNING' "
						+ "and next_run_at <= ?) or (status = 'RUNNING' and heartbeat_at < ?) order by next_run_at",
				Long.class, Timestamp.from(now), Timestamp.from(staleBefore));
	}

	/**
	 * Takes a source for a run; one node wins (a conditional update), also across a
	 * cluster.
	 */
	public boolean claim(long id, Instant now, Instant staleBefore) {
		return this.jdbc.update(
				"update harvest_source set status = 'RUNNING', heartbeat_at = ? where id = ? and "
						+ "(status <> 'RUNNING' or heartbeat_at < ?)",
				Timestamp.from(now), id, Timestamp.from(staleBefore)) == 1;
	}

	/** Starts a fresh run (no run is half done). */
	public void startRun(long id, String from, Instant now) {
		this.jdbc.update("update harvest_source set run_token = null, run_from = ?, run_response_date = null, "
				+ "run_pages = 0, run_harvested = 0, run_deleted = 0, run_failed = 0, run_started_at = ?, "
				+ "last_error = null where id = ?", from, Timestamp.from(now), id);
		this.jdbc.update("delete from harvest_failure where source_id = ?", id);
	}

	public String runResponseDate(long id) {
		return this.jdbc.queryForObject("select run_response_date from harvest_source where id = ?", String.class, id);
	}

	/**
	 * Commits one page's position, with the page's records, in the caller's transaction.
	 */
	public void advance(long id, String token, String responseDate, long harvested, long deleted, long failed,
			Instant now) {
		this.jdbc.update("update harvest_source set run_token = ?, run_response_date = coalesce(run_response_date, ?), "
				+ "run_pages = run_pages + 1, run_harvested = run_harvested + ?, run_deleted = run_deleted + ?, "
				+ "run_failed = run_failed + ?, heartbeat_at = ? where id = ?", token, responseDate, harvested, deleted,
				failed, Timestamp.from(now), id);
	}

	public void fail(long id, String error, Instant now, Instant retryAt) {
		this.jdbc.update(
				"update harvest_source set status = 'FAILED', last_error = ?, last_finished_at = ?, "
						+ "next_run_at = ? where id = ?",
				truncate(error), Timestamp.from(now), Timestamp.from(retryAt), id);
	}

	public void complete(long id, String nextFrom, Instant now, Instant nextRunAt) {
		this.jdbc.update(
				"update harvest_source set status = 'IDLE', next_from = ?, run_token = null, "
						+ "last_error = null, last_success_at = ?, last_finished_at = ?, next_run_at = ? where id = ?",
				nextFrom, Timestamp.from(now), Timestamp.from(now), Timestamp.from(nextRunAt), id);
	}

	public void update(long id, String baseUrl, String prefix, String set, int intervalMinutes, boolean enabled) {
		this.jdbc.update(
				"update harvest_source set base_url = ?, metadata_prefix = ?, set_spec = ?, "
						+ "interval_minutes = ?, enabled = ? where id = ?",
				baseUrl, prefix, set, intervalMinutes, enabled, id);
	}

	public void dueNow(long id, Instant now) {
		this.jdbc.update("update harvest_source set next_run_at = ? where id = ?", Timestamp.from(now), id);
	}

	public void delete(long id) {
		this.jdbc.update("delete from harvest_record where source_id = ?", id);
		this.jdbc.update("delete from harvest_failure where source_id = ?", id);
		this.jdbc.update("delete from harvest_source where id = ?", id);
	}

	public void addFailures(long id, List<String[]> failures, Instant now) {
		this.jdbc.batchUpdate(
				"insert into harvest_failure (source_id, identifier, reason, failed_at) values (?, ?, ?, ?)",
				failures.stream()
					.map((f) -> new Object[] { id, truncate(f[0]), truncate(f[1]), Timestamp.from(now) })
					.toList());
	}

	/** The failures of the current or last run, oldest first. */
	public List<String[]> failures(long id, int limit) {
		return this.jdbc.query(
				"select identifier, reason from harvest_failure where source_id = ? order by id fetch first " + limit
						+ " rows only",
				(rs, row) -> new String[] { rs.getString("identifier"), rs.getString("reason") }, id);
	}

	public void remember(long id, Map<String, String> localIds) {
		if (localIds.isEmpty()) {
			return;
		}
		this.jdbc.batchUpdate("delete from harvest_record where source_id = ? and identifier = ?",
				localIds.keySet().stream().map((identifier) -> new Object[] { id, identifier }).toList());
		this.jdbc.batchUpdate("insert into harvest_record (source_id, identifier, local_id) values (?, ?, ?)",
				localIds.entrySet().stream().map((e) -> new Object[] { id, e.getKey(), e.getValue() }).toList());
	}

	public Map<String, String> localIds(long id, List<String> identifiers) {
		Map<String, String> found = new HashMap<>();
		for (String identifier : identifiers) {
			this.jdbc.query("select local_id from harvest_record where source_id = ? and identifier = ?", (rs) -> {
				found.put(identifier, rs.getString("local_id"));
			}, id, identifier);
		}
		return found;
	}

	private static String truncate(String value) {
		return (value == null || value.length() <= 2000) ? value : value.substring(0, 2000);
	}

	private static Row map(ResultSet rs) throws SQLException {
		return new Row(
				new HarvestSource(rs.getLong("id"), LibraryCode.of(rs.getString("library_code")),
						rs.getString("base_url"), rs.getString("metadata_prefix"), rs.getString("set_spec"),
						rs.getInt("interval_minutes"), rs.getBoolean("enabled"), rs.getString("next_from"),
						rs.getString("status"), rs.getInt("run_pages"), rs.getLong("run_harvested"),
						rs.getLong("run_deleted"), rs.getLong("run_failed"), instant(rs, "last_success_at"),
						instant(rs, "last_finished_at"), rs.getString("last_error"), instant(rs, "next_run_at")),
				rs.getString("run_token"), rs.getString("run_from"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return (value != null) ? value.toInstant() : null;
	}

	/**
	 * A source with the state of its run in progress.
	 *
	 * @param source the source
	 * @param token the resumption token to continue from, {@code null} at the start
	 * @param from the from argument of the run in progress
	 */
	public record Row(HarvestSource source, String token, String from) {
	}

}
