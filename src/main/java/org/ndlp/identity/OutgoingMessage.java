package org.ndlp.identity;

/**
 * A message to one person.
 *
 * @param channel e-mail or SMS
 * @param recipient the e-mail address or the 11-digit mobile number
 * @param subject a short subject (e-mail subject; the outbox shows it)
 * @param body the text
 */
public record OutgoingMessage(Channel channel, String recipient, String subject, String body) {

	/** How a message reaches its recipient. */
	public enum Channel {

		/** An e-mail address. */
		EMAIL,

		/** A China mainland mobile number. */
		SMS

	}

}
