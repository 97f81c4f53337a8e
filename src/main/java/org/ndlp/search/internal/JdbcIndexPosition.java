package org.ndlp.search.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The last change-feed sequence number a search index follower handled. */
@Repository
class JdbcIndexPosition {

	private final JdbcClient jdbc;

	JdbcIndexPosition(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long get(String name) {
		return this.jdbc.sql("select seq from search_index_position where name = ?")
			.param(name)
			.query(Long.class)
			.optional()
			.orElse(0L);
	}

	boolean exists(String name) {
		return this.jdbc.sql("select count(*) from search_index_position where name = ?")
			.param(name)
			.query(Long.class)
			.single() > 0;
	}

	void set(String name, long seq) {
		Timestamp now = Timestamp.from(Instant.now());
		int updated = this.jdbc.sql("update search_index_position set seq = ?, updated_at = ? where name = ?")
			.params(seq, now, name)
			.update();
		if (updated == 0) {
			this.jdbc.sql("insert into search_index_position (name, seq, updated_at) values (?, ?, ?)")
				.params(name, seq, now)
				.update();
		}
	}

	/**
	 * Takes or renews the lease {@code name} for {@code holder} until {@code now + ttl}:
	 * true when this holder has it (it held it, it was free or it had expired).
	 */
	boolean lead(String name, String holder, Instant now, Duration ttl) {
		Timestamp until = Timestamp.from(now.plus(ttl));
		int updated = this.jdbc
			.sql("update search_index_lease set holder = ?, until = ? where name = ? and (holder = ? or until < ?)")
			.params(holder, until, name, holder, Timestamp.from(now))
			.update();
		if (updated == 1) {
			return true;
		}
		try {
			return this.jdbc.sql("insert into search_index_lease (name, holder, until) values (?, ?, ?)")
				.params(name, holder, until)
				.update() == 1;
		}
		catch (DataIntegrityViolationException ex) {
			// another node holds a lease that has not expired
			return false;
		}
	}

}
