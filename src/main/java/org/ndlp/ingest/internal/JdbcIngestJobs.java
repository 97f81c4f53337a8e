package org.ndlp.ingest.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.ndlp.ingest.IngestJob;
import org.ndlp.ingest.Rejection;
import org.ndlp.shared.LibraryCode;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Tables {@code ingest_job} and {@code ingest_rejection}. */
@Repository
public class JdbcIngestJobs {

	private final JdbcTemplate jdbc;

	public JdbcIngestJobs(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Where a job stands, for the runner.
	 *
	 * @param job the job as the API shows it
	 * @param filePath where its file is kept
	 * @param position results of the file already committed
	 * @param bytesRead bytes of the file read when the position was committed
	 */
	public record Progress(IngestJob job, String filePath, long position, long bytesRead) {
	}

	public long insert(LibraryCode library, String fileName, String filePath, long fileSize, String syntax,
			String schemaHint, String encodingHint, String createdBy, Instant now) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.update((connection) -> {
			var statement = connection.prepareStatement("insert into ingest_job (library_code, file_name, file_path, "
					+ "file_size, syntax, schema_hint, encoding_hint, status, position, bytes_read, read_count, "
					+ "accepted, unchanged, deleted, rejected, created_by, created_at) "
					+ "values (?, ?, ?, ?, ?, ?, ?, 'QUEUED', 0, 0, 0, 0, 0, 0, 0, ?, ?)", new String[] { "id" });
			statement.setString(1, library.value());
			statement.setString(2, fileName);
			statement.setString(3, filePath);
			statement.setLong(4, fileSize);
			statement.setString(5, syntax);
			statement.setString(6, schemaHint);
			statement.setString(7, encodingHint);
			statement.setString(8, createdBy);
			statement.setTimestamp(9, Timestamp.from(now));
			return statement;
		}, keys);
		return keys.getKeyAs(Number.class).longValue();
	}

	public Optional<Progress> find(long id) {
		return this.jdbc.query("select * from ingest_job where id = ?", (rs, row) -> progress(rs), id)
			.stream()
			.findFirst();
	}

	public List<IngestJob> ofLibrary(LibraryCode library, int limit) {
		return this.jdbc.query(
				"select * from ingest_job where library_code = ? order by id desc fetch first " + limit + " rows only",
				(rs, row) -> progress(rs).job(), library.value());
	}

	/**
	 * Jobs waiting, or running with a heartbeat older than {@code staleBefore} (their
	 * node died).
	 */
	public List<Long> claimable(Instant staleBefore) {
		return this.jdbc.queryForList(
				"select id from ingest_job where status = 'QUEUED' "
						+ "or (status = 'RUNNING' and (heartbeat_at is null or heartbeat_at < ?)) order by id",
				Long.class, Timestamp.from(staleBefore));
	}

	/** Takes a job for this node; false when another node took it first. */
	public boolean claim(long id, Instant staleBefore, Instant now) {
		return this.jdbc.update(
				"update ingest_job set status = 'RUNNING', heartbeat_at = ? where id = ? and "
						+ "(status = 'QUEUED' or (status = 'RUNNING' and (heartbeat_at is null or heartbeat_at < ?)))",
				Timestamp.from(now), id, Timestamp.from(staleBefore)) == 1;
	}

	/**
	 * Locks the job's row for the batch's transaction if the job is still where this
	 * runner left it; false when another runner has moved it on (this runner lost the job
	 * and must not store its batch).
	 */
	public boolean lockAt(long id, long position, Instant now) {
		return this.jdbc.update(
				"update ingest_job set heartbeat_at = ? where id = ? and position = ? and status = 'RUNNING'",
				Timestamp.from(now), id, position) == 1;
	}

	/**
	 * Commits a batch's counts and the job's new position (in the batch's transaction).
	 */
	public void advance(long id, long position, long bytesRead, long read, long accepted, long unchanged, long deleted,
			long rejected, Instant now) {
		this.jdbc.update("update ingest_job set position = ?, bytes_read = ?, read_count = read_count + ?, "
				+ "accepted = accepted + ?, unchanged = unchanged + ?, deleted = deleted + ?, rejected = rejected + ?, "
				+ "heartbeat_at = ? where id = ?", position, bytesRead, read, accepted, unchanged, deleted, rejected,
				Timestamp.from(now), id);
	}

	public void finish(long id, String status, String error, Instant now) {
		this.jdbc.update("update ingest_job set status = ?, error = ?, finished_at = ?, heartbeat_at = ? where id = ?",
				status, error, Timestamp.from(now), Timestamp.from(now), id);
	}

	public void reject(long jobId, List<Rejection> rejections) {
		this.jdbc.batchUpdate(
				"insert into ingest_rejection (job_id, record_index, location, local_id, reason) values (?, ?, ?, ?, ?)",
				rejections.stream()
					.map((r) -> new Object[] { jobId, r.index(), r.location(), r.localId(), truncate(r.reason()) })
					.toList());
	}

	public List<Rejection> rejections(long jobId, int offset, int limit) {
		return this.jdbc.query(
				"select * from ingest_rejection where job_id = ? order by record_index offset " + offset
						+ " rows fetch first " + limit + " rows only",
				(rs, row) -> new Rejection(rs.getLong("record_index"), rs.getString("location"),
						rs.getString("local_id"), rs.getString("reason")),
				jobId);
	}

	private static String truncate(String reason) {
		return (reason.length() > 2000) ? reason.substring(0, 1997) + "..." : reason;
	}

	private static Progress progress(ResultSet rs) throws SQLException {
		long size = rs.getLong("file_size");
		long bytes = rs.getLong("bytes_read");
		String status = rs.getString("status");
		double progress = IngestJob.COMPLETED.equals(status) ? 1.0
				: (size == 0) ? 0.0 : Math.min(1.0, (double) bytes / size);
		Timestamp finished = rs.getTimestamp("finished_at");
		IngestJob job = new IngestJob(rs.getLong("id"), LibraryCode.of(rs.getString("library_code")),
				rs.getString("file_name"), size, rs.getString("syntax"), rs.getString("schema_hint"),
				rs.getString("encoding_hint"), status, rs.getLong("read_count"), rs.getLong("accepted"),
				rs.getLong("unchanged"), rs.getLong("deleted"), rs.getLong("rejected"), progress, rs.getString("error"),
				rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
				(finished != null) ? finished.toInstant() : null);
		return new Progress(job, rs.getString("file_path"), rs.getLong("position"), bytes);
	}

}
