package org.ndlp.operations.reporting;

import java.util.Arrays;
import java.util.Optional;

/**
 * One figure of a quarterly report: prefilled from the platform's records or entered by
 * the library. Library values are counts or yuan; aggregated reports sum them, so the two
 * yes/no deployment facts count as 1 or 0 libraries.
 */
public enum Figure {

	HARDWARE_STANDARD("hardwareStandard", true, false, "硬件达标馆数", "Libraries at the hardware standard"),

	VPN_CONNECTED("vpnConnected", true, false, "接入虚拟网馆数", "Libraries on the VPN"),

	SYSTEMS_DEPLOYED("systemsDeployed", true, false, "已部署系统（个）", "Software systems in service"),

	CENTRAL_FUNDS("centralFunds", true, true, "本季度中央经费到位（元）", "Central funds received in the quarter (yuan)"),

	LOCAL_FUNDS("localFunds", true, true, "本季度地方经费到位（元）", "Local funds received in the quarter (yuan)"),

	TRAINING_SESSIONS("trainingSessions", false, false, "举办培训（场）", "Training sessions held"),

	TRAINEES("trainees", false, false, "培训人次", "Trainees"),

	PRESS_REPORTS("pressReports", false, false, "媒体报道（篇）", "Press reports"),

	RESOURCES_REGISTERED("resourcesRegistered", false, false, "登记自建资源（条）", "Self-built resources registered"),

	CATALOG_RECORDS_SENT("catalogRecordsSent", false, false, "上传联合目录数据（条）", "Union-catalog records sent");

	private final String key;

	private final boolean prefilled;

	private final boolean money;

	private final String nameZh;

	private final String nameEn;

	Figure(String key, boolean prefilled, boolean money, String nameZh, String nameEn) {
		this.key = key;
		this.prefilled = prefilled;
		this.money = money;
		this.nameZh = nameZh;
		this.nameEn = nameEn;
	}

	/** The name in JSON, forms and error fields, e.g. {@code trainees}. */
	public String key() {
		return this.key;
	}

	/** Whether the platform fills it in from deployment history (not editable). */
	public boolean prefilled() {
		return this.prefilled;
	}

	/** Whether it is an amount of money in yuan (two decimals). */
	public boolean money() {
		return this.money;
	}

	public String nameZh() {
		return this.nameZh;
	}

	public String nameEn() {
		return this.nameEn;
	}

	static Optional<Figure> byKey(String key) {
		return Arrays.stream(values()).filter((figure) -> figure.key.equals(key)).findFirst();
	}

}
