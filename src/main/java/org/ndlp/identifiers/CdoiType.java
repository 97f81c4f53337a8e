package org.ndlp.identifiers;

import java.util.Locale;

/**
 * Resource-type codes that open a CDOI suffix. NLC's specification lists its own codes in
 * an appendix we could not read; these are ours (ADR 0011) and map one to one once that
 * table is available.
 */
public enum CdoiType {

	/** A union catalog record (a work cluster of the union catalog). */
	UR("ur", "联合目录记录", "union catalog record"),
	/** A book or monograph. */
	BK("bk", "图书", "book"),
	/** A journal or an issue or article of one. */
	JN("jn", "期刊", "journal"),
	/** A newspaper. */
	NP("np", "报纸", "newspaper"),
	/** An ancient book (古籍). */
	GJ("gj", "古籍", "ancient book"),
	/** A picture or photograph. */
	IM("im", "图片", "image"),
	/** A sound recording. */
	AU("au", "音频", "audio"),
	/** A moving image. */
	VD("vd", "视频", "video"),
	/** A thesis. */
	TH("th", "学位论文", "thesis"),
	/** A database or a collection of objects. */
	DB("db", "数据库", "database or collection"),
	/** Anything else. */
	OT("ot", "其他", "other");

	private final String code;

	private final String nameZh;

	private final String nameEn;

	CdoiType(String code, String nameZh, String nameEn) {
		this.code = code;
		this.nameZh = nameZh;
		this.nameEn = nameEn;
	}

	public String code() {
		return this.code;
	}

	public String nameZh() {
		return this.nameZh;
	}

	public String nameEn() {
		return this.nameEn;
	}

	/** The type with this code (any case), or {@code null}. */
	public static CdoiType ofCode(String code) {
		String lower = (code != null) ? code.strip().toLowerCase(Locale.ROOT) : "";
		for (CdoiType type : values()) {
			if (type.code.equals(lower)) {
				return type;
			}
		}
		return null;
	}

	/** The codes, for messages. */
	public static String codes() {
		StringBuilder codes = new StringBuilder();
		for (CdoiType type : values()) {
			codes.append((codes.length() > 0) ? ", " : "").append(type.code);
		}
		return codes.toString();
	}

}
