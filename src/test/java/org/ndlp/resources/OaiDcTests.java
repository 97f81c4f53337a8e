package org.ndlp.resources;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.ndlp.shared.LibraryCode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Reading oai_dc and mapping it to a registration draft. */
class OaiDcTests {

	private static final String DC = "xmlns:oai_dc=\"http://www.openarchives.org/OAI/2.0/oai_dc/\" "
			+ "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"";

	private static List<DublinCoreRecord> read(String xml) {
		return OaiDc.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
	}

	@Test
	void readsABareRecordWithRepeatedElements() {
		List<DublinCoreRecord> records = read("<oai_dc:dc " + DC + "><dc:title>杭州老照片</dc:title>"
				+ "<dc:subject>杭州</dc:subject><dc:subject>摄影</dc:subject><dc:type>StillImage</dc:type></oai_dc:dc>");
		assertThat(records).hasSize(1);
		assertThat(records.get(0).identifier()).isNull();
		assertThat(records.get(0).joined("subject")).isEqualTo("杭州; 摄影");
	}

	@Test
	void takesTheHeaderIdentifierAndDeletedStatusFromListRecords() {
		List<DublinCoreRecord> records = read("<OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\"><ListRecords>"
				+ "<record><header><identifier>oai:x:1</identifier><datestamp>2013-02-01</datestamp></header>"
				+ "<metadata><oai_dc:dc " + DC + "><dc:title>甲</dc:title><dc:identifier>oai:x:1</dc:identifier>"
				+ "</oai_dc:dc></metadata></record>"
				+ "<record><header status=\"deleted\"><identifier>oai:x:2</identifier></header></record>"
				+ "</ListRecords></OAI-PMH>");
		assertThat(records).extracting(DublinCoreRecord::identifier).containsExactly("oai:x:1", "oai:x:2");
		assertThat(records).extracting(DublinCoreRecord::deleted).containsExactly(false, true);
		assertThat(records.get(0).datestamp()).isEqualTo("2013-02-01");
	}

	@Test
	void refusesADoctype() {
		assertThatIllegalArgumentException().isThrownBy(() -> read(
				"<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>"));
	}

	@Test
	void mapsDublinCoreToADraftWithTheCensusTypeAndYearBuilt() {
		DublinCoreRecord record = read("<oai_dc:dc " + DC + "><dc:title>西湖老照片</dc:title><dc:date>1935</dc:date>"
				+ "<dc:type>StillImage</dc:type><dc:identifier>HZ-001</dc:identifier>"
				+ "<dc:identifier>https://example.org/xh</dc:identifier></oai_dc:dc>")
			.get(0);
		DublinCoreRecord withStamp = new DublinCoreRecord("oai:x:9", "2012-08-01", false, record.elements());
		ResourceDraft draft = ResourceRegistry.fromDublinCore(LibraryCode.of("CN-330100-HZL"), withStamp,
				Instant.parse("2020-01-01T00:00:00Z"));
		assertThat(draft.resourceType()).isEqualTo("IMAGE");
		assertThat(draft.accessUrl()).isEqualTo("https://example.org/xh");
		// 1935 is the photographs' date, not when the library built the resource
		assertThat(draft.yearBuilt()).isEqualTo(2012);
		assertThat(ResourceRegistry.typeOf(List.of("MovingImage"), null)).isEqualTo(ResourceType.VIDEO);
		assertThat(ResourceRegistry.typeOf(List.of(), "application/warc")).isEqualTo(ResourceType.WEB_ARCHIVE);
	}

}
