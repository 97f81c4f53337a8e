package org.ndlp.identifiers;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the minters that follow a change feed share: the whole feed handled batch by
 * batch, each batch in its own transaction (its position row is locked and committed with
 * it), and a scheduled run that logs a failure and leaves the feed for the next run.
 */
abstract class FeedMinter {

	private final Logger log = LoggerFactory.getLogger(getClass());

	private final TransactionTemplate transactions;

	private final String what;

	/**
	 * @param transactions one transaction per batch
	 * @param what what is minted, for the log ("union record identifiers")
	 */
	FeedMinter(TransactionTemplate transactions, String what) {
		this.transactions = transactions;
		this.what = what;
	}

	/** Handles the whole feed up to now, batch by batch; returns changes handled. */
	public synchronized int catchUp() {
		int total = 0;
		while (true) {
			Integer handled = this.transactions.execute((status) -> batch());
			if (handled == null || handled == 0) {
				return total;
			}
			total += handled;
		}
	}

	/** The body of a scheduled run: a failure waits for the next run. */
	final void follow() {
		try {
			catchUp();
		}
		catch (RuntimeException ex) {
			// the feed waits; the next run resumes from the committed position
			this.log.warn("Minting {} failed; will retry: {}", this.what, ex.toString());
		}
	}

	/**
	 * One batch inside its transaction: lock the follower's position, mint, move the
	 * position; returns the changes handled (0 when the feed is done).
	 */
	abstract int batch();

}
