package org.ndlp.members;

/** Where project money came from. */
public enum FundingSource {

	CENTRAL("中央财政", "Central government"), LOCAL("地方财政", "Local government");

	private final String nameZh;

	private final String nameEn;

	FundingSource(String nameZh, String nameEn) {
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
