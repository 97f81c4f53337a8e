package org.ndlp.search.internal;

import java.io.IOException;
import java.io.Reader;
import java.util.Map;

import com.ibm.icu.text.Transliterator;
import org.apache.lucene.analysis.CharFilter;
import org.apache.lucene.analysis.CharFilterFactory;

/**
 * Converts traditional characters to simplified before a tokenizer whose dictionary is
 * simplified-only (smartcn). Lucene 9.12 has an ICU transform token filter but no char
 * filter; this one wraps ICU's {@code Traditional-Simplified} transliterator. Field
 * values are short (titles, names), so the value is read whole.
 */
public class TraditionalToSimplifiedCharFilterFactory extends CharFilterFactory {

	/** SPI name, for schemas that refer to it by name. */
	public static final String NAME = "ndlpTraditionalToSimplified";

	private static final String ID = "Traditional-Simplified";

	// one transliterator per thread: indexing threads must not queue on one lock
	private static final ThreadLocal<Transliterator> TO_SIMPLIFIED = ThreadLocal
		.withInitial(() -> Transliterator.getInstance(ID));

	// every BMP character the transliterator may change (ICU's own source set): a text
	// with none of them comes out unchanged, which is every Latin-script value and most
	// simplified ones, so they skip the rule matching that cost a quarter of indexing
	private static final java.util.BitSet MAY_CHANGE = new java.util.BitSet(0x10000);

	private static final boolean SUPPLEMENTARY_MAY_CHANGE;

	static {
		com.ibm.icu.text.UnicodeSet source = Transliterator.getInstance(ID).getSourceSet();
		boolean supplementary = false;
		for (com.ibm.icu.text.UnicodeSet.EntryRange range : source.ranges()) {
			if (range.codepoint <= 0xFFFF) {
				MAY_CHANGE.set(range.codepoint, Math.min(range.codepointEnd, 0xFFFF) + 1);
			}
			supplementary |= range.codepointEnd > 0xFFFF;
		}
		SUPPLEMENTARY_MAY_CHANGE = supplementary;
	}

	public TraditionalToSimplifiedCharFilterFactory(Map<String, String> args) {
		super(args);
		if (!args.isEmpty()) {
			throw new IllegalArgumentException("Unknown parameters: " + args);
		}
	}

	/** Default constructor for SPI. */
	public TraditionalToSimplifiedCharFilterFactory() {
		throw defaultCtorException();
	}

	@Override
	public Reader create(Reader input) {
		return new TraditionalToSimplified(input);
	}

	@Override
	public Reader normalize(Reader input) {
		return create(input);
	}

	/** Simplified-Chinese form of a text (thread-safe). */
	static String simplify(String text) {
		return mayChange(text) ? TO_SIMPLIFIED.get().transliterate(text) : text;
	}

	private static boolean mayChange(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (MAY_CHANGE.get(c) || (SUPPLEMENTARY_MAY_CHANGE && Character.isSurrogate(c))) {
				return true;
			}
		}
		return false;
	}

	private static final class TraditionalToSimplified extends CharFilter {

		private String converted;

		private int position;

		TraditionalToSimplified(Reader input) {
			super(input);
		}

		@Override
		protected int correct(int currentOff) {
			// the conversion is character for character, except rare phrase mappings
			return currentOff;
		}

		@Override
		public int read(char[] buffer, int offset, int length) throws IOException {
			if (this.converted == null) {
				StringBuilder text = new StringBuilder();
				char[] chunk = new char[1024];
				int read;
				while ((read = this.input.read(chunk)) > 0) {
					text.append(chunk, 0, read);
				}
				this.converted = simplify(text.toString());
			}
			if (this.position >= this.converted.length()) {
				return -1;
			}
			int count = Math.min(length, this.converted.length() - this.position);
			this.converted.getChars(this.position, this.position + count, buffer, offset);
			this.position += count;
			return count;
		}

		@Override
		public void close() throws IOException {
			this.converted = null;
			super.close();
		}

	}

}
