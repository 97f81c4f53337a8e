package org.ndlp.members;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An event to record; {@link DeploymentHistory} checks which fields its kind needs.
 *
 * @param kind what happened
 * @param effectiveOn the date it happened
 * @param system the software system (SYSTEM_DEPLOYED, SYSTEM_RETIRED)
 * @param fundingSource CENTRAL or LOCAL (FUNDS_RECEIVED)
 * @param amount yuan, positive (FUNDS_RECEIVED)
 * @param fiscalYear the year (PLATFORM_PLANNED, FUNDS_RECEIVED)
 * @param voidsEventId the event recorded in error (EVENT_VOIDED)
 * @param note free text
 */
public record NewDeploymentEvent(DeploymentEventKind kind, LocalDate effectiveOn, SoftwareSystem system,
		FundingSource fundingSource, BigDecimal amount, Integer fiscalYear, Long voidsEventId, String note) {
}
