package org.ndlp.members;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.ndlp.shared.LibraryCode;

/**
 * One dated fact of a library's deployment history. Events are never changed or removed;
 * an {@link DeploymentEventKind#EVENT_VOIDED} event corrects an earlier one.
 *
 * @param id the event's number
 * @param library the library
 * @param kind what happened
 * @param effectiveOn the date it happened
 * @param system the software system (system events)
 * @param fundingSource central or local money (funds events)
 * @param amount the amount in yuan (funds events)
 * @param fiscalYear the year the plan or money belongs to
 * @param voidsEventId the event a correction voids
 * @param note free text
 * @param recordedBy who recorded it
 * @param recordedAt when it was recorded
 */
public record DeploymentEvent(long id, LibraryCode library, DeploymentEventKind kind, LocalDate effectiveOn,
		SoftwareSystem system, FundingSource fundingSource, BigDecimal amount, Integer fiscalYear, Long voidsEventId,
		String note, String recordedBy, Instant recordedAt) {
}
