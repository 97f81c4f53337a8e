package org.ndlp.catalog.marc;

import java.util.Locale;

/**
 * Unqualified Dublin Core of a {@link BibDescription}: the {@code dc:} elements that the
 * OAI-PMH {@code oai_dc} and the SRU {@code dc} records wrap in their own root element
 * (which declares the {@code dc} prefix as {@link #NAMESPACE}). Text is escaped and
 * characters XML 1.0 cannot carry are dropped.
 */
public final class DublinCore {

	/** The Dublin Core elements namespace, bound to the prefix {@code dc}. */
	public static final String NAMESPACE = "http://purl.org/dc/elements/1.1/";

	private DublinCore() {
	}

	/** The {@code dc:} elements, one a line. */
	public static String elements(BibDescription description) {
		StringBuilder xml = new StringBuilder(1024);
		String title = description.title();
		if (title != null && description.otherTitle() != null) {
			title = title + " : " + description.otherTitle();
		}
		dc(xml, "title", title);
		description.parallelTitles().forEach((parallel) -> dc(xml, "title", parallel));
		dc(xml, "title", description.titleRomanized());
		for (Creator creator : description.creators()) {
			dc(xml, "creator", creator.name());
		}
		description.subjects().forEach((subject) -> dc(xml, "subject", subject));
		description.clc().forEach((clc) -> dc(xml, "subject", "CLC " + clc));
		dc(xml, "description", description.responsibility());
		dc(xml, "publisher", description.publisher());
		dc(xml, "date", description.year());
		dc(xml, "type", (description.type() != null)
				? description.type().name().toLowerCase(Locale.ROOT).replace('_', '-') : null);
		dc(xml, "format", description.extent());
		for (Isbn isbn : description.isbns()) {
			dc(xml, "identifier", "urn:isbn:" + isbn.isbn13());
		}
		description.issns().forEach((issn) -> dc(xml, "identifier", "urn:issn:" + issn));
		description.languages().forEach((language) -> dc(xml, "language", language));
		description.series().forEach((series) -> dc(xml, "relation", series));
		return xml.toString();
	}

	private static void dc(StringBuilder xml, String element, String value) {
		if (value != null && !value.isBlank()) {
			xml.append("<dc:").append(element).append('>');
			escape(xml, value);
			xml.append("</dc:").append(element).append(">\n");
		}
	}

	private static void escape(StringBuilder text, String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '&' -> text.append("&amp;");
				case '<' -> text.append("&lt;");
				case '>' -> text.append("&gt;");
				case '\r' -> text.append("&#13;");
				case '\t', '\n' -> text.append(c);
				default -> {
					if (allowed(value, i)) {
						text.append(c);
					}
				}
			}
		}
	}

	private static boolean allowed(String value, int i) {
		char c = value.charAt(i);
		return (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
				|| (Character.isHighSurrogate(c) && i + 1 < value.length()
						&& Character.isLowSurrogate(value.charAt(i + 1)))
				|| (Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(value.charAt(i - 1)));
	}

}
