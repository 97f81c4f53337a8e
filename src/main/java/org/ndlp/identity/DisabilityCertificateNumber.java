package org.ndlp.identity;

import java.time.LocalDate;

/**
 * The number of a second-generation disability certificate (第二代中华人民共和国残疾人证): the holder's
 * 18-character ID number, then the category (1 视力 vision, 2 听力 hearing, 3 言语 speech, 4 肢体
 * physical, 5 智力 intellectual, 6 精神 mental, 7 多重 multiple) and the level (1-4, 一级 to 四级).
 * The format says nothing about whether the certificate exists: that is the
 * {@link DisabilityVerifier}'s job.
 *
 * @param idNumber the holder's ID number
 * @param category the category digit, 1-7
 * @param level the level digit, 1-4
 */
public record DisabilityCertificateNumber(ResidentIdNumber idNumber, int category, int level) {

	/**
	 * Checks a certificate number as a person typed it.
	 * @param text the 20 characters
	 * @param today the date the birth date may not be after
	 * @return the number
	 * @throws IllegalArgumentException with the reason when it is not a valid number
	 */
	public static DisabilityCertificateNumber parse(String text, LocalDate today) {
		if (text == null || text.isBlank()) {
			throw new IllegalArgumentException("the certificate number is required");
		}
		String value = text.replace(" ", "").strip().toUpperCase(java.util.Locale.ROOT);
		if (value.length() != 20) {
			throw new IllegalArgumentException("a disability certificate number has 20 characters "
					+ "(the 18-character ID number, the category 1-7 and the level 1-4), this one has "
					+ value.length());
		}
		char category = value.charAt(18);
		char level = value.charAt(19);
		if (category < '1' || category > '7') {
			throw new IllegalArgumentException(
					"character 19 of the certificate number is the category of disability, 1-7; got " + category);
		}
		if (level < '1' || level > '4') {
			throw new IllegalArgumentException(
					"character 20 of the certificate number is the level of disability, 1-4; got " + level);
		}
		ResidentIdNumber id;
		try {
			id = ResidentIdNumber.parse(value.substring(0, 18), today);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("the first 18 characters of the certificate number: " + ex.getMessage());
		}
		return new DisabilityCertificateNumber(id, category - '0', level - '0');
	}

	/** The 20 characters. */
	public String value() {
		return this.idNumber.value() + this.category + this.level;
	}

	/** For display, e.g. 440***********123X41. */
	public String masked() {
		return this.idNumber.masked() + this.category + this.level;
	}

	@Override
	public String toString() {
		return masked();
	}

}
