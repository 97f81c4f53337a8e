package org.ndlp.shared;

import java.util.Locale;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The code of a member library, e.g. {@code CN-110000-NLC}: upper-case letters, digits
 * and hyphens, 3 to 32 characters, starting with a letter or digit.
 *
 * @param value the code
 */
public record LibraryCode(String value) implements Comparable<LibraryCode>, java.io.Serializable {

	private static final Pattern SYNTAX = Pattern.compile("[A-Z0-9][A-Z0-9-]{2,31}");

	/** The National Library of China. */
	public static final LibraryCode NLC = new LibraryCode("CN-110000-NLC");

	public LibraryCode {
		if (value == null || !SYNTAX.matcher(value).matches()) {
			throw new IllegalArgumentException(
					"library code must be 3-32 upper-case letters, digits or hyphens (e.g. CN-440100-GZL), got: "
							+ value);
		}
	}

	/** Parses a code, accepting lower case and surrounding blanks. */
	@JsonCreator
	public static LibraryCode of(String value) {
		return new LibraryCode(value == null ? null : value.strip().toUpperCase(Locale.ROOT));
	}

	@JsonValue
	@Override
	public String value() {
		return this.value;
	}

	@Override
	public int compareTo(LibraryCode other) {
		return this.value.compareTo(other.value);
	}

	@Override
	public String toString() {
		return this.value;
	}

}
