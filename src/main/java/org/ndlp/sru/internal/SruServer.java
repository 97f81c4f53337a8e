package org.ndlp.sru.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ndlp.catalog.CatalogRecords;
import org.ndlp.catalog.SourceRecord;
import org.ndlp.catalog.UnionRecord;
import org.ndlp.catalog.UnionRecords;
import org.ndlp.catalog.marc.BibDescription;
import org.ndlp.catalog.marc.DublinCore;
import org.ndlp.catalog.marc.MarcXmlWriter;
import org.ndlp.catalog.marc.ReadResult;
import org.ndlp.search.CatalogSearch;
import org.ndlp.search.FieldQuery;
import org.ndlp.search.SearchUnavailable;
import org.ndlp.shared.problem.InvalidInput;
import org.ndlp.sru.SruProperties;
import org.ndlp.sru.cql.CqlNode;
import org.ndlp.sru.cql.CqlParser;
import org.ndlp.sru.cql.CqlSyntaxError;
import org.ndlp.sru.cql.Xcql;

import org.springframework.stereotype.Component;

/**
 * Answers SRU 1.1, 1.2 and 2.0 requests: explain (the default) and searchRetrieve, with
 * the response shapes and namespaces of each version and diagnostics from the SRU list.
 * Records are the display record of each union record found.
 */
@Component
public class SruServer {

	/** Deepest record position a search may reach (the search module's paging limit). */
	static final int MAX_POSITION = 10_000;

	private final CatalogSearch search;

	private final UnionRecords unionRecords;

	private final CatalogRecords records;

	private final SruProperties properties;

	private final CqlParser parser = new CqlParser();

	SruServer(CatalogSearch search, UnionRecords unionRecords, CatalogRecords records, SruProperties properties) {
		this.search = search;
		this.unionRecords = unionRecords;
		this.records = records;
		this.properties = properties;
	}

	/**
	 * Where the server is reached, for explain.
	 *
	 * @param host host name
	 * @param port port
	 * @param database path without the leading slash ({@code sru})
	 */
	public record Location(String host, int port, String database) {
	}

	/** The response document for these request parameters. */
	public String respond(Map<String, String[]> parameters, Location location) {
		Request request = new Request(parameters);
		String asked = request.get("version");
		String operation = request.get("operation");
		String version = (asked != null) ? asked : ((operation != null) ? "1.2" : this.properties.defaultVersion());
		boolean search = (operation != null) ? "searchRetrieve".equals(operation) : (request.get("query") != null);
		if (!List.of("1.1", "1.2", "2.0").contains(version)) {
			String answerIn = versionAbove2(version) ? "2.0" : "1.2";
			SruDiagnostic unsupported = new SruDiagnostic(SruDiagnostic.UNSUPPORTED_VERSION, "2.0");
			return search ? failedSearch(new SruXml("2.0".equals(answerIn)), answerIn, unsupported)
					: explain(request, location, answerIn, unsupported);
		}
		boolean two = "2.0".equals(version);
		if (request.get("scanClause") != null
				|| (operation != null && !"searchRetrieve".equals(operation) && !"explain".equals(operation))) {
			String what = (operation != null) ? operation : "scan";
			return failedSearch(new SruXml(two), version, new SruDiagnostic(SruDiagnostic.UNSUPPORTED_OPERATION, what));
		}
		if (search) {
			try {
				return searchRetrieve(request, version);
			}
			catch (SruDiagnostic diagnostic) {
				return failedSearch(new SruXml(two), version, diagnostic);
			}
		}
		return explain(request, location, version, null);
	}

	private static boolean versionAbove2(String version) {
		try {
			return Double.parseDouble(version) > 2.0;
		}
		catch (NumberFormatException ex) {
			return true;
		}
	}

	private String searchRetrieve(Request request, String version) {
		boolean two = "2.0".equals(version);
		String query = request.get("query");
		if (query == null || query.isBlank()) {
			throw new SruDiagnostic(SruDiagnostic.MANDATORY_PARAMETER, "query");
		}
		if (request.get("recordXPath") != null) {
			throw new SruDiagnostic(SruDiagnostic.XPATH_UNSUPPORTED, request.get("recordXPath"));
		}
		int start = request.number("startRecord", 1, 1);
		int maximum = Math.min(request.number("maximumRecords", this.properties.defaultRecords(), 0),
				this.properties.maxRecords());
		boolean escapeRecords = escaping(request, two);
		Optional<RecordSchema> schema = Optional.empty();
		if (request.get("recordSchema") != null) {
			schema = Optional.of(RecordSchema.of(request.get("recordSchema"))
				.orElseThrow(() -> new SruDiagnostic(SruDiagnostic.UNKNOWN_SCHEMA, request.get("recordSchema"))));
		}
		CqlNode tree;
		try {
			tree = this.parser.parse(query);
		}
		catch (CqlSyntaxError ex) {
			throw new SruDiagnostic(SruDiagnostic.QUERY_SYNTAX, ex.getMessage());
		}
		CqlMapping.Mapped mapped = CqlMapping.map(tree);
		List<FieldQuery.Sort> sort = mapped.sort().isEmpty() ? sortKeys(request.get("sortKeys")) : mapped.sort();
		if (start > MAX_POSITION) {
			throw new SruDiagnostic(SruDiagnostic.FIRST_RECORD_OUT_OF_RANGE,
					"records beyond position " + MAX_POSITION + " are not served");
		}
		maximum = Math.min(maximum, MAX_POSITION - start + 1);
		FieldQuery.Page page;
		try {
			page = this.search.unionRecords(mapped.query(), sort, start - 1, maximum);
		}
		catch (SearchUnavailable ex) {
			throw new SruDiagnostic(SruDiagnostic.GENERAL_SYSTEM_ERROR, ex.getMessage());
		}
		catch (InvalidInput ex) {
			throw new SruDiagnostic(SruDiagnostic.TERM_INVALID_FORMAT, ex.getMessage());
		}
		if (page.total() > 0 && start > page.total()) {
			throw new SruDiagnostic(SruDiagnostic.FIRST_RECORD_OUT_OF_RANGE,
					"startRecord " + start + " > numberOfRecords " + page.total());
		}
		SruXml xml = new SruXml(two);
		xml.root("searchRetrieveResponse");
		xml.element("version", version);
		xml.element("numberOfRecords", String.valueOf(page.total()));
		if (!page.ids().isEmpty()) {
			xml.open("records");
			xml.raw("\n");
			int position = start;
			for (String id : page.ids()) {
				record(xml, id, schema, escapeRecords, position++);
			}
			xml.close("records");
		}
		long next = start - 1L + page.ids().size();
		if (next < page.total() && next < MAX_POSITION) {
			xml.element("nextRecordPosition", String.valueOf(next + 1));
		}
		echo(xml, request, version, tree);
		xml.close("searchRetrieveResponse");
		return xml.toString();
	}

	private static boolean escaping(Request request, boolean two) {
		String packing = request.get("recordPacking");
		if (two) {
			String escaping = request.get("recordXMLEscaping");
			if (packing != null && !"packed".equals(packing)) {
				// a 1.2 habit: recordPacking=xml|string meaning the escaping
				if (escaping == null && ("xml".equals(packing) || "string".equals(packing))) {
					escaping = packing;
				}
				else {
					throw new SruDiagnostic(SruDiagnostic.UNSUPPORTED_PACKING, packing);
				}
			}
			if (escaping != null && !"xml".equals(escaping) && !"string".equals(escaping)) {
				throw new SruDiagnostic(SruDiagnostic.UNSUPPORTED_PARAMETER_VALUE, "recordXMLEscaping");
			}
			return "string".equals(escaping);
		}
		if (packing != null && !"xml".equals(packing) && !"string".equals(packing)) {
			throw new SruDiagnostic(SruDiagnostic.UNSUPPORTED_PACKING, packing);
		}
		return "string".equals(packing);
	}

	/** SRU 1.2 {@code sortKeys}: space-separated {@code path,schema,ascending,…}. */
	private static List<FieldQuery.Sort> sortKeys(String value) {
		List<FieldQuery.Sort> keys = new ArrayList<>();
		if (value == null || value.isBlank()) {
			return keys;
		}
		for (String key : value.strip().split("\\s+")) {
			String[] parts = key.split(",", -1);
			boolean ascending = parts.length < 3 || parts[2].isEmpty() || "1".equals(parts[2]);
			if (parts.length >= 3 && !parts[2].isEmpty() && !"0".equals(parts[2]) && !"1".equals(parts[2])) {
				throw new SruDiagnostic(SruDiagnostic.UNSUPPORTED_PARAMETER_VALUE, "sortKeys");
			}
			keys.add(CqlMapping.sortKey(parts[0], ascending));
		}
		return keys;
	}

	private void record(SruXml xml, String id, Optional<RecordSchema> asked, boolean escape, int position) {
		String schemaId;
		String data;
		try {
			Rendered rendered = render(id, asked);
			schemaId = rendered.schema().identifier();
			data = rendered.xml();
		}
		catch (SruDiagnostic surrogate) {
			schemaId = RecordSchema.DIAGNOSTIC;
			SruXml diagnostic = new SruXml(xml.two());
			diagnostic.diagnostic(surrogate);
			data = diagnostic.toString();
			escape = false;
		}
		xml.open("record");
		xml.element("recordSchema", schemaId);
		xml.element(xml.two() ? "recordXMLEscaping" : "recordPacking", escape ? "string" : "xml");
		xml.open("recordData");
		if (escape) {
			xml.text(data);
		}
		else {
			xml.raw(data);
		}
		xml.close("recordData");
		xml.element("recordPosition", String.valueOf(position));
		xml.close("record");
	}

	private record Rendered(RecordSchema schema, String xml) {
	}

	private Rendered render(String id, Optional<RecordSchema> asked) {
		Optional<UnionRecord> union = Optional.empty();
		try {
			union = this.unionRecords.get(Long.parseLong(id));
		}
		catch (NumberFormatException ex) {
			// not a union record id (the index holds only records here)
		}
		SourceRecord source = union.flatMap((u) -> this.records.current(u.displayRecordId()))
			.filter((s) -> !s.deleted())
			.orElseThrow(() -> new SruDiagnostic(SruDiagnostic.RECORD_DOES_NOT_EXIST, id));
		ReadResult.Parsed parsed = this.records.parse(source)
			.orElseThrow(
					() -> new SruDiagnostic(SruDiagnostic.GENERAL_SYSTEM_ERROR, "record " + id + " cannot be read"));
		RecordSchema schema = asked.orElseGet(() -> RecordSchema.nativeFor(source.schema()));
		if (!schema.carries(source.schema())) {
			throw new SruDiagnostic(SruDiagnostic.NOT_IN_SCHEMA, "record " + id + " is " + source.schema()
					+ "; ask for " + RecordSchema.MARCXCHANGE.shortName() + " or " + RecordSchema.DC.shortName());
		}
		try {
			return new Rendered(schema, switch (schema) {
				case MARCXML -> MarcXmlWriter.toXml(parsed.record());
				case MARCXCHANGE -> MarcXmlWriter.toMarcXchange(parsed.record(), source.schema());
				case DC -> "<srw_dc:dc xmlns:srw_dc=\"" + RecordSchema.DC.namespace() + "\" xmlns:dc=\""
						+ DublinCore.NAMESPACE + "\">\n"
						+ DublinCore.elements(BibDescription.of(parsed.record(), parsed.schema())) + "</srw_dc:dc>\n";
			});
		}
		catch (IllegalArgumentException ex) {
			// a character XML 1.0 cannot carry
			throw new SruDiagnostic(SruDiagnostic.GENERAL_SYSTEM_ERROR, ex.getMessage());
		}
	}

	private static void echo(SruXml xml, Request request, String version, CqlNode tree) {
		xml.open("echoedSearchRetrieveRequest");
		xml.element("version", version);
		xml.element("query", request.get("query"));
		if (tree != null) {
			xml.open("xQuery");
			xml.raw(Xcql.of(tree).replaceFirst("^<(\\w+)>", "<$1 xmlns=\"" + SruXml.XCQL_NS + "\">"));
			xml.close("xQuery");
		}
		xml.element("startRecord", request.get("startRecord"));
		xml.element("maximumRecords", request.get("maximumRecords"));
		if (xml.two()) {
			xml.element("recordXMLEscaping", request.get("recordXMLEscaping"));
		}
		else {
			xml.element("recordPacking", request.get("recordPacking"));
		}
		xml.element("recordSchema", request.get("recordSchema"));
		if (!xml.two()) {
			xml.element("sortKeys", request.get("sortKeys"));
		}
		xml.close("echoedSearchRetrieveRequest");
	}

	private static String failedSearch(SruXml xml, String version, SruDiagnostic diagnostic) {
		xml.root("searchRetrieveResponse");
		xml.element("version", version);
		xml.element("numberOfRecords", "0");
		xml.open("diagnostics");
		xml.diagnostic(diagnostic);
		xml.close("diagnostics");
		xml.close("searchRetrieveResponse");
		return xml.toString();
	}

	private String explain(Request request, Location location, String version, SruDiagnostic diagnostic) {
		boolean two = "2.0".equals(version);
		SruXml xml = new SruXml(two);
		boolean escape;
		SruDiagnostic problem = diagnostic;
		try {
			escape = escaping(request, two);
		}
		catch (SruDiagnostic ex) {
			escape = false;
			problem = (problem != null) ? problem : ex;
		}
		xml.root("explainResponse");
		xml.element("version", version);
		xml.open("record");
		xml.element("recordSchema", SruXml.ZEEREX_NS);
		xml.element(two ? "recordXMLEscaping" : "recordPacking", escape ? "string" : "xml");
		xml.open("recordData");
		String zeerex = Explain.record(location, version, this.properties);
		if (escape) {
			xml.text(zeerex);
		}
		else {
			xml.raw(zeerex);
		}
		xml.close("recordData");
		xml.element("recordPosition", "1");
		xml.close("record");
		xml.open("echoedExplainRequest");
		xml.element("version", version);
		if (two) {
			xml.element("recordXMLEscaping", request.get("recordXMLEscaping"));
		}
		else {
			xml.element("recordPacking", request.get("recordPacking"));
		}
		xml.close("echoedExplainRequest");
		if (problem != null) {
			xml.open("diagnostics");
			xml.diagnostic(problem);
			xml.close("diagnostics");
		}
		xml.close("explainResponse");
		return xml.toString();
	}

	/** The request's parameters: the first value of each. */
	private record Request(Map<String, String[]> parameters) {

		String get(String name) {
			String[] values = this.parameters.get(name);
			return (values != null && values.length > 0 && !values[0].isEmpty()) ? values[0] : null;
		}

		int number(String name, int absent, int minimum) {
			String value = get(name);
			if (value == null) {
				return absent;
			}
			try {
				int number = Integer.parseInt(value.strip());
				if (number < minimum) {
					throw new SruDiagnostic(SruDiagnostic.UNSUPPORTED_PARAMETER_VALUE, name);
				}
				return number;
			}
			catch (NumberFormatException ex) {
				throw new SruDiagnostic(SruDiagnostic.UNSUPPORTED_PARAMETER_VALUE, name);
			}
		}

	}

}
