package org.ndlp.identity;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.regex.Pattern;

import org.ndlp.shared.RegionCode;

/**
 * A citizen identity number of GB 11643-1999 (公民身份号码): six digits of the address code
 * (GB/T 2260, whose province must exist), eight of the birth date, three of the sequence
 * and one ISO 7064 MOD 11-2 check character ({@code 0-9} or {@code X}). Never log or
 * store {@link #value()}: keep {@link #masked()} and a keyed hash.
 *
 * @param value the 18 characters, upper case
 */
public record ResidentIdNumber(String value) {

	private static final Pattern SYNTAX = Pattern.compile("\\d{17}[0-9X]");

	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final String CHECK = "10X98765432";

	private static final DateTimeFormatter BIRTH = DateTimeFormatter.ofPattern("uuuuMMdd")
		.withResolverStyle(ResolverStyle.STRICT);

	private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

	/**
	 * Checks a number as a person typed it (spaces dropped, lower-case {@code x}
	 * accepted).
	 * @param text the number
	 * @param today the date the birth date may not be after
	 * @return the number
	 * @throws IllegalArgumentException with the reason when it is not a valid number
	 */
	public static ResidentIdNumber parse(String text, LocalDate today) {
		if (text == null || text.isBlank()) {
			throw new IllegalArgumentException("the ID number is required");
		}
		String value = text.replace(" ", "").strip().toUpperCase(java.util.Locale.ROOT);
		if (value.length() != 18) {
			throw new IllegalArgumentException(
					"an ID number has 18 characters (GB 11643-1999), this one has " + value.length());
		}
		if (!SYNTAX.matcher(value).matches()) {
			throw new IllegalArgumentException(
					"an ID number is 17 digits and a check character 0-9 or X (GB 11643-1999)");
		}
		String province = value.substring(0, 2);
		if (RegionCode.provinceName(province).isEmpty()) {
			throw new IllegalArgumentException("the address code " + value.substring(0, 6)
					+ " does not start with a province-level code of GB/T 2260");
		}
		LocalDate birth;
		try {
			birth = LocalDate.parse(value.substring(6, 14), BIRTH);
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException(
					"the birth date " + value.substring(6, 14) + " in the ID number is not a date");
		}
		if (birth.isBefore(EARLIEST) || birth.isAfter(today)) {
			throw new IllegalArgumentException(
					"the birth date " + value.substring(6, 14) + " in the ID number is not a possible birth date");
		}
		char expected = checkCharacter(value.substring(0, 17));
		if (value.charAt(17) != expected) {
			throw new IllegalArgumentException(
					"the check character of the ID number is wrong (ISO 7064 MOD 11-2): a typing error?");
		}
		return new ResidentIdNumber(value);
	}

	/**
	 * The ISO 7064 MOD 11-2 check character of the first 17 digits.
	 * @param first17 the 17 digits
	 * @return {@code 0-9} or {@code X}
	 */
	public static char checkCharacter(String first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (first17.charAt(i) - '0') * WEIGHTS[i];
		}
		return CHECK.charAt(sum % 11);
	}

	/** The birth date. */
	public LocalDate birthDate() {
		return LocalDate.parse(this.value.substring(6, 14), BIRTH);
	}

	/** For display: the first three and last four characters, e.g. 440***********123X. */
	public String masked() {
		return this.value.substring(0, 3) + "*".repeat(11) + this.value.substring(14);
	}

	@Override
	public String toString() {
		return masked();
	}

}
