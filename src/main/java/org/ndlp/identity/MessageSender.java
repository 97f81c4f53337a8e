package org.ndlp.identity;

/**
 * Sends the messages NDLP writes to people (verification codes). Pluggable: the embedded
 * shape writes every message to an outbox table the national admin reads at
 * {@code /admin/outbox}; with {@code spring.mail.host} set, e-mail goes out by SMTP. The
 * first sender (in {@code @Order}) that {@link #supports} a channel sends on it.
 */
public interface MessageSender {

	/** Whether this sender delivers on the channel. */
	boolean supports(OutgoingMessage.Channel channel);

	/**
	 * Delivers the message or throws; a failure leaves the caller's transaction to fail.
	 */
	void send(OutgoingMessage message);

}
