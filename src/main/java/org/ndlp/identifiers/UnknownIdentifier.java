package org.ndlp.identifiers;

import org.ndlp.shared.problem.NotFound;

/** No identifier of that name was ever minted: 404. */
public class UnknownIdentifier extends NotFound {

	public UnknownIdentifier(String handle) {
		super("no identifier " + handle + " was ever minted or registered");
	}

}
