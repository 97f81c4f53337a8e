package org.ndlp.search;

import java.util.List;
import java.util.Map;

/**
 * A search as readers and scripts send it.
 *
 * @param q free text over all fields: words, {@code "phrases"}, AND/OR/NOT, parentheses,
 * {@code title:…}; pinyin and traditional characters welcome
 * @param fields fielded search: {@code title}, {@code creator}, {@code isbn},
 * {@code publisher}, {@code subject}, {@code clc} (a class and its subclasses)
 * @param filters facet filters {@code facet:value}, all must hold
 * @param sort {@code relevance} (default), {@code year} (newest first) or {@code title}
 * @param page 1-based page, or {@code null} when paging by cursor
 * @param size hits per page (1-100)
 * @param cursor deep-paging cursor: {@code *} for the first page, then the
 * {@code nextCursor} of the previous answer; {@code null} to page by number
 */
public record SearchRequest(String q, Map<String, String> fields, List<String> filters, String sort, Integer page,
		int size, String cursor) {

	public SearchRequest {
		fields = (fields != null) ? Map.copyOf(fields) : Map.of();
		filters = (filters != null) ? List.copyOf(filters) : List.of();
	}

}
