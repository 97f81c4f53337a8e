package org.ndlp.sru.cql;

/** A query that is not CQL (SRU diagnostic 10). */
public class CqlSyntaxError extends RuntimeException {

	public CqlSyntaxError(String message) {
		super(message);
	}

}
