package org.ndlp.catalog.marc;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.ndlp.shared.xml.SafeXml;

/**
 * Reads ISO 20775 holdings documents ({@code http://www.loc.gov/standards/iso20775/}):
 * each {@code <holdings>} element (a document may carry several, e.g. an SRU response
 * with one per bibliographic record) becomes a list of {@link Holding}s, one per
 * {@code <holding>}: institution identifier, physical location, copies count (else the
 * number of copies described), the first shelf locator and every piece identifier.
 * Streaming, namespace-aware by local name, XXE-safe.
 */
public final class Iso20775Reader {

	public static final String NAMESPACE = "http://www.loc.gov/standards/iso20775/";

	private Iso20775Reader() {
	}

	/** The holdings of each {@code <holdings>} element, in document order. */
	public static List<List<Holding>> read(InputStream in) {
		List<List<Holding>> documents = new ArrayList<>();
		try {
			XMLStreamReader xml = SafeXml.inputFactory().createXMLStreamReader(in);
			try {
				List<Holding> current = null;
				HoldingBuilder holding = null;
				boolean inCopy = false;
				boolean inInstitution = false;
				boolean inPiece = false;
				while (xml.hasNext()) {
					int event = xml.next();
					if (event == XMLStreamConstants.START_ELEMENT) {
						String name = xml.getLocalName();
						switch (name) {
							case "holdings" -> current = new ArrayList<>();
							case "holding" -> holding = new HoldingBuilder();
							case "institutionIdentifier" -> inInstitution = true;
							case "pieceIdentifier" -> inPiece = true;
							case "copyInformation" -> {
								inCopy = true;
								if (holding != null) {
									holding.copiesDescribed++;
								}
							}
							case "value" -> {
								String text = xml.getElementText().strip();
								if (holding != null && inInstitution && holding.institution.isEmpty()) {
									holding.institution = text;
								}
								else if (holding != null && inPiece && !text.isEmpty()) {
									holding.barcodes.add(text);
								}
							}
							case "physicalLocation" -> {
								String text = xml.getElementText().strip();
								if (holding != null && !inCopy) {
									holding.location = text;
								}
							}
							case "sublocation" -> {
								String text = xml.getElementText().strip();
								if (holding != null && holding.location.isEmpty()) {
									holding.location = text;
								}
							}
							case "shelfLocator" -> {
								String text = xml.getElementText().strip();
								if (holding != null && holding.callNumber.isEmpty()) {
									holding.callNumber = text;
								}
							}
							case "copiesCount" -> {
								String text = xml.getElementText().strip();
								if (holding != null && text.matches("\\d{1,9}")) {
									holding.copiesCount = Integer.valueOf(text);
								}
							}
							default -> {
							}
						}
					}
					else if (event == XMLStreamConstants.END_ELEMENT) {
						switch (xml.getLocalName()) {
							case "holdings" -> {
								if (current != null) {
									documents.add(List.copyOf(current));
								}
								current = null;
							}
							case "holding" -> {
								if (holding != null && current != null) {
									current.add(holding.build());
								}
								holding = null;
							}
							case "institutionIdentifier" -> inInstitution = false;
							case "pieceIdentifier" -> inPiece = false;
							case "copyInformation" -> inCopy = false;
							default -> {
							}
						}
					}
				}
			}
			finally {
				xml.close();
			}
		}
		catch (XMLStreamException ex) {
			throw new IllegalArgumentException("not a well-formed ISO 20775 holdings document: " + ex.getMessage(), ex);
		}
		return documents;
	}

	private static final class HoldingBuilder {

		private String institution = "";

		private String location = "";

		private String callNumber = "";

		private Integer copiesCount;

		private int copiesDescribed;

		private final List<String> barcodes = new ArrayList<>();

		Holding build() {
			Integer copies = (this.copiesCount != null) ? this.copiesCount
					: (this.copiesDescribed > 0) ? Integer.valueOf(this.copiesDescribed) : null;
			return new Holding(this.institution, this.location, this.callNumber, "", copies, this.barcodes);
		}

	}

}
