package org.ndlp.resources;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.ndlp.shared.xml.SafeXml;

/**
 * Reads {@code oai_dc} records, streaming, through the XXE-safe StAX factory. Accepts a
 * bare {@code oai_dc:dc} element, an OAI-PMH {@code record} or a whole
 * {@code ListRecords} response.
 */
public final class OaiDc {

	/** The Dublin Core elements namespace. */
	public static final String DC = "http://purl.org/dc/elements/1.1/";

	private static final String OAI_DC = "http://www.openarchives.org/OAI/2.0/oai_dc/";

	private OaiDc() {
	}

	/**
	 * Every {@code oai_dc:dc} record in the document, with the identifier of its OAI
	 * header when there is one.
	 * @throws IllegalArgumentException when the XML is not well-formed
	 */
	public static List<DublinCoreRecord> read(InputStream in) {
		List<DublinCoreRecord> records = new ArrayList<>();
		try {
			XMLStreamReader xml = SafeXml.inputFactory().createXMLStreamReader(in);
			String identifier = null;
			String datestamp = null;
			boolean deleted = false;
			boolean emitted = false;
			Map<String, List<String>> elements = null;
			while (xml.hasNext()) {
				int event = xml.next();
				if (event == XMLStreamConstants.END_ELEMENT) {
					boolean oaiRecord = "record".equals(xml.getLocalName()) && !DC.equals(xml.getNamespaceURI());
					if (oaiRecord && !emitted && deleted && identifier != null) {
						records.add(new DublinCoreRecord(identifier, datestamp, true, Map.of()));
					}
					if ("dc".equals(xml.getLocalName()) && OAI_DC.equals(xml.getNamespaceURI()) && elements != null) {
						records.add(new DublinCoreRecord(identifier, datestamp, deleted, elements));
						elements = null;
						emitted = true;
					}
					continue;
				}
				if (event != XMLStreamConstants.START_ELEMENT) {
					continue;
				}
				String name = xml.getLocalName();
				String ns = xml.getNamespaceURI();
				if ("record".equals(name) && !DC.equals(ns)) {
					identifier = null;
					datestamp = null;
					deleted = false;
					emitted = false;
				}
				else if ("header".equals(name) && !DC.equals(ns)) {
					deleted = "deleted".equals(xml.getAttributeValue(null, "status"));
				}
				else if ("identifier".equals(name) && !DC.equals(ns) && elements == null) {
					identifier = xml.getElementText().strip();
				}
				else if ("datestamp".equals(name) && elements == null) {
					datestamp = xml.getElementText().strip();
				}
				else if ("dc".equals(name) && OAI_DC.equals(ns)) {
					elements = new LinkedHashMap<>();
				}
				else if (elements != null && DC.equals(ns)) {
					String text = xml.getElementText().strip();
					if (!text.isEmpty()) {
						elements.computeIfAbsent(name, (key) -> new ArrayList<>()).add(text);
					}
				}
			}
			xml.close();
		}
		catch (XMLStreamException ex) {
			throw new IllegalArgumentException("not well-formed oai_dc XML: " + ex.getMessage(), ex);
		}
		return records;
	}

}
