package org.ndlp.shared.problem;

/**
 * A request that contradicts what is stored (a duplicate, a delete of something in use):
 * 409.
 */
public class Conflict extends ProblemException {

	public Conflict(String slug, String field, String detail) {
		super(409, slug, field, detail);
	}

}
