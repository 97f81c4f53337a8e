package org.ndlp.oaipmh.internal;

import java.io.Writer;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.ndlp.catalog.CatalogListing;
import org.ndlp.catalog.CatalogRecords;
import org.ndlp.catalog.ListingQuery;
import org.ndlp.catalog.SourceRecord;
import org.ndlp.catalog.marc.ResourceType;
import org.ndlp.members.LibraryQuery;
import org.ndlp.members.MemberLibraries;
import org.ndlp.members.MemberLibrary;
import org.ndlp.oaipmh.OaiPmhProperties;
import org.ndlp.shared.LibraryCode;
import org.ndlp.shared.RegionCode;

import org.springframework.stereotype.Component;

/**
 * The OAI-PMH 2.0 provider over the union catalog's source records: checks the request,
 * runs every query, and only then writes the response, so an error is always a clean
 * {@code <error>} document. Lists are keyset pages of {@link CatalogListing}.
 */
@Component
public class OaiProvider {

	private static final Logger log = LoggerFactory.getLogger(OaiProvider.class);

	static final String ID_PREFIX = "oai:ndlp.cn:";

	private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

	private static final Pattern SECOND = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");

	private static final Map<String, Set<String>> ARGUMENTS = Map.of("Identify", Set.of(), "ListMetadataFormats",
			Set.of("identifier"), "ListSets", Set.of("resumptionToken"), "GetRecord",
			Set.of("identifier", "metadataPrefix"), "ListIdentifiers",
			Set.of("metadataPrefix", "from", "until", "set", "resumptionToken"), "ListRecords",
			Set.of("metadataPrefix", "from", "until", "set", "resumptionToken"));

	private final CatalogListing listing;

	private final CatalogRecords records;

	private final MemberLibraries libraries;

	private final OaiPmhProperties properties;

	private final Clock clock;

	private final RecordRenderer renderer;

	// a library's province never changes its records' sets within a response; cached
	private final Map<LibraryCode, String> provinceCache = new ConcurrentHashMap<>();

	public OaiProvider(CatalogListing listing, CatalogRecords records, MemberLibraries libraries,
			OaiPmhProperties properties, Clock clock) {
		this.listing = listing;
		this.records = records;
		this.libraries = libraries;
		this.properties = properties;
		this.clock = clock;
		this.renderer = new RecordRenderer(records);
	}

	/**
	 * Answers one request (GET query or POST form parameters) into {@code out}.
	 * @param parameters the request's parameters, repeated ones included
	 * @param baseUrl the base URL to announce when none is configured
	 * @param out where the UTF-8 document is written
	 */
	public void respond(Map<String, String[]> parameters, String baseUrl, Writer out) {
		String base = this.properties.baseUrl().isBlank() ? baseUrl : this.properties.baseUrl();
		Instant now = this.clock.instant();
		OaiXml xml = new OaiXml(out);
		Map<String, String> arguments = Map.of();
		try {
			arguments = arguments(parameters);
			Consumer<OaiXml> body = answer(arguments, base);
			xml.start(now, base, arguments);
			body.accept(xml);
			xml.end();
		}
		catch (OaiError error) {
			xml.start(now, base, error.hidesArguments() ? Map.of() : arguments);
			xml.error(error);
			xml.end();
		}
	}

	private Map<String, String> arguments(Map<String, String[]> parameters) {
		String[] verbs = parameters.get("verb");
		if (verbs == null || verbs.length == 0) {
			throw new OaiError("badVerb", "the request has no verb");
		}
		if (verbs.length > 1) {
			throw new OaiError("badVerb", "the verb argument is repeated");
		}
		Set<String> allowed = ARGUMENTS.get(verbs[0]);
		if (allowed == null) {
			throw new OaiError("badVerb", "'" + verbs[0] + "' is not an OAI-PMH verb");
		}
		Map<String, String> arguments = new TreeMap<>();
		for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
			String name = parameter.getKey();
			if (parameter.getValue().length > 1) {
				throw OaiError.badArgument("the argument '" + name + "' is repeated");
			}
			if (!"verb".equals(name) && !allowed.contains(name)) {
				throw OaiError.badArgument("'" + name + "' is not an argument of " + verbs[0]);
			}
			arguments.put(name, parameter.getValue()[0]);
		}
		if (arguments.containsKey("resumptionToken") && arguments.size() > 2) {
			throw OaiError.badArgument("resumptionToken is an exclusive argument");
		}
		boolean list = "ListRecords".equals(verbs[0]) || "ListIdentifiers".equals(verbs[0]);
		if (("GetRecord".equals(verbs[0]) || list && !arguments.containsKey("resumptionToken"))
				&& !arguments.containsKey("metadataPrefix")) {
			throw OaiError.badArgument("metadataPrefix is required");
		}
		if ("GetRecord".equals(verbs[0]) && !arguments.containsKey("identifier")) {
			throw OaiError.badArgument("identifier is required");
		}
		return arguments;
	}

	private Consumer<OaiXml> answer(Map<String, String> arguments, String base) {
		return switch (arguments.get("verb")) {
			case "Identify" -> identify(base);
			case "ListMetadataFormats" -> listMetadataFormats(arguments.get("identifier"));
			case "ListSets" -> listSets(arguments.get("resumptionToken"));
			case "GetRecord" -> getRecord(arguments.get("identifier"), arguments.get("metadataPrefix"));
			default -> list(arguments, "ListRecords".equals(arguments.get("verb")));
		};
	}

	private Consumer<OaiXml> identify(String base) {
		Instant earliest = this.listing.earliestDatestamp().orElse(this.clock.instant());
		return (xml) -> {
			xml.open("Identify");
			xml.element("repositoryName", this.properties.repositoryName());
			xml.element("baseURL", base);
			xml.element("protocolVersion", "2.0");
			xml.element("adminEmail", this.properties.adminEmail());
			xml.element("earliestDatestamp", OaiXml.datestamp(earliest));
			xml.element("deletedRecord", "persistent");
			xml.element("granularity", "YYYY-MM-DDThh:mm:ssZ");
			xml.close("Identify");
		};
	}

	private Consumer<OaiXml> listMetadataFormats(String identifier) {
		List<MetadataFormat> formats = new ArrayList<>(List.of(MetadataFormat.values()));
		if (identifier != null) {
			SourceRecord record = find(identifier);
			formats.removeIf((format) -> !format.carries(record.schema()));
		}
		return (xml) -> {
			xml.open("ListMetadataFormats");
			for (MetadataFormat format : formats) {
				xml.open("metadataFormat");
				xml.element("metadataPrefix", format.prefix());
				xml.element("schema", format.schema());
				xml.element("metadataNamespace", format.namespace());
				xml.close("metadataFormat");
			}
			xml.close("ListMetadataFormats");
		};
	}

	private Consumer<OaiXml> listSets(String token) {
		if (token != null) {
			throw new OaiError("badResumptionToken", "ListSets is answered in one response; no token was issued");
		}
		Map<LibraryCode, MemberLibrary> members = members();
		Map<String, String> sets = new LinkedHashMap<>();
		Map<String, String> provinces = new TreeMap<>();
		for (LibraryCode code : this.listing.librariesWithRecords()) {
			MemberLibrary library = members.get(code);
			sets.put("library:" + code.value(), (library != null) ? library.name() : code.value());
			if (library != null) {
				String prefix = library.regionCode().provincePrefix();
				provinces.put("province:" + prefix, RegionCode.provinceName(prefix).orElse(prefix));
			}
		}
		sets.putAll(provinces);
		for (ResourceType type : ResourceType.values()) {
			sets.put("type:" + TypeSets.spec(type), TypeSets.name(type));
		}
		return (xml) -> {
			xml.open("ListSets");
			sets.forEach((spec, name) -> {
				xml.open("set");
				xml.element("setSpec", spec);
				xml.element("setName", name);
				xml.close("set");
			});
			xml.close("ListSets");
		};
	}

	private Consumer<OaiXml> getRecord(String identifier, String prefix) {
		MetadataFormat format = format(prefix);
		SourceRecord record = find(identifier);
		if (!format.carries(record.schema())) {
			throw new OaiError("cannotDisseminateFormat",
					record.schema() + " records are not disseminated as " + prefix + "; ask ListMetadataFormats");
		}
		Optional<String> metadata = record.deleted() ? Optional.empty() : this.renderer.render(record, format);
		if (!record.deleted() && metadata.isEmpty()) {
			throw new OaiError("cannotDisseminateFormat", "the stored record can no longer be read as " + prefix);
		}
		String leader = TypeSets.leader(record);
		return (xml) -> {
			xml.open("GetRecord");
			writeRecord(xml, record, leader, metadata, true);
			xml.close("GetRecord");
		};
	}

	private Consumer<OaiXml> list(Map<String, String> arguments, boolean withMetadata) {
		String verb = arguments.get("verb");
		ResumptionToken token = (arguments.containsKey("resumptionToken"))
				? ResumptionToken.decode(arguments.get("resumptionToken")) : null;
		String prefix = (token != null) ? token.prefix() : arguments.get("metadataPrefix");
		String setSpec = (token != null) ? token.set() : arguments.get("set");
		String from = (token != null) ? token.from() : arguments.get("from");
		String until = (token != null) ? token.until() : arguments.get("until");
		MetadataFormat format = (token != null) ? MetadataFormat.of(prefix)
			.orElseThrow(() -> new OaiError("badResumptionToken", "the token names no format of this repository"))
				: format(prefix);
		Instant fromInstant = null;
		Instant untilInstant = null;
		try {
			fromInstant = (from != null) ? parseDate(from, false) : null;
			untilInstant = (until != null) ? parseDate(until, true) : null;
			if (from != null && until != null && from.length() != until.length()) {
				throw OaiError.badArgument("from and until must have the same granularity");
			}
			if (fromInstant != null && untilInstant != null && !fromInstant.isBefore(untilInstant)) {
				throw OaiError.badArgument("from is later than until");
			}
		}
		catch (OaiError error) {
			throw (token != null) ? new OaiError("badResumptionToken", error.getMessage()) : error;
		}
		Selection selection;
		try {
			selection = select(setSpec);
		}
		catch (OaiError error) {
			throw (token != null) ? new OaiError("badResumptionToken", error.getMessage()) : error;
		}
		if (selection.libraries() != null && selection.libraries().isEmpty()) {
			throw new OaiError("noRecordsMatch", "no library of set " + setSpec + " has records");
		}
		ListingQuery query = new ListingQuery(fromInstant, untilInstant, selection.libraries(), format.recordSchemas());
		int pageSize = this.properties.pageSize();
		ListingQuery.Cursor cursor = (token != null) ? token.cursor() : null;
		List<Item> items = new ArrayList<>(pageSize + 1);
		boolean content = withMetadata || selection.type() != null;
		while (items.size() <= pageSize) {
			int want = (selection.type() != null) ? Math.max(pageSize, 200) : pageSize + 1 - items.size();
			List<SourceRecord> rows = this.listing.page(query, cursor, want, content);
			for (SourceRecord row : rows) {
				cursor = new ListingQuery.Cursor(row.receivedAt(), row.id());
				String leader = content ? TypeSets.leader(row) : null;
				if (selection.type() != null && !TypeSets.inType(row, leader, selection.type())) {
					continue;
				}
				Optional<String> metadata = (withMetadata && !row.deleted()) ? this.renderer.render(row, format)
						: Optional.empty();
				if (withMetadata && !row.deleted() && metadata.isEmpty()) {
					log.warn("OAI-PMH skips record {} ({}:{}): it no longer parses as {}", row.id(),
							row.library().value(), row.localId(), format.prefix());
					continue;
				}
				items.add(new Item(row, leader, metadata));
				if (items.size() > pageSize) {
					break;
				}
			}
			if (rows.size() < want) {
				break;
			}
		}
		if (items.isEmpty()) {
			throw new OaiError("noRecordsMatch", "no record matches these arguments");
		}
		boolean more = items.size() > pageSize;
		List<Item> page = more ? items.subList(0, pageSize) : items;
		long sent = (token != null) ? token.sent() : 0;
		String next = null;
		if (more) {
			SourceRecord last = page.get(page.size() - 1).record();
			next = new ResumptionToken(format.prefix(), setSpec, from, until,
					new ListingQuery.Cursor(last.receivedAt(), last.id()), sent + page.size())
				.encode();
		}
		String nextToken = next;
		return (xml) -> {
			xml.open(verb);
			for (Item item : page) {
				if (withMetadata) {
					writeRecord(xml, item.record(), item.leader(), item.metadata(), true);
				}
				else {
					writeHeader(xml, item.record(), item.leader());
				}
			}
			if (nextToken != null || token != null) {
				xml.raw("<resumptionToken");
				xml.attribute("cursor", Long.toString(sent));
				xml.raw(">");
				if (nextToken != null) {
					xml.text(nextToken);
				}
				xml.raw("</resumptionToken>\n");
			}
			xml.close(verb);
		};
	}

	private void writeRecord(OaiXml xml, SourceRecord record, String leader, Optional<String> metadata,
			boolean withMetadata) {
		xml.open("record");
		writeHeader(xml, record, leader);
		if (withMetadata && metadata.isPresent()) {
			xml.raw("<metadata>\n");
			xml.raw(metadata.get());
			xml.raw("</metadata>\n");
		}
		xml.close("record");
	}

	private void writeHeader(OaiXml xml, SourceRecord record, String leader) {
		xml.raw(record.deleted() ? "<header status=\"deleted\">" : "<header>");
		xml.element("identifier", identifier(record.library(), record.localId()));
		xml.element("datestamp", OaiXml.datestamp(record.receivedAt()));
		xml.element("setSpec", "library:" + record.library().value());
		String province = provinceOf(record.library());
		if (province != null) {
			xml.element("setSpec", "province:" + province);
		}
		ResourceType type = TypeSets.type(leader, record.schema());
		if (type != null) {
			xml.element("setSpec", "type:" + TypeSets.spec(type));
		}
		xml.close("header");
	}

	private String provinceOf(LibraryCode code) {
		String province = this.provinceCache.get(code);
		if (province == null) {
			province = this.libraries.find(code).map((library) -> library.regionCode().provincePrefix()).orElse("");
			this.provinceCache.put(code, province);
		}
		return province.isEmpty() ? null : province;
	}

	private Selection select(String setSpec) {
		if (setSpec == null) {
			return new Selection(null, null);
		}
		int colon = setSpec.indexOf(':');
		String kind = (colon > 0) ? setSpec.substring(0, colon) : setSpec;
		String value = (colon > 0) ? setSpec.substring(colon + 1) : "";
		switch (kind) {
			case "library" -> {
				try {
					LibraryCode code = LibraryCode.of(value);
					return new Selection(code.value().equals(value) && this.libraries.find(code).isPresent()
							? List.of(code) : List.of(), null);
				}
				catch (IllegalArgumentException ex) {
					return new Selection(List.of(), null);
				}
			}
			case "province" -> {
				if (!value.matches("\\d{2}")) {
					throw OaiError.badArgument("a province set is province: and two digits, e.g. province:44");
				}
				List<LibraryCode> codes = members().values()
					.stream()
					.filter((library) -> library.regionCode().provincePrefix().equals(value))
					.map(MemberLibrary::code)
					.toList();
				return new Selection(codes, null);
			}
			case "type" -> {
				ResourceType type = TypeSets.of(value);
				if (type == null) {
					throw OaiError.badArgument("'" + setSpec + "' is not a set of this repository (see ListSets)");
				}
				return new Selection(null, type);
			}
			default -> throw OaiError
				.badArgument("'" + setSpec + "' is not a set of this repository (library:, province: or type:)");
		}
	}

	private Map<LibraryCode, MemberLibrary> members() {
		Map<LibraryCode, MemberLibrary> members = new LinkedHashMap<>();
		this.libraries.search(LibraryQuery.ALL).forEach((library) -> members.put(library.code(), library));
		return members;
	}

	private MetadataFormat format(String prefix) {
		return MetadataFormat.of(prefix)
			.orElseThrow(() -> new OaiError("cannotDisseminateFormat",
					"'" + prefix + "' is not a metadata format of this repository (oai_dc, marc21, marcxchange)"));
	}

	private SourceRecord find(String identifier) {
		if (!identifier.startsWith(ID_PREFIX)) {
			throw new OaiError("idDoesNotExist", "identifiers here start with " + ID_PREFIX);
		}
		String rest = identifier.substring(ID_PREFIX.length());
		int colon = rest.indexOf(':');
		if (colon < 1 || colon == rest.length() - 1) {
			throw new OaiError("idDoesNotExist", "identifiers are " + ID_PREFIX + "{library}:{localId}");
		}
		try {
			LibraryCode library = LibraryCode.of(rest.substring(0, colon));
			String localId = URLDecoder.decode(rest.substring(colon + 1).replace("+", "%2B"), StandardCharsets.UTF_8);
			return this.records.current(library, localId)
				.orElseThrow(() -> new OaiError("idDoesNotExist", "no record " + identifier));
		}
		catch (IllegalArgumentException ex) {
			throw new OaiError("idDoesNotExist", "no record " + identifier);
		}
	}

	/**
	 * The record's OAI identifier: {@code oai:ndlp.cn:{library}:{localId}}, the local id
	 * percent-encoded outside letters, digits and {@code -._~}. It names the library's
	 * record, so it stays the same across versions and deletion.
	 */
	static String identifier(LibraryCode library, String localId) {
		StringBuilder id = new StringBuilder(ID_PREFIX).append(library.value()).append(':');
		for (byte b : localId.getBytes(StandardCharsets.UTF_8)) {
			char c = (char) (b & 0xff);
			if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
					|| c == '_' || c == '~') {
				id.append(c);
			}
			else {
				id.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xff));
			}
		}
		return id.toString();
	}

	/**
	 * Parses a from or until argument in day or second granularity; an until day or
	 * second is inclusive, so it becomes the start of the next one.
	 */
	static Instant parseDate(String value, boolean until) {
		try {
			if (DAY.matcher(value).matches()) {
				Instant day = LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
				return until ? day.plus(1, ChronoUnit.DAYS) : day;
			}
			if (SECOND.matcher(value).matches()) {
				Instant second = Instant.parse(value);
				return until ? second.plusSeconds(1) : second;
			}
		}
		catch (DateTimeParseException ex) {
			// falls through to the error below
		}
		throw OaiError.badArgument("'" + value + "' is not a date in YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ");
	}

	private record Selection(List<LibraryCode> libraries, ResourceType type) {
	}

	private record Item(SourceRecord record, String leader, Optional<String> metadata) {
	}

}
