package org.ndlp.catalog.marc;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class Iso2709ReaderTests {

	@Test
	void readsAllTwoThousandUvaRecordsAsMarc21InMarc8() {
		List<ReadResult> results = SharedData.readAll("solrmarc/test/data/records/uva_001_2000.mrc",
				Iso2709Reader::read);
		assertThat(results).hasSize(2000).allMatch(ReadResult.Parsed.class::isInstance);
		assertThat(SharedData.parsed(results)).allMatch((p) -> p.schema() == MarcSchema.MARC21)
			.allMatch((p) -> p.encoding() == MarcEncoding.MARC_8);
		assertThat(results.get(0).location()).isEqualTo("byte 0");
		assertThat(results.get(1999).index()).isEqualTo(2000);
	}

	@Test
	void readsBytesInMemoryInPlaceExactlyAsTheStreamAndLeavesThemUntouched() {
		for (String file : List.of("solrmarc/test/data/records/uva_001_2000.mrc",
				"marc4j/test/resources/pride-and-prejudice-with-many-errors.mrc",
				"traject/test/test_support/test_data.utf8.mrc")) {
			byte[] bytes = SharedData.bytes(file);
			byte[] before = bytes.clone();
			List<ReadResult> streamed;
			try (Stream<ReadResult> results = Iso2709Reader.read(new ByteArrayInputStream(bytes), ReadOptions.DETECT)) {
				streamed = results.toList();
			}
			List<ReadResult> inPlace = new java.util.ArrayList<>();
			Iso2709Reader.iterate(bytes, ReadOptions.DETECT).forEachRemaining(inPlace::add);
			assertThat(inPlace).as(file).hasSameSizeAs(streamed).hasSizeGreaterThan(1);
			assertThat(inPlace).as(file).usingRecursiveFieldByFieldElementComparator().isEqualTo(streamed);
			assertThat(bytes).as(file).isEqualTo(before);
		}
	}

	@Test
	void readsAllPeriouniRecordsAsUnimarcInUtf8() {
		List<ReadResult> results = SharedData
			.readAll("xbib-marc/src/test/resources/org/xbib/marc/dialects/unimarc/periouni.mrc", Iso2709Reader::read);
		assertThat(results).hasSize(3064).allMatch(ReadResult.Parsed.class::isInstance);
		assertThat(SharedData.parsed(results)).allMatch((p) -> p.schema() == MarcSchema.UNIMARC)
			.allMatch((p) -> p.encoding() == MarcEncoding.UTF_8);
	}

	@Test
	void readsUtf8Marc21WithChineseFromTheLeaderFlag() {
		List<MarcRecord> records = SharedData
			.records(SharedData.readAll("traject/test/test_support/test_data.utf8.mrc", Iso2709Reader::read));
		assertThat(records).hasSize(30);
		assertThat(records).flatExtracting((r) -> r.dataFields("880"))
			.flatExtracting(DataField::subfields)
			.extracting(Subfield::value)
			.anyMatch((value) -> value.codePoints().anyMatch((c) -> c >= 0x4E00 && c <= 0x9FFF));
	}

	@Test
	void reportsEachBrokenRecordWithItsPositionAndIdAndGoesOn() {
		List<ReadResult> results = SharedData.readAll("marc4j/test/resources/not_unimarc_errors_3.mrc",
				Iso2709Reader::read);
		assertThat(SharedData.malformed(results)).extracting(ReadResult.Malformed::recordId)
			.containsExactly("u5183203", "u6382651", "u6499781");
		assertThat(SharedData.malformed(results)).extracting(ReadResult::location)
			.containsExactly("byte 0", "byte 1612", "byte 3234");
		assertThat(SharedData.malformed(results)).allMatch((m) -> m.reason().contains("subfield code"));
	}

	@Test
	void readsPastTheBrokenRecordsOfAManyErrorsFile() {
		List<ReadResult> results = SharedData.readAll("marc4j/test/resources/pride-and-prejudice-with-many-errors.mrc",
				Iso2709Reader::read);
		List<ReadResult> fixed = SharedData.readAll("marc4j/test/resources/pride-and-prejudice-fixed.mrc",
				Iso2709Reader::read);
		assertThat(fixed).hasSize(383).allMatch(ReadResult.Parsed.class::isInstance);
		assertThat(results).hasSize(383);
		assertThat(SharedData.malformed(results)).isNotEmpty()
			.allMatch((m) -> !m.reason().isBlank() && m.location().startsWith("byte "));
		assertThat(results).extracting(ReadResult::index)
			.containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, 383).boxed().toList());
	}

	@Test
	void neverThrowsOnTheDeliberatelyBrokenFiles() throws IOException {
		Path folder = SharedData.file("marc4j/test/resources/bad_hathi_records.mrc").getParent();
		List<Path> broken;
		try (Stream<Path> files = Files.list(folder)) {
			broken = files.filter((p) -> p.getFileName().toString().matches("(bad|error).*\\.mrc|.*errors.*\\.mrc"))
				.toList();
		}
		assertThat(broken).hasSizeGreaterThanOrEqualTo(5);
		for (Path file : broken) {
			try (InputStream in = Files.newInputStream(file)) {
				List<ReadResult> results = Iso2709Reader.read(in).toList();
				assertThat(results).as(file.toString()).isNotEmpty();
			}
		}
	}

	@Test
	void givesUpOnARunawayRecordAfterOneMebibyteAndReadsTheNextOnes() {
		List<ReadResult> results = SharedData.readAll("marc4j/test/resources/bad_hathi_records.mrc",
				Iso2709Reader::read);
		assertThat(SharedData.parsed(results)).hasSize(4);
		assertThat(SharedData.malformed(results)).singleElement()
			.satisfies((m) -> assertThat(m.reason()).startsWith("no record terminator within"));
	}

	@Test
	void reportsARecordCutShortAtTheEndOfTheFile() {
		byte[] file = SharedData.bytes("traject/test/test_support/test_data.utf8.mrc");
		byte[] cut = Arrays.copyOf(file, file.length - 300);
		List<ReadResult> results = Iso2709Reader.read(new ByteArrayInputStream(cut)).toList();
		assertThat(results).hasSize(30);
		assertThat(SharedData.parsed(results)).hasSize(29);
		assertThat(results.get(29)).isInstanceOf(ReadResult.Malformed.class);
	}

	@Test
	void skipsJunkBeforeARecordAndReadsTheRecord() {
		byte[] file = SharedData.bytes("traject/test/test_support/test_data.utf8.mrc");
		ByteArrayOutputStream junk = new ByteArrayOutputStream();
		junk.writeBytes("not a record".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
		junk.writeBytes(file);
		List<ReadResult> results = Iso2709Reader.read(new ByteArrayInputStream(junk.toByteArray())).toList();
		assertThat(results).hasSize(30).allMatch(ReadResult.Parsed.class::isInstance);
		assertThat(((ReadResult.Parsed) results.get(0)).warnings()).anyMatch((w) -> w.contains("skipped"));
		assertThat(results.get(0).location()).isEqualTo("byte 12");
	}

	@Test
	void splitsTwoRecordsWhoseTerminatorIsMissing() {
		byte[] file = SharedData.bytes("traject/test/test_support/test_data.utf8.mrc");
		int firstEnd = Iso2709Reader.digits(file, 0, 5);
		assertThat(file[firstEnd - 1]).isEqualTo(Iso2709Reader.RECORD_TERMINATOR);
		byte[] glued = new byte[file.length - 1];
		System.arraycopy(file, 0, glued, 0, firstEnd - 1);
		System.arraycopy(file, firstEnd, glued, firstEnd - 1, file.length - firstEnd);
		// the first record now ends with its last field terminator and no record
		// terminator
		List<ReadResult> results = Iso2709Reader.read(new ByteArrayInputStream(glued)).toList();
		assertThat(results).hasSize(30).allMatch(ReadResult.Parsed.class::isInstance);
		assertThat(((ReadResult.Parsed) results.get(0)).warnings()).anyMatch((w) -> w.contains("terminator missing"));
	}

	@Test
	void recoversFieldsWhenTheDirectoryCountsCharactersInsteadOfBytes() {
		List<ReadResult> results = SharedData.readAll("catmandu-marc/t/bu_bibs.mrc", Iso2709Reader::read);
		assertThat(results).hasSize(100).allMatch(ReadResult.Parsed.class::isInstance);
		ReadResult.Parsed repaired = SharedData.parsed(results)
			.stream()
			.filter((p) -> p.record().controlNumber().orElse("").equals("99177201570001161"))
			.findFirst()
			.orElseThrow();
		assertThat(repaired.warnings()).anyMatch((w) -> w.contains("directory"));
		assertThat(repaired.record().firstValue("852", 'h')).hasValue("F1219.1.M55");
	}

	@Test
	void usesTheCallersEncodingOverDetection() {
		List<ReadResult> results = SharedData.readAll("traject/test/test_support/test_data.utf8.mrc",
				(in) -> Iso2709Reader.read(in, ReadOptions.DETECT.withEncoding(MarcEncoding.ISO_8859_1)));
		assertThat(SharedData.parsed(results)).hasSize(30).allMatch((p) -> p.encoding() == MarcEncoding.ISO_8859_1);
	}

	@Test
	void decodesSubfieldsOnFirstUseToWhatEagerDecodingGives() {
		for (String file : List.of("solrmarc/test/data/records/uva_001_2000.mrc",
				"traject/test/test_support/test_data.utf8.mrc",
				"xbib-marc/src/test/resources/org/xbib/marc/dialects/unimarc/periouni.mrc")) {
			for (MarcRecord record : SharedData.records(SharedData.readAll(file, Iso2709Reader::read))) {
				List<MarcField> copied = new java.util.ArrayList<>();
				for (MarcField field : record.fields()) {
					copied.add((field instanceof DataField data) ? new DataField(data.tag(), data.ind1(), data.ind2(),
							new java.util.ArrayList<>(data.subfields())) : field);
				}
				MarcRecord eager = new MarcRecord(record.leader(), copied);
				assertThat(eager).isEqualTo(record).hasSameHashCodeAs(record);
				assertThat(record).isEqualTo(eager);
				assertThat(eager.toString()).isEqualTo(record.toString());
			}
		}
	}

	@Test
	void decodesGb18030FieldsOnFirstUseOnlyWhenTheWholeRecordIsValid() {
		DataField title = new DataField("200", '1', ' ',
				List.of(new Subfield('a', "中文图书馆"), new Subfield('A', "zhong wen tu shu guan")));
		MarcRecord record = new MarcRecord("00000nam  2200000   4500", List.of(new ControlField("001", "gb-1"), title));
		byte[] bytes = new Iso2709Writer(java.io.OutputStream.nullOutputStream(), MarcEncoding.GB18030).toBytes(record);
		ReadResult.Parsed valid = SharedData
			.parsed(Iso2709Reader
				.read(new ByteArrayInputStream(bytes), ReadOptions.DETECT.withEncoding(MarcEncoding.GB18030))
				.toList())
			.get(0);
		assertThat(valid.record().fields()).isEqualTo(record.fields());
		assertThat(valid.warnings()).isEmpty();
		// a byte that is not GB18030 in the title: replaced, with a warning, at read time
		byte[] broken = bytes.clone();
		int at = indexOf(broken, "中".getBytes(MarcEncoding.GB18030.charset()));
		broken[at + 1] = (byte) 0x7F;
		ReadResult.Parsed repaired = SharedData
			.parsed(Iso2709Reader
				.read(new ByteArrayInputStream(broken), ReadOptions.DETECT.withEncoding(MarcEncoding.GB18030))
				.toList())
			.get(0);
		assertThat(repaired.warnings()).anyMatch((w) -> w.contains("bytes invalid in GB18030"));
		assertThat(repaired.record().firstValue("200", 'a').orElseThrow()).contains("\uFFFD").endsWith("文图书馆");
		assertThat(repaired.record().firstValue("200", 'A')).hasValue("zhong wen tu shu guan");
	}

	private static int indexOf(byte[] data, byte[] wanted) {
		for (int i = 0; i + wanted.length <= data.length; i++) {
			if (Arrays.equals(data, i, i + wanted.length, wanted, 0, wanted.length)) {
				return i;
			}
		}
		return -1;
	}

}
