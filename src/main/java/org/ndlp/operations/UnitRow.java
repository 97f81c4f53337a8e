package org.ndlp.operations;

import java.math.BigDecimal;

/**
 * One row of a comparison table: a province (national tier) or a library (provincial
 * tier).
 *
 * @param key the province prefix or the library code
 * @param name its Chinese name
 * @param level the library's level name, or {@code null} for a province
 * @param libraries libraries counted
 * @param platformCompleted of those, with a completed platform
 * @param hardwareStandardMet of those, meeting the configuration standard
 * @param vpnConnected of those, on the VPN
 * @param systemsDeployed software systems running (summed over libraries)
 * @param centralFunds central money received (yuan)
 * @param localFunds local money received (yuan)
 * @param catalogRecords bibliographic records live in the union catalog (联合编目贡献)
 * @param uniqueRecords of those, records of works no other library has sent
 * @param registeredResources self-built resources registered and published (资源登记)
 */
public record UnitRow(String key, String name, String level, int libraries, int platformCompleted,
		int hardwareStandardMet, int vpnConnected, int systemsDeployed, BigDecimal centralFunds, BigDecimal localFunds,
		long catalogRecords, long uniqueRecords, long registeredResources) {
}
