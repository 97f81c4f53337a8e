package org.ndlp.catalog;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import com.ibm.icu.text.Transliterator;

import org.ndlp.catalog.marc.BibDescription;
import org.ndlp.catalog.marc.Creator;
import org.ndlp.catalog.marc.Isbn;

/**
 * What the clustering compares: normalized title, first creator, year, edition and ISBNs.
 * Normalization folds full width to half width and compatibility forms (NFKC),
 * traditional to simplified Chinese (ICU), case, and removes punctuation and spaces.
 *
 * @param titleKey the normalized title
 * @param creatorKey the normalized first creator, or empty
 * @param year the publication year (digits), or empty
 * @param editionKey the normalized edition statement, or empty
 * @param isbns the ISBN-13s
 */
public record MatchSignature(String titleKey, String creatorKey, String year, String editionKey, Set<String> isbns) {

	private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]+");

	private static final Pattern YEAR = Pattern.compile("(1[5-9]|20)\\d\\d");

	// ICU transliterators are not safe to share between threads
	private static final ThreadLocal<Transliterator> SIMPLIFY = ThreadLocal
		.withInitial(() -> Transliterator.getInstance("Traditional-Simplified"));

	/** The signature of a description. */
	public static MatchSignature of(BibDescription description) {
		List<Creator> creators = (description.creators() != null) ? description.creators() : List.of();
		String creator = creators.isEmpty() ? "" : normalize(creators.get(0).name());
		Set<String> isbns = new LinkedHashSet<>();
		if (description.isbns() != null) {
			for (Isbn isbn : description.isbns()) {
				isbns.add(isbn.isbn13());
			}
		}
		String year = "";
		if (description.year() != null) {
			var matcher = YEAR.matcher(description.year());
			year = matcher.find() ? matcher.group() : "";
		}
		return new MatchSignature(normalize(description.title()), creator, year, normalize(description.edition()),
				isbns);
	}

	/** Folds a text for comparison; {@code null} becomes empty. */
	public static String normalize(String text) {
		if (text == null) {
			return "";
		}
		String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
		if (hasHan(folded)) {
			// the ICU transliterator is the costly step; Latin-script titles skip it
			folded = SIMPLIFY.get().transliterate(folded);
		}
		return NOT_LETTER_OR_DIGIT.matcher(folded).replaceAll("");
	}

	private static boolean hasHan(String text) {
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) >= '\u2E80') {
				return true;
			}
		}
		return false;
	}

	/** The blocking keys: each ISBN, and title + creator + year when there is a title. */
	public List<String> keys() {
		List<String> keys = new ArrayList<>();
		this.isbns.forEach((isbn) -> keys.add("isbn:" + isbn));
		if (!this.titleKey.isEmpty()) {
			keys.add("tcy:" + truncate(this.titleKey, 300) + "|" + truncate(this.creatorKey, 150) + "|" + this.year);
		}
		return keys;
	}

	/**
	 * Why this record is the same edition as another, or {@code null} when it is not.
	 * False merges are worse than missed ones: a shared ISBN needs compatible titles;
	 * equal title, creator and year need equal editions and no conflicting ISBNs.
	 */
	public String sameEditionAs(MatchSignature other) {
		Set<String> shared = new LinkedHashSet<>(this.isbns);
		shared.retainAll(other.isbns);
		boolean titlesAgree = !this.titleKey.isEmpty() && !other.titleKey.isEmpty()
				&& (this.titleKey.startsWith(other.titleKey) || other.titleKey.startsWith(this.titleKey));
		if (!shared.isEmpty() && titlesAgree && this.editionKey.equals(other.editionKey)) {
			return "same ISBN " + shared.iterator().next() + " and title";
		}
		boolean isbnsConflict = !this.isbns.isEmpty() && !other.isbns.isEmpty() && shared.isEmpty();
		if (!isbnsConflict && !this.titleKey.isEmpty() && this.titleKey.equals(other.titleKey)
				&& this.creatorKey.equals(other.creatorKey) && !this.year.isEmpty() && this.year.equals(other.year)
				&& this.editionKey.equals(other.editionKey)) {
			return "same title, first creator, year and edition";
		}
		return null;
	}

	private static String truncate(String text, int length) {
		return (text.length() > length) ? text.substring(0, length) : text;
	}

}
