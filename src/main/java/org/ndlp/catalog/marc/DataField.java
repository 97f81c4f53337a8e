package org.ndlp.catalog.marc;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A data field: tag, two indicators and subfields in source order.
 *
 * @param tag the tag, for example {@code 200} or {@code 245}
 * @param ind1 first indicator
 * @param ind2 second indicator
 * @param subfields the subfields in order
 */
public record DataField(String tag, char ind1, char ind2, List<Subfield> subfields) implements MarcField {

	public DataField {
		Objects.requireNonNull(tag, "tag");
		// the reader's lazily decoded subfields are immutable already
		subfields = (subfields instanceof Iso2709Subfields || subfields instanceof ArrayBackedList) ? subfields
				: List.copyOf(subfields);
	}

	/** The first value of a subfield code. */
	public Optional<String> first(char code) {
		for (Subfield subfield : this.subfields) {
			if (subfield.code() == code) {
				return Optional.of(subfield.value());
			}
		}
		return Optional.empty();
	}

	/** All values of a subfield code, in order. */
	public List<String> all(char code) {
		List<String> values = new ArrayList<>();
		for (Subfield subfield : this.subfields) {
			if (subfield.code() == code) {
				values.add(subfield.value());
			}
		}
		return Collections.unmodifiableList(values);
	}

}
