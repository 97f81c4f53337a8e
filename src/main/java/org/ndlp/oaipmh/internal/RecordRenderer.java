package org.ndlp.oaipmh.internal;

import java.io.StringWriter;
import java.util.Optional;

import org.ndlp.catalog.CatalogRecords;
import org.ndlp.catalog.SourceRecord;
import org.ndlp.catalog.marc.BibDescription;
import org.ndlp.catalog.marc.DublinCore;
import org.ndlp.catalog.marc.MarcXmlWriter;
import org.ndlp.catalog.marc.ReadResult;

/**
 * A stored record as the metadata of one format: MARCXML (from {@link MarcXmlWriter}),
 * the same elements in the MarcXchange namespace with {@code format} = the record's
 * schema, or unqualified Dublin Core mapped from {@link BibDescription}.
 */
final class RecordRenderer {

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
					case MARCXCHANGE -> MarcXmlWriter.toMarcXchange(result.record(), source.schema());
					case OAI_DC -> dublinCore(BibDescription.of(result.record(), result.schema()));
				});
			}
			catch (IllegalArgumentException ex) {
				// a character XML 1.0 cannot carry
				return Optional.empty();
			}
		});
	}

	static String dublinCore(BibDescription description) {
		StringWriter text = new StringWriter(1024);
		OaiXml xml = new OaiXml(text);
		xml.raw("<oai_dc:dc xmlns:oai_dc=\"http://www.openarchives.org/OAI/2.0/oai_dc/\" "
				+ "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
				+ "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
				+ "xsi:schemaLocation=\"http://www.openarchives.org/OAI/2.0/oai_dc/ "
				+ "http://www.openarchives.org/OAI/2.0/oai_dc.xsd\">\n");
		xml.raw(DublinCore.elements(description));
		xml.raw("</oai_dc:dc>\n");
		return text.toString();
	}

}
