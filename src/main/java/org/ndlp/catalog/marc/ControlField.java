package org.ndlp.catalog.marc;

import java.util.Objects;

/**
 * A control field (001–009): a tag and an unstructured value.
 *
 * @param tag the tag, for example {@code 001}
 * @param value the value as found
 */
public record ControlField(String tag, String value) implements MarcField {

	public ControlField {
		Objects.requireNonNull(tag, "tag");
		Objects.requireNonNull(value, "value");
	}

}
