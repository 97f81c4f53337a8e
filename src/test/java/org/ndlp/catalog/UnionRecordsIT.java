package org.ndlp.catalog;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.ibm.icu.text.Transliterator;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.ndlp.catalog.marc.BibDescription;
import org.ndlp.catalog.marc.ControlField;
import org.ndlp.catalog.marc.DataField;
import org.ndlp.catalog.marc.MarcField;
import org.ndlp.catalog.marc.MarcRecord;
import org.ndlp.catalog.marc.MarcXmlReader;
import org.ndlp.catalog.marc.MarcXmlWriter;
import org.ndlp.catalog.marc.ReadResult;
import org.ndlp.catalog.marc.Subfield;
import org.ndlp.support.Http;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.ndlp.support.Problems.assertProblem;

/**
 * Union records over HTTP: the same book sent by a provincial library in CNMARC (a real
 * dp2 record with its 905/906 holdings, given an ISBN of its own so that other tests'
 * copies of the sample stay apart) and by a city library in MARC 21 with a traditional
 * title and 852 holdings ends as one union record with both holdings; staff split it and
 * the split survives the library sending its record again; ISO 20775 holdings replace a
 * library's holdings.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class UnionRecordsIT {

	private static final Path CNMARC = Path.of("..", "shared", "data", "dp2-sru", "dp2Catalog", "SRU",
			"sample_cnmarcxml.xml");

	private static final Path ISOHOLD = CNMARC.resolveSibling("sample_isohold.xml");

	// a valid ISBN no sample record carries
	private static final String ISBN10 = "7503799994";

	private final int port;

	UnionRecordsIT(@Autowired Environment environment) {
		this.port = environment.getRequiredProperty("local.server.port", Integer.class);
	}

	@Test
	void sameBookFromTwoLibrariesInTwoSchemasIsOneUnionRecordWithBothHoldings() throws Exception {
		assumeTrue(Files.isRegularFile(CNMARC), "../shared/data is absent");
		MarcRecord cnmarc = withIsbn(firstDp2Record(), ISBN10);
		BibDescription book = BibDescription.of(cnmarc);
		MarcRecord marc21 = marc21("union-it-gz-1", book, "");

		Http guangdong = Http.as(this.port, "gd-admin");
		Http guangzhou = Http.as(this.port, "gz-cataloger");
		ingest(guangdong, "CN-440000-PL", MarcXmlWriter.toXml(cnmarc));
		ingest(guangzhou, "CN-440100-GZL", MarcXmlWriter.toXml(marc21));

		Http reader = Http.anonymous(this.port);
		JsonNode union = reader.get("/api/v1/records?library=CN-440100-GZL&localId=union-it-gz-1").json();
		long id = union.get("id").asLong();
		assertThat(union.get("libraries").toString()).contains("CN-440000-PL").contains("CN-440100-GZL");
		assertThat(union.get("members")).hasSize(2);
		// the provincial library's record is shown (ranked above the city's, and more
		// complete)
		assertThat(union.get("members").get(0).get("library").asString()).isEqualTo("CN-440000-PL");
		assertThat(union.get("displayReason").asString()).isNotBlank();
		assertThat(union.get("description").get("title").asString()).isEqualTo(book.title());
		assertThat(union.get("members").get(1).get("reasons").asString()).contains("ISBN");
		JsonNode holdings = union.get("holdings");
		assertThat(holdings).hasSize(2);
		JsonNode provincial = holdings.get(0);
		assertThat(provincial.get("library").asString()).isEqualTo("CN-440000-PL");
		assertThat(provincial.get("province").asString()).isEqualTo("广东省");
		assertThat(provincial.get("holdings").get(0).get("callNumber").asString()).isEqualTo("F124/26");
		assertThat(provincial.get("copies").asInt()).isEqualTo(3);
		assertThat(holdings.get(1).get("holdings").get(0).get("location").asString()).isEqualTo("少儿馆");
		assertThat(holdings.get(1).get("copies").asInt()).isEqualTo(2);

		// each library's record as received, and as MARCXML
		Http.Response xml = reader.get("/api/v1/records/" + id + "/members/CN-440100-GZL/marc?syntax=marcxml");
		assertThat(xml.status()).isEqualTo(200);
		assertThat(xml.text()).contains("union-it-gz-1");
		assertProblem(reader.get("/api/v1/records/" + id + "/members/CN-440100-GZL/marc?syntax=iso2709"), 400,
				"syntax");
		assertProblem(reader.get("/api/v1/records/" + id + "/members/CN-330000-PL/marc"), 404, null);
		assertProblem(reader.get("/api/v1/records/999999999"), 404, null);
		long cityRecord = union.get("members").get(1).get("recordId").asLong();
		// the city's record joined the provincial one's cluster: its id leads to the
		// union
		assertThat(cityRecord).isNotEqualTo(id);
		Http.Response moved = reader.get("/api/v1/records/" + cityRecord);
		assertThat(moved.status()).isEqualTo(301);
		assertThat(moved.location()).isEqualTo("/api/v1/records/" + id);

		// a library in another province may not split it; the city cataloguer may
		assertProblem(Http.as(this.port, "zj-admin")
			.post("/api/v1/records/" + id + "/split", "{\"recordIds\":[" + cityRecord + "]}"), 403, null);
		assertProblem(reader.post("/api/v1/records/" + id + "/split", "{\"recordIds\":[" + cityRecord + "]}"), 401,
				null);
		JsonNode split = guangzhou
			.post("/api/v1/records/" + id + "/split",
					"{\"recordIds\":[" + cityRecord + "],\"note\":\"different printing\"}")
			.json();
		long apart = split.get("id").asLong();
		assertThat(apart).isNotEqualTo(id);
		assertThat(reader.get("/api/v1/records/" + id).json().get("members")).hasSize(1);
		// search follows: two hits for the ISBN now
		awaitSearch(reader, 2);

		// the city library sends its record again, changed: the split stands
		MarcRecord changed = marc21("union-it-gz-1", book, "");
		List<MarcField> fields = new ArrayList<>(changed.fields());
		fields.add(new DataField("500", ' ', ' ', List.of(new Subfield('a', "Reprinted."))));
		ingest(guangzhou, "CN-440100-GZL", MarcXmlWriter.toXml(new MarcRecord(changed.leader(), fields)));
		JsonNode after = reader.get("/api/v1/records?library=CN-440100-GZL&localId=union-it-gz-1").json();
		assertThat(after.get("id").asLong()).isEqualTo(apart);
		assertThat(after.get("members")).hasSize(1);
		assertThat(after.get("members").get(0).get("version").asInt()).isEqualTo(2);

		// joined back by the province
		assertThat(guangdong.post("/api/v1/records/" + id + "/join", "{\"otherId\":" + apart + "}").status())
			.isEqualTo(200);
		assertThat(reader.get("/api/v1/records/" + id).json().get("members")).hasSize(2);
		JsonNode joined = awaitSearch(reader, 1);
		assertThat(joined.get("hits").get(0).get("id").asString()).isEqualTo(String.valueOf(id));
		assertThat(joined.get("hits").get(0).get("libraries")).hasSize(2);
		assertProblem(guangdong.post("/api/v1/records/" + id + "/join", "{\"otherId\":" + id + "}"), 400, "clusterId");

		// ISO 20775 holdings replace what the provincial record said
		byte[] holdingsXml = firstIsoHoldings();
		assertProblem(guangzhou.put("/api/v1/records/" + id + "/members/CN-440000-PL/holdings", "application/xml",
				holdingsXml), 403, null);
		Http.Response replaced = guangdong.put("/api/v1/records/" + id + "/members/CN-440000-PL/holdings",
				"application/xml", holdingsXml);
		assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
		assertThat(replaced.json().get("holdings").get(0).get("holdings")).hasSize(2);
		assertThat(replaced.json().get("holdings").get(0).get("holdings").get(0).get("location").asString())
			.isEqualTo("总馆普通文献");
		assertProblem(guangdong.put("/api/v1/records/" + id + "/members/CN-440000-PL/holdings", "application/xml",
				"<holdings".getBytes(StandardCharsets.UTF_8)), 400, "body");
	}

	/**
	 * Waits until a search for the test's ISBN has this many hits (the indexer follows
	 * the feed).
	 */
	private static JsonNode awaitSearch(Http reader, int hits) throws InterruptedException {
		JsonNode result = null;
		for (int i = 0; i < 300; i++) {
			result = reader.get("/api/v1/search?isbn=" + ISBN10).json();
			if (result.get("total").asLong() == hits) {
				return result;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("search did not show " + hits + " hits: " + result);
	}

	private void ingest(Http staff, String library, String marcxml) throws InterruptedException {
		staff.ingest(library, marcxml);
	}

	private static MarcRecord firstDp2Record() throws Exception {
		try (InputStream in = Files.newInputStream(CNMARC)) {
			return MarcXmlReader.read(in)
				.filter(ReadResult.Parsed.class::isInstance)
				.map((r) -> ((ReadResult.Parsed) r).record())
				.findFirst()
				.orElseThrow();
		}
	}

	private static MarcRecord withIsbn(MarcRecord record, String isbn) {
		List<MarcField> fields = new ArrayList<>();
		for (MarcField field : record.fields()) {
			if (field instanceof ControlField control && control.tag().equals("001")) {
				fields.add(new ControlField("001", "union-it-gd-1"));
			}
			else if (field instanceof DataField data && data.tag().equals("010")) {
				fields.add(new DataField("010", ' ', ' ', List.of(new Subfield('a', isbn))));
			}
			else {
				fields.add(field);
			}
		}
		return new MarcRecord(record.leader(), fields);
	}

	private static MarcRecord marc21(String localId, BibDescription book, String edition) {
		String traditional = Transliterator.getInstance("Simplified-Traditional").transliterate(book.title());
		List<MarcField> fields = new ArrayList<>();
		fields.add(new ControlField("001", localId));
		fields.add(new ControlField("008", "020101s" + book.year() + "    ch            000 0 chi d"));
		fields.add(new DataField("020", ' ', ' ', List.of(new Subfield('a', ISBN10))));
		if (!book.creators().isEmpty()) {
			fields.add(new DataField("100", '1', ' ', List.of(new Subfield('a', book.creators().get(0).name()))));
		}
		fields.add(new DataField("245", '1', '0', List.of(new Subfield('a', traditional))));
		if (!edition.isEmpty()) {
			fields.add(new DataField("250", ' ', ' ', List.of(new Subfield('a', edition))));
		}
		fields.add(new DataField("852", ' ', ' ',
				List.of(new Subfield('a', "CN-440100-GZL"), new Subfield('b', "少儿馆"), new Subfield('h', "F124"),
						new Subfield('i', "26"), new Subfield('p', "GZ0001"), new Subfield('p', "GZ0002"))));
		return new MarcRecord("00000nam a2200000 a 4500", fields);
	}

	private static byte[] firstIsoHoldings() throws Exception {
		String response = Files.readString(ISOHOLD, StandardCharsets.UTF_8);
		int start = response.indexOf("<holdings ");
		int end = response.indexOf("</holdings>", start) + "</holdings>".length();
		return response.substring(start, end).getBytes(StandardCharsets.UTF_8);
	}

}
