package org.ndlp.resources;

import java.util.Locale;

/** What kind of resource a library built, as the census counts them. */
public enum ResourceType {

	TEXT("文本", "Text"), IMAGE("图像", "Image"), AUDIO("音频", "Audio"), VIDEO("视频", "Video"), DATABASE("数据库", "Database"),
	WEB_ARCHIVE("网页归档", "Web archive"), MULTIMEDIA("多媒体", "Multimedia"), OTHER("其他", "Other");

	private final String nameZh;

	private final String nameEn;

	ResourceType(String nameZh, String nameEn) {
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
	 * Parses a constant name, its Chinese or English name (any case), or fails with
	 * {@link IllegalArgumentException}.
	 */
	public static ResourceType parse(String value) {
		String v = value.strip();
		for (ResourceType type : values()) {
			if (type.name().equalsIgnoreCase(v) || type.nameZh.equals(v)
					|| type.nameEn.toLowerCase(Locale.ROOT).equals(v.toLowerCase(Locale.ROOT))) {
				return type;
			}
		}
		throw new IllegalArgumentException("resource type must be one of TEXT, IMAGE, AUDIO, VIDEO, DATABASE, "
				+ "WEB_ARCHIVE, MULTIMEDIA, OTHER (文本/图像/音频/视频/数据库/网页归档/多媒体/其他), got: " + value);
	}

}
