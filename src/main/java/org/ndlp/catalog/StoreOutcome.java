package org.ndlp.catalog;

/** What storing one incoming record did. */
public sealed interface StoreOutcome
		permits StoreOutcome.Created, StoreOutcome.Updated, StoreOutcome.Unchanged, StoreOutcome.Deleted {

	/** The stored record's id. */
	long recordId();

	/**
	 * A record the catalog had not seen.
	 *
	 * @param recordId its id
	 */
	record Created(long recordId) implements StoreOutcome {
	}

	/**
	 * A changed record: a new version.
	 *
	 * @param recordId its id
	 * @param version the new version
	 */
	record Updated(long recordId, int version) implements StoreOutcome {
	}

	/**
	 * The same bytes as the current version: nothing changed.
	 *
	 * @param recordId its id
	 */
	record Unchanged(long recordId) implements StoreOutcome {
	}

	/**
	 * A deletion, kept as a deleted version (OAI-PMH reports it).
	 *
	 * @param recordId its id
	 * @param version the deleted version
	 */
	record Deleted(long recordId, int version) implements StoreOutcome {
	}

}
