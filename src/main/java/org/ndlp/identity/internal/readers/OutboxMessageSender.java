package org.ndlp.identity.internal.readers;

import java.time.Clock;
import java.time.ZoneOffset;

import org.ndlp.identity.MessageSender;
import org.ndlp.identity.OutgoingMessage;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The embedded sender: every message goes to the outbox table, where the national admin
 * reads it ({@code /admin/outbox}). Last in order, so a real sender for a channel wins.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class OutboxMessageSender implements MessageSender {

	private final JdbcClient jdbc;

	private final Clock clock;

	OutboxMessageSender(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public boolean supports(OutgoingMessage.Channel channel) {
		return true;
	}

	@Override
	public void send(OutgoingMessage message) {
		this.jdbc
			.sql("insert into message_outbox (channel, recipient, subject, body, created_at) values (?, ?, ?, ?, ?)")
			.params(message.channel().name(), message.recipient(), message.subject(), message.body(),
					this.clock.instant().atOffset(ZoneOffset.UTC))
			.update();
	}

}
