package org.ndlp.identity.internal.readers;

import org.ndlp.identity.MessageSender;
import org.ndlp.identity.OutgoingMessage;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * E-mail by SMTP when {@code spring.mail.host} is set (Spring Boot then provides the
 * {@link JavaMailSender}); SMS still goes to the outbox.
 */
@Component
@Order(10)
@ConditionalOnProperty("spring.mail.host")
class SmtpMessageSender implements MessageSender {

	private final JavaMailSender mail;

	private final String from;

	SmtpMessageSender(JavaMailSender mail, @Value("${ndlp.identity.mail-from:ndlp@localhost}") String from) {
		this.mail = mail;
		this.from = from;
	}

	@Override
	public boolean supports(OutgoingMessage.Channel channel) {
		return channel == OutgoingMessage.Channel.EMAIL;
	}

	@Override
	public void send(OutgoingMessage message) {
		SimpleMailMessage mail = new SimpleMailMessage();
		mail.setFrom(this.from);
		mail.setTo(message.recipient());
		mail.setSubject(message.subject());
		mail.setText(message.body());
		this.mail.send(mail);
	}

}
