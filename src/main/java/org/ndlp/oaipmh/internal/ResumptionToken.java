package org.ndlp.oaipmh.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import org.ndlp.catalog.ListingQuery;

/**
 * What a list request needs to continue: its arguments and a keyset cursor (the exact
 * datestamp and id of the last record sent). Nothing is kept on the server, so a token
 * survives a restart and works on any node; it never expires.
 *
 * @param prefix the metadataPrefix ({@code null} for ListSets, unused)
 * @param set the setSpec or {@code null}
 * @param from the from argument as given or {@code null}
 * @param until the until argument as given or {@code null}
 * @param cursor where the next page starts
 * @param sent how many records earlier pages sent (the token's cursor attribute)
 */
record ResumptionToken(String prefix, String set, String from, String until, ListingQuery.Cursor cursor, long sent) {

	private static final String VERSION = "k1";

	String encode() {
		String plain = String.join("\u001f", VERSION, this.prefix, nullable(this.set), nullable(this.from),
				nullable(this.until), Long.toString(this.cursor.datestamp().getEpochSecond()),
				Integer.toString(this.cursor.datestamp().getNano()), Long.toString(this.cursor.id()),
				Long.toString(this.sent));
		return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
	}

	static ResumptionToken decode(String token) {
		try {
			String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\u001f",
					-1);
			if (parts.length != 9 || !VERSION.equals(parts[0]) || parts[1].isEmpty()) {
				throw invalid(token);
			}
			Instant at = Instant.ofEpochSecond(Long.parseLong(parts[5]), Integer.parseInt(parts[6]));
			long sent = Long.parseLong(parts[8]);
			if (sent < 0) {
				throw invalid(token);
			}
			return new ResumptionToken(parts[1], orNull(parts[2]), orNull(parts[3]), orNull(parts[4]),
					new ListingQuery.Cursor(at, Long.parseLong(parts[7])), sent);
		}
		catch (IllegalArgumentException | java.time.DateTimeException ex) {
			throw invalid(token);
		}
	}

	private static OaiError invalid(String token) {
		return new OaiError("badResumptionToken", "the resumptionToken is not one this repository issued");
	}

	private static String nullable(String value) {
		return (value != null) ? value : "";
	}

	private static String orNull(String value) {
		return value.isEmpty() ? null : value;
	}

}
