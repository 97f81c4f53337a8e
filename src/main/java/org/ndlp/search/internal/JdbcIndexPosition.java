package org.ndlp.search.internal;

import java.sql.Timestamp;
import java.time.Instant;

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

}
