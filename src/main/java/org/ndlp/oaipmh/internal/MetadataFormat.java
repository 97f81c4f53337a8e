package org.ndlp.oaipmh.internal;

import java.util.List;
import java.util.Optional;

/**
 * The metadata formats the provider disseminates, and which records' schemas each can
 * carry without conversion (ADR 0013): MARC 21 records as MARCXML, CNMARC and UNIMARC
 * records as MarcXchange (ISO 25577), every record as unqualified Dublin Core.
 */
enum MetadataFormat {

	OAI_DC("oai_dc", "http://www.openarchives.org/OAI/2.0/oai_dc.xsd", "http://www.openarchives.org/OAI/2.0/oai_dc/",
			List.of()),

	MARC21("marc21", "http://www.loc.gov/standards/marcxml/schema/MARC21slim.xsd", "http://www.loc.gov/MARC21/slim",
			List.of("MARC21")),

	MARCXCHANGE("marcxchange", "http://www.loc.gov/standards/iso25577/marcxchange-2-0.xsd",
			"info:lc/xmlns/marcxchange-v2", List.of("CNMARC", "UNIMARC"));

	private final String prefix;

	private final String schema;

	private final String namespace;

	private final List<String> schemas;

	MetadataFormat(String prefix, String schema, String namespace, List<String> schemas) {
		this.prefix = prefix;
		this.schema = schema;
		this.namespace = namespace;
		this.schemas = schemas;
	}

	String prefix() {
		return this.prefix;
	}

	String schema() {
		return this.schema;
	}

	String namespace() {
		return this.namespace;
	}

	/** The record schemas this format carries; empty: all. */
	List<String> recordSchemas() {
		return this.schemas;
	}

	boolean carries(String recordSchema) {
		return this.schemas.isEmpty() || this.schemas.contains(recordSchema);
	}

	static Optional<MetadataFormat> of(String prefix) {
		for (MetadataFormat format : values()) {
			if (format.prefix.equals(prefix)) {
				return Optional.of(format);
			}
		}
		return Optional.empty();
	}

}
