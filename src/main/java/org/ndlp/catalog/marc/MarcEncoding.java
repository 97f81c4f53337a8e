package org.ndlp.catalog.marc;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Character encodings MARC records arrive in. MARC-8 is not a Java charset; it is
 * converted through marc4j's ANSEL tables.
 */
public enum MarcEncoding {

	/** Unicode; MARC 21 leader/09 {@code a}, UNIMARC 100$a/26-27 {@code 50}. */
	UTF_8(StandardCharsets.UTF_8),

	/** The MARC 21 legacy encoding (ANSEL plus ISO 2022 escapes); leader/09 blank. */
	MARC_8(null),

	/** Chinese national standard; a superset of GBK and GB 2312, so it reads both. */
	GB18030(Charset.forName("GB18030")),

	/** Latin-1: the lossless fallback, every byte is one character. */
	ISO_8859_1(StandardCharsets.ISO_8859_1);

	private final Charset charset;

	MarcEncoding(Charset charset) {
		this.charset = charset;
	}

	/** The Java charset, or {@code null} for {@link #MARC_8}. */
	public Charset charset() {
		return this.charset;
	}

	/** Parses a caller's name such as {@code utf-8}, {@code gbk}, {@code marc8}. */
	public static MarcEncoding of(String name) {
		String key = name.trim().toUpperCase(java.util.Locale.ROOT).replace("-", "").replace("_", "");
		return switch (key) {
			case "UTF8" -> UTF_8;
			case "MARC8" -> MARC_8;
			case "GB18030", "GBK", "GB2312", "CP936" -> GB18030;
			case "ISO88591", "LATIN1" -> ISO_8859_1;
			default -> throw new IllegalArgumentException("unknown MARC encoding: " + name);
		};
	}

}
