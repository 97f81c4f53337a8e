package org.ndlp.resources;

/** The project's thematic databases (专题库) a resource may belong to. */
public enum ThematicDatabase {

	LOCAL_DOCUMENTS("地方文献", "Local documents"), WEB_ARCHIVES("网事典藏", "Web archives"),
	HUMANITIES_READING("人文悦读", "Humanities reading"), LIBRARY_TREASURES("图林拾珍", "Library treasures"), NONE("无", "None");

	private final String nameZh;

	private final String nameEn;

	ThematicDatabase(String nameZh, String nameEn) {
		this.nameZh = nameZh;
		this.nameEn = nameEn;
	}

	public String nameZh() {
		return this.nameZh;
	}

	public String nameEn() {
		return this.nameEn;
	}

	/**
	 * Parses a constant name or the Chinese name; blank means {@link #NONE}; anything
	 * else fails with {@link IllegalArgumentException}.
	 */
	public static ThematicDatabase parse(String value) {
		if (value == null || value.isBlank()) {
			return NONE;
		}
		String v = value.strip();
		for (ThematicDatabase db : values()) {
			if (db.name().equalsIgnoreCase(v) || db.nameZh.equals(v) || db.nameEn.equalsIgnoreCase(v)) {
				return db;
			}
		}
		throw new IllegalArgumentException("thematic database must be one of 地方文献, 网事典藏, 人文悦读, 图林拾珍 or 无 "
				+ "(LOCAL_DOCUMENTS, WEB_ARCHIVES, HUMANITIES_READING, LIBRARY_TREASURES, NONE), got: " + value);
	}

}
