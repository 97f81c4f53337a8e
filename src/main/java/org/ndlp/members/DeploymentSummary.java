package org.ndlp.members;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Deployment counts of many libraries on one date: in total, by level and by province.
 *
 * @param asOf the date
 * @param total all libraries
 * @param byLevel one tally per level
 * @param byProvince one tally per province-level division that has libraries
 */
public record DeploymentSummary(LocalDate asOf, Tally total, List<Tally> byLevel, List<Tally> byProvince) {

	/**
	 * Counts for one group of libraries.
	 *
	 * @param key the group: a level name, a two-digit province prefix, or {@code ALL}
	 * @param label the group's Chinese name
	 * @param libraries libraries in the group
	 * @param platformPlanned libraries whose platform was planned
	 * @param platformCompleted libraries whose platform was completed
	 * @param hardwareStandardMet libraries whose hardware met the configuration standard
	 * @param vpnConnected libraries on the VPN
	 * @param systems libraries running each software system
	 * @param centralFunds central money received (yuan)
	 * @param localFunds local money received (yuan)
	 */
	public record Tally(String key, String label, int libraries, int platformPlanned, int platformCompleted,
			int hardwareStandardMet, int vpnConnected, Map<SoftwareSystem, Integer> systems, BigDecimal centralFunds,
			BigDecimal localFunds) {
	}

}
