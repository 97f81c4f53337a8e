package org.ndlp.catalog.marc;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An ISBN, held in its 13-digit form so ISBN-10 and ISBN-13 of one book compare equal.
 *
 * @param isbn13 the 13 digits, no hyphens
 */
public record Isbn(String isbn13) {

	private static final Pattern ISBN13 = Pattern.compile("97[89]\\d{10}");

	public Isbn {
		if (isbn13 == null || !ISBN13.matcher(isbn13).matches() || checkDigit13(isbn13) != isbn13.charAt(12)) {
			throw new IllegalArgumentException("not a valid ISBN-13: " + isbn13);
		}
	}

	/**
	 * Reads an ISBN as catalogues write it: {@code 7-5037-1744-0},
	 * {@code 0471383147 (pbk.)}, {@code ISBN 978-7-02-002479-7}. Empty when no valid
	 * ISBN-10 or ISBN-13 (check digit included) is found.
	 */
	public static Optional<Isbn> parse(String text) {
		if (text == null) {
			return Optional.empty();
		}
		StringBuilder digits = new StringBuilder(13);
		for (int i = 0; i < text.length() && digits.length() < 13; i++) {
			char c = text.charAt(i);
			if (c >= '0' && c <= '9') {
				digits.append(c);
			}
			else if ((c == 'X' || c == 'x') && digits.length() == 9) {
				digits.append('X');
				break;
			}
			else if (c != '-' && c != ' ' && !digits.isEmpty()) {
				// qualifiers like "(pbk.)" end the number
				break;
			}
		}
		String candidate = digits.toString();
		if (candidate.length() == 10 && checkDigit10(candidate) == candidate.charAt(9)) {
			String body = "978" + candidate.substring(0, 9);
			return Optional.of(new Isbn(body + checkDigit13(body)));
		}
		if (candidate.length() == 13 && ISBN13.matcher(candidate).matches()
				&& checkDigit13(candidate) == candidate.charAt(12)) {
			return Optional.of(new Isbn(candidate));
		}
		return Optional.empty();
	}

	/** The ISBN-10 form; only 978 ISBNs have one. */
	public Optional<String> isbn10() {
		if (!this.isbn13.startsWith("978")) {
			return Optional.empty();
		}
		String body = this.isbn13.substring(3, 12);
		return Optional.of(body + checkDigit10(body));
	}

	@Override
	public String toString() {
		return this.isbn13;
	}

	// weights 10..2 over the first nine digits; 10 is written X
	private static char checkDigit10(String digits) {
		int sum = 0;
		for (int i = 0; i < 9; i++) {
			sum += (digits.charAt(i) - '0') * (10 - i);
		}
		int check = (11 - sum % 11) % 11;
		return (check == 10) ? 'X' : (char) ('0' + check);
	}

	// weights 1,3,1,3… over the first twelve digits
	private static char checkDigit13(String digits) {
		int sum = 0;
		for (int i = 0; i < 12; i++) {
			sum += (digits.charAt(i) - '0') * ((i % 2 == 0) ? 1 : 3);
		}
		return (char) ('0' + (10 - sum % 10) % 10);
	}

}
