package org.ndlp.catalog.marc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.marc4j.MarcException;

/**
 * Streams ISO 2709 records (MARC 21, UNIMARC, CNMARC; UTF-8, MARC-8, GB18030/GBK) from a
 * byte stream with bounded memory: one record (at most {@value #MAX_RECORD_BYTES} bytes)
 * is held at a time. Each record is framed by its record terminator, so a broken record
 * is reported as {@link ReadResult.Malformed} with its byte offset and the next one is
 * read.
 *
 * <p>
 * The record structure is parsed here rather than by marc4j's
 * {@code MarcPermissiveStreamReader}: marc4j does not expose where a record starts, loses
 * its place after a bad length, sets leader/09 to {@code a} and un-escapes HTML entities
 * in the data, which would break the lossless, byte-exact round trip. marc4j still does
 * the MARC-8 conversion, the part that needs its code tables. The caller owns and closes
 * the input stream.
 */
public final class Iso2709Reader implements Iterator<ReadResult> {

	/** Largest record accepted; ISO 2709 allows 99,999 bytes, real exports exceed it. */
	public static final int MAX_RECORD_BYTES = 1 << 20;

	static final byte RECORD_TERMINATOR = 0x1D;

	static final byte FIELD_TERMINATOR = 0x1E;

	static final byte SUBFIELD_DELIMITER = 0x1F;

	private static final String[] NUMERIC_TAGS = new String[1000];

	private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

	private static final int NON_ASCII = 1;

	private static final int ESCAPE = 2;

	static {
		for (int i = 0; i < NUMERIC_TAGS.length; i++) {
			NUMERIC_TAGS[i] = String.format(Locale.ROOT, "%03d", i).intern();
		}
	}

	private final InputStream in;

	private final ReadOptions options;

	private final MarcCharsets charsets = new MarcCharsets();

	private byte[] buf;

	private int pos;

	private int lim;

	// file offset of buf[0]
	private long bufStart;

	private boolean eof;

	private long index;

	private ReadResult next;

	// the encoding of the record parse() read last
	private MarcEncoding encoding;

	private final List<String> warnings = new ArrayList<>();

	private Iso2709Reader(InputStream in, ReadOptions options) {
		this(in, options, new byte[1 << 16]);
	}

	private Iso2709Reader(InputStream in, ReadOptions options, byte[] buf) {
		this.in = in;
		this.options = options;
		this.buf = buf;
	}

	/** Reads records, detecting schema and encoding per record. */
	public static Stream<ReadResult> read(InputStream in) {
		return read(in, ReadOptions.DETECT);
	}

	/** Reads records with the caller's schema and encoding overrides. */
	public static Stream<ReadResult> read(InputStream in, ReadOptions options) {
		return StreamSupport.stream(
				Spliterators.spliteratorUnknownSize(iterate(in, options), Spliterator.ORDERED | Spliterator.NONNULL),
				false);
	}

	/** The same as {@link #read(InputStream, ReadOptions)}, as an iterator. */
	public static Iso2709Reader iterate(InputStream in, ReadOptions options) {
		return new Iso2709Reader(in, options);
	}

	/**
	 * The records in bytes already in memory (a stored record read back), read in place:
	 * no copy into a buffer of its own, which cost more than parsing a short record. The
	 * reader never writes to {@code content}.
	 */
	public static Iso2709Reader iterate(byte[] content, ReadOptions options) {
		Iso2709Reader reader = new Iso2709Reader(InputStream.nullInputStream(), options, content);
		reader.lim = content.length;
		reader.eof = true;
		return reader;
	}

	@Override
	public boolean hasNext() {
		if (this.next == null) {
			try {
				this.next = advance();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return this.next != null;
	}

	@Override
	public ReadResult next() {
		if (!hasNext()) {
			throw new NoSuchElementException();
		}
		ReadResult result = this.next;
		this.next = null;
		return result;
	}

	private ReadResult advance() throws IOException {
		if (!skipSeparators()) {
			return null;
		}
		this.index++;
		long start = this.bufStart + this.pos;
		String location = "byte " + start;
		int terminator = scanTerminator();
		if (terminator == -2) {
			discardThroughTerminator();
			return new ReadResult.Malformed(this.index, location, null,
					"no record terminator within " + MAX_RECORD_BYTES + " bytes");
		}
		List<String> warnings = this.warnings;
		warnings.clear();
		int end;
		if (terminator == -1) {
			end = this.lim;
			warnings.add("file ends without a record terminator");
		}
		else {
			end = terminator + 1;
		}
		int split = missingTerminatorSplit(this.buf, this.pos, end);
		if (split > 0) {
			end = split;
			warnings.add("record terminator missing; record ended at its stated length");
		}
		int from = this.pos;
		this.pos = end;
		if (digits(this.buf, from, 5) < 0) {
			int start2 = recordStartWithin(this.buf, from, end);
			if (start2 > from) {
				// junk (a stray line, a truncated record) glued to the front of a good
				// record
				warnings.add((start2 - from) + " bytes before the record skipped");
				location = "byte " + (start + start2 - from);
				from = start2;
			}
		}
		// the record's own copy: kept as Parsed.source() and read by the lazily decoded
		// subfields, so the read buffer can be reused
		byte[] data = Arrays.copyOfRange(this.buf, from, end);
		try {
			MarcRecord record = parse(data, 0, data.length, warnings);
			MarcSchema schema = (this.options.schema() != null) ? this.options.schema() : MarcSchema.detect(record);
			return new ReadResult.Parsed(this.index, location, record, schema, this.encoding,
					warnings.isEmpty() ? List.of() : List.copyOf(warnings), ByteBuffer.wrap(data));
		}
		catch (MalformedMarcRecord ex) {
			String recordId = (ex.recordId() != null) ? ex.recordId() : guessRecordId(data, 0, data.length);
			return new ReadResult.Malformed(this.index, location, recordId, ex.getMessage());
		}
	}

	// where the next record starts when this one lost its terminator (the frame then
	// holds
	// two records): right at the stated length, or one byte before it; -1 otherwise
	private static int missingTerminatorSplit(byte[] data, int from, int end) {
		int declared = digits(data, from, 5);
		if (declared <= MarcRecord.LEADER_LENGTH) {
			return -1;
		}
		for (int next = from + declared - 1; next <= from + declared; next++) {
			if (next + MarcRecord.LEADER_LENGTH <= end && data[next - 1] == FIELD_TERMINATOR
					&& digits(data, next, 5) > 0 && data[next + 20] == '4' && data[next + 21] == '5') {
				return next;
			}
		}
		return -1;
	}

	// a broken directory usually still starts with 001 at offset 0: worth naming in a
	// report
	private static String guessRecordId(byte[] data, int from, int end) {
		int directoryEnd = indexOf(data, from + MarcRecord.LEADER_LENGTH, end, FIELD_TERMINATOR);
		if (directoryEnd < 0 || directoryEnd - from < MarcRecord.LEADER_LENGTH + 3
				|| !new String(data, from + MarcRecord.LEADER_LENGTH, 3, StandardCharsets.ISO_8859_1).equals("001")) {
			return null;
		}
		int valueEnd = indexOf(data, directoryEnd + 1, end, FIELD_TERMINATOR);
		if (valueEnd < 0 || valueEnd - directoryEnd > 64) {
			return null;
		}
		String id = new String(data, directoryEnd + 1, valueEnd - directoryEnd - 1, StandardCharsets.ISO_8859_1).trim();
		return id.isEmpty() ? null : id;
	}

	// the start of a record whose stated length ends exactly at this frame's end, or -1
	private static int recordStartWithin(byte[] data, int from, int end) {
		for (int p = from + 1; p + MarcRecord.LEADER_LENGTH < end; p++) {
			if (digits(data, p, 5) == end - p) {
				return p;
			}
		}
		return -1;
	}

	private record Entry(String tag, int from, int to) {
	}

	// parses bytes [from, end); end includes the record terminator when there is one;
	// sets this.encoding
	private MarcRecord parse(byte[] data, int from, int end, List<String> warnings) {
		int last = (data[end - 1] == RECORD_TERMINATOR) ? end - 1 : end;
		if (last - from < MarcRecord.LEADER_LENGTH + 1) {
			throw new MalformedMarcRecord("only " + (end - from) + " bytes, shorter than a leader and directory", null);
		}
		String leader = new String(data, from, MarcRecord.LEADER_LENGTH, StandardCharsets.ISO_8859_1);
		int declaredLength = digits(data, from, 5);
		if (declaredLength != end - from) {
			warnings.add("leader states length " + ((declaredLength < 0) ? leader.substring(0, 5) : declaredLength)
					+ " but the record has " + (end - from) + " bytes");
		}
		int directoryStart = from + MarcRecord.LEADER_LENGTH;
		int directoryEnd = indexOf(data, directoryStart, last, FIELD_TERMINATOR);
		if (directoryEnd < 0) {
			throw new MalformedMarcRecord("no field terminator after the directory", null);
		}
		int lengthDigits = digitAt(leader, 20, 4);
		int startDigits = digitAt(leader, 21, 5);
		int entrySize = 3 + lengthDigits + startDigits + digitAt(leader, 22, 0);
		int directoryLength = directoryEnd - directoryStart;
		if (directoryLength % entrySize != 0) {
			throw new MalformedMarcRecord("directory of " + directoryLength + " bytes is not a whole number of "
					+ entrySize + "-byte entries", null);
		}
		int base = directoryEnd + 1;
		int declaredBase = digits(data, from + 12, 5);
		if (declaredBase != base - from) {
			warnings
				.add("leader states base address " + leader.substring(12, 17) + " but data starts at " + (base - from));
		}
		int count = directoryLength / entrySize;
		String[] tags = new String[count];
		// stated lengths and starts first, then each field's bytes [fieldFrom, fieldTo)
		// without its terminator
		int[] fieldFrom = new int[count];
		int[] fieldTo = new int[count];
		boolean consistent = true;
		for (int k = 0; k < count; k++) {
			int e = directoryStart + k * entrySize;
			tags[k] = tag(data, e);
			int length = digits(data, e + 3, lengthDigits);
			int start = digits(data, e + 3 + lengthDigits, startDigits);
			if (length < 0 || start < 0) {
				throw new MalformedMarcRecord(
						"directory entry for " + printable(tags[k]) + " has a non-numeric length or start", null);
			}
			fieldFrom[k] = start;
			fieldTo[k] = length;
			int to = base + start + length;
			consistent &= length > 0 && to <= last && data[to - 1] == FIELD_TERMINATOR;
		}
		if (consistent) {
			for (int k = 0; k < count; k++) {
				int start = base + fieldFrom[k];
				fieldTo[k] = start + fieldTo[k] - 1;
				fieldFrom[k] = start;
			}
		}
		else {
			List<Entry> entries = entriesByTerminators(data, tags, fieldTo, fieldFrom, base, last, warnings);
			for (int k = 0; k < count; k++) {
				fieldFrom[k] = entries.get(k).from();
				fieldTo[k] = entries.get(k).to();
			}
		}
		String recordId = null;
		for (int k = 0; k < count; k++) {
			if (tags[k].equals("001")) {
				recordId = new String(data, fieldFrom[k], fieldTo[k] - fieldFrom[k], StandardCharsets.ISO_8859_1)
					.trim();
			}
		}
		// a record of ASCII only (no MARC-8 escapes either) reads the same in every
		// encoding
		int kinds = byteKinds(data, base, last);
		boolean ascii = kinds == 0;
		MarcEncoding encoding = this.options.encoding();
		boolean checked = false;
		if (encoding == null) {
			if (ascii) {
				encoding = (leader.charAt(9) == ' ' && looksMarc21(tags)) ? MarcEncoding.MARC_8 : MarcEncoding.UTF_8;
			}
			else {
				encoding = this.charsets.detect(data, base, last, (kinds & ESCAPE) != 0, leader.charAt(9),
						() -> unimarc100a(data, tags, fieldFrom, fieldTo), looksMarc21(tags));
				checked = this.charsets.validated();
			}
		}
		this.encoding = encoding;
		// how every data field of this record decodes, without checks or warnings, when
		// the whole data area is valid in it; null: field by field
		MarcEncoding plain = null;
		if (ascii || encoding == MarcEncoding.ISO_8859_1) {
			plain = MarcEncoding.ISO_8859_1;
		}
		else if (encoding == MarcEncoding.MARC_8 && (kinds & ESCAPE) == 0) {
			// marc4j converts MARC-8 without escape sequences without errors
			plain = MarcEncoding.MARC_8;
		}
		else if (encoding == MarcEncoding.UTF_8 && (checked || MarcCharsets.isValidUtf8(data, base, last))) {
			plain = MarcEncoding.UTF_8;
		}
		else if (encoding == MarcEncoding.GB18030 && (checked || this.charsets.strictGb18030(data, base, last))) {
			plain = MarcEncoding.GB18030;
		}
		int indicatorCount = digitAt(leader, 10, 2);
		MarcField[] fields = new MarcField[count];
		for (int k = 0; k < count; k++) {
			String tag = tags[k];
			if (MarcField.isControlTag(tag)) {
				fields[k] = new ControlField(tag,
						ascii ? new String(data, fieldFrom[k], fieldTo[k] - fieldFrom[k], StandardCharsets.ISO_8859_1)
								: decode(data, fieldFrom[k], fieldTo[k], encoding, tag, warnings, recordId));
			}
			else {
				fields[k] = dataField(data, tag, fieldFrom[k], fieldTo[k], indicatorCount, encoding, plain, warnings,
						recordId);
			}
		}
		return new MarcRecord(leader, new ArrayBackedList<>(fields));
	}

	// lengths counted in characters instead of bytes (a common UTF-8 export bug) or
	// shifted
	// starts: walk the data area in order, each field ending at the first field
	// terminator
	// at or after its stated length (a character count is never more than the byte count)
	private static List<Entry> entriesByTerminators(byte[] data, String[] tags, int[] lengths, int[] starts, int base,
			int last, List<String> warnings) {
		Integer[] order = new Integer[tags.length];
		for (int k = 0; k < order.length; k++) {
			order[k] = k;
		}
		// fields lie in the data area in the order of their stated starts, not always
		// directory order
		Arrays.sort(order, (a, b) -> Integer.compare(starts[a], starts[b]));
		Entry[] entries = new Entry[tags.length];
		int cursor = base;
		for (int k : order) {
			int terminator = indexOf(data, cursor + Math.max(lengths[k], 1) - 1, last, FIELD_TERMINATOR);
			if (terminator < 0) {
				return entriesBySegments(data, tags, order, base, last, warnings);
			}
			entries[k] = new Entry(tags[k], cursor, terminator);
			cursor = terminator + 1;
		}
		warnings.add("directory lengths or starts do not match the field terminators; fields were taken in order");
		if (cursor < last) {
			warnings.add((last - cursor) + " bytes after the last field ignored");
		}
		return List.of(entries);
	}

	// last resort: fields shorter than stated; usable when terminators and entries pair
	// up
	private static List<Entry> entriesBySegments(byte[] data, String[] tags, Integer[] order, int base, int last,
			List<String> warnings) {
		List<int[]> segments = new ArrayList<>();
		int from = base;
		for (int i = base; i < last; i++) {
			if (data[i] == FIELD_TERMINATOR) {
				segments.add(new int[] { from, i });
				from = i + 1;
			}
		}
		if (segments.size() != tags.length) {
			throw new MalformedMarcRecord("directory does not match the data: " + tags.length + " entries, "
					+ segments.size() + " field terminators", null);
		}
		Entry[] entries = new Entry[tags.length];
		for (int n = 0; n < order.length; n++) {
			int[] segment = segments.get(n);
			entries[order[n]] = new Entry(tags[order[n]], segment[0], segment[1]);
		}
		warnings.add("directory lengths do not match the field terminators; fields were split at the terminators");
		return List.of(entries);
	}

	// a field of bytes [from, to) valid in `plain` (or of plain ASCII) gets subfields
	// decoded on first use; any other is decoded now, reporting invalid bytes
	private DataField dataField(byte[] data, String tag, int from, int to, int indicatorCount, MarcEncoding encoding,
			MarcEncoding plain, List<String> warnings, String recordId) {
		char ind1 = ' ';
		char ind2 = ' ';
		if (to - from >= indicatorCount && indexOf(data, from, from + indicatorCount, SUBFIELD_DELIMITER) < 0) {
			ind1 = (indicatorCount > 0) ? (char) (data[from] & 0xFF) : ' ';
			ind2 = (indicatorCount > 1) ? (char) (data[from + 1] & 0xFF) : ' ';
			from += indicatorCount;
		}
		else {
			warnings.add("field " + printable(tag) + " has no indicators");
		}
		if (from < to && data[from] != SUBFIELD_DELIMITER) {
			int first = indexOf(data, from, to, SUBFIELD_DELIMITER);
			warnings.add("field " + printable(tag) + ": " + (((first < 0) ? to : first) - from)
					+ " bytes before the first subfield dropped");
			from = (first < 0) ? to : first;
		}
		MarcEncoding lazy = plain;
		if (lazy == null) {
			int kinds = byteKinds(data, from, to);
			if (kinds == 0) {
				lazy = MarcEncoding.ISO_8859_1;
			}
			else if (encoding == MarcEncoding.MARC_8 && (kinds & ESCAPE) == 0) {
				lazy = MarcEncoding.MARC_8;
			}
		}
		if (lazy != null) {
			return new DataField(tag, ind1, ind2, new Iso2709Subfields(data, from, to,
					countSubfields(data, from, to, tag, warnings, recordId), lazy));
		}
		List<Subfield> subfields = new ArrayList<>();
		while (from < to) {
			int next = indexOf(data, from + 1, to, SUBFIELD_DELIMITER);
			int valueTo = (next < 0) ? to : next;
			if (valueTo == from + 1) {
				warnings.add("field " + printable(tag) + ": empty subfield delimiter skipped");
			}
			else {
				char code = (char) (data[from + 1] & 0xFF);
				if (code < 0x20 || code > 0x7E) {
					throw new MalformedMarcRecord(
							"field " + printable(tag) + " has subfield code byte 0x" + Integer.toHexString(code),
							recordId);
				}
				subfields.add(new Subfield(code, decode(data, from + 2, valueTo, encoding, tag, warnings, recordId)));
			}
			from = valueTo;
		}
		return new DataField(tag, ind1, ind2, subfields);
	}

	// checks the subfield structure of [from, to) (which starts at a delimiter) the way
	// dataField reads it, without decoding; the number of subfields
	private static int countSubfields(byte[] data, int from, int to, String tag, List<String> warnings,
			String recordId) {
		int count = 0;
		while (from < to) {
			int next = indexOf(data, from + 1, to, SUBFIELD_DELIMITER);
			int valueTo = (next < 0) ? to : next;
			if (valueTo == from + 1) {
				warnings.add("field " + printable(tag) + ": empty subfield delimiter skipped");
			}
			else {
				char code = (char) (data[from + 1] & 0xFF);
				if (code < 0x20 || code > 0x7E) {
					throw new MalformedMarcRecord(
							"field " + printable(tag) + " has subfield code byte 0x" + Integer.toHexString(code),
							recordId);
				}
				count++;
			}
			from = valueTo;
		}
		return count;
	}

	private String decode(byte[] data, int from, int to, MarcEncoding encoding, String tag, List<String> warnings,
			String recordId) {
		try {
			String value = this.charsets.decodeStrict(data, from, to, encoding);
			if (value == null) {
				warnings.add("field " + printable(tag) + ": bytes invalid in " + encoding + " replaced");
				value = this.charsets.decodeLenient(data, from, to, encoding);
			}
			return value;
		}
		catch (MarcException ex) {
			// marc4j appends a dump of the whole field to the message; the first sentence
			// is enough
			String message = String.valueOf(ex.getMessage()).split("\\. ", 2)[0];
			throw new MalformedMarcRecord("field " + printable(tag) + ": invalid MARC-8 (" + message + ")", recordId);
		}
	}

	private static String unimarc100a(byte[] data, String[] tags, int[] fieldFrom, int[] fieldTo) {
		for (int k = 0; k < tags.length; k++) {
			if (tags[k].equals("100")) {
				int to = fieldTo[k];
				int a = indexOf(data, fieldFrom[k], to, SUBFIELD_DELIMITER);
				if (a >= 0 && a + 2 <= to && data[a + 1] == 'a') {
					int end = indexOf(data, a + 2, to, SUBFIELD_DELIMITER);
					return new String(data, a + 2, ((end < 0) ? to : end) - a - 2, StandardCharsets.ISO_8859_1);
				}
			}
		}
		return null;
	}

	private static boolean looksMarc21(String[] tags) {
		for (String tag : tags) {
			if (tag.equals("245") || tag.equals("008")) {
				return true;
			}
			if (tag.equals("200")) {
				return false;
			}
		}
		return false;
	}

	// what bytes [from, to) hold: 0 for plain ASCII, else the bits NON_ASCII (a byte
	// above 0x7F) and ESCAPE (ESC, which may start a MARC-8 escape sequence); eight bytes
	// at a time
	static int byteKinds(byte[] data, int from, int to) {
		long high = 0;
		long escape = 0;
		int i = from;
		for (; i + 8 <= to; i += 8) {
			long word = (long) LONGS.get(data, i);
			high |= word;
			// "has a zero byte" of word XOR ESC in every byte: exact, whatever the bytes
			long x = word ^ 0x1B1B1B1B1B1B1B1BL;
			escape |= (x - 0x0101010101010101L) & ~x;
		}
		int kinds = (((high & 0x8080808080808080L) != 0) ? NON_ASCII : 0)
				| (((escape & 0x8080808080808080L) != 0) ? ESCAPE : 0);
		for (; i < to; i++) {
			byte b = data[i];
			if (b < 0) {
				kinds |= NON_ASCII;
			}
			else if (b == 0x1B) {
				kinds |= ESCAPE;
			}
		}
		return kinds;
	}

	// the tag at a directory entry; numeric tags are shared strings
	private static String tag(byte[] data, int at) {
		int a = data[at] - '0';
		int b = data[at + 1] - '0';
		int c = data[at + 2] - '0';
		if (a >= 0 && a <= 9 && b >= 0 && b <= 9 && c >= 0 && c <= 9) {
			return NUMERIC_TAGS[a * 100 + b * 10 + c];
		}
		return new String(data, at, 3, StandardCharsets.ISO_8859_1);
	}

	// skips line breaks and padding between records; false at end of input
	private boolean skipSeparators() throws IOException {
		while (true) {
			while (this.pos < this.lim) {
				byte b = this.buf[this.pos];
				if (b == '\n' || b == '\r' || b == ' ' || b == '\t' || b == 0 || b == 0x1A || b == RECORD_TERMINATOR) {
					this.pos++;
				}
				else {
					return true;
				}
			}
			if (this.eof) {
				return false;
			}
			fill();
		}
	}

	// index of the next record terminator in buf, -1 at end of input, -2 when too far
	// away
	private int scanTerminator() throws IOException {
		int scanned = this.pos;
		while (true) {
			int found = indexOf(this.buf, scanned, this.lim, RECORD_TERMINATOR);
			if (found >= 0) {
				return found;
			}
			if (this.lim - this.pos >= MAX_RECORD_BYTES) {
				return -2;
			}
			if (this.eof) {
				return -1;
			}
			int shift = this.pos;
			scanned = this.lim - shift;
			fill();
		}
	}

	private void discardThroughTerminator() throws IOException {
		while (true) {
			for (int i = this.pos; i < this.lim; i++) {
				if (this.buf[i] == RECORD_TERMINATOR) {
					this.pos = i + 1;
					return;
				}
			}
			this.pos = this.lim;
			if (this.eof) {
				return;
			}
			fill();
		}
	}

	// moves unread bytes to the front, grows the buffer if full, reads more
	private void fill() throws IOException {
		if (this.pos > 0) {
			System.arraycopy(this.buf, this.pos, this.buf, 0, this.lim - this.pos);
			this.lim -= this.pos;
			this.bufStart += this.pos;
			this.pos = 0;
		}
		if (this.lim == this.buf.length) {
			this.buf = Arrays.copyOf(this.buf, this.buf.length * 2);
		}
		int n = this.in.read(this.buf, this.lim, this.buf.length - this.lim);
		if (n < 0) {
			this.eof = true;
		}
		else {
			this.lim += n;
		}
	}

	// eight bytes at a time; of the bytes the "has zero byte" test flags, the lowest is
	// always a real match
	static int indexOf(byte[] data, int from, int to, byte wanted) {
		long pattern = (wanted & 0xFFL) * 0x0101010101010101L;
		int i = from;
		for (; i + 8 <= to; i += 8) {
			long x = (long) LONGS.get(data, i) ^ pattern;
			long found = (x - 0x0101010101010101L) & ~x & 0x8080808080808080L;
			if (found != 0) {
				return i + (Long.numberOfTrailingZeros(found) >>> 3);
			}
		}
		for (; i < to; i++) {
			if (data[i] == wanted) {
				return i;
			}
		}
		return -1;
	}

	// a non-negative number from ASCII digits, or -1
	static int digits(byte[] data, int from, int count) {
		if (count <= 0 || from + count > data.length) {
			return -1;
		}
		int value = 0;
		for (int i = from; i < from + count; i++) {
			int d = data[i] - '0';
			if (d < 0 || d > 9) {
				return -1;
			}
			value = value * 10 + d;
		}
		return value;
	}

	private static int digitAt(String leader, int position, int fallback) {
		char c = leader.charAt(position);
		return (c >= '0' && c <= '9') ? c - '0' : fallback;
	}

	private static String printable(String tag) {
		StringBuilder out = new StringBuilder();
		for (char c : tag.toCharArray()) {
			out.append((c >= 0x20 && c < 0x7F) ? String.valueOf(c) : String.format("\\x%02X", (int) c));
		}
		return out.toString();
	}

}
