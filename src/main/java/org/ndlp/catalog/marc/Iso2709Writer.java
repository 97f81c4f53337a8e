package org.ndlp.catalog.marc;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes records as ISO 2709 in a chosen encoding. The leader is written as held except
 * for the computed record length (00-04), base address (12-16) and the fixed structure
 * positions (10-11 {@code 22}, 20-22 {@code 450}; UNIMARC leaves 23 blank); fields go out
 * in record order, so a record read by {@link Iso2709Reader} is written back byte for
 * byte. Leader/09 is not changed: set it when changing a MARC 21 record's encoding. A
 * character the encoding cannot carry is an {@link IllegalArgumentException}, never a
 * silent {@code ?}. Not thread-safe; the caller owns the stream.
 */
public final class Iso2709Writer {

	private static final int MAX_FIELD_LENGTH = 9999;

	private static final int MAX_OFFSET = 99999;

	private final OutputStream out;

	private final MarcEncoding encoding;

	private final MarcCharsets charsets = new MarcCharsets();

	/**
	 * A writer to a stream in an encoding (not MARC-8 unless the data is MARC-8-safe).
	 */
	public Iso2709Writer(OutputStream out, MarcEncoding encoding) {
		this.out = out;
		this.encoding = encoding;
	}

	/** Writes one record. */
	public void write(MarcRecord record) {
		try {
			this.out.write(toBytes(record));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The ISO 2709 bytes of one record in this writer's encoding. */
	public byte[] toBytes(MarcRecord record) {
		List<MarcField> fields = record.fields();
		ByteArrayOutputStream data = new ByteArrayOutputStream(1024);
		byte[] directory = new byte[fields.size() * 12];
		int d = 0;
		for (MarcField field : fields) {
			int start = data.size();
			if (field instanceof ControlField control) {
				data.writeBytes(this.charsets.encode(control.value(), this.encoding));
			}
			else if (field instanceof DataField dataField) {
				data.write(dataField.ind1());
				data.write(dataField.ind2());
				for (Subfield subfield : dataField.subfields()) {
					data.write(Iso2709Reader.SUBFIELD_DELIMITER);
					data.write(subfield.code());
					data.writeBytes(this.charsets.encode(subfield.value(), this.encoding));
				}
			}
			data.write(Iso2709Reader.FIELD_TERMINATOR);
			int length = data.size() - start;
			if (length > MAX_FIELD_LENGTH || start > MAX_OFFSET) {
				throw new IllegalArgumentException(
						"field " + field.tag() + " of record " + record.controlNumber().orElse("?")
								+ " does not fit ISO 2709 (length " + length + ", offset " + start + ")");
			}
			byte[] tag = field.tag().getBytes(StandardCharsets.ISO_8859_1);
			if (tag.length != 3) {
				throw new IllegalArgumentException("tag must have 3 characters: " + field.tag());
			}
			System.arraycopy(tag, 0, directory, d, 3);
			number(directory, d + 3, 4, length);
			number(directory, d + 7, 5, start);
			d += 12;
		}
		data.write(Iso2709Reader.RECORD_TERMINATOR);
		int base = MarcRecord.LEADER_LENGTH + directory.length + 1;
		int total = base + data.size();
		if (total > MAX_OFFSET) {
			throw new IllegalArgumentException("record " + record.controlNumber().orElse("?") + " has " + total
					+ " bytes, more than ISO 2709 allows");
		}
		byte[] leader = record.leader().getBytes(StandardCharsets.ISO_8859_1);
		number(leader, 0, 5, total);
		number(leader, 12, 5, base);
		leader[10] = '2';
		leader[11] = '2';
		leader[20] = '4';
		leader[21] = '5';
		leader[22] = '0';
		byte[] bytes = new byte[total];
		System.arraycopy(leader, 0, bytes, 0, MarcRecord.LEADER_LENGTH);
		System.arraycopy(directory, 0, bytes, MarcRecord.LEADER_LENGTH, directory.length);
		bytes[base - 1] = Iso2709Reader.FIELD_TERMINATOR;
		byte[] body = data.toByteArray();
		System.arraycopy(body, 0, bytes, base, body.length);
		return bytes;
	}

	private static void number(byte[] target, int at, int width, int value) {
		for (int i = at + width - 1; i >= at; i--) {
			target[i] = (byte) ('0' + value % 10);
			value /= 10;
		}
	}

}
