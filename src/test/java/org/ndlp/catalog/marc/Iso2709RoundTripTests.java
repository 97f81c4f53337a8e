package org.ndlp.catalog.marc;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ISO 2709 written back must equal what was read, byte for byte.
 */
class Iso2709RoundTripTests {

	@Test
	void writesUtf8Marc21BackByteForByte() {
		assertWholeFileRoundTrips("traject/test/test_support/test_data.utf8.mrc");
	}

	@Test
	void writesUnimarcBackByteForByteKeepingLeader23Blank() {
		assertWholeFileRoundTrips("xbib-marc/src/test/resources/org/xbib/marc/dialects/unimarc/periouni.mrc");
	}

	@Test
	void writesMarc8BackByteForByteForAlmostEveryRecord() {
		byte[] file = SharedData.bytes("solrmarc/test/data/records/uva_001_2000.mrc");
		List<ReadResult.Parsed> parsed = SharedData.parsed(Iso2709Reader.read(new ByteArrayInputStream(file)).toList());
		Iso2709Writer writer = new Iso2709Writer(ByteArrayOutputStream.nullOutputStream(), MarcEncoding.MARC_8);
		long exact = parsed.stream().filter((p) -> {
			byte[] written = writer.toBytes(p.record());
			int offset = Integer.parseInt(p.location().substring("byte ".length()));
			return Arrays.equals(written, 0, written.length, file, offset,
					Math.min(file.length, offset + written.length));
		}).count();
		// MARC-8 allows several byte forms of one text: marc4j closes every escape run at
		// the end of a subfield, some source systems do not (11 of 2,000 records here)
		assertThat(exact).isGreaterThanOrEqualTo(1985);
	}

	@Test
	void keepsEachRecordsBytesAsReceived() {
		byte[] file = SharedData.bytes("solrmarc/test/data/records/uva_001_2000.mrc");
		ByteArrayOutputStream out = new ByteArrayOutputStream(file.length);
		Iso2709Reader.read(new ByteArrayInputStream(file)).map(ReadResult.Parsed.class::cast).forEach((p) -> {
			byte[] bytes = new byte[p.source().remaining()];
			p.source().duplicate().get(bytes);
			out.writeBytes(bytes);
		});
		assertThat(out.toByteArray()).isEqualTo(file);
	}

	@Test
	void refusesToWriteCharactersTheEncodingCannotCarry() {
		MarcRecord chinese = new MarcRecord("00000nam  2200000   4500",
				List.of(new DataField("200", '1', ' ', List.of(new Subfield('a', "中国发展报告")))));
		Iso2709Writer latin1 = new Iso2709Writer(ByteArrayOutputStream.nullOutputStream(), MarcEncoding.ISO_8859_1);
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
			.isThrownBy(() -> latin1.toBytes(chinese))
			.withMessageContaining("U+4E2D");
	}

	private static void assertWholeFileRoundTrips(String relative) {
		byte[] file = SharedData.bytes(relative);
		ByteArrayOutputStream out = new ByteArrayOutputStream(file.length);
		Iso2709Reader.read(new ByteArrayInputStream(file)).map(ReadResult.Parsed.class::cast).forEach((p) -> {
			assertThat(p.warnings()).isEmpty();
			new Iso2709Writer(out, p.encoding()).write(p.record());
		});
		assertThat(out.toByteArray()).isEqualTo(file);
	}

}
