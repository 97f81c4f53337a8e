package org.ndlp.catalog.marc;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes records as a MARCXML collection in UTF-8, one record at a time, in a fixed
 * layout (two-space indentation, attributes in the order tag, ind1, ind2), so the same
 * records always give the same bytes and what {@link MarcXmlReader} reads back is equal
 * to what was written. Each record is built in memory first, so a record that cannot be
 * written (a character XML 1.0 forbids) fails alone, leaving the document well-formed.
 * {@link #close()} ends the collection and flushes; the caller owns and closes the
 * stream.
 */
public final class MarcXmlWriter implements AutoCloseable {

	/** The MarcXchange (ISO 25577) namespace. */
	public static final String MARCXCHANGE = "info:lc/xmlns/marcxchange-v2";

	private final OutputStream out;

	private final String namespace;

	private boolean started;

	/** A writer in the MARC 21 slim namespace. */
	public MarcXmlWriter(OutputStream out) {
		this(out, MarcXmlReader.MARC21_SLIM);
	}

	/**
	 * A writer in another record namespace (for example dp2's CNMARC
	 * {@code http://www.nlc.cn/}).
	 */
	public MarcXmlWriter(OutputStream out, String namespace) {
		this.out = out;
		this.namespace = namespace;
	}

	/** Writes one record into the collection. */
	public void write(MarcRecord record) {
		String xml = element(record, "  ", null);
		start();
		emit(xml);
	}

	/** Ends the collection (an empty one if nothing was written) and flushes. */
	@Override
	public void close() {
		start();
		emit("</collection>\n");
		try {
			this.out.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * One record as a stand-alone {@code <record>} element in the MARC 21 slim namespace.
	 */
	public static String toXml(MarcRecord record) {
		return element(record, "", MarcXmlReader.MARC21_SLIM);
	}

	/**
	 * One bibliographic record as a stand-alone MarcXchange (ISO 25577) {@code <record>}:
	 * the MARCXML elements in the {@link #MARCXCHANGE} namespace with {@code format} =
	 * the record's schema ({@code CNMARC}, {@code UNIMARC}, {@code MARC21}).
	 */
	public static String toMarcXchange(MarcRecord record, String format) {
		return element(record, "", MARCXCHANGE, " format=\"" + attribute(format) + "\" type=\"Bibliographic\"");
	}

	private void start() {
		if (!this.started) {
			this.started = true;
			emit("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<collection xmlns=\"" + attribute(this.namespace)
					+ "\">\n");
		}
	}

	private void emit(String text) {
		try {
			this.out.write(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String element(MarcRecord record, String indent, String namespace) {
		return element(record, indent, namespace, "");
	}

	private static String element(MarcRecord record, String indent, String namespace, String attributes) {
		StringBuilder xml = new StringBuilder(2048);
		xml.append(indent).append("<record");
		if (namespace != null) {
			xml.append(" xmlns=\"").append(attribute(namespace)).append('"');
		}
		xml.append(attributes);
		xml.append(">\n");
		xml.append(indent).append("  <leader>").append(text(record.leader(), "leader")).append("</leader>\n");
		for (MarcField field : record.fields()) {
			if (field instanceof ControlField control) {
				xml.append(indent)
					.append("  <controlfield tag=\"")
					.append(attribute(control.tag()))
					.append("\">")
					.append(text(control.value(), control.tag()))
					.append("</controlfield>\n");
			}
			else if (field instanceof DataField data) {
				xml.append(indent)
					.append("  <datafield tag=\"")
					.append(attribute(data.tag()))
					.append("\" ind1=\"")
					.append(attribute(String.valueOf(data.ind1())))
					.append("\" ind2=\"")
					.append(attribute(String.valueOf(data.ind2())))
					.append("\">\n");
				for (Subfield subfield : data.subfields()) {
					xml.append(indent)
						.append("    <subfield code=\"")
						.append(attribute(String.valueOf(subfield.code())))
						.append("\">")
						.append(text(subfield.value(), data.tag() + "$" + subfield.code()))
						.append("</subfield>\n");
				}
				xml.append(indent).append("  </datafield>\n");
			}
		}
		xml.append(indent).append("</record>\n");
		return xml.toString();
	}

	private static String text(String value, String where) {
		StringBuilder out = new StringBuilder(value.length() + 16);
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '&' -> out.append("&amp;");
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				// a literal CR would be normalised away by the parser on reading
				case '\r' -> out.append("&#13;");
				default -> {
					check(value, i, where);
					out.append(c);
				}
			}
		}
		return out.toString();
	}

	private static String attribute(String value) {
		StringBuilder out = new StringBuilder(value.length() + 8);
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '&' -> out.append("&amp;");
				case '<' -> out.append("&lt;");
				case '"' -> out.append("&quot;");
				// whitespace in attributes is normalised to spaces unless written as
				// references
				case '\t' -> out.append("&#9;");
				case '\n' -> out.append("&#10;");
				case '\r' -> out.append("&#13;");
				default -> {
					check(value, i, "attribute");
					out.append(c);
				}
			}
		}
		return out.toString();
	}

	private static void check(String value, int i, String where) {
		char c = value.charAt(i);
		boolean allowed = c == '\t' || c == '\n' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
				|| (Character.isHighSurrogate(c) && i + 1 < value.length()
						&& Character.isLowSurrogate(value.charAt(i + 1)))
				|| (Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(value.charAt(i - 1)));
		if (!allowed) {
			throw new IllegalArgumentException(
					String.format("%s contains U+%04X, which XML 1.0 cannot carry", where, (int) c));
		}
	}

}
