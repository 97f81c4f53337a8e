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

	/**
	 * The blocking keys: each ISBN, and title + creator + year when there is a title.
	 * None when no record could reach {@link #SAME_EDITION} with this one (see
	 * {@link #canMatch()}): looking it up or storing its keys would only find clusters it
	 * never joins.
	 */
	public List<String> keys() {
		List<String> keys = new ArrayList<>();
		if (!canMatch()) {
			return keys;
		}
		this.isbns.forEach((isbn) -> keys.add("isbn:" + isbn));
		if (!this.titleKey.isEmpty()) {
			keys.add("tcy:" + truncate(this.titleKey, 300) + "|" + truncate(this.creatorKey, 150) + "|" + this.year);
		}
		return keys;
	}

	/**
	 * Whether any record could compare as the same edition with this one: the best score
	 * {@link #compare} can give it (every element it has agreeing; a first creator
	 * missing on both sides) reaches {@link #SAME_EDITION}. Without an ISBN, a record
	 * needs both a first creator and a year (title 0.45 + creator 0.2 + year 0.2); title
	 * and year alone (0.75, serials and corporate works) or title and creator alone
	 * (0.65) never do, so copies of such a record each found a cluster of their own.
	 */
	public boolean canMatch() {
		if (this.titleKey.isEmpty()) {
			return false;
		}
		double best = (this.isbns.isEmpty() ? 0 : 0.5) + 0.45 + (this.creatorKey.isEmpty() ? 0.1 : 0.2)
				+ (this.year.isEmpty() ? 0 : 0.2);
		return Math.min(1.0, Math.round(best * 100) / 100.0) >= SAME_EDITION;
	}

	/** The score from which two records count as the same edition. */
	public static final double SAME_EDITION = 0.8;

	/**
	 * How two records compare: a score from the evidence they share, or a veto. Weights:
	 * a shared ISBN 0.5; equal titles 0.45 (one title the start of the other, e.g. with
	 * other title information run on, 0.3); equal first creators 0.2 (both without one
	 * 0.1); equal years 0.2. Vetoes, because false merges are worse than missed ones:
	 * titles that disagree, different edition statements, ISBNs on both sides that share
	 * none.
	 *
	 * @param score the evidence's weight, 0 when vetoed
	 * @param same whether it reaches {@link #SAME_EDITION} without a veto
	 * @param reasons the evidence (or the veto) in words
	 */
	public record Comparison(double score, boolean same, String reasons) {
	}

	/** Compares this record's signature with another's. */
	public Comparison compare(MatchSignature other) {
		if (this.titleKey.isEmpty() || other.titleKey.isEmpty()) {
			return new Comparison(0, false, "apart: a title is missing");
		}
		boolean titlesEqual = this.titleKey.equals(other.titleKey);
		boolean titlePrefix = !titlesEqual
				&& (this.titleKey.startsWith(other.titleKey) || other.titleKey.startsWith(this.titleKey))
				&& Math.min(this.titleKey.length(), other.titleKey.length()) >= 2;
		if (!titlesEqual && !titlePrefix) {
			return new Comparison(0, false, "apart: titles differ");
		}
		if (titlePrefix && partNumber(this.titleKey, other.titleKey)) {
			return new Comparison(0, false, "apart: different parts or volumes");
		}
		if (!this.editionKey.equals(other.editionKey)) {
			return new Comparison(0, false, "apart: different editions");
		}
		Set<String> shared = new LinkedHashSet<>(this.isbns);
		shared.retainAll(other.isbns);
		if (!this.isbns.isEmpty() && !other.isbns.isEmpty() && shared.isEmpty()) {
			return new Comparison(0, false, "apart: different ISBNs");
		}
		double score = 0;
		List<String> evidence = new ArrayList<>();
		if (!shared.isEmpty()) {
			score += 0.5;
			evidence.add("same ISBN " + shared.iterator().next());
		}
		score += titlesEqual ? 0.45 : 0.3;
		evidence.add(titlesEqual ? "same title" : "title agrees");
		if (!this.creatorKey.isEmpty() && this.creatorKey.equals(other.creatorKey)) {
			score += 0.2;
			evidence.add("first creator");
		}
		else if (this.creatorKey.isEmpty() && other.creatorKey.isEmpty()) {
			score += 0.1;
		}
		if (!this.year.isEmpty() && this.year.equals(other.year)) {
			score += 0.2;
			evidence.add("year");
		}
		score = Math.min(1.0, Math.round(score * 100) / 100.0);
		boolean same = score >= SAME_EDITION;
		return new Comparison(score, same, (same ? "" : "apart: ") + String.join(", ", evidence) + " (score "
				+ String.format(java.util.Locale.ROOT, "%.2f", score) + ")");
	}

	/**
	 * Why this record is the same edition as another, or {@code null} when it is not (see
	 * {@link #compare}).
	 */
	public String sameEditionAs(MatchSignature other) {
		Comparison comparison = compare(other);
		return comparison.same() ? comparison.reasons() : null;
	}

	/** Whether the longer title runs on with a number (a part or volume: 第2卷, v. 2). */
	private static boolean partNumber(String a, String b) {
		String longer = (a.length() > b.length()) ? a : b;
		String rest = longer.substring(Math.min(a.length(), b.length()));
		for (int i = 0; i < rest.length(); i++) {
			char c = rest.charAt(i);
			if (Character.isDigit(c) || "一二三四五六七八九十上中下卷册辑".indexOf(c) >= 0) {
				return true;
			}
		}
		return false;
	}

	private static String truncate(String text, int length) {
		return (text.length() > length) ? text.substring(0, length) : text;
	}

}
