package org.ndlp.shared.problem;

/** A request value that breaks a rule: answered with 400 naming the field. */
public class InvalidInput extends ProblemException {

	public InvalidInput(String field, String detail) {
		super(400, "invalid-input", field, detail);
	}

}
