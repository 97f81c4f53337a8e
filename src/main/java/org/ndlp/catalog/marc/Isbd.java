package org.ndlp.catalog.marc;

import java.text.Normalizer;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ISBD punctuation that catalogues put at the end of subfields (" /", " :", " ;", " =", a
 * full stop) and that a normalized value does not want.
 */
final class Isbd {

	private static final Pattern YEAR = Pattern.compile("(1[0-9]|20)[0-9]{2}");

	private Isbd() {
	}

	/**
	 * The value without trailing ISBD punctuation (" /", " :", " ;", " =", ",") and
	 * without a final full stop unless it ends an abbreviation or initial ("Co.", "ed.",
	 * "J."); {@code null} for null or blank.
	 */
	static String trim(String value) {
		if (value == null) {
			return null;
		}
		// NFC: MARC-8 and many UTF-8 exports carry decomposed diacritics; comparisons
		// need one form
		String trimmed = withoutTrailingMarks(nfc(value.strip()));
		if (trimmed.endsWith(".")) {
			int space = trimmed.lastIndexOf(' ');
			String lastWord = trimmed.substring(space + 1, trimmed.length() - 1);
			boolean abbreviation = lastWord.length() <= 3 && !lastWord.isEmpty()
					&& lastWord.chars().allMatch((c) -> c < 0x250 && Character.isLetter(c));
			if (!abbreviation) {
				trimmed = trimmed.substring(0, trimmed.length() - 1).stripTrailing();
			}
		}
		return trimmed.isEmpty() ? null : trimmed;
	}

	// the trailing run of [\s/:;=,\u200E\u200F] removed by a loop from the end, not by a
	// regex tried at every position (ingest describes every record: it was its top cost)
	private static String withoutTrailingMarks(String value) {
		int end = value.length();
		while (end > 0 && isTrailingMark(value.charAt(end - 1))) {
			end--;
		}
		return value.substring(0, end);
	}

	private static boolean isTrailingMark(char c) {
		return switch (c) {
			case ' ', '\t', '\n', '\u000B', '\f', '\r', '/', ':', ';', '=', ',', '\u200E', '\u200F' -> true;
			default -> false;
		};
	}

	// text below U+0300 (no combining marks, no Hangul) is already NFC: skip the
	// normalizer
	private static String nfc(String value) {
		for (int i = 0; i < value.length(); i++) {
			if (value.charAt(i) >= '\u0300') {
				return Normalizer.normalize(value, Normalizer.Form.NFC);
			}
		}
		return value;
	}

	/**
	 * The first four-digit year (1000-2099) in a date statement such as {@code c2004.} or
	 * {@code [1994]}.
	 */
	static String year(String date) {
		if (date == null) {
			return null;
		}
		Matcher matcher = YEAR.matcher(date);
		return matcher.find() ? matcher.group() : null;
	}

	/** Non-blank parts joined by a separator; {@code null} when none. */
	static String join(List<String> parts, String separator) {
		String joined = nfc(String.join(separator,
				parts.stream().filter((p) -> p != null && !p.isBlank()).map(String::strip).toList()));
		return joined.isEmpty() ? null : joined;
	}

}
