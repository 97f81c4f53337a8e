package org.ndlp.identity.internal.readers;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.ndlp.identity.OutgoingMessage;
import org.ndlp.identity.OutgoingMessage.Channel;

import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;

/** The SMTP sender hands e-mail to Spring's mail sender and leaves SMS to the outbox. */
class SmtpMessageSenderTests {

	/** A mail sender that keeps what it is given instead of talking SMTP. */
	static final class KeepingMailSender extends JavaMailSenderImpl {

		final List<SimpleMailMessage> sent = new ArrayList<>();

		@Override
		public void send(SimpleMailMessage... messages) {
			this.sent.addAll(List.of(messages));
		}

	}

	@Test
	void sendsEmailOnlyFromTheConfiguredAddress() {
		KeepingMailSender mail = new KeepingMailSender();
		SmtpMessageSender sender = new SmtpMessageSender(mail, "noreply@ndlp.example.cn");
		assertThat(sender.supports(Channel.EMAIL)).isTrue();
		assertThat(sender.supports(Channel.SMS)).isFalse();
		sender.send(new OutgoingMessage(Channel.EMAIL, "li@example.cn", "NDLP 验证码", "您的验证码是 123456"));
		assertThat(mail.sent).singleElement().satisfies((message) -> {
			assertThat(message.getTo()).containsExactly("li@example.cn");
			assertThat(message.getFrom()).isEqualTo("noreply@ndlp.example.cn");
			assertThat(message.getSubject()).isEqualTo("NDLP 验证码");
			assertThat(message.getText()).contains("123456");
		});
	}

}
