package org.ndlp.catalog.marc;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import java.util.function.Supplier;

import org.marc4j.converter.impl.AnselToUnicode;
import org.marc4j.converter.impl.UnicodeToAnsel;

/**
 * Decoding and encoding of field data, and the byte-level encoding detection of ISO 2709
 * records. Not thread-safe: one instance per reader or writer.
 */
final class MarcCharsets {

	private static final byte ESC = 0x1B;

	private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

	private final CharsetDecoder strictGb = MarcEncoding.GB18030.charset()
		.newDecoder()
		.onMalformedInput(CodingErrorAction.REPORT)
		.onUnmappableCharacter(CodingErrorAction.REPORT);

	// reused by strictGb18030: a GB18030 character never takes more chars than bytes
	private CharBuffer gbChars = CharBuffer.allocate(4096);

	private AnselToUnicode ansel;

	// whether the last detect() found every byte of the range valid in what it returned
	private boolean validated;

	private UnicodeToAnsel toAnsel;

	/** Decodes bytes; returns {@code null} when they are not valid in the encoding. */
	String decodeStrict(byte[] data, int from, int to, MarcEncoding encoding) {
		switch (encoding) {
			case UTF_8:
				// own validation + the JDK's intrinsic decoding beat a CharsetDecoder per
				// subfield
				return isValidUtf8(data, from, to) ? new String(data, from, to - from, StandardCharsets.UTF_8) : null;
			case GB18030:
				return strictGb18030(data, from, to) ? new String(this.gbChars.array(), 0, this.gbChars.position())
						: null;
			case MARC_8:
				return marc8(data, from, to);
			default:
				return new String(data, from, to - from, StandardCharsets.ISO_8859_1);
		}
	}

	/** Decodes bytes, replacing what is not valid. */
	String decodeLenient(byte[] data, int from, int to, MarcEncoding encoding) {
		if (encoding == MarcEncoding.MARC_8) {
			return marc8(data, from, to);
		}
		return new String(data, from, to - from, encoding.charset());
	}

	byte[] encode(String value, MarcEncoding encoding) {
		if (encoding == MarcEncoding.MARC_8) {
			if (isAscii(value)) {
				return value.getBytes(StandardCharsets.US_ASCII);
			}
			if (this.toAnsel == null) {
				this.toAnsel = new UnicodeToAnsel();
			}
			return this.toAnsel.convert(value).getBytes(StandardCharsets.ISO_8859_1);
		}
		if (encoding == MarcEncoding.ISO_8859_1) {
			for (int i = 0; i < value.length(); i++) {
				if (value.charAt(i) > 0xFF) {
					// getBytes would write '?' silently
					throw new IllegalArgumentException(
							String.format("U+%04X cannot be written in ISO-8859-1", (int) value.charAt(i)));
				}
			}
		}
		return value.getBytes(encoding.charset());
	}

	// for subfields decoded on first use, on whichever thread uses them
	private static final ThreadLocal<MarcCharsets> LAZY = ThreadLocal.withInitial(MarcCharsets::new);

	/**
	 * MARC-8 bytes without escape sequences (the default ASCII and ANSEL sets), which
	 * marc4j converts without errors; usable from any thread.
	 */
	static String marc8WithoutEscapes(byte[] data, int from, int to) {
		return LAZY.get().marc8(data, from, to);
	}

	/**
	 * GB18030 bytes already known valid, through this thread's decoder (the
	 * {@code String} constructor sets a new decoder up per call); usable from any thread.
	 */
	static String validGb18030(byte[] data, int from, int to) {
		MarcCharsets charsets = LAZY.get();
		if (charsets.strictGb18030(data, from, to)) {
			return new String(charsets.gbChars.array(), 0, charsets.gbChars.position());
		}
		return new String(data, from, to - from, MarcEncoding.GB18030.charset());
	}

	private String marc8(byte[] data, int from, int to) {
		if (isAscii(data, from, to) && !hasMarc8Escape(data, from, to)) {
			return new String(data, from, to - from, StandardCharsets.US_ASCII);
		}
		if (this.ansel == null) {
			this.ansel = new AnselToUnicode();
			// keep MARC-8's decomposed diacritics: composing would break the byte round
			// trip
			this.ansel.setComposeUnicode(false);
		}
		char[] chars = new char[to - from];
		for (int i = from; i < to; i++) {
			chars[i - from] = (char) (data[i] & 0xFF);
		}
		return this.ansel.convert(chars);
	}

	/**
	 * Whether the bytes are valid GB18030, decoding them into {@code gbChars} (from 0 to
	 * its position) without allocating a string.
	 */
	boolean strictGb18030(byte[] data, int from, int to) {
		int length = to - from;
		if (this.gbChars.capacity() < length) {
			this.gbChars = CharBuffer.allocate(Math.max(length, this.gbChars.capacity() * 2));
		}
		this.gbChars.clear();
		this.strictGb.reset();
		CoderResult result = this.strictGb.decode(ByteBuffer.wrap(data, from, length), this.gbChars, true);
		if (!result.isUnderflow()) {
			return false;
		}
		return this.strictGb.flush(this.gbChars).isUnderflow();
	}

	/**
	 * Detects the encoding of one ISO 2709 record from its bytes, which outrank what the
	 * record declares: pure ASCII; MARC-8 escape sequences; valid UTF-8; GB18030 that is
	 * mostly GB 2312 pairs; then the declarations (leader/09 {@code a}, UNIMARC
	 * 100$a/26-29 {@code 50}) for UTF-8 with a few bad bytes; MARC-8 for MARC 21-looking
	 * records; Latin-1 as the lossless rest.
	 */
	MarcEncoding detect(byte[] data, int from, int to, char leader09, Supplier<String> unimarc100a,
			boolean looksMarc21) {
		return detect(data, from, to, true, leader09, unimarc100a, looksMarc21);
	}

	/**
	 * The same, told whether the range holds an ESC byte at all (when it does not, no
	 * MARC-8 escape sequence needs looking for).
	 */
	MarcEncoding detect(byte[] data, int from, int to, boolean hasEsc, char leader09, Supplier<String> unimarc100a,
			boolean looksMarc21) {
		this.validated = false;
		return detectUnchecked(data, from, to, hasEsc, leader09, unimarc100a, looksMarc21);
	}

	/**
	 * Whether the last {@link #detect} decoded the whole range strictly (valid UTF-8 or
	 * GB18030), so that every part of it between ASCII delimiters decodes without errors.
	 */
	boolean validated() {
		return this.validated;
	}

	private MarcEncoding detectUnchecked(byte[] data, int from, int to, boolean hasEsc, char leader09,
			Supplier<String> unimarc100a, boolean looksMarc21) {
		// MARC-8 escapes (ESC $ 1 for CJK) are 7-bit, so they must be looked for before
		// ASCII
		if (hasEsc && hasMarc8Escape(data, from, to)) {
			return MarcEncoding.MARC_8;
		}
		if (isAscii(data, from, to)) {
			return (leader09 == ' ' && looksMarc21) ? MarcEncoding.MARC_8 : MarcEncoding.UTF_8;
		}
		if (isValidUtf8(data, from, to)) {
			this.validated = true;
			return MarcEncoding.UTF_8;
		}
		if (mostlyCjkInGb18030(data, from, to)) {
			this.validated = true;
			return MarcEncoding.GB18030;
		}
		if (mostlyUtf8(data, from, to)) {
			// UTF-8 with a few bad bytes: decode it with replacements rather than as
			// another encoding
			return MarcEncoding.UTF_8;
		}
		if (looksMarc21) {
			return MarcEncoding.MARC_8;
		}
		String coded = (leader09 == 'a') ? null : unimarc100a.get();
		boolean declaresUnicode = leader09 == 'a'
				|| (coded != null && coded.length() >= 30 && coded.substring(26, 30).contains("50"));
		return declaresUnicode ? MarcEncoding.UTF_8 : MarcEncoding.ISO_8859_1;
	}

	// MARC-8 diacritics before ASCII letters also form valid GB18030 pairs, but with a
	// trail byte below 0xA1; Chinese text is overwhelmingly GB 2312 pairs (both bytes >=
	// 0xA1)
	private boolean mostlyCjkInGb18030(byte[] data, int from, int to) {
		int gb2312 = 0;
		int other = 0;
		int i = from;
		while (i < to) {
			int b = data[i] & 0xFF;
			if (b < 0x80) {
				i++;
				continue;
			}
			// each pair still to come adds at most one GB 2312 pair: stop when even that
			// cannot reach 80 %
			if (gb2312 + (to - i) / 2 < 4 * other) {
				return false;
			}
			int b2 = (i + 1 < to) ? data[i + 1] & 0xFF : 0;
			if (b2 >= 0x30 && b2 <= 0x39) {
				other++;
				i += 4;
			}
			else {
				if (b >= 0xA1 && b2 >= 0xA1) {
					gb2312++;
				}
				else {
					other++;
				}
				i += 2;
			}
		}
		return gb2312 > 0 && gb2312 * 10 >= (gb2312 + other) * 8 && strictGb18030(data, from, to);
	}

	static boolean isAscii(byte[] data, int from, int to) {
		int i = from;
		for (; i + 8 <= to; i += 8) {
			if (((long) LONGS.get(data, i) & 0x8080808080808080L) != 0) {
				return false;
			}
		}
		for (; i < to; i++) {
			if (data[i] < 0) {
				return false;
			}
		}
		return true;
	}

	static boolean isAscii(String value) {
		for (int i = 0; i < value.length(); i++) {
			if (value.charAt(i) > 0x7F) {
				return false;
			}
		}
		return true;
	}

	private static boolean hasMarc8Escape(byte[] data, int from, int to) {
		for (int i = from; i < to - 1; i++) {
			if (data[i] == ESC) {
				byte next = data[i + 1];
				if (next == '(' || next == ',' || next == '$' || next == ')' || next == '-' || next == 'b'
						|| next == 'g' || next == 'p' || next == 's') {
					return true;
				}
			}
		}
		return false;
	}

	// whether at least 80 % of the non-ASCII bytes belong to well-formed UTF-8 sequences
	// (true when there are none)
	static boolean mostlyUtf8(byte[] data, int from, int to) {
		int good = 0;
		int bad = 0;
		int i = from;
		while (i < to) {
			if (data[i] >= 0) {
				i++;
				continue;
			}
			// the bytes still to come cannot make up for the bad ones any more
			if (good + (to - i) < 4 * bad) {
				return false;
			}
			int length = utf8SequenceLength(data, i, to);
			if (length > 0) {
				good += length;
				i += length;
			}
			else {
				bad++;
				i++;
			}
		}
		// good / (good + bad) >= 0.8, in integers
		return good * 5L >= (good + bad) * 4L;
	}

	// well-formed UTF-8 (Unicode table 3-7: no overlong forms, no surrogates, nothing
	// above U+10FFFF), ASCII runs skipped eight bytes at a time
	static boolean isValidUtf8(byte[] data, int from, int to) {
		int i = from;
		while (i < to) {
			if (i + 8 <= to && ((long) LONGS.get(data, i) & 0x8080808080808080L) == 0) {
				i += 8;
				continue;
			}
			int b = data[i] & 0xFF;
			if (b < 0x80) {
				i++;
			}
			else if (b < 0xC2) {
				return false;
			}
			else if (b < 0xE0) {
				if (i + 1 >= to || (data[i + 1] & 0xC0) != 0x80) {
					return false;
				}
				i += 2;
			}
			else if (b < 0xF0) {
				if (i + 2 >= to) {
					return false;
				}
				int b1 = data[i + 1] & 0xFF;
				if ((b1 & 0xC0) != 0x80 || (b == 0xE0 && b1 < 0xA0) || (b == 0xED && b1 >= 0xA0)
						|| (data[i + 2] & 0xC0) != 0x80) {
					return false;
				}
				i += 3;
			}
			else if (b < 0xF5) {
				if (i + 3 >= to) {
					return false;
				}
				int b1 = data[i + 1] & 0xFF;
				if ((b1 & 0xC0) != 0x80 || (b == 0xF0 && b1 < 0x90) || (b == 0xF4 && b1 >= 0x90)
						|| (data[i + 2] & 0xC0) != 0x80 || (data[i + 3] & 0xC0) != 0x80) {
					return false;
				}
				i += 4;
			}
			else {
				return false;
			}
		}
		return true;
	}

	// length of the well-formed multi-byte UTF-8 sequence at i, or -1
	private static int utf8SequenceLength(byte[] data, int i, int to) {
		int b = data[i] & 0xFF;
		int extra;
		int min;
		if (b >= 0xC2 && b <= 0xDF) {
			extra = 1;
			min = 0x80;
		}
		else if (b >= 0xE0 && b <= 0xEF) {
			extra = 2;
			min = 0x800;
		}
		else if (b >= 0xF0 && b <= 0xF4) {
			extra = 3;
			min = 0x10000;
		}
		else {
			return -1;
		}
		if (i + extra >= to) {
			return -1;
		}
		int code = b & (0x3F >> extra);
		for (int k = 1; k <= extra; k++) {
			int c = data[i + k] & 0xFF;
			if ((c & 0xC0) != 0x80) {
				return -1;
			}
			code = (code << 6) | (c & 0x3F);
		}
		if (code < min || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) {
			return -1;
		}
		return extra + 1;
	}

}
