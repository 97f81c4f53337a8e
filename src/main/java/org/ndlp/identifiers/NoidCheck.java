package org.ndlp.identifiers;

/**
 * The NOID Check Digit Algorithm (NCDA): over the "extended digits"
 * {@code 0-9bcdfghjkmnpqrstvwxz} (29, a prime), each character's ordinal times its
 * 1-based position, summed modulo 29, names the check character. It catches every single
 * character error and every transposition of two adjacent characters among extended
 * digits; other characters (such as {@code /} and {@code .}) count as zero but still
 * shift the positions.
 */
public final class NoidCheck {

	/** The extended digits, in ordinal order. */
	public static final String XDIGITS = "0123456789bcdfghjkmnpqrstvwxz";

	private NoidCheck() {
	}

	/** The check character for the given (lower-case) text. */
	public static char of(CharSequence text) {
		long sum = 0;
		for (int i = 0; i < text.length(); i++) {
			int ordinal = XDIGITS.indexOf(text.charAt(i));
			if (ordinal > 0) {
				sum += (long) ordinal * (i + 1);
			}
		}
		return XDIGITS.charAt((int) (sum % XDIGITS.length()));
	}

	/** Writes a non-negative number in extended digits, left-padded with zeros. */
	public static String encode(long number, int width) {
		StringBuilder digits = new StringBuilder();
		long rest = number;
		do {
			digits.append(XDIGITS.charAt((int) (rest % XDIGITS.length())));
			rest /= XDIGITS.length();
		}
		while (rest > 0);
		while (digits.length() < width) {
			digits.append('0');
		}
		return digits.reverse().toString();
	}

}
