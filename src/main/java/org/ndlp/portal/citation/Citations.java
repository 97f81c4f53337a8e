package org.ndlp.portal.citation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ndlp.catalog.marc.BibDescription;
import org.ndlp.catalog.marc.Creator;
import org.ndlp.catalog.marc.ResourceType;

/**
 * Citations of a union record's description in GB/T 7714-2015, RIS and BibTeX. Plain
 * Java, no framework.
 *
 * <p>
 * GB/T 7714-2015 follows the standard's examples (8.1-8.4, appendix A): half-width
 * punctuation followed by a space ({@code 陈登原. 国史旧闻: 第1卷[M]. 北京: 中华书局, 2000.}), at most
 * three responsible persons then {@code , 等} (Chinese) or {@code , et al.} (other
 * languages), Western personal names as {@code SURNAME} plus initials without full stops,
 * translators as "other responsibility" after the title, first editions left out, unknown
 * place and publisher as {@code [出版地不详]}/{@code [出版者不详]} or
 * {@code [S.l.]}/{@code [s.n.]}, {@code [M]} for books and {@code [J]} for serials. A
 * record without a responsible person starts with its title, as the standard allows for
 * numbered reference lists.
 */
public final class Citations {

	private static final Pattern TRANSLATOR = Pattern.compile("(?i).*(译|譯|730|\\btrl\\b|translat).*");

	private static final Pattern CHINESE_EDITION = Pattern.compile("^第?([0-9一二三四五六七八九十]+)版$");

	// first editions, also in romanized Chinese, Japanese and Korean
	private static final Pattern FIRST_EDITION = Pattern
		.compile("(?i)^((1st|first)\\s+(ed\\.?|edition)|di\\s*1\\s*ban|chu\\s*ban|初版|shohan|ch[ʻ']?op[ʻ']?an)\\.?$");

	// ISBD marks (half and full width) a title may still end with
	private static final Pattern TRAILING_MARKS = Pattern.compile("[\\s\\u3000.／/：:；;＝=]+$");

	private static final Pattern YEAR = Pattern.compile("[0-9]{4}");

	private static final Set<Character> SPECIAL = Set.of('&', '%', '$', '#', '_', '{', '}');

	private static final Map<Character, Integer> CHINESE_DIGITS = Map.of('一', 1, '二', 2, '三', 3, '四', 4, '五', 5, '六', 6,
			'七', 7, '八', 8, '九', 9, '十', 10);

	private Citations() {
	}

	/**
	 * What is cited: a description, and where readers find it.
	 *
	 * @param id the union record id (BibTeX key, RIS {@code ID})
	 * @param description the display record's normalized description
	 * @param url the record page's address, or {@code null}
	 */
	public record Cited(long id, BibDescription description, String url) {
	}

	/** The GB/T 7714-2015 entry (without a sequence number). */
	public static String gbt7714(BibDescription d) {
		boolean chinese = isChinese(d);
		List<String> elements = new ArrayList<>();
		List<String> authors = primary(d).stream().map((c) -> gbtName(c)).distinct().toList();
		if (!authors.isEmpty()) {
			elements.add(limitThree(authors, chinese));
		}
		elements.add(TRAILING_MARKS.matcher(fullTitle(d)).replaceAll("") + "[" + typeMark(d) + "]");
		List<String> translators = translators(d).stream().map((c) -> gbtName(c)).distinct().toList();
		if (!translators.isEmpty()) {
			elements.add(chinese ? limitThree(translators, true) + ", 译"
					: "Translated by " + String.join(", ", translators));
		}
		String edition = edition(d.edition());
		if (edition != null) {
			elements.add(edition);
		}
		String place = (d.place() != null) ? d.place() : (chinese ? "[出版地不详]" : "[S.l.]");
		String publisher = (d.publisher() != null) ? d.publisher() : (chinese ? "[出版者不详]" : "[s.n.]");
		String publication = place + ": " + publisher;
		String year = year(d);
		if (year != null) {
			// a serial is cited from its first year on
			publication += ", " + year + ((d.type() == ResourceType.SERIAL) ? "-" : "");
		}
		elements.add(publication);
		StringBuilder entry = new StringBuilder();
		for (String element : elements) {
			if (entry.length() > 0) {
				entry.append(endsWithStop(entry) ? " " : ". ");
			}
			entry.append(element);
		}
		if (!endsWithStop(entry)) {
			entry.append('.');
		}
		return entry.toString();
	}

	/** The RIS record (CRLF line ends, as the RIS specification has them). */
	public static String ris(Cited cited) {
		BibDescription d = cited.description();
		StringBuilder ris = new StringBuilder();
		risLine(ris, "TY", (d.type() == ResourceType.SERIAL) ? "JFULL" : "BOOK");
		risLine(ris, "ID", "ndlp-" + cited.id());
		primary(d).forEach((c) -> risLine(ris, "AU", c.name()));
		translators(d).forEach((c) -> risLine(ris, "A4", c.name()));
		risLine(ris, "TI", fullTitle(d));
		if (d.titleRomanized() != null) {
			risLine(ris, "TT", d.titleRomanized());
		}
		d.series().forEach((s) -> risLine(ris, "T3", s));
		risLine(ris, "ET", d.edition());
		risLine(ris, "CY", d.place());
		risLine(ris, "PB", d.publisher());
		risLine(ris, "PY", year(d));
		d.isbns().forEach((isbn) -> risLine(ris, "SN", isbn.isbn13()));
		d.issns().forEach((issn) -> risLine(ris, "SN", issn));
		d.languages().forEach((language) -> risLine(ris, "LA", language));
		d.subjects().forEach((subject) -> risLine(ris, "KW", subject));
		risLine(ris, "UR", cited.url());
		ris.append("ER  - \r\n");
		return ris.toString();
	}

	/** The BibTeX entry ({@code @book}, or {@code @periodical} for a serial). */
	public static String bibtex(Cited cited) {
		BibDescription d = cited.description();
		StringBuilder bib = new StringBuilder();
		bib.append((d.type() == ResourceType.SERIAL) ? "@periodical" : "@book")
			.append("{ndlp")
			.append(cited.id())
			.append(",\n");
		List<String> authors = primary(d).stream().map(Citations::bibtexName).distinct().toList();
		if (!authors.isEmpty()) {
			bibField(bib, "author", String.join(" and ", authors), false);
		}
		List<String> translators = translators(d).stream().map(Citations::bibtexName).distinct().toList();
		if (!translators.isEmpty()) {
			bibField(bib, "translator", String.join(" and ", translators), false);
		}
		bibField(bib, "title", d.title(), true);
		bibField(bib, "subtitle", d.otherTitle(), true);
		bibField(bib, "series", d.series().isEmpty() ? null : d.series().get(0), true);
		bibField(bib, "edition", d.edition(), true);
		bibField(bib, "address", d.place(), true);
		bibField(bib, "publisher", d.publisher(), true);
		bibField(bib, "year", year(d), true);
		bibField(bib, "isbn", d.isbns().isEmpty() ? null : d.isbns().get(0).isbn13(), true);
		bibField(bib, "issn", d.issns().isEmpty() ? null : d.issns().get(0), true);
		bibField(bib, "language", language(d), true);
		bibField(bib, "keywords", d.subjects().isEmpty() ? null : String.join(", ", d.subjects()), true);
		bibField(bib, "url", cited.url(), false);
		bib.append("}\n");
		return bib.toString();
	}

	/** Whether the record is cited by the Chinese rules (等, [出版地不详]). */
	static boolean isChinese(BibDescription d) {
		for (String language : d.languages()) {
			String code = language.toLowerCase(Locale.ROOT);
			if (code.equals("chi") || code.equals("zho") || code.equals("zh")) {
				return true;
			}
		}
		return d.languages().isEmpty() && d.title() != null && hasHan(d.title());
	}

	private static List<Creator> primary(BibDescription d) {
		return d.creators().stream().filter((c) -> !isTranslator(c)).toList();
	}

	private static List<Creator> translators(BibDescription d) {
		return d.creators().stream().filter(Citations::isTranslator).toList();
	}

	private static boolean isTranslator(Creator creator) {
		return creator.role() != null && TRANSLATOR.matcher(creator.role()).matches();
	}

	private static String limitThree(List<String> names, boolean chinese) {
		if (names.size() <= 3) {
			return String.join(", ", names);
		}
		return String.join(", ", names.subList(0, 3)) + (chinese ? ", 等" : ", et al.");
	}

	/**
	 * A name as GB/T 7714 wants it: Chinese names and bodies as given, Western persons
	 * with the surname in capitals and the forenames as initials without full stops
	 * ({@code Austen, Jane} → {@code AUSTEN J}).
	 */
	static String gbtName(Creator creator) {
		String name = creator.name().strip();
		if (creator.kind() != Creator.Kind.PERSON || hasHan(name)) {
			return name;
		}
		int comma = name.indexOf(',');
		if (comma < 0) {
			return name;
		}
		String surname = name.substring(0, comma).strip().toUpperCase(Locale.ROOT);
		String rest = name.substring(comma + 1);
		int second = rest.indexOf(',');
		// "King, Martin Luther, Jr." keeps only the forenames
		String forenames = (second >= 0) ? rest.substring(0, second) : rest;
		StringBuilder initials = new StringBuilder();
		for (String part : forenames.split("[\\s.\\-]+")) {
			String word = part.replaceAll("[^\\p{L}]", "");
			if (!word.isEmpty()) {
				initials.append(' ').append(Character.toUpperCase(word.charAt(0)));
			}
		}
		return surname + initials;
	}

	private static String edition(String edition) {
		if (edition == null || edition.isBlank()) {
			return null;
		}
		String value = edition.strip();
		Matcher chinese = CHINESE_EDITION.matcher(value);
		if (chinese.matches()) {
			int number = number(chinese.group(1));
			if (number == 1) {
				return null;
			}
			return (number > 0) ? number + "版" : value;
		}
		if (FIRST_EDITION.matcher(value).matches()) {
			return null;
		}
		return value.replaceAll("(?i)\\bedition\\b", "ed.").replaceAll("\\.\\.+", ".");
	}

	private static int number(String digits) {
		if (digits.chars().allMatch(Character::isDigit)) {
			return Integer.parseInt(digits);
		}
		// 一 … 九十九
		int value = 0;
		int current = 0;
		for (char c : digits.toCharArray()) {
			Integer digit = CHINESE_DIGITS.get(c);
			if (digit == null) {
				return -1;
			}
			if (digit == 10) {
				value += ((current == 0) ? 1 : current) * 10;
				current = 0;
			}
			else {
				current = digit;
			}
		}
		return value + current;
	}

	private static String year(BibDescription d) {
		if (d.year() == null) {
			return null;
		}
		Matcher matcher = YEAR.matcher(d.year());
		return matcher.find() ? matcher.group() : null;
	}

	/**
	 * The 文献类型标识: M book, C proceedings (a meeting is the first creator), J serial, CM
	 * map, Z other.
	 */
	static String typeMark(BibDescription d) {
		return switch (d.type()) {
			case BOOK -> (!d.creators().isEmpty() && d.creators().get(0).kind() == Creator.Kind.MEETING) ? "C" : "M";
			case SERIAL -> "J";
			case MAP -> "CM";
			default -> "Z";
		};
	}

	private static String fullTitle(BibDescription d) {
		String title = (d.title() != null) ? d.title() : "";
		return (d.otherTitle() != null) ? title + ": " + d.otherTitle() : title;
	}

	private static String language(BibDescription d) {
		if (isChinese(d)) {
			return "zh";
		}
		if (d.languages().isEmpty()) {
			return null;
		}
		String code = d.languages().get(0).toLowerCase(Locale.ROOT);
		return switch (code) {
			case "eng" -> "en";
			case "fre", "fra" -> "fr";
			case "ger", "deu" -> "de";
			case "jpn" -> "ja";
			case "rus" -> "ru";
			default -> code;
		};
	}

	private static boolean hasHan(String text) {
		return text.codePoints().anyMatch((c) -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
	}

	private static boolean endsWithStop(CharSequence text) {
		if (text.length() == 0) {
			return false;
		}
		char last = text.charAt(text.length() - 1);
		return last == '.' || last == '?' || last == '!' || last == '。' || last == '？' || last == '！';
	}

	private static void risLine(StringBuilder ris, String tag, String value) {
		if (value == null || value.isBlank()) {
			return;
		}
		// one line per tag: RIS has no continuation lines
		ris.append(tag).append("  - ").append(value.replaceAll("[\\r\\n]+", " ").strip()).append("\r\n");
	}

	private static String bibtexName(Creator creator) {
		String name = escape(creator.name().strip());
		// a body's name must not be split into first and last names, nor at " and "
		return (creator.kind() == Creator.Kind.PERSON) ? name : "{" + name + "}";
	}

	private static void bibField(StringBuilder bib, String name, String value, boolean escape) {
		if (value == null || value.isBlank()) {
			return;
		}
		String text = value.replaceAll("[\\r\\n]+", " ").strip();
		bib.append("  ").append(name).append(" = {").append(escape ? escape(text) : text).append("},\n");
	}

	static String escape(String text) {
		StringBuilder out = new StringBuilder(text.length() + 8);
		for (char c : text.toCharArray()) {
			if (c == '\\') {
				out.append("\\textbackslash{}");
			}
			else if (c == '~') {
				out.append("\\textasciitilde{}");
			}
			else if (c == '^') {
				out.append("\\textasciicircum{}");
			}
			else {
				if (SPECIAL.contains(c)) {
					out.append('\\');
				}
				out.append(c);
			}
		}
		return out.toString();
	}

}
