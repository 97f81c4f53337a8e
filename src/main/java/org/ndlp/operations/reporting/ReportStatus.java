package org.ndlp.operations.reporting;

/** Where a quarterly report stands in its workflow. */
public enum ReportStatus {

	/** Being written by its library. */
	DRAFT("草稿", "Draft"),

	/** Sent up for review; its figures are frozen. */
	SUBMITTED("已报送", "Submitted"),

	/** Sent back by the reviewer with comments; editable again. */
	RETURNED("已退回", "Returned"),

	/** Accepted by the reviewer: a locked snapshot. */
	APPROVED("已审核", "Approved");

	private final String nameZh;

	private final String nameEn;

	ReportStatus(String nameZh, String nameEn) {
		this.nameZh = nameZh;
		this.nameEn = nameEn;
	}

	public String nameZh() {
		return this.nameZh;
	}

	public String nameEn() {
		return this.nameEn;
	}

	/** Whether the library may still change the report. */
	public boolean editable() {
		return this == DRAFT || this == RETURNED;
	}

}
