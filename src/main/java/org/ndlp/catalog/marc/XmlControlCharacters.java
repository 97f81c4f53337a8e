package org.ndlp.catalog.marc;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Replaces the C0 control characters XML 1.0 forbids (all below 0x20 except tab, LF, CR)
 * with U+FFFD before the XML parser sees them. MARCXML made from MARC-8 or broken exports
 * often carries ESC or stray delimiters, and one such byte would otherwise end a
 * well-formed parse of the whole file. Works on bytes, which is safe for UTF-8, GB18030
 * and other ASCII-compatible encodings (no multi-byte sequence contains a byte below
 * 0x20); UTF-16 input passes through untouched.
 */
final class XmlControlCharacters extends FilterInputStream {

	private final byte[] replacement;

	private final boolean active;

	private final byte[] buf = new byte[8192];

	private int pos;

	private int lim;

	private int pendingPos;

	private int pendingLen;

	/**
	 * Wraps an input whose first bytes (after any byte order mark) have been read into
	 * {@code head} and pushed back, so the encoding declaration can be sniffed.
	 */
	XmlControlCharacters(InputStream in, byte[] head, int headLength) {
		super(in);
		boolean utf16 = headLength >= 2 && (head[0] == 0 || head[1] == 0 || (head[0] & 0xFF) >= 0xFE);
		this.active = !utf16;
		this.replacement = "\uFFFD".getBytes(declaredCharset(head, headLength));
	}

	@Override
	public int read() throws IOException {
		byte[] one = new byte[1];
		int n = read(one, 0, 1);
		return (n <= 0) ? -1 : one[0] & 0xFF;
	}

	@Override
	public int read(byte[] out, int off, int len) throws IOException {
		if (len == 0) {
			return 0;
		}
		int n = 0;
		while (n < len) {
			if (this.pendingPos < this.pendingLen) {
				out[off + n++] = this.replacement[this.pendingPos++];
				continue;
			}
			if (this.pos == this.lim) {
				if (n > 0) {
					// return what we have rather than block for more
					return n;
				}
				this.lim = this.in.read(this.buf, 0, this.buf.length);
				this.pos = 0;
				if (this.lim <= 0) {
					this.lim = 0;
					return -1;
				}
			}
			int c = this.buf[this.pos++] & 0xFF;
			if (this.active && c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
				this.pendingPos = 0;
				this.pendingLen = this.replacement.length;
			}
			else {
				out[off + n++] = (byte) c;
			}
		}
		return n;
	}

	// the encoding="…" of the XML declaration; UTF-8 when absent or unknown
	private static Charset declaredCharset(byte[] head, int headLength) {
		String start = new String(head, 0, headLength, StandardCharsets.ISO_8859_1);
		int at = start.indexOf("encoding=");
		if (!start.startsWith("<?xml") || at < 0 || at + 10 >= start.length()) {
			return StandardCharsets.UTF_8;
		}
		char quote = start.charAt(at + 9);
		int end = start.indexOf(quote, at + 10);
		if (end < 0) {
			return StandardCharsets.UTF_8;
		}
		String name = start.substring(at + 10, end).trim();
		try {
			Charset charset = Charset.forName(name);
			// GBK and GB 2312 cannot encode U+FFFD; GB18030, their superset, can
			return (name.toUpperCase(java.util.Locale.ROOT).startsWith("GB")) ? MarcEncoding.GB18030.charset()
					: (charset.newEncoder().canEncode('\uFFFD') ? charset : StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return StandardCharsets.UTF_8;
		}
	}

}
