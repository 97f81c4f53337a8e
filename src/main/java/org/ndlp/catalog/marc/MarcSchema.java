package org.ndlp.catalog.marc;

import java.util.Locale;

/**
 * The content designation a record follows. CNMARC is the Chinese profile of UNIMARC
 * (pinyin in upper-case subfields, CLC class in 690, holdings in 905).
 */
public enum MarcSchema {

	/** MARC 21 (and its relatives KORMARC, CMARC-in-MARC21 exports). */
	MARC21,

	/** UNIMARC as published by IFLA. */
	UNIMARC,

	/** CNMARC, China's UNIMARC profile (WH/T 0503). */
	CNMARC;

	/**
	 * Detects the schema from the record's content: field 200 with $a, the coded 100$a
	 * and 2XX/8XX tags point to UNIMARC; 245, 008, 260/264 and 040 point to MARC 21; the
	 * language of cataloguing {@code chi} in 100$a/22-24, 690 or 801$a {@code CN} make
	 * UNIMARC into CNMARC. Ties go to MARC 21, the commoner schema.
	 */
	public static MarcSchema detect(MarcRecord record) {
		return detect(record, null);
	}

	/**
	 * Detects the schema from content, using a hint (for example from an XML namespace)
	 * only when the content does not decide.
	 */
	public static MarcSchema detect(MarcRecord record, MarcSchema hint) {
		// one pass over the fields (this runs for every record read)
		String coded = null;
		boolean title200a = false;
		boolean seen008 = false;
		boolean long008 = false;
		int unimarcTags = 0;
		int marc21Tags = 0;
		boolean has245 = false;
		for (MarcField field : record.fields()) {
			switch (field.tag()) {
				case "100" -> {
					if (coded == null && field instanceof DataField data) {
						coded = data.first('a').orElse(null);
					}
				}
				case "200" -> {
					if (!title200a && field instanceof DataField data) {
						title200a = data.first('a').isPresent();
					}
				}
				case "245" -> has245 = true;
				case "008" -> {
					if (!seen008 && field instanceof ControlField control) {
						seen008 = true;
						long008 = control.value().length() >= 38;
					}
				}
				case "101" -> unimarcTags |= 1;
				case "102" -> unimarcTags |= 2;
				case "210" -> unimarcTags |= 4;
				case "215" -> unimarcTags |= 8;
				case "606" -> unimarcTags |= 16;
				case "701" -> unimarcTags |= 32;
				case "801" -> unimarcTags |= 64;
				case "040" -> marc21Tags |= 1;
				case "260" -> marc21Tags |= 2;
				case "264" -> marc21Tags |= 4;
				case "300" -> marc21Tags |= 8;
				case "650" -> marc21Tags |= 16;
				case "700" -> marc21Tags |= 32;
				default -> {
				}
			}
		}
		if (coded == null) {
			coded = "";
		}
		int unimarc = 0;
		int marc21 = 0;
		if (isUnimarcCodedData(coded) && coded.length() >= 30) {
			unimarc += 3;
		}
		if (title200a) {
			unimarc += 3;
		}
		if (has245) {
			marc21 += 3;
		}
		if (long008) {
			marc21 += 2;
		}
		unimarc += Integer.bitCount(unimarcTags);
		marc21 += Integer.bitCount(marc21Tags);
		if (unimarc == marc21) {
			return (hint != null) ? hint : MARC21;
		}
		if (marc21 > unimarc) {
			return MARC21;
		}
		if (hint == CNMARC || isCnmarc(record, coded)) {
			return CNMARC;
		}
		return UNIMARC;
	}

	// UNIMARC 100$a starts with the 8-digit date entered on file and a date type letter:
	// the regular expression ^\d{8}[a-kux].* (no line terminator after it), by hand
	static boolean isUnimarcCodedData(String coded) {
		if (coded.length() < 9) {
			return false;
		}
		for (int i = 0; i < 8; i++) {
			char c = coded.charAt(i);
			if (c < '0' || c > '9') {
				return false;
			}
		}
		char type = coded.charAt(8);
		if (!((type >= 'a' && type <= 'k') || type == 'u' || type == 'x')) {
			return false;
		}
		for (int i = 9; i < coded.length(); i++) {
			char c = coded.charAt(i);
			if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
				return false;
			}
		}
		return true;
	}

	private static boolean isCnmarc(MarcRecord record, String coded) {
		if (coded.length() >= 25 && coded.substring(22, 25).equals("chi")) {
			return true;
		}
		if (record.has("690")) {
			return true;
		}
		boolean cataloguedInChina = record.dataFields("801")
			.stream()
			.anyMatch((field) -> field.first('a')
				.map((a) -> a.trim().toUpperCase(Locale.ROOT).equals("CN"))
				.orElse(false));
		boolean pinyinTitle = record.dataFields("200").stream().anyMatch((field) -> field.first('A').isPresent());
		return cataloguedInChina || pinyinTitle;
	}

}
