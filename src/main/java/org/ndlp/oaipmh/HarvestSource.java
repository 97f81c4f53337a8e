package org.ndlp.oaipmh;

import java.time.Instant;

import org.ndlp.shared.LibraryCode;

/**
 * A member library's OAI-PMH repository that NDLP harvests into the union catalog, with
 * the health of its runs.
 *
 * @param id the source's id
 * @param library the library whose records the repository holds
 * @param baseUrl the repository's base URL
 * @param metadataPrefix the format harvested (a MARCXML format: marc21, MARC21-xml,
 * marcxchange, unimarc ...)
 * @param set the setSpec harvested, or {@code null} for the whole repository
 * @param intervalMinutes minutes between runs
 * @param enabled whether runs are scheduled
 * @param nextFrom the {@code from} of the next run (the responseDate of the last
 * successful run), {@code null} before the first
 * @param status IDLE, RUNNING or FAILED (a failed run resumes from its last token)
 * @param pages pages stored by the current or last run
 * @param harvested records stored by the current or last run
 * @param deleted deletions stored by the current or last run
 * @param failed records of the current or last run that could not be stored
 * @param lastSuccessAt when a run last completed
 * @param lastFinishedAt when a run last ended, completed or not
 * @param lastError why the last run failed, or {@code null}
 * @param nextRunAt when the next run is due
 */
public record HarvestSource(long id, LibraryCode library, String baseUrl, String metadataPrefix, String set,
		int intervalMinutes, boolean enabled, String nextFrom, String status, int pages, long harvested, long deleted,
		long failed, Instant lastSuccessAt, Instant lastFinishedAt, String lastError, Instant nextRunAt) {

	public static final String IDLE = "IDLE";

	public static final String RUNNING = "RUNNING";

	public static final String FAILED = "FAILED";

}
