package org.ndlp.search;

import java.util.List;

/**
 * A union record as the index holds it, for record pages.
 *
 * @param id the union record id (the cluster id)
 * @param titles its titles (the first is the display title)
 * @param creators persons and bodies
 * @param year year of publication, or {@code null}
 * @param publishers publishers
 * @param subjects subjects
 * @param isbns ISBN-13s
 * @param clc CLC numbers
 * @param languages language codes
 * @param libraries codes of the holding libraries
 * @param provinces provinces of the holding libraries
 * @param holdingCount how many library records it unites
 * @param recordIds ids of those source records
 */
public record UnionRecord(String id, List<String> titles, List<String> creators, Integer year, List<String> publishers,
		List<String> subjects, List<String> isbns, List<String> clc, List<String> languages, List<String> libraries,
		List<String> provinces, int holdingCount, List<Long> recordIds) {

	/** The display title. */
	public String title() {
		return this.titles.isEmpty() ? "" : this.titles.get(0);
	}

}
