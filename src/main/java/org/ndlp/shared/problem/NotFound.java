package org.ndlp.shared.problem;

/** Something asked for by its identifier that does not exist: 404. */
public class NotFound extends ProblemException {

	public NotFound(String detail) {
		super(404, "not-found", null, detail);
	}

}
