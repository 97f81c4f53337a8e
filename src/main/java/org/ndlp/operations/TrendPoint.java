package org.ndlp.operations;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The main figures at the end of one year, for comparisons over time.
 *
 * @param year the year
 * @param asOf the last day counted (31 December, or the requested date in the current
 * year)
 * @param platformCompleted libraries with a completed platform
 * @param hardwareStandardMet libraries meeting the configuration standard
 * @param vpnConnected libraries on the VPN
 * @param centralFunds central money received to that date (yuan)
 * @param localFunds local money received to that date (yuan)
 */
public record TrendPoint(int year, LocalDate asOf, int platformCompleted, int hardwareStandardMet, int vpnConnected,
		BigDecimal centralFunds, BigDecimal localFunds) {
}
