package org.ndlp.oaipmh;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import org.ndlp.catalog.CatalogListing;
import org.ndlp.catalog.CatalogRecords;
import org.ndlp.catalog.IncomingRecord;
import org.ndlp.catalog.marc.Iso2709Reader;
import org.ndlp.catalog.marc.Iso2709Writer;
import org.ndlp.catalog.marc.MarcEncoding;
import org.ndlp.catalog.marc.MarcRecord;
import org.ndlp.catalog.marc.MarcXmlReader;
import org.ndlp.catalog.marc.ReadOptions;
import org.ndlp.catalog.marc.ReadResult;
import org.ndlp.members.MemberLibraries;
import org.ndlp.oaipmh.internal.OaiProvider;
import org.ndlp.shared.LibraryCode;
import org.ndlp.shared.xml.SafeXml;
import org.ndlp.support.Http;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The OAI-PMH provider over HTTP: every verb and error condition, each response valid
 * against the official schema; keyset resumption tokens that cover a set exactly once and
 * survive a restart; deletions reported; formats per record schema.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class OaiPmhProviderIT {

	static final LibraryCode SICHUAN = LibraryCode.of("CN-510000-PL");

	static final LibraryCode YUNNAN = LibraryCode.of("CN-530000-PL");

	private static final Path MARC21_FILE = OaiSchemas.DATA.resolve("traject/test/test_support/test_data.utf8.mrc");

	private static final Path CNMARC_FILE = OaiSchemas.DATA.resolve("dp2-sru/dp2Catalog/SRU/sample_cnmarcxml.xml");

	private final int port;

	private final CatalogRecords catalog;

	private final CatalogListing listing;

	private final MemberLibraries libraries;

	private int marc21Count;

	OaiPmhProviderIT(@Autowired Environment environment, @Autowired CatalogRecords catalog,
			@Autowired CatalogListing listing, @Autowired MemberLibraries libraries) {
		this.port = environment.getRequiredProperty("local.server.port", Integer.class);
		this.catalog = catalog;
		this.listing = listing;
		this.libraries = libraries;
	}

	@BeforeEach
	void storeRecords() throws Exception {
		assumeTrue(Files.isRegularFile(MARC21_FILE) && Files.isRegularFile(CNMARC_FILE), "../shared/data is absent");
		// storing the same bytes again changes nothing, so every test sees the same
		// catalog
		List<IncomingRecord> batch = new ArrayList<>();
		try (InputStream in = Files.newInputStream(MARC21_FILE)) {
			for (MarcRecord record : parsed(Iso2709Reader.read(in, ReadOptions.DETECT).toList())) {
				batch.add(incoming(SICHUAN, record, "MARC21", false));
			}
		}
		this.marc21Count = batch.size();
		try (InputStream in = Files.newInputStream(CNMARC_FILE)) {
			for (MarcRecord record : parsed(MarcXmlReader.read(in, ReadOptions.DETECT).toList())) {
				batch.add(incoming(YUNNAN, record, "CNMARC", false));
			}
		}
		MarcRecord withdrawn = new MarcRecord("00000dam a2200000 a 4500",
				List.of(new org.ndlp.catalog.marc.ControlField("001", "withdrawn 1/2")));
		boolean first = this.catalog.current(SICHUAN, "withdrawn 1/2").isEmpty();
		if (first) {
			batch.add(
					incoming(SICHUAN, new MarcRecord("00000nam a2200000 a 4500", withdrawn.fields()), "MARC21", false));
		}
		this.catalog.storeAll(batch);
		if (first) {
			this.catalog.storeAll(List.of(incoming(SICHUAN, withdrawn, "MARC21", true)));
		}
	}

	@Test
	void everyVerbAnswersValidOaiPmh() throws Exception {
		String marc21Id = firstIdentifier("marc21", "library:" + SICHUAN.value());
		String cnmarcId = firstIdentifier("marcxchange", "library:" + YUNNAN.value());
		List<String> requests = List.of("verb=Identify", "verb=ListMetadataFormats",
				"verb=ListMetadataFormats&identifier=" + marc21Id, "verb=ListMetadataFormats&identifier=" + cnmarcId,
				"verb=ListSets", "verb=GetRecord&metadataPrefix=oai_dc&identifier=" + marc21Id,
				"verb=GetRecord&metadataPrefix=marc21&identifier=" + marc21Id,
				"verb=GetRecord&metadataPrefix=oai_dc&identifier=" + cnmarcId,
				"verb=GetRecord&metadataPrefix=marcxchange&identifier=" + cnmarcId,
				"verb=ListIdentifiers&metadataPrefix=oai_dc", "verb=ListRecords&metadataPrefix=oai_dc",
				"verb=ListRecords&metadataPrefix=marc21", "verb=ListRecords&metadataPrefix=marcxchange",
				"verb=ListRecords&metadataPrefix=oai_dc&set=province:53",
				"verb=ListRecords&metadataPrefix=oai_dc&set=type:book&from=2014-01-01",
				"verb=ListIdentifiers&metadataPrefix=marc21&set=library:" + SICHUAN.value()
						+ "&from=2014-01-01T00:00:00Z&until=2999-12-31T23:59:59Z");
		for (String request : requests) {
			Document response = get(request);
			assertThat(errors(response)).as(request).isEmpty();
		}
		assertThat(text(get("verb=Identify"), "deletedRecord")).isEqualTo("persistent");
		assertThat(text(get("verb=Identify"), "granularity")).isEqualTo("YYYY-MM-DDThh:mm:ssZ");
		assertThat(texts(get("verb=ListSets"), "setSpec")).contains("library:" + SICHUAN.value(), "province:51",
				"province:53", "type:book", "type:serial");
		assertThat(texts(get("verb=ListMetadataFormats&identifier=" + cnmarcId), "metadataPrefix"))
			.containsExactly("oai_dc", "marcxchange");
	}

	@Test
	void everyErrorConditionIsAnsweredAsTheSpecSays() throws Exception {
		String cnmarcId = firstIdentifier("marcxchange", "library:" + YUNNAN.value());
		Map<String, String> cases = new LinkedHashMap<>();
		cases.put("", "badVerb");
		cases.put("verb=Harvest", "badVerb");
		cases.put("verb=Identify&verb=Identify", "badVerb");
		cases.put("verb=Identify&set=x", "badArgument");
		cases.put("verb=ListRecords", "badArgument");
		cases.put("verb=ListRecords&metadataPrefix=oai_dc&metadataPrefix=marc21", "badArgument");
		cases.put("verb=ListRecords&metadataPrefix=oai_dc&from=2014-13-01", "badArgument");
		cases.put("verb=ListRecords&metadataPrefix=oai_dc&from=2014-01-01&until=2015-01-01T00:00:00Z", "badArgument");
		cases.put("verb=ListRecords&metadataPrefix=oai_dc&from=2015-01-01&until=2014-01-01", "badArgument");
		cases.put("verb=ListRecords&metadataPrefix=oai_dc&set=shelf:9", "badArgument");
		cases.put("verb=ListRecords&metadataPrefix=oai_dc&resumptionToken=abc", "badArgument");
		cases.put("verb=GetRecord&identifier=" + cnmarcId, "badArgument");
		cases.put("verb=ListRecords&resumptionToken=not-a-token", "badResumptionToken");
		cases.put("verb=ListSets&resumptionToken=x", "badResumptionToken");
		cases.put("verb=ListRecords&metadataPrefix=mods", "cannotDisseminateFormat");
		cases.put("verb=GetRecord&metadataPrefix=marc21&identifier=" + cnmarcId, "cannotDisseminateFormat");
		cases.put("verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:ndlp.cn:CN-510000-PL:no-such-record",
				"idDoesNotExist");
		cases.put("verb=GetRecord&metadataPrefix=oai_dc&identifier=urn:isbn:9787020024759", "idDoesNotExist");
		cases.put("verb=ListMetadataFormats&identifier=oai:ndlp.cn:CN-510000-PL:nothing", "idDoesNotExist");
		cases.put("verb=ListRecords&metadataPrefix=oai_dc&from=2999-01-01", "noRecordsMatch");
		cases.put("verb=ListIdentifiers&metadataPrefix=oai_dc&set=library:CN-540000-PL", "noRecordsMatch");
		cases.put("verb=ListIdentifiers&metadataPrefix=oai_dc&set=province:99", "noRecordsMatch");
		for (Map.Entry<String, String> entry : cases.entrySet()) {
			Document response = get(entry.getKey());
			assertThat(errors(response)).as(entry.getKey()).containsExactly(entry.getValue());
			Element request = (Element) response.getElementsByTagNameNS("*", "request").item(0);
			if (entry.getValue().startsWith("bad") && !entry.getValue().equals("badResumptionToken")) {
				assertThat(request.getAttributes().getLength()).as("no arguments echoed for " + entry.getKey())
					.isZero();
			}
		}
	}

	@Test
	void keysetTokensWalkASetExactlyOnceAndSurviveARestart() throws Exception {
		List<String> identifiers = new ArrayList<>();
		String token = null;
		int pages = 0;
		do {
			// a new provider for every page: nothing is kept between requests
			OaiProvider provider = new OaiProvider(this.listing, this.catalog, this.libraries,
					new OaiPmhProperties("", "test", "test@example.org", 7), Clock.systemUTC());
			Map<String, String[]> parameters = new LinkedHashMap<>();
			parameters.put("verb", new String[] { "ListRecords" });
			if (token == null) {
				parameters.put("metadataPrefix", new String[] { "marc21" });
				parameters.put("set", new String[] { "library:" + SICHUAN.value() });
			}
			else {
				parameters.put("resumptionToken", new String[] { token });
			}
			StringWriter out = new StringWriter();
			provider.respond(parameters, "http://localhost/oai", out);
			byte[] bytes = out.toString().getBytes(StandardCharsets.UTF_8);
			OaiSchemas.assertValid(bytes);
			Document page = parse(bytes);
			assertThat(errors(page)).isEmpty();
			identifiers.addAll(texts(page, "identifier"));
			NodeList tokens = page.getElementsByTagNameNS("*", "resumptionToken");
			token = (tokens.getLength() == 0 || tokens.item(0).getTextContent().isEmpty()) ? null
					: tokens.item(0).getTextContent();
			if (tokens.getLength() > 0) {
				assertThat(((Element) tokens.item(0)).getAttribute("cursor")).isEqualTo(Integer.toString(pages * 7));
			}
			pages++;
		}
		while (token != null);
		assertThat(identifiers).doesNotHaveDuplicates().hasSize(this.marc21Count + 1);
		assertThat(pages).isEqualTo((this.marc21Count + 1 + 6) / 7);
		assertThat(identifiers).contains("oai:ndlp.cn:CN-510000-PL:withdrawn%201%2F2");
	}

	@Test
	void deletedRecordsStayListedWithTheirDeletion() throws Exception {
		String id = "oai:ndlp.cn:CN-510000-PL:withdrawn%201%2F2";
		Document record = get("verb=GetRecord&metadataPrefix=marc21&identifier=" + enc(id));
		Element header = (Element) record.getElementsByTagNameNS("*", "header").item(0);
		assertThat(header.getAttribute("status")).isEqualTo("deleted");
		assertThat(record.getElementsByTagNameNS("*", "metadata").getLength()).isZero();
		Document list = get("verb=ListIdentifiers&metadataPrefix=oai_dc&set=library:" + SICHUAN.value());
		assertThat(texts(list, "identifier")).contains(id);
	}

	@Test
	void postedFormsAreAnsweredLikeGets() throws Exception {
		HttpResponse<byte[]> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/oai"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers
					.ofString("verb=ListIdentifiers&metadataPrefix=marcxchange&set=library%3A" + YUNNAN.value()))
				.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).isEqualTo(200);
		OaiSchemas.assertValid(response.body());
		assertThat(texts(parse(response.body()), "identifier")).isNotEmpty()
			.allMatch((id) -> id.startsWith("oai:ndlp.cn:" + YUNNAN.value() + ":"));
	}

	@Test
	void chineseRecordsAreDescribedInDublinCore() throws Exception {
		Document list = get("verb=ListRecords&metadataPrefix=oai_dc&set=library:" + YUNNAN.value());
		List<String> titles = texts(list, "title");
		assertThat(titles).isNotEmpty().anyMatch((title) -> title.codePoints().anyMatch((c) -> c >= 0x4E00));
	}

	private String firstIdentifier(String prefix, String set) throws Exception {
		Document list = get("verb=ListIdentifiers&metadataPrefix=" + prefix + "&set=" + set);
		return enc(texts(list, "identifier").get(0));
	}

	private static String enc(String value) {
		return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/** GET /oai?query, checked against the schema. */
	private Document get(String query) throws Exception {
		Http.Response response = Http.anonymous(this.port).get("/oai" + (query.isEmpty() ? "" : "?" + query));
		assertThat(response.status()).as(query).isEqualTo(200);
		assertThat(response.contentType()).startsWith("text/xml");
		OaiSchemas.assertValid(response.bytes());
		return parse(response.bytes());
	}

	static Document parse(byte[] bytes) throws Exception {
		return SafeXml.documentBuilder().parse(new ByteArrayInputStream(bytes));
	}

	static List<String> errors(Document response) {
		List<String> codes = new ArrayList<>();
		NodeList errors = response.getElementsByTagNameNS("*", "error");
		for (int i = 0; i < errors.getLength(); i++) {
			codes.add(((Element) errors.item(i)).getAttribute("code"));
		}
		return codes;
	}

	static List<String> texts(Document response, String name) {
		List<String> values = new ArrayList<>();
		NodeList nodes = response.getElementsByTagNameNS("*", name);
		for (int i = 0; i < nodes.getLength(); i++) {
			values.add(nodes.item(i).getTextContent());
		}
		return values;
	}

	private static String text(Document response, String name) {
		return texts(response, name).get(0);
	}

	private static List<MarcRecord> parsed(List<ReadResult> results) {
		Set<String> seen = new HashSet<>();
		return results.stream()
			.filter((result) -> result instanceof ReadResult.Parsed)
			.map((result) -> ((ReadResult.Parsed) result).record())
			.filter((record) -> record.controlNumber().isPresent() && seen.add(record.controlNumber().get().strip()))
			.toList();
	}

	static IncomingRecord incoming(LibraryCode library, MarcRecord record, String schema, boolean deleted) {
		byte[] bytes = new Iso2709Writer(OutputStream.nullOutputStream(), MarcEncoding.UTF_8).toBytes(record);
		// leader/05 d is a deletion, as ingest reads it
		return new IncomingRecord(library, record.controlNumber().orElseThrow(), "ISO2709", schema, "UTF_8", bytes,
				deleted || record.isDeleted());
	}

}
