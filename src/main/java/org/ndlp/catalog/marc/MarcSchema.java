package org.ndlp.catalog.marc;

import java.util.Locale;
import java.util.regex.Pattern;

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

	// UNIMARC 100$a starts with the 8-digit date entered on file and a date type letter
	private static final Pattern UNIMARC_100A = Pattern.compile("^\\d{8}[a-kux].*");

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
		int unimarc = 0;
		int marc21 = 0;
		String coded = record.firstValue("100", 'a').orElse("");
		if (UNIMARC_100A.matcher(coded).matches() && coded.length() >= 30) {
			unimarc += 3;
		}
		if (record.firstValue("200", 'a').isPresent()) {
			unimarc += 3;
		}
		if (record.has("245")) {
			marc21 += 3;
		}
		if (record.controlField("008").map((value) -> value.length() >= 38).orElse(false)) {
			marc21 += 2;
		}
		unimarc += count(record, "101", "102", "210", "215", "606", "701", "801");
		marc21 += count(record, "040", "260", "264", "300", "650", "700");
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

	private static int count(MarcRecord record, String... tags) {
		int found = 0;
		for (String tag : tags) {
			if (record.has(tag)) {
				found++;
			}
		}
		return found;
	}

}
