package org.ndlp.members;

import org.ndlp.shared.problem.NotFound;

/** No member library has the given code. */
public class UnknownLibrary extends NotFound {

	public UnknownLibrary(String code) {
		super("no member library has the code " + code);
	}

}
