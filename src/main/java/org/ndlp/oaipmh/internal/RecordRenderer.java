package org.ndlp.oaipmh.internal;

import java.io.StringWriter;
import java.util.Optional;

import org.ndlp.catalog.CatalogRecords;
import org.ndlp.catalog.SourceRecord;
import org.ndlp.catalog.marc.BibDescription;
import org.ndlp.catalog.marc.Creator;
import org.ndlp.catalog.marc.Isbn;
import org.ndlp.catalog.marc.MarcXmlReader;
import org.ndlp.catalog.marc.MarcXmlWriter;
import org.ndlp.catalog.marc.ReadResult;

/**
 * A stored record as the metadata of one format: MARCXML (from {@link MarcXmlWriter}),
 * the same elements in the MarcXchange namespace with {@code format} = the record's
 * schema, or unqualified Dublin Core mapped from {@link BibDescription}.
 */
final class RecordRenderer {

	private static final String MARC21_OPEN = "<record xmlns=\"" + MarcXmlReader.MARC21_SLIM + "\">";

	private final CatalogRecords records;

	RecordRenderer(CatalogRecords records) {
		this.records = records;
	}

	/** The metadata element, or empty when the stored bytes no longer parse. */
	Optional<String> render(SourceRecord source, MetadataFormat format) {
		Optional<ReadResult.Parsed> parsed;
		try {
			parsed = this.records.parse(source);
		}
		catch (RuntimeException ex) {
			return Optional.empty();
		}
		return parsed.flatMap((result) -> {
			try {
				return Optional.of(switch (format) {
					case MARC21 -> MarcXmlWriter.toXml(result.record());
					case MARCXCHANGE -> marcXchange(MarcXmlWriter.toXml(result.record()), source.schema());
					case OAI_DC -> dublinCore(BibDescription.of(result.record(), result.schema()));
				});
			}
			catch (IllegalArgumentException ex) {
				// a character XML 1.0 cannot carry
				return Optional.empty();
			}
		});
	}

	private static String marcXchange(String marcXml, String schema) {
		if (!marcXml.startsWith(MARC21_OPEN)) {
			throw new IllegalStateException("MarcXmlWriter's record element changed: " + marcXml.substring(0, 60));
		}
		return "<record xmlns=\"" + MetadataFormat.MARCXCHANGE.namespace() + "\" format=\"" + schema
				+ "\" type=\"Bibliographic\">" + marcXml.substring(MARC21_OPEN.length());
	}

	static String dublinCore(BibDescription description) {
		StringWriter text = new StringWriter(1024);
		OaiXml xml = new OaiXml(text);
		xml.raw("<oai_dc:dc xmlns:oai_dc=\"http://www.openarchives.org/OAI/2.0/oai_dc/\" "
				+ "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
				+ "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
				+ "xsi:schemaLocation=\"http://www.openarchives.org/OAI/2.0/oai_dc/ "
				+ "http://www.openarchives.org/OAI/2.0/oai_dc.xsd\">\n");
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
		dc(xml, "type", (description.type() != null) ? TypeSets.spec(description.type()) : null);
		dc(xml, "format", description.extent());
		for (Isbn isbn : description.isbns()) {
			dc(xml, "identifier", "urn:isbn:" + isbn.isbn13());
		}
		description.issns().forEach((issn) -> dc(xml, "identifier", "urn:issn:" + issn));
		description.languages().forEach((language) -> dc(xml, "language", language));
		description.series().forEach((series) -> dc(xml, "relation", series));
		xml.raw("</oai_dc:dc>\n");
		return text.toString();
	}

	private static void dc(OaiXml xml, String element, String value) {
		if (value != null && !value.isBlank()) {
			xml.raw("<dc:" + element + ">");
			xml.text(value);
			xml.raw("</dc:" + element + ">\n");
		}
	}

}
