package org.ndlp.sru.internal;

/**
 * Builds an SRU response as text, so that records already rendered as XML go in as they
 * are. Elements of the response carry the prefix {@code zs} bound to the version's
 * namespace; text is escaped and characters XML 1.0 cannot carry are dropped.
 */
final class SruXml {

	static final String SRU_1_NS = "http://www.loc.gov/zing/srw/";

	static final String SRU_2_NS = "http://docs.oasis-open.org/ns/search-ws/sruResponse";

	static final String DIAG_1_NS = "http://www.loc.gov/zing/srw/diagnostic/";

	static final String DIAG_2_NS = "http://docs.oasis-open.org/ns/search-ws/diagnostic";

	static final String XCQL_NS = "http://www.loc.gov/zing/cql/xcql/";

	static final String ZEEREX_NS = "http://explain.z3950.org/dtd/2.0/";

	private final StringBuilder out = new StringBuilder(16 * 1024);

	private final boolean two;

	SruXml(boolean two) {
		this.two = two;
	}

	boolean two() {
		return this.two;
	}

	/**
	 * Opens the root element ({@code searchRetrieveResponse}, {@code explainResponse}).
	 */
	void root(String name) {
		this.out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<zs:")
			.append(name)
			.append(" xmlns:zs=\"")
			.append(this.two ? SRU_2_NS : SRU_1_NS)
			.append("\">\n");
	}

	void open(String name) {
		this.out.append("<zs:").append(name).append('>');
	}

	void close(String name) {
		this.out.append("</zs:").append(name).append(">\n");
	}

	/** {@code <zs:name>text</zs:name>}; nothing when the text is {@code null}. */
	void element(String name, String text) {
		if (text == null) {
			return;
		}
		open(name);
		text(text);
		this.out.append("</zs:").append(name).append(">\n");
	}

	/** A diagnostic element in the version's diagnostic namespace. */
	void diagnostic(SruDiagnostic diagnostic) {
		this.out.append("<diag:diagnostic xmlns:diag=\"").append(this.two ? DIAG_2_NS : DIAG_1_NS).append("\">");
		this.out.append("<diag:uri>").append(diagnostic.uri()).append("</diag:uri>");
		if (diagnostic.details() != null) {
			this.out.append("<diag:details>");
			text(diagnostic.details());
			this.out.append("</diag:details>");
		}
		this.out.append("<diag:message>");
		text(diagnostic.standardMessage());
		this.out.append("</diag:message></diag:diagnostic>\n");
	}

	void raw(String xml) {
		this.out.append(xml);
	}

	void text(String value) {
		escape(this.out, value, false);
	}

	@Override
	public String toString() {
		return this.out.toString();
	}

	/** Escapes text (or an attribute value), dropping characters XML 1.0 cannot carry. */
	static void escape(StringBuilder text, String value, boolean attribute) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '&' -> text.append("&amp;");
				case '<' -> text.append("&lt;");
				case '>' -> text.append("&gt;");
				case '"' -> text.append(attribute ? "&quot;" : "\"");
				case '\r' -> text.append("&#13;");
				case '\t', '\n' -> text.append(attribute ? "&#" + (int) c + ";" : String.valueOf(c));
				default -> {
					boolean allowed = (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
							|| (Character.isHighSurrogate(c) && i + 1 < value.length()
									&& Character.isLowSurrogate(value.charAt(i + 1)))
							|| (Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(value.charAt(i - 1)));
					if (allowed) {
						text.append(c);
					}
				}
			}
		}
	}

	static String escaped(String value, boolean attribute) {
		StringBuilder text = new StringBuilder(value.length() + 16);
		escape(text, value, attribute);
		return text.toString();
	}

}
