package org.ndlp.sru.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.ndlp.catalog.marc.MarcXmlReader;
import org.ndlp.catalog.marc.MarcXmlWriter;

/**
 * The record schemas searchRetrieve returns (ADR 0024): MARCXML for MARC 21 records,
 * MarcXchange for records of every MARC schema (CNMARC and UNIMARC in particular, with
 * {@code format} saying which), Dublin Core for all. A record asked for in a schema that
 * cannot carry it is a surrogate diagnostic 67, never a conversion.
 */
enum RecordSchema {

	MARCXML("info:srw/schema/1/marcxml-v1.1", "marcxml", MarcXmlReader.MARC21_SLIM,
			"MARCXML (MARC 21 slim; MARC 21 records only)", List.of("marcxml", "marc21", "marc21xml", "marc"),
			List.of("MARC21")),

	MARCXCHANGE("info:lc/xmlns/marcxchange-v2", "marcxchange", MarcXmlWriter.MARCXCHANGE,
			"MarcXchange (ISO 25577) for CNMARC, UNIMARC and MARC 21 records; format = the record's schema",
			List.of("marcxchange", "cnmarc", "unimarc", "cnmarcxml", "unimarcxml", "info:srw/schema/8/unimarcxml-v0.1"),
			List.of()),

	DC("info:srw/schema/1/dc-v1.1", "dc", "info:srw/schema/1/dc-schema", "Dublin Core (every record)",
			List.of("dc", "dublincore", "info:srw/schema/1/dc-schema"), List.of());

	/** Surrogate diagnostics are records in this schema. */
	static final String DIAGNOSTIC = "info:srw/schema/1/diagnostics-v1.1";

	private final String identifier;

	private final String shortName;

	private final String namespace;

	private final String title;

	private final List<String> names;

	private final List<String> carries;

	RecordSchema(String identifier, String shortName, String namespace, String title, List<String> names,
			List<String> carries) {
		this.identifier = identifier;
		this.shortName = shortName;
		this.namespace = namespace;
		this.title = title;
		this.names = names;
		this.carries = carries;
	}

	String identifier() {
		return this.identifier;
	}

	String shortName() {
		return this.shortName;
	}

	String namespace() {
		return this.namespace;
	}

	String title() {
		return this.title;
	}

	/**
	 * Whether a record of this MARC schema ({@code MARC21}, {@code CNMARC} …) can be
	 * sent.
	 */
	boolean carries(String marcSchema) {
		return this.carries.isEmpty() || this.carries.contains(marcSchema);
	}

	/**
	 * The schema named by its identifier or one of its short names (case-insensitive).
	 */
	static Optional<RecordSchema> of(String name) {
		String n = name.strip().toLowerCase(Locale.ROOT);
		for (RecordSchema schema : values()) {
			if (schema.identifier.equalsIgnoreCase(n) || schema.names.contains(n)) {
				return Optional.of(schema);
			}
		}
		return Optional.empty();
	}

	/** The schema a record goes out in when the request names none: its own MARC. */
	static RecordSchema nativeFor(String marcSchema) {
		return "MARC21".equals(marcSchema) ? MARCXML : MARCXCHANGE;
	}

}
