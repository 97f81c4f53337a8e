package org.ndlp.catalog.marc;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.ndlp.shared.xml.SafeXml;

/**
 * Streams MARCXML records with StAX: the MARC 21 slim namespace, no namespace,
 * MarcXchange, and the CNMARC and UNIMARC namespaces of Chinese and European systems
 * (dp2's {@code http://www.nlc.cn/}, {@code info:srw/schema/8/unimarcxml-v0.1}). Records
 * may sit anywhere in the document (a collection, an SRU or OAI-PMH response); a UTF-8
 * byte order mark is skipped, and control characters XML 1.0 forbids (ESC left from
 * MARC-8, stray delimiters) become U+FFFD so that one of them does not end the parse. A
 * record with a missing tag, code or leader is reported as {@link ReadResult.Malformed}
 * and reading goes on; a document that stops being well-formed cannot be resynchronised,
 * so that is reported once and ends the stream.
 *
 * <p>
 * Written with StAX rather than marc4j's {@code MarcXmlReader}, which builds its own
 * parser factory (bypassing {@link SafeXml}), parses on a second thread and ends at the
 * first bad record. The caller owns and closes the input stream.
 */
public final class MarcXmlReader implements Iterator<ReadResult> {

	/** The MARC 21 slim (MARCXML) namespace. */
	public static final String MARC21_SLIM = "http://www.loc.gov/MARC21/slim";

	// namespace → schema hint (null: decide by content)
	private static final Map<String, MarcSchema> NAMESPACES = Map.of(MARC21_SLIM, MarcSchema.MARC21, "",
			MarcSchema.MARC21, "http://www.nlc.cn/", MarcSchema.CNMARC, "info:srw/schema/8/unimarcxml-v0.1",
			MarcSchema.UNIMARC, "http://www.bncf.firenze.sbn.it/unimarc/slim", MarcSchema.UNIMARC,
			"http://www.rba.ru/rusmarc/soft", MarcSchema.UNIMARC, "http://www.nl.go.kr/kormarc/", MarcSchema.MARC21,
			"info:lc/xmlns/marcxchange-v1", MarcSchema.MARC21, "info:lc/xmlns/marcxchange-v2", MarcSchema.MARC21);

	private final XMLStreamReader xml;

	private final ReadOptions options;

	private final MarcEncoding encoding;

	private final Deque<Draft> open = new ArrayDeque<>();

	private long index;

	private ReadResult next;

	private boolean done;

	private MarcXmlReader(XMLStreamReader xml, ReadOptions options) {
		this.xml = xml;
		this.options = options;
		String declared = (xml != null) ? xml.getEncoding() : null;
		this.encoding = (declared != null && declared.toUpperCase(Locale.ROOT).startsWith("GB")) ? MarcEncoding.GB18030
				: MarcEncoding.UTF_8;
	}

	/** Reads records, detecting the schema per record. */
	public static Stream<ReadResult> read(InputStream in) {
		return read(in, ReadOptions.DETECT);
	}

	/**
	 * Reads records with the caller's schema override (the encoding comes from the XML).
	 */
	public static Stream<ReadResult> read(InputStream in, ReadOptions options) {
		return StreamSupport.stream(
				Spliterators.spliteratorUnknownSize(iterate(in, options), Spliterator.ORDERED | Spliterator.NONNULL),
				false);
	}

	/** The same as {@link #read(InputStream, ReadOptions)}, as an iterator. */
	public static MarcXmlReader iterate(InputStream in, ReadOptions options) {
		try {
			return new MarcXmlReader(SafeXml.inputFactory().createXMLStreamReader(skipBom(in)), options);
		}
		catch (XMLStreamException ex) {
			// an empty or non-XML input: one result saying so, like any other broken
			// document
			MarcXmlReader failed = new MarcXmlReader(null, options);
			failed.done = true;
			failed.next = new ReadResult.Malformed(1, "line 1", null, "not an XML document: " + ex.getMessage());
			return failed;
		}
	}

	@Override
	public boolean hasNext() {
		if (this.next == null && !this.done) {
			this.next = advance();
		}
		return this.next != null;
	}

	@Override
	public ReadResult next() {
		if (!hasNext()) {
			throw new NoSuchElementException();
		}
		ReadResult result = this.next;
		this.next = null;
		return result;
	}

	private ReadResult advance() {
		try {
			while (this.xml.hasNext()) {
				int event = this.xml.next();
				if (event == XMLStreamConstants.START_ELEMENT && isMarc(this.xml.getNamespaceURI())) {
					ReadResult result = startElement();
					if (result != null) {
						return result;
					}
				}
				else if (event == XMLStreamConstants.END_ELEMENT && isMarc(this.xml.getNamespaceURI())
						&& this.xml.getLocalName().equals("record") && !this.open.isEmpty()) {
					ReadResult result = finish(this.open.pop());
					if (result != null) {
						return result;
					}
				}
			}
			finish();
			return null;
		}
		catch (XMLStreamException ex) {
			finish();
			Draft draft = this.open.peek();
			Location where = ex.getLocation();
			String location = (where != null) ? "line " + where.getLineNumber() + ", column " + where.getColumnNumber()
					: "end of document";
			return new ReadResult.Malformed(++this.index, location, (draft != null) ? draft.recordId : null,
					"XML is not well-formed, reading stopped: " + ex.getMessage());
		}
	}

	private ReadResult startElement() throws XMLStreamException {
		String name = this.xml.getLocalName();
		if (name.equals("record")) {
			Draft draft = new Draft("line " + this.xml.getLocation().getLineNumber(),
					hint(this.xml.getNamespaceURI(), this.xml.getAttributeValue(null, "format")));
			this.open.push(draft);
			return null;
		}
		Draft draft = this.open.peek();
		if (draft == null) {
			return null;
		}
		switch (name) {
			case "leader" -> draft.leader = this.xml.getElementText();
			case "controlfield" -> {
				String tag = this.xml.getAttributeValue(null, "tag");
				String value = this.xml.getElementText();
				if (tag == null || tag.isEmpty()) {
					draft.fail("controlfield without a tag");
				}
				else {
					if (tag.equals("001")) {
						draft.recordId = value.trim();
					}
					draft.fields.add(new ControlField(tag, value));
				}
			}
			case "datafield" -> draft.fields.add(dataField(draft));
			default -> {
				// other elements (SRU or OAI wrappers inside a namespace-less record) are
				// ignored
			}
		}
		return null;
	}

	private DataField dataField(Draft draft) throws XMLStreamException {
		String tag = this.xml.getAttributeValue(null, "tag");
		if (tag == null || tag.isEmpty()) {
			draft.fail("datafield without a tag");
			tag = "???";
		}
		char ind1 = indicator(draft, tag, "ind1");
		char ind2 = indicator(draft, tag, "ind2");
		List<Subfield> subfields = new ArrayList<>();
		int depth = 1;
		while (depth > 0) {
			int event = this.xml.next();
			if (event == XMLStreamConstants.START_ELEMENT) {
				if (this.xml.getLocalName().equals("subfield")) {
					String code = this.xml.getAttributeValue(null, "code");
					String value = this.xml.getElementText();
					if (code == null || code.length() != 1 || code.charAt(0) < 0x20 || code.charAt(0) > 0x7E) {
						draft.fail("subfield of " + tag + " with code "
								+ ((code == null) ? "missing" : String.format("U+%04X", (int) code.charAt(0))));
					}
					else {
						subfields.add(new Subfield(code.charAt(0), value));
					}
				}
				else {
					draft.fail("unexpected element <" + this.xml.getLocalName() + "> in datafield " + tag);
					depth++;
				}
			}
			else if (event == XMLStreamConstants.END_ELEMENT) {
				depth--;
			}
		}
		return new DataField(tag, ind1, ind2, subfields);
	}

	private char indicator(Draft draft, String tag, String name) {
		String value = this.xml.getAttributeValue(null, name);
		if (value == null || value.isEmpty()) {
			draft.warnings.add("datafield " + tag + " has no " + name + "; read as blank");
			return ' ';
		}
		if (value.length() != 1 && value.strip().length() == 1) {
			draft.warnings
				.add("datafield " + tag + " has " + name + " '" + value + "'; read as '" + value.strip() + "'");
			return value.strip().charAt(0);
		}
		if (value.length() != 1) {
			draft.fail("datafield " + tag + " has " + name + " '" + value + "'");
			return ' ';
		}
		return value.charAt(0);
	}

	private ReadResult finish(Draft draft) {
		if (draft.leader == null && draft.fields.isEmpty() && draft.error == null) {
			// a namespace-less wrapper element called "record" (SRU, OAI-PMH), not a MARC
			// record
			return null;
		}
		this.index++;
		if (draft.error == null && draft.leader == null) {
			draft.fail("record without a leader");
		}
		if (draft.error == null && draft.leader.length() != MarcRecord.LEADER_LENGTH) {
			draft.fail("leader has " + draft.leader.length() + " characters, not 24");
		}
		if (draft.error != null) {
			return new ReadResult.Malformed(this.index, draft.location, draft.recordId, draft.error);
		}
		MarcRecord record = new MarcRecord(draft.leader, draft.fields);
		long replaced = replacementCharacters(record);
		if (replaced > 0) {
			draft.warnings.add(replaced + " U+FFFD characters: control characters XML cannot carry were replaced");
		}
		MarcSchema schema = (this.options.schema() != null) ? this.options.schema()
				: MarcSchema.detect(record, draft.hint);
		return new ReadResult.Parsed(this.index, draft.location, record, schema, this.encoding, draft.warnings, null);
	}

	private static long replacementCharacters(MarcRecord record) {
		long count = 0;
		for (MarcField field : record.fields()) {
			if (field instanceof ControlField control) {
				count += control.value().chars().filter((c) -> c == '\uFFFD').count();
			}
			else if (field instanceof DataField data) {
				for (Subfield subfield : data.subfields()) {
					count += subfield.value().chars().filter((c) -> c == '\uFFFD').count();
				}
			}
		}
		return count;
	}

	private void finish() {
		this.done = true;
		try {
			this.xml.close();
		}
		catch (XMLStreamException ex) {
			// nothing left to read; the caller closes the underlying stream
		}
	}

	private static boolean isMarc(String namespace) {
		return NAMESPACES.containsKey((namespace != null) ? namespace : "");
	}

	private static MarcSchema hint(String namespace, String format) {
		if (format != null) {
			String upper = format.toUpperCase(Locale.ROOT);
			if (upper.contains("CNMARC")) {
				return MarcSchema.CNMARC;
			}
			if (upper.contains("UNIMARC") || upper.contains("RUSMARC")) {
				return MarcSchema.UNIMARC;
			}
		}
		MarcSchema hint = NAMESPACES.get((namespace != null) ? namespace : "");
		// MARC 21 is the default anyway; only UNIMARC-family namespaces tell us something
		return (hint == MarcSchema.MARC21) ? null : hint;
	}

	// skips a UTF-8 byte order mark and puts the control-character filter in front
	private static InputStream skipBom(InputStream in) {
		try {
			PushbackInputStream pushback = new PushbackInputStream(in, 256);
			byte[] head = new byte[256];
			int n = pushback.readNBytes(head, 0, 3);
			boolean bom = n == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF;
			if (bom) {
				n = 0;
			}
			n += pushback.readNBytes(head, n, head.length - n);
			if (n > 0) {
				pushback.unread(head, 0, n);
			}
			return new XmlControlCharacters(pushback, head, n);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static final class Draft {

		private final String location;

		private final MarcSchema hint;

		private final List<MarcField> fields = new ArrayList<>();

		private final List<String> warnings = new ArrayList<>();

		private String leader;

		private String recordId;

		private String error;

		Draft(String location, MarcSchema hint) {
			this.location = location;
			this.hint = hint;
		}

		void fail(String reason) {
			if (this.error == null) {
				this.error = reason;
			}
		}

	}

}
