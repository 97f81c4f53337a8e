package org.ndlp.search;

import org.ndlp.shared.problem.ProblemException;

/** Solr cannot be reached: answered with 503; catalog writes are not affected. */
public class SearchUnavailable extends ProblemException {

	public SearchUnavailable(String detail) {
		super(503, "search-unavailable", null, detail);
	}

}
