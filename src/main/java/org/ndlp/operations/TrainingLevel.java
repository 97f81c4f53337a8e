package org.ndlp.operations;

/** Who ran a training session. */
public enum TrainingLevel {

	NATIONAL("国家级", "National"), PROVINCIAL("省级", "Provincial"), LOCAL("地市级", "Local");

	private final String nameZh;

	private final String nameEn;

	TrainingLevel(String nameZh, String nameEn) {
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
