package org.ndlp.operations;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;

import org.ndlp.members.SoftwareSystem;

/**
 * What the platform knows about a library for one assessment round, plus the assessors'
 * scores for criteria the platform cannot judge. A what-if view changes some of it.
 *
 * @param centralFunds central money received to the round's date (yuan)
 * @param localFunds local money received to the round's date (yuan)
 * @param contactNamed whether the library named its project contact
 * @param hardwareStandardMet whether its hardware met the configuration standard
 * @param vpnConnected whether it was on the VPN
 * @param systems software systems it ran
 * @param provinceCitiesAtStandardShare for a provincial library: share (0-1) of its
 * province's city libraries at the standard
 * @param countyLibraries county libraries under it
 * @param trainingSessions training sessions it held in the round's year
 * @param pressReports press reports it recorded in the round's year
 * @param manualScores assessors' points by criterion id
 */
public record AssessmentEvidence(BigDecimal centralFunds, BigDecimal localFunds, boolean contactNamed,
		boolean hardwareStandardMet, boolean vpnConnected, Set<SoftwareSystem> systems,
		BigDecimal provinceCitiesAtStandardShare, int countyLibraries, int trainingSessions, int pressReports,
		Map<String, BigDecimal> manualScores) {
}
