package org.ndlp.catalog.marc;

import java.nio.charset.Charset;
import java.util.AbstractList;
import java.util.Iterator;
import java.util.List;
import java.util.RandomAccess;

/**
 * The subfields of one ISO 2709 data field, decoded on first use. {@link Iso2709Reader}
 * has already checked the field's structure (subfield codes, empty delimiters) and that
 * its bytes are valid in the charset, so decoding can neither fail nor warn; most callers
 * read a few fields of a record, and the others never become strings. Immutable and safe
 * to share: a race decodes twice and publishes equal lists through final fields.
 */
final class Iso2709Subfields extends AbstractList<Subfield> implements RandomAccess {

	private final byte[] data;

	private final int from;

	private final int to;

	private final int size;

	private final Charset charset;

	private List<Subfield> decoded;

	/**
	 * Subfields of {@code data[from, to)}, which starts at a subfield delimiter (or is
	 * empty) and holds {@code size} non-empty subfields.
	 */
	Iso2709Subfields(byte[] data, int from, int to, int size, Charset charset) {
		this.data = data;
		this.from = from;
		this.to = to;
		this.size = size;
		this.charset = charset;
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
				subfields[n++] = new Subfield((char) (bytes[at + 1] & 0xFF),
						new String(bytes, at + 2, valueTo - at - 2, this.charset));
			}
			at = valueTo;
		}
		return List.of(subfields);
	}

}
