package org.ndlp.catalog.marc;

import java.util.Objects;

/**
 * A subfield of a data field. CNMARC uses upper-case codes (for example {@code $A}) for
 * pinyin, so codes are case-sensitive.
 *
 * @param code the subfield code
 * @param value the value as found
 */
public record Subfield(char code, String value) {

	public Subfield {
		Objects.requireNonNull(value, "value");
	}

}
