package org.ndlp.sru.cql;

import java.util.List;

/**
 * One key of a {@code sortBy} clause.
 *
 * @param index the index sorted on
 * @param modifiers its modifiers ({@code sort.descending} …)
 */
public record CqlSortKey(String index, List<CqlModifier> modifiers) {

	public CqlSortKey {
		modifiers = List.copyOf(modifiers);
	}

}
