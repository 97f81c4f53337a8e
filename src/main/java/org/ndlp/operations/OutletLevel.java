package org.ndlp.operations;

/** Whether a press outlet is a central or a local medium. */
public enum OutletLevel {

	CENTRAL("中央媒体", "Central media"), LOCAL("地方媒体", "Local media");

	private final String nameZh;

	private final String nameEn;

	OutletLevel(String nameZh, String nameEn) {
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
