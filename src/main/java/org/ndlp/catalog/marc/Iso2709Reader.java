package org.ndlp.catalog.marc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
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

	private final InputStream in;

	private final ReadOptions options;

	private final MarcCharsets charsets = new MarcCharsets();

	private byte[] buf = new byte[1 << 16];

	private int pos;

	private int lim;

	// file offset of buf[0]
	private long bufStart;

	private boolean eof;

	private long index;

	private ReadResult next;

	private Iso2709Reader(InputStream in, ReadOptions options) {
		this.in = in;
		this.options = options;
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
		List<String> warnings = new ArrayList<>();
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
		try {
			MarcRecordAndEncoding parsed = parse(this.buf, from, end, warnings);
			MarcSchema schema = (this.options.schema() != null) ? this.options.schema()
					: MarcSchema.detect(parsed.record());
			return new ReadResult.Parsed(this.index, location, parsed.record(), schema, parsed.encoding(), warnings,
					ByteBuffer.wrap(Arrays.copyOfRange(this.buf, from, end)));
		}
		catch (MalformedMarcRecord ex) {
			String recordId = (ex.recordId() != null) ? ex.recordId() : guessRecordId(this.buf, from, end);
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

	private record MarcRecordAndEncoding(MarcRecord record, MarcEncoding encoding) {
	}

	private record Entry(String tag, int from, int to) {
	}

	// parses bytes [from, end); end includes the record terminator when there is one
	private MarcRecordAndEncoding parse(byte[] data, int from, int end, List<String> warnings) {
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
		int[] lengths = new int[count];
		int[] starts = new int[count];
		boolean consistent = true;
		for (int k = 0; k < count; k++) {
			int e = directoryStart + k * entrySize;
			tags[k] = new String(data, e, 3, StandardCharsets.ISO_8859_1);
			lengths[k] = digits(data, e + 3, lengthDigits);
			starts[k] = digits(data, e + 3 + lengthDigits, startDigits);
			if (lengths[k] < 0 || starts[k] < 0) {
				throw new MalformedMarcRecord(
						"directory entry for " + printable(tags[k]) + " has a non-numeric length or start", null);
			}
			int fieldTo = base + starts[k] + lengths[k];
			consistent &= lengths[k] > 0 && fieldTo <= last && data[fieldTo - 1] == FIELD_TERMINATOR;
		}
		List<Entry> entries = consistent ? entriesByDirectory(tags, lengths, starts, base)
				: entriesByTerminators(data, tags, lengths, starts, base, last, warnings);
		String recordId = null;
		for (Entry entry : entries) {
			if (entry.tag().equals("001")) {
				recordId = new String(data, entry.from(), entry.to() - entry.from(), StandardCharsets.ISO_8859_1)
					.trim();
			}
		}
		MarcEncoding encoding = this.options.encoding();
		if (encoding == null) {
			encoding = this.charsets.detect(data, base, last, leader.charAt(9), unimarc100a(data, entries),
					looksMarc21(entries));
		}
		int indicatorCount = digitAt(leader, 10, 2);
		List<MarcField> fields = new ArrayList<>(entries.size());
		for (Entry entry : entries) {
			if (MarcField.isControlTag(entry.tag())) {
				fields.add(new ControlField(entry.tag(),
						decode(data, entry.from(), entry.to(), encoding, entry.tag(), warnings, recordId)));
			}
			else {
				fields.add(dataField(data, entry, indicatorCount, encoding, warnings, recordId));
			}
		}
		return new MarcRecordAndEncoding(new MarcRecord(leader, fields), encoding);
	}

	private static List<Entry> entriesByDirectory(String[] tags, int[] lengths, int[] starts, int base) {
		List<Entry> entries = new ArrayList<>(tags.length);
		for (int k = 0; k < tags.length; k++) {
			int from = base + starts[k];
			entries.add(new Entry(tags[k], from, from + lengths[k] - 1));
		}
		return entries;
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

	private DataField dataField(byte[] data, Entry entry, int indicatorCount, MarcEncoding encoding,
			List<String> warnings, String recordId) {
		int from = entry.from();
		int to = entry.to();
		char ind1 = ' ';
		char ind2 = ' ';
		if (to - from >= indicatorCount && indexOf(data, from, from + indicatorCount, SUBFIELD_DELIMITER) < 0) {
			ind1 = (indicatorCount > 0) ? (char) (data[from] & 0xFF) : ' ';
			ind2 = (indicatorCount > 1) ? (char) (data[from + 1] & 0xFF) : ' ';
			from += indicatorCount;
		}
		else {
			warnings.add("field " + printable(entry.tag()) + " has no indicators");
		}
		if (from < to && data[from] != SUBFIELD_DELIMITER) {
			int first = indexOf(data, from, to, SUBFIELD_DELIMITER);
			warnings.add("field " + printable(entry.tag()) + ": " + (((first < 0) ? to : first) - from)
					+ " bytes before the first subfield dropped");
			from = (first < 0) ? to : first;
		}
		List<Subfield> subfields = new ArrayList<>();
		while (from < to) {
			int next = indexOf(data, from + 1, to, SUBFIELD_DELIMITER);
			int valueTo = (next < 0) ? to : next;
			if (valueTo == from + 1) {
				warnings.add("field " + printable(entry.tag()) + ": empty subfield delimiter skipped");
			}
			else {
				char code = (char) (data[from + 1] & 0xFF);
				if (code < 0x20 || code > 0x7E) {
					throw new MalformedMarcRecord("field " + printable(entry.tag()) + " has subfield code byte 0x"
							+ Integer.toHexString(code), recordId);
				}
				subfields.add(
						new Subfield(code, decode(data, from + 2, valueTo, encoding, entry.tag(), warnings, recordId)));
			}
			from = valueTo;
		}
		return new DataField(entry.tag(), ind1, ind2, subfields);
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

	private static String unimarc100a(byte[] data, List<Entry> entries) {
		for (Entry entry : entries) {
			if (entry.tag().equals("100")) {
				int a = indexOf(data, entry.from(), entry.to(), SUBFIELD_DELIMITER);
				if (a >= 0 && a + 2 <= entry.to() && data[a + 1] == 'a') {
					int end = indexOf(data, a + 2, entry.to(), SUBFIELD_DELIMITER);
					return new String(data, a + 2, ((end < 0) ? entry.to() : end) - a - 2, StandardCharsets.ISO_8859_1);
				}
			}
		}
		return null;
	}

	private static boolean looksMarc21(List<Entry> entries) {
		for (Entry entry : entries) {
			if (entry.tag().equals("245") || entry.tag().equals("008")) {
				return true;
			}
			if (entry.tag().equals("200")) {
				return false;
			}
		}
		return false;
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
			for (int i = scanned; i < this.lim; i++) {
				if (this.buf[i] == RECORD_TERMINATOR) {
					return i;
				}
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

	private static int indexOf(byte[] data, int from, int to, byte wanted) {
		for (int i = from; i < to; i++) {
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
