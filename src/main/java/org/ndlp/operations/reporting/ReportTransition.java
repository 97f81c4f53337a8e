package org.ndlp.operations.reporting;

import java.time.Instant;

/**
 * One step in a report's history; the history is append-only.
 *
 * @param at when
 * @param by who (username)
 * @param from the status before ({@code null} when the report was created)
 * @param to the status after
 * @param comment the reviewer's or author's comment
 */
public record ReportTransition(Instant at, String by, ReportStatus from, ReportStatus to, String comment) {
}
