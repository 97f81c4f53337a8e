package org.ndlp.identity;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The messages the embedded sender wrote (table {@code message_outbox}), for the national
 * admin's console page and for tests that read a verification code.
 */
@Service
public class MessageOutbox {

	private final JdbcClient jdbc;

	public MessageOutbox(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A message in the outbox.
	 *
	 * @param id its number
	 * @param message what was sent
	 * @param createdAt when
	 */
	public record Entry(long id, OutgoingMessage message, Instant createdAt) {
	}

	/** The newest messages first. */
	public List<Entry> recent(int limit) {
		return this.jdbc.sql("select * from message_outbox order by id desc limit " + Math.max(1, limit))
			.query((rs, row) -> entry(rs.getLong("id"), rs.getString("channel"), rs.getString("recipient"),
					rs.getString("subject"), rs.getString("body"), rs.getTimestamp("created_at")))
			.list();
	}

	/** The newest message to a recipient (an e-mail address or mobile number). */
	public Optional<Entry> latestTo(String recipient) {
		return this.jdbc.sql("select * from message_outbox where recipient = ? order by id desc limit 1")
			.param(recipient)
			.query((rs, row) -> entry(rs.getLong("id"), rs.getString("channel"), rs.getString("recipient"),
					rs.getString("subject"), rs.getString("body"), rs.getTimestamp("created_at")))
			.optional();
	}

	private static Entry entry(long id, String channel, String recipient, String subject, String body,
			Timestamp created) {
		return new Entry(id, new OutgoingMessage(OutgoingMessage.Channel.valueOf(channel), recipient, subject, body),
				created.toInstant());
	}

}
