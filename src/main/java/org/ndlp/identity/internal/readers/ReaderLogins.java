package org.ndlp.identity.internal.readers;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.ndlp.identity.OutgoingMessage.Channel;

/**
 * What a reader signs in with: an e-mail address (kept in lower case) or a China mainland
 * mobile number (11 digits starting 13-19; a leading +86 and blanks or hyphens dropped).
 */
public final class ReaderLogins {

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");

	private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

	private ReaderLogins() {
	}

	/**
	 * A login name.
	 *
	 * @param channel where codes for it go
	 * @param value the normalized address or number
	 */
	public record Login(Channel channel, String value) {
	}

	/** The login a text stands for, if it is an e-mail address or a mobile number. */
	public static Optional<Login> parse(String text) {
		if (text == null) {
			return Optional.empty();
		}
		String value = text.strip();
		if (value.contains("@")) {
			String email = value.toLowerCase(Locale.ROOT);
			return (email.length() <= 254 && EMAIL.matcher(email).matches())
					? Optional.of(new Login(Channel.EMAIL, email)) : Optional.empty();
		}
		String digits = value.replace(" ", "").replace("-", "");
		if (digits.startsWith("+86")) {
			digits = digits.substring(3);
		}
		return MOBILE.matcher(digits).matches() ? Optional.of(new Login(Channel.SMS, digits)) : Optional.empty();
	}

	/** An e-mail address, or empty if the text is not one. */
	public static Optional<String> email(String text) {
		return parse(text).filter((login) -> login.channel() == Channel.EMAIL).map(Login::value);
	}

	/** A mobile number, or empty if the text is not one. */
	public static Optional<String> mobile(String text) {
		return parse(text).filter((login) -> login.channel() == Channel.SMS).map(Login::value);
	}

	/** For messages shown to others: r***@example.cn, 138****8000. */
	public static String masked(String login) {
		int at = login.indexOf('@');
		if (at > 0) {
			return login.charAt(0) + "***" + login.substring(at);
		}
		return (login.length() == 11) ? login.substring(0, 3) + "****" + login.substring(7) : login;
	}

}
