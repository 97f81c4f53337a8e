package org.ndlp.oaipmh.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * Writes an OAI-PMH response as text, element by element, so that metadata already
 * rendered as XML (MARCXML from {@code MarcXmlWriter}) goes in as is. Text and attribute
 * values are escaped, and characters XML 1.0 cannot carry are dropped.
 */
final class OaiXml {

	static final String OAI_NS = "http://www.openarchives.org/OAI/2.0/";

	private final Writer out;

	OaiXml(Writer out) {
		this.out = out;
	}

	void start(Instant responseDate, String baseUrl, Map<String, String> arguments) {
		raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<OAI-PMH xmlns=\"" + OAI_NS
				+ "\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"" + OAI_NS
				+ " http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd\">\n");
		element("responseDate", datestamp(responseDate));
		raw("<request");
		arguments.forEach(this::attribute);
		raw(">");
		text(baseUrl);
		raw("</request>\n");
	}

	void end() {
		raw("</OAI-PMH>\n");
	}

	void error(OaiError error) {
		raw("<error code=\"" + error.code() + "\">");
		text(error.getMessage());
		raw("</error>\n");
	}

	void open(String name) {
		raw("<" + name + ">");
	}

	void close(String name) {
		raw("</" + name + ">\n");
	}

	void element(String name, String value) {
		raw("<" + name + ">");
		text(value);
		raw("</" + name + ">");
	}

	void attribute(String name, String value) {
		raw(" " + name + "=\"");
		escape(value, true);
		raw("\"");
	}

	void text(String value) {
		escape(value, false);
	}

	void raw(String xml) {
		try {
			this.out.write(xml);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The repository's granularity: seconds, UTC. */
	static String datestamp(Instant instant) {
		return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
	}

	private void escape(String value, boolean attribute) {
		StringBuilder text = new StringBuilder(value.length() + 16);
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '&' -> text.append("&amp;");
				case '<' -> text.append("&lt;");
				case '>' -> text.append("&gt;");
				case '"' -> text.append(attribute ? "&quot;" : "\"");
				case '\t', '\n', '\r' -> text.append(attribute ? "&#" + (int) c + ";" : (c == '\r') ? "&#13;" : c);
				default -> {
					if (allowed(value, i)) {
						text.append(c);
					}
				}
			}
		}
		raw(text.toString());
	}

	private static boolean allowed(String value, int i) {
		char c = value.charAt(i);
		return (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
				|| (Character.isHighSurrogate(c) && i + 1 < value.length()
						&& Character.isLowSurrogate(value.charAt(i + 1)))
				|| (Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(value.charAt(i - 1)));
	}

}
