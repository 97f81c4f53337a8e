package org.ndlp.identifiers;

import org.ndlp.shared.problem.ProblemException;

/** An identifier that breaks the CDOI syntax or whose check character is wrong: 400. */
public class MalformedIdentifier extends ProblemException {

	public MalformedIdentifier(String field, String detail) {
		super(400, "malformed-identifier", field, detail);
	}

}
