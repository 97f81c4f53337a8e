package org.ndlp.catalog.marc;

import java.util.Objects;

/**
 * A person or body responsible for a work, from CNMARC 70X/71X or MARC 21 1XX/7XX.
 *
 * @param name the name as catalogued, trailing ISBD punctuation removed
 * @param kind person, organization or meeting
 * @param role the relator as given ($4 code or text such as {@code 主编}, MARC 21 $e), or
 * {@code null}
 */
public record Creator(String name, Kind kind, String role) {

	public Creator {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(kind, "kind");
	}

	/** What kind of agent a creator is. */
	public enum Kind {

		/** A person (CNMARC 70X, MARC 21 X00). */
		PERSON,

		/** A corporate body (CNMARC 71X with ind1 0, MARC 21 X10). */
		ORGANIZATION,

		/** A meeting or conference (CNMARC 71X with ind1 1, MARC 21 X11). */
		MEETING

	}

}
