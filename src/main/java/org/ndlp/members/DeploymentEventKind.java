package org.ndlp.members;

/** What happened to a library's deployment on a date. */
public enum DeploymentEventKind {

	/**
	 * The library's hardware platform was put into a year's construction plan (needs
	 * fiscalYear).
	 */
	PLATFORM_PLANNED("列入平台建设计划", "Platform construction planned"),

	/** The library finished building its hardware platform. */
	PLATFORM_COMPLETED("平台建设完成", "Platform construction completed"),

	/** The hardware met the configuration standard (配置标准). */
	HARDWARE_STANDARD_MET("硬件达到配置标准", "Hardware met the configuration standard"),

	/** The hardware no longer meets the standard. */
	HARDWARE_STANDARD_LOST("硬件不再达标", "Hardware no longer meets the standard"),

	/** Linked to the project's virtual private network (虚拟网). */
	VPN_CONNECTED("接入虚拟网", "Connected to the VPN"),

	/** Link to the VPN removed. */
	VPN_DISCONNECTED("断开虚拟网", "Disconnected from the VPN"),

	/** A software system went into service (needs system). */
	SYSTEM_DEPLOYED("系统部署上线", "Software system deployed"),

	/** A software system was taken out of service (needs system). */
	SYSTEM_RETIRED("系统停用", "Software system retired"),

	/** Money arrived (needs fundingSource, amount, fiscalYear). */
	FUNDS_RECEIVED("经费到位", "Funds received"),

	/** A correction: the event named by voidsEventId was recorded in error. */
	EVENT_VOIDED("更正：作废记录", "Correction: event voided");

	private final String nameZh;

	private final String nameEn;

	DeploymentEventKind(String nameZh, String nameEn) {
		this.nameZh = nameZh;
		this.nameEn = nameEn;
	}

	public String nameZh() {
		return this.nameZh;
	}

	public String nameEn() {
		return this.nameEn;
	}

}
