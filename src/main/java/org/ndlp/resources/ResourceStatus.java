package org.ndlp.resources;

/** Where a registration stands in review. */
public enum ResourceStatus {

	/** Registered, waiting for the provincial library (or the NLC). */
	PENDING("待审核", "Pending review"),

	/** Sent back to the registrant with comments. */
	RETURNED("已退回", "Returned"),

	/** Approved: in the metadata repository and on the change feed. */
	PUBLISHED("已发布", "Published"),

	/** Taken out of the repository (a DELETE on the change feed). */
	WITHDRAWN("已撤回", "Withdrawn");

	private final String nameZh;

	private final String nameEn;

	ResourceStatus(String nameZh, String nameEn) {
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
