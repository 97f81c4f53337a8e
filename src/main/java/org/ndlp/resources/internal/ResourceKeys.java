package org.ndlp.resources.internal;

import java.text.Normalizer;
import java.util.Locale;

/** The normalized keys possible duplicates are found by. */
public final class ResourceKeys {

	private ResourceKeys() {
	}

	/**
	 * A title folded for comparison: NFKC (full-width to half-width), lower case, without
	 * spaces or punctuation. 《广州记忆》 and 广州 记忆 give the same key.
	 */
	public static String titleKey(String title) {
		String folded = Normalizer.normalize(title, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
		StringBuilder key = new StringBuilder(folded.length());
		folded.codePoints().filter(Character::isLetterOrDigit).forEach(key::appendCodePoint);
		return (key.length() > 0) ? key.toString() : folded.strip();
	}

	/**
	 * An access URL folded for comparison: no scheme, no {@code www.}, lower-case host,
	 * no trailing slash; {@code null} for a blank URL.
	 */
	public static String urlKey(String url) {
		if (url == null || url.isBlank()) {
			return null;
		}
		String key = url.strip().replaceFirst("(?i)^https?://", "").replaceFirst("(?i)^www\\.", "");
		int slash = key.indexOf('/');
		String host = (slash < 0) ? key : key.substring(0, slash);
		String rest = (slash < 0) ? "" : key.substring(slash);
		while (rest.endsWith("/")) {
			rest = rest.substring(0, rest.length() - 1);
		}
		return host.toLowerCase(Locale.ROOT) + rest;
	}

}
