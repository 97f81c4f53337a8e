package org.ndlp.search.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import com.ibm.icu.text.Transliterator;

/**
 * Pinyin forms of Chinese text for search: full syllables ({@code zhong guo tu shu guan})
 * and initials ({@code zgtsg}), computed in Java at index time with ICU's
 * {@code Han-Latin} transliteration; and the query-side split of run-together pinyin
 * ({@code zhongguo} to {@code zhong guo}).
 */
final class Pinyin {

	private static final Transliterator HAN_LATIN = Transliterator.getInstance("Han-Latin; Latin-ASCII; Lower");

	private static volatile Set<String> syllables;

	private static final java.util.concurrent.ConcurrentHashMap<Integer, String> SYLLABLES = new java.util.concurrent.ConcurrentHashMap<>();

	private Pinyin() {
	}

	/**
	 * The pinyin syllables of a text's Han characters, in order, space-separated; other
	 * letters and digits are kept as words. Empty when the text has no Han character.
	 */
	static String full(String text) {
		List<String> words = words(text);
		return words.isEmpty() ? "" : String.join(" ", words);
	}

	/** The first letters of the syllables, e.g. {@code zgtsg}; empty without Han. */
	static String initials(String text) {
		StringBuilder initials = new StringBuilder();
		for (String word : words(text)) {
			initials.append(word.charAt(0));
		}
		return initials.toString();
	}

	private static List<String> words(String text) {
		List<String> words = new ArrayList<>();
		if (text == null || SearchQueries.eastAsianFree(text)) {
			// no Han character: no pinyin (most Western-language values; a quick scan)
			return words;
		}
		boolean han = false;
		StringBuilder latin = new StringBuilder();
		for (int i = 0; i < text.length();) {
			int cp = text.codePointAt(i);
			i += Character.charCount(cp);
			if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
				flush(latin, words);
				String syllable = syllable(cp);
				if (!syllable.isEmpty()) {
					words.add(syllable);
					han = true;
				}
			}
			else if (Character.isLetterOrDigit(cp)) {
				latin.appendCodePoint(Character.toLowerCase(cp));
			}
			else {
				flush(latin, words);
			}
		}
		flush(latin, words);
		return han ? words : List.of();
	}

	private static void flush(StringBuilder latin, List<String> words) {
		if (!latin.isEmpty()) {
			words.add(latin.toString());
			latin.setLength(0);
		}
	}

	/**
	 * The pinyin of one Han character, letters only; cached, since a catalog repeats a
	 * few thousand characters millions of times.
	 */
	private static String syllable(int han) {
		return SYLLABLES.computeIfAbsent(han, (cp) -> {
			String latin = latin(new String(Character.toChars(cp)));
			StringBuilder letters = new StringBuilder(latin.length());
			for (int i = 0; i < latin.length(); i++) {
				char c = latin.charAt(i);
				if (c >= 'a' && c <= 'z') {
					letters.append(c);
				}
			}
			return letters.toString();
		});
	}

	private static String latin(String han) {
		synchronized (HAN_LATIN) {
			return HAN_LATIN.transliterate(han);
		}
	}

	/**
	 * Splits a run of letters into pinyin syllables ({@code zhonghua} to
	 * {@code [zhong, hua]}) with as few syllables as possible; empty when it is not
	 * pinyin. One-letter syllables ({@code a}, {@code o}, {@code e}) are not used: with
	 * them many English words split ({@code education} into {@code e du ca ti o n}), and
	 * each split adds a phrase query over every searched field.
	 */
	static List<String> split(String word) {
		String w = word.toLowerCase(Locale.ROOT);
		if (!w.matches("[a-z]+")) {
			return List.of();
		}
		Set<String> known = syllables();
		int n = w.length();
		int[] best = new int[n + 1];
		int[] from = new int[n + 1];
		java.util.Arrays.fill(best, Integer.MAX_VALUE);
		best[0] = 0;
		for (int end = 1; end <= n; end++) {
			for (int start = Math.max(0, end - 6); start < end - 1; start++) {
				if (best[start] != Integer.MAX_VALUE && best[start] + 1 < best[end]
						&& known.contains(w.substring(start, end))) {
					best[end] = best[start] + 1;
					from[end] = start;
				}
			}
		}
		if (best[n] == Integer.MAX_VALUE) {
			return List.of();
		}
		List<String> parts = new ArrayList<>();
		for (int end = n; end > 0; end = from[end]) {
			parts.add(0, w.substring(from[end], end));
		}
		return parts;
	}

	/** Every syllable ICU gives a CJK unified ideograph, computed once. */
	private static Set<String> syllables() {
		Set<String> known = syllables;
		if (known == null) {
			Set<String> all = new TreeSet<>();
			StringBuilder block = new StringBuilder();
			for (int cp = 0x4E00; cp <= 0x9FA5; cp++) {
				block.appendCodePoint(cp).append(' ');
			}
			for (String syllable : latin(block.toString()).split("\\s+")) {
				if (syllable.matches("[a-z]+")) {
					all.add(syllable);
				}
			}
			known = Set.copyOf(all);
			syllables = known;
		}
		return known;
	}

}
