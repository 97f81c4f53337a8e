package org.ndlp.catalog.marc;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.AbstractList;
import java.util.Iterator;
import java.util.List;
import java.util.RandomAccess;

/**
 * The subfields of one ISO 2709 data field, decoded on first use. {@link Iso2709Reader}
 * has already checked the field's structure (subfield codes, empty delimiters) and that
 * its bytes are valid in the encoding (ASCII; valid UTF-8 or GB18030; Latin-1; MARC-8
 * without escape sequences, which marc4j converts without errors), so decoding can
 * neither fail nor warn; most callers read a few fields of a record, and the others never
 * become strings. Immutable and safe to share: a race decodes twice and publishes equal
 * lists through final fields.
 */
final class Iso2709Subfields extends AbstractList<Subfield> implements RandomAccess {

	private static final char DELIMITER = (char) Iso2709Reader.SUBFIELD_DELIMITER;

	private final byte[] data;

	private final int from;

	private final int to;

	private final int size;

	private final MarcEncoding encoding;

	private List<Subfield> decoded;

	/**
	 * Subfields of {@code data[from, to)}, which starts at a subfield delimiter (or is
	 * empty) and holds {@code size} non-empty subfields.
	 */
	Iso2709Subfields(byte[] data, int from, int to, int size, MarcEncoding encoding) {
		this.data = data;
		this.from = from;
		this.to = to;
		this.size = size;
		this.encoding = encoding;
	}

	@Override
	public Subfield get(int index) {
		return decoded().get(index);
	}

	@Override
	public int size() {
		return this.size;
	}

	@Override
	public Iterator<Subfield> iterator() {
		return decoded().iterator();
	}

	private List<Subfield> decoded() {
		List<Subfield> list = this.decoded;
		if (list == null) {
			list = decode();
			this.decoded = list;
		}
		return list;
	}

	// the same walk as Iso2709Reader.dataField: an empty delimiter is skipped
	private List<Subfield> decode() {
		if (this.encoding == MarcEncoding.GB18030) {
			return decodeWhole();
		}
		byte[] bytes = this.data;
		Subfield[] subfields = new Subfield[this.size];
		int n = 0;
		int at = this.from;
		while (at < this.to) {
			int valueTo = at + 1;
			while (valueTo < this.to && bytes[valueTo] != Iso2709Reader.SUBFIELD_DELIMITER) {
				valueTo++;
			}
			if (valueTo > at + 1) {
				subfields[n++] = new Subfield((char) (bytes[at + 1] & 0xFF), value(bytes, at + 2, valueTo));
			}
			at = valueTo;
		}
		return new ArrayBackedList<>(subfields);
	}

	private String value(byte[] bytes, int from, int to) {
		if (this.encoding == MarcEncoding.MARC_8 && !MarcCharsets.isAscii(bytes, from, to)) {
			return MarcCharsets.marc8WithoutEscapes(bytes, from, to);
		}
		// ASCII is the same in MARC-8 (without escapes) and Latin-1
		Charset charset = (this.encoding == MarcEncoding.MARC_8) ? StandardCharsets.ISO_8859_1
				: this.encoding.charset();
		return new String(bytes, from, to - from, charset);
	}

	// a charset without the JDK's fast paths (GB18030) is set up once per field, not per
	// subfield: the delimiter is one byte and one char in it, never part of another
	// character, so the decoded field splits at U+001F as the bytes split at 0x1F
	private List<Subfield> decodeWhole() {
		String field = MarcCharsets.validGb18030(this.data, this.from, this.to);
		Subfield[] subfields = new Subfield[this.size];
		int n = 0;
		int at = 0;
		int end = field.length();
		while (at < end) {
			int valueTo = field.indexOf(DELIMITER, at + 1);
			if (valueTo < 0) {
				valueTo = end;
			}
			if (valueTo > at + 1) {
				subfields[n++] = new Subfield(field.charAt(at + 1), field.substring(at + 2, valueTo));
			}
			at = valueTo;
		}
		return new ArrayBackedList<>(subfields);
	}

}
