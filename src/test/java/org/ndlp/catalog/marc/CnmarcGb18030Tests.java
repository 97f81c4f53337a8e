package org.ndlp.catalog.marc;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.marc4j.MarcPermissiveStreamReader;
import org.marc4j.marc.Record;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Chinese CNMARC in GB18030 ISO 2709. The fixture is derived at run time from the UTF-8
 * dp2 CNMARC XML sample (read, then written as ISO 2709 in GB18030), not stored.
 */
class CnmarcGb18030Tests {

	@Test
	void chineseTitlesRoundTripByteExactThroughGb18030Iso2709() {
		List<MarcRecord> source = dp2Records();
		byte[] gb = iso2709(source, MarcEncoding.GB18030);
		List<ReadResult> results = Iso2709Reader.read(new ByteArrayInputStream(gb)).toList();
		assertThat(SharedData.parsed(results)).hasSize(10)
			.allMatch((p) -> p.encoding() == MarcEncoding.GB18030 && p.schema() == MarcSchema.CNMARC);
		List<MarcRecord> read = SharedData.records(results);
		assertThat(withoutLengths(read)).isEqualTo(withoutLengths(source));
		assertThat(read.get(0).firstValue("200", 'a')).hasValue("'94中国发展报告");
		assertThat(iso2709(read, MarcEncoding.GB18030)).isEqualTo(gb);
	}

	@Test
	void tellsUtf8FromGb18030WithoutBeingTold() {
		List<MarcRecord> source = dp2Records();
		List<ReadResult> utf8 = Iso2709Reader.read(new ByteArrayInputStream(iso2709(source, MarcEncoding.UTF_8)))
			.toList();
		assertThat(SharedData.parsed(utf8)).allMatch((p) -> p.encoding() == MarcEncoding.UTF_8);
		assertThat(withoutLengths(SharedData.records(utf8))).isEqualTo(withoutLengths(source));
	}

	@Test
	void gbkCallerOverrideReadsTheSameAsDetection() {
		byte[] gb = iso2709(dp2Records(), MarcEncoding.GB18030);
		List<ReadResult> told = Iso2709Reader
			.read(new ByteArrayInputStream(gb), ReadOptions.DETECT.withEncoding(MarcEncoding.of("GBK")))
			.toList();
		assertThat(withoutLengths(SharedData.records(told))).isEqualTo(withoutLengths(dp2Records()));
	}

	@Test
	void marc4jReadsOurGb18030OutputAsStackMdSays() {
		byte[] gb = iso2709(dp2Records(), MarcEncoding.GB18030);
		MarcPermissiveStreamReader reader = new MarcPermissiveStreamReader(new ByteArrayInputStream(gb), false, true,
				"GB18030");
		List<String> titles = new ArrayList<>();
		while (reader.hasNext()) {
			Record record = reader.next();
			titles.add(((org.marc4j.marc.DataField) record.getVariableField("200")).getSubfield('a').getData());
		}
		assertThat(titles).hasSize(10).first().isEqualTo("'94中国发展报告");
	}

	// record length and base address (leader 00-04, 12-16) are recomputed on writing
	private static List<MarcRecord> withoutLengths(List<MarcRecord> records) {
		return records.stream()
			.map((r) -> new MarcRecord("00000" + r.leader().substring(5, 12) + "00000" + r.leader().substring(17),
					r.fields()))
			.toList();
	}

	private static List<MarcRecord> dp2Records() {
		return SharedData
			.records(SharedData.readAll("dp2-sru/dp2Catalog/SRU/sample_cnmarcxml.xml", MarcXmlReader::read));
	}

	private static byte[] iso2709(List<MarcRecord> records, MarcEncoding encoding) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Iso2709Writer writer = new Iso2709Writer(out, encoding);
		records.forEach(writer::write);
		return out.toByteArray();
	}

}
