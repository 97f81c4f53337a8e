package org.ndlp.ingest;

import java.time.Instant;

import org.ndlp.shared.LibraryCode;

/**
 * A file of records being (or having been) collected into the union catalog.
 *
 * @param id the job's number
 * @param library the sending library
 * @param fileName the uploaded file's name
 * @param fileSize its size in bytes
 * @param syntax ISO2709, MARCXML or MARCJSON
 * @param schemaHint the schema the caller named (MARC21, UNIMARC, CNMARC), or
 * {@code null} to detect it
 * @param encodingHint the encoding the caller named, or {@code null} to detect it
 * @param status QUEUED, RUNNING, COMPLETED or FAILED
 * @param read records read (parsed or not)
 * @param accepted records stored as new or changed
 * @param unchanged records identical to what the catalog had
 * @param deleted deletions stored
 * @param rejected records that could not be read or lack what a record needs
 * @param progress share of the file's bytes read, 0 to 1
 * @param error why the job failed (the file could not be read at all), else {@code null}
 * @param createdBy who sent it
 * @param createdAt when
 * @param finishedAt when it ended, if it did
 */
public record IngestJob(long id, LibraryCode library, String fileName, long fileSize, String syntax, String schemaHint,
		String encodingHint, String status, long read, long accepted, long unchanged, long deleted, long rejected,
		double progress, String error, String createdBy, Instant createdAt, Instant finishedAt) {

	public static final String QUEUED = "QUEUED";

	public static final String RUNNING = "RUNNING";

	public static final String COMPLETED = "COMPLETED";

	public static final String FAILED = "FAILED";

}
