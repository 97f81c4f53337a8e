package org.ndlp.sru;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import org.ndlp.catalog.CatalogRecords;
import org.ndlp.catalog.IncomingRecord;
import org.ndlp.catalog.marc.Isbn;
import org.ndlp.catalog.marc.Iso2709Reader;
import org.ndlp.catalog.marc.Iso2709Writer;
import org.ndlp.catalog.marc.MarcEncoding;
import org.ndlp.catalog.marc.MarcRecord;
import org.ndlp.catalog.marc.MarcXmlReader;
import org.ndlp.catalog.marc.ReadOptions;
import org.ndlp.catalog.marc.ReadResult;
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
 * The SRU server over HTTP on real records ({@code ../shared/data}: the dp2/Alma CNMARC
 * sample and the Blacklight MARC 21 set, stored as the OAI-PMH tests store them): explain
 * in both versions, searchRetrieve for a Chinese title (simplified and traditional), an
 * ISBN, booleans, sorting and paging, the three record schemas, and the diagnostics.
 * Every response is parsed with namespaces and its root checked; MARC records are
 * validated against MARC21slim / MarcXchange 2.0 where those schemas are present.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SruIT {

	static final Path DATA = Path.of("..", "shared", "data");

	static final Path MARC21_FILE = DATA.resolve("traject/test/test_support/test_data.utf8.mrc");

	static final Path CNMARC_FILE = DATA.resolve("dp2-sru/dp2Catalog/SRU/sample_cnmarcxml.xml");

	static final Path XSD = DATA.resolve("xbib-marc/src/test/resources/org/xbib/marc");

	static final String SRU1 = "http://www.loc.gov/zing/srw/";

	static final String SRU2 = "http://docs.oasis-open.org/ns/search-ws/sruResponse";

	static final String DIAG1 = "http://www.loc.gov/zing/srw/diagnostic/";

	static final String DIAG2 = "http://docs.oasis-open.org/ns/search-ws/diagnostic";

	// the library codes and bytes of OaiPmhProviderIT: storing them again changes nothing
	static final LibraryCode SICHUAN = LibraryCode.of("CN-510000-PL");

	static final LibraryCode YUNNAN = LibraryCode.of("CN-530000-PL");

	private final int port;

	private final CatalogRecords catalog;

	private final Http admin;

	SruIT(@Autowired Environment environment, @Autowired CatalogRecords catalog) {
		this.port = environment.getRequiredProperty("local.server.port", Integer.class);
		this.catalog = catalog;
		this.admin = Http.as(this.port, "admin");
	}

	@BeforeAll
	void storeRealRecords() throws Exception {
		assumeTrue(Files.isRegularFile(MARC21_FILE) && Files.isRegularFile(CNMARC_FILE), "../shared/data is absent");
		List<IncomingRecord> batch = new ArrayList<>();
		try (InputStream in = Files.newInputStream(MARC21_FILE)) {
			parsed(Iso2709Reader.read(in, ReadOptions.DETECT).toList())
				.forEach((record) -> batch.add(incoming(SICHUAN, record, "MARC21")));
		}
		try (InputStream in = Files.newInputStream(CNMARC_FILE)) {
			parsed(MarcXmlReader.read(in, ReadOptions.DETECT).toList())
				.forEach((record) -> batch.add(incoming(YUNNAN, record, "CNMARC")));
		}
		this.catalog.storeAll(batch);
		long deadline = System.currentTimeMillis() + 60_000;
		while (!this.admin.get("/api/v1/search/status").json().get("caughtUp").asBoolean()) {
			assertThat(System.currentTimeMillis()).as("search index caught up").isLessThan(deadline);
			Thread.sleep(100);
		}
	}

	@Test
	void explainIsTheDefaultInBothVersions() throws Exception {
		Document two = sru("");
		assertThat(root(two)).isEqualTo(SRU2 + " explainResponse");
		assertThat(text(two, SRU2, "version").get(0)).isEqualTo("2.0");
		String explain = text(two, SRU2, "recordSchema").get(0);
		assertThat(explain).isEqualTo("http://explain.z3950.org/dtd/2.0/");
		List<String> indexes = text(two, "http://explain.z3950.org/dtd/2.0/", "name");
		assertThat(indexes).contains("title", "creator", "subject", "publisher", "date", "isbn", "issn", "id", "clc",
				"serverChoice", "anywhere");
		NodeList schemas = two.getElementsByTagNameNS("http://explain.z3950.org/dtd/2.0/", "schema");
		Set<String> ids = new HashSet<>();
		for (int i = 0; i < schemas.getLength(); i++) {
			ids.add(((Element) schemas.item(i)).getAttribute("identifier"));
		}
		assertThat(ids).containsExactlyInAnyOrder("info:srw/schema/1/marcxml-v1.1", "info:lc/xmlns/marcxchange-v2",
				"info:srw/schema/1/dc-v1.1");
		Document one = sru("version=1.2&operation=explain");
		assertThat(root(one)).isEqualTo(SRU1 + " explainResponse");
		assertThat(text(one, SRU1, "recordPacking")).contains("xml");
		assertThat(root(sru("operation=explain"))).isEqualTo(SRU1 + " explainResponse");
	}

	@Test
	void chineseTitleFindsTheCnmarcRecordsSimplifiedOrTraditional() throws Exception {
		Document simplified = sru(
				"version=1.2&operation=searchRetrieve&maximumRecords=20&query=" + enc("dc.title = 中国发展报告"));
		assertThat(root(simplified)).isEqualTo(SRU1 + " searchRetrieveResponse");
		int count = Integer.parseInt(text(simplified, SRU1, "numberOfRecords").get(0));
		assertThat(count).isGreaterThanOrEqualTo(8);
		// CNMARC records go out as MarcXchange unless another schema is asked for
		assertThat(text(simplified, SRU1, "recordSchema")).containsOnly("info:lc/xmlns/marcxchange-v2");
		assertThat(records(simplified, "info:lc/xmlns/marcxchange-v2")).hasSize(count);
		Element first = records(simplified, "info:lc/xmlns/marcxchange-v2").get(0);
		assertThat(first.getAttribute("format")).isEqualTo("CNMARC");
		Document traditional = sru("version=1.2&operation=searchRetrieve&query=" + enc("title=\"中國發展報告\""));
		assertThat(text(traditional, SRU1, "numberOfRecords")).containsExactly(String.valueOf(count));
		Document anywhere = sru("query=" + enc("次按驟變"));
		assertThat(root(anywhere)).isEqualTo(SRU2 + " searchRetrieveResponse");
		assertThat(text(anywhere, SRU2, "numberOfRecords")).containsExactly("1");
		assertThat(records(anywhere, "http://www.loc.gov/MARC21/slim")).hasSize(1);
		assertThat(text(anywhere, SRU2, "recordXMLEscaping")).contains("xml");
	}

	@Test
	void isbnTenOrThirteenFindsItsRecord() throws Exception {
		String isbn13 = Isbn.parse("7-5037-1744-0").orElseThrow().isbn13();
		for (String query : List.of("bath.isbn = 7-5037-1744-0", "bath.isbn == " + isbn13, "isbn=7503717440")) {
			Document found = sru("version=1.2&operation=searchRetrieve&recordSchema=dc&query=" + enc(query));
			assertThat(text(found, SRU1, "numberOfRecords")).as(query).containsExactly("1");
			assertThat(text(found, "http://purl.org/dc/elements/1.1/", "title").get(0)).contains("94中国发展报告");
			assertThat(text(found, SRU1, "recordSchema")).contains("info:srw/schema/1/dc-v1.1");
		}
	}

	@Test
	void booleansParenthesesAndRelationsCombine() throws Exception {
		// at least: other tests of the shared context send (and split) records of
		// the same dp2 sample, so the index may hold more than this test's own

		assertThat(count("dc.title = 中国发展报告 and dc.date = 1994")).isGreaterThanOrEqualTo(2);
		assertThat(count("dc.title = 中国发展报告 and (dc.date = 1994 or dc.date = 1999)"))
			.isEqualTo(count("dc.title = 中国发展报告 and dc.date = 1994") + count("dc.title = 中国发展报告 and dc.date = 1999"));
		assertThat(count("dc.title = 中国发展报告 and dc.date >= 1998")).isGreaterThanOrEqualTo(2);
		assertThat(count("dc.title = 中国发展报告 and dc.date within \"1995 1996\"")).isGreaterThanOrEqualTo(2);
		assertThat(count("dc.title = 中国发展报告 not ndlp.clc = F")).isGreaterThanOrEqualTo(1);
		assertThat(count("ndlp.clc = D66*")).isGreaterThanOrEqualTo(2);
		assertThat(count("dc.title any \"次按驟變 中国发展报告\"")).isEqualTo(count("dc.title = 中国发展报告") + 1);
		assertThat(count("dc.title all \"次按驟變 中国发展报告\"")).isZero();
		assertThat(count("dc.title = 中国发展报告 and dc.date <> 1994"))
			.isEqualTo(count("dc.title = 中国发展报告") - count("dc.title = 中国发展报告 and dc.date = 1994"));
		assertThat(count("cql.allRecords = 1 and bath.isbn = 9789573908678")).isEqualTo(1);
	}

	@Test
	void sortsAndPages() throws Exception {
		Document sorted = sru(
				"version=1.2&operation=searchRetrieve&recordSchema=dc&maximumRecords=2&startRecord=1&query="
						+ enc("dc.title = 中国发展报告 sortBy dc.date/sort.descending"));
		assertThat(text(sorted, "http://purl.org/dc/elements/1.1/", "date").get(0)).isEqualTo("1999");
		assertThat(text(sorted, SRU1, "nextRecordPosition")).containsExactly("3");
		Document byKeys = sru("version=1.2&operation=searchRetrieve&recordSchema=dc&maximumRecords=3&startRecord=2"
				+ "&sortKeys=" + enc("dc.date,,1") + "&query=" + enc("dc.title = 中国发展报告"));
		assertThat(text(byKeys, SRU1, "recordPosition")).containsExactly("2", "3", "4");
		assertThat(text(byKeys, "http://purl.org/dc/elements/1.1/", "date")).isSorted();
		Document countOnly = sru("query=" + enc("dc.title = 中国发展报告") + "&maximumRecords=0");
		assertThat(countOnly.getElementsByTagNameNS(SRU2, "record").getLength()).isZero();
	}

	@Test
	void recordsInEachSchemaOrASurrogateDiagnostic() throws Exception {
		Document marcxml = sru("query=" + enc("dc.title = 中国发展报告 and dc.date = 1994") + "&recordSchema=marcxml");
		// CNMARC records are not MARC 21: no conversion, a surrogate diagnostic 67 each
		assertThat(text(marcxml, SRU2, "recordSchema")).contains("info:srw/schema/1/diagnostics-v1.1")
			.doesNotContain("info:srw/schema/1/marcxml-v1.1");
		assertThat(text(marcxml, DIAG2, "uri")).containsOnly("info:srw/diagnostic/1/67");
		Document marc21 = sru("query=" + enc("次按驟變") + "&recordSchema=info:srw/schema/1/marcxml-v1.1");
		assertThat(records(marc21, "http://www.loc.gov/MARC21/slim")).hasSize(1);
		Document xchange = sru("query=" + enc("次按驟變") + "&recordSchema=marcxchange");
		assertThat(records(xchange, "info:lc/xmlns/marcxchange-v2").get(0).getAttribute("format")).isEqualTo("MARC21");
		Document string = sru(
				"version=1.2&operation=searchRetrieve&recordPacking=string&query=" + enc("bath.isbn=7-5037-1744-0"));
		String data = text(string, SRU1, "recordData").get(0);
		assertThat(data).startsWith("<record xmlns=\"info:lc/xmlns/marcxchange-v2\"").contains("94中国发展报告");
		assertThat(string.getElementsByTagNameNS("info:lc/xmlns/marcxchange-v2", "record").getLength()).isZero();
	}

	@Test
	void marcRecordsAreValidAgainstTheirSchemas() throws Exception {
		assumeTrue(Files.isRegularFile(XSD.resolve("MARC21slim.xsd")), "MARC21slim.xsd absent");
		SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
		factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
		factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
		Schema marc21 = factory.newSchema(XSD.resolve("MARC21slim.xsd").toFile());
		Schema xchange = factory.newSchema(XSD.resolve("marcxchange-2-0.xsd").toFile());
		for (Element record : records(
				sru("query=" + enc("cql.allRecords=1") + "&recordSchema=marcxml&maximumRecords=100"),
				"http://www.loc.gov/MARC21/slim")) {
			marc21.newValidator().validate(new DOMSource(record));
		}
		List<Element> cnmarc = records(
				sru("query=" + enc("dc.title=中国发展报告") + "&recordSchema=marcxchange&maximumRecords=100"),
				"info:lc/xmlns/marcxchange-v2");
		assertThat(cnmarc).isNotEmpty();
		for (Element record : cnmarc) {
			xchange.newValidator().validate(new DOMSource(record));
		}
	}

	@Test
	void diagnosticsFromTheSruList() throws Exception {
		assertDiagnostic("version=1.2&operation=searchRetrieve&query=" + enc("dc.title ="), 10, SRU1);
		assertDiagnostic("query=" + enc("(a or b"), 10, SRU2);
		assertDiagnostic("query=" + enc("dc.colour = red"), 16, SRU2);
		assertDiagnostic("query=" + enc("foo.title = red"), 15, SRU2);
		assertDiagnostic("query=" + enc("dc.title < red"), 19, SRU2);
		assertDiagnostic("query=" + enc("dc.title =/fuzzy=3 red"), 20, SRU2);
		assertDiagnostic("query=" + enc("cat prox dog"), 39, SRU2);
		assertDiagnostic("query=" + enc("dc.title = red*"), 28, SRU2);
		assertDiagnostic("query=" + enc("bath.isbn = 12345"), 36, SRU2);
		assertDiagnostic("query=" + enc("dc.title = \"\""), 27, SRU2);
		assertDiagnostic("query=" + enc("dc.title=中国发展报告 sortBy dc.creator"), 88, SRU2);
		assertDiagnostic("query=x&recordSchema=mods", 66, SRU2);
		assertDiagnostic("query=" + enc("dc.title=中国发展报告") + "&startRecord=500", 61, SRU2);
		assertDiagnostic("query=x&startRecord=0", 6, SRU2);
		assertDiagnostic("query=x&maximumRecords=lots", 6, SRU2);
		assertDiagnostic("version=1.2&operation=searchRetrieve&query=x&recordPacking=zip", 71, SRU1);
		assertDiagnostic("version=1.2&operation=searchRetrieve", 7, SRU1);
		assertDiagnostic("version=1.2&operation=scan&scanClause=dc.title", 4, SRU1);
		assertDiagnostic("version=1.2&operation=delete", 4, SRU1);
		Document version = sru("version=3.0&operation=searchRetrieve&query=x");
		assertThat(text(version, DIAG2, "uri")).containsExactly("info:srw/diagnostic/1/5");
		assertThat(text(version, DIAG2, "details")).containsExactly("2.0");
		Document old = sru("version=1.0");
		assertThat(root(old)).isEqualTo(SRU1 + " explainResponse");
		assertThat(text(old, DIAG1, "uri")).containsExactly("info:srw/diagnostic/1/5");
	}

	@Test
	void postedFormIsAnsweredLikeGet() throws Exception {
		HttpResponse<byte[]> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/sru"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers
					.ofString("version=1.2&operation=searchRetrieve&query=" + enc("bath.isbn=7-5037-1744-0")))
				.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).isEqualTo(200);
		Document document = SafeXml.documentBuilder().parse(new ByteArrayInputStream(response.body()));
		assertThat(text(document, SRU1, "numberOfRecords")).containsExactly("1");
	}

	private void assertDiagnostic(String query, int code, String namespace) throws Exception {
		Document document = sru(query);
		String diag = SRU1.equals(namespace) ? DIAG1 : DIAG2;
		assertThat(document.getDocumentElement().getNamespaceURI()).as(query).isEqualTo(namespace);
		assertThat(text(document, diag, "uri")).as(query).containsExactly("info:srw/diagnostic/1/" + code);
		assertThat(text(document, diag, "message")).as(query).hasSize(1);
	}

	private int count(String cql) throws Exception {
		Document document = sru("maximumRecords=0&query=" + enc(cql));
		assertThat(document.getElementsByTagNameNS(DIAG2, "diagnostic").getLength()).as(cql).isZero();
		return Integer.parseInt(text(document, SRU2, "numberOfRecords").get(0));
	}

	private Document sru(String query) throws Exception {
		Http.Response response = Http.anonymous(this.port).get("/sru" + (query.isEmpty() ? "" : "?" + query));
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.contentType()).startsWith("text/xml");
		return SafeXml.documentBuilder().parse(new ByteArrayInputStream(response.bytes()));
	}

	private static String root(Document document) {
		return document.getDocumentElement().getNamespaceURI() + " " + document.getDocumentElement().getLocalName();
	}

	private static List<String> text(Document document, String namespace, String name) {
		NodeList nodes = document.getElementsByTagNameNS(namespace, name);
		List<String> texts = new ArrayList<>();
		for (int i = 0; i < nodes.getLength(); i++) {
			texts.add(nodes.item(i).getTextContent());
		}
		return texts;
	}

	private static List<Element> records(Document document, String namespace) {
		NodeList nodes = document.getElementsByTagNameNS(namespace, "record");
		List<Element> records = new ArrayList<>();
		for (int i = 0; i < nodes.getLength(); i++) {
			Node parent = nodes.item(i).getParentNode();
			if (parent != null && "recordData".equals(parent.getLocalName())) {
				records.add((Element) nodes.item(i));
			}
		}
		return records;
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static List<MarcRecord> parsed(List<ReadResult> results) {
		Set<String> seen = new HashSet<>();
		return results.stream()
			.filter((result) -> result instanceof ReadResult.Parsed)
			.map((result) -> ((ReadResult.Parsed) result).record())
			.filter((record) -> record.controlNumber().isPresent() && seen.add(record.controlNumber().get().strip()))
			.toList();
	}

	private static IncomingRecord incoming(LibraryCode library, MarcRecord record, String schema) {
		byte[] bytes = new Iso2709Writer(OutputStream.nullOutputStream(), MarcEncoding.UTF_8).toBytes(record);
		return new IncomingRecord(library, record.controlNumber().orElseThrow(), "ISO2709", schema, "UTF_8", bytes,
				record.isDeleted());
	}

}
