package org.ndlp.catalog.marc;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MarcXmlWriterTests {

	@Test
	void writesCnmarcRecordsThatReadBackEqual() {
		List<MarcRecord> records = SharedData
			.records(SharedData.readAll("dp2-sru/dp2Catalog/SRU/sample_cnmarcxml.xml", MarcXmlReader::read));
		byte[] written = write(records);
		List<ReadResult> again = MarcXmlReader.read(new ByteArrayInputStream(written)).toList();
		assertThat(SharedData.records(again)).isEqualTo(records);
		assertThat(SharedData.parsed(again)).allMatch((p) -> p.schema() == MarcSchema.CNMARC);
	}

	@Test
	void writesTheSameBytesEveryTime() {
		List<MarcRecord> records = SharedData
			.records(SharedData.readAll("traject/test/test_support/test_data.utf8.mrc", Iso2709Reader::read));
		byte[] once = write(records);
		byte[] twice = write(SharedData.records(MarcXmlReader.read(new ByteArrayInputStream(once)).toList()));
		assertThat(twice).isEqualTo(once);
	}

	@Test
	void escapesMarkupAndKeepsSpacesAndCarriageReturns() {
		MarcRecord record = new MarcRecord("00000nam  2200000   4500",
				List.of(new ControlField("001", "  a&b "), new DataField("245", '1', '0',
						List.of(new Subfield('a', "<Tom & \"Jerry\">\r\n"), new Subfield('c', " ")))));
		List<MarcRecord> again = SharedData
			.records(MarcXmlReader.read(new ByteArrayInputStream(write(List.of(record)))).toList());
		assertThat(again).containsExactly(record);
	}

	@Test
	void refusesCharactersXmlCannotCarryWithoutBreakingTheDocument() {
		MarcRecord bad = new MarcRecord("00000nam  2200000   4500", List.of(new ControlField("001", "esc\u001B")));
		MarcRecord good = new MarcRecord("00000nam  2200000   4500", List.of(new ControlField("001", "ok")));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (MarcXmlWriter writer = new MarcXmlWriter(out)) {
			assertThatIllegalArgumentException().isThrownBy(() -> writer.write(bad)).withMessageContaining("U+001B");
			writer.write(good);
		}
		assertThat(SharedData.records(MarcXmlReader.read(new ByteArrayInputStream(out.toByteArray())).toList()))
			.containsExactly(good);
	}

	private static byte[] write(List<MarcRecord> records) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (MarcXmlWriter writer = new MarcXmlWriter(out)) {
			records.forEach(writer::write);
		}
		return out.toByteArray();
	}

}
