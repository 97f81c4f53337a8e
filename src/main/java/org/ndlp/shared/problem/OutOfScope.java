package org.ndlp.shared.problem;

/** A signed-in user acting outside the libraries its role covers: 403. */
public class OutOfScope extends ProblemException {

	public OutOfScope(String detail) {
		super(403, "out-of-scope", null, detail);
	}

}
