package org.ndlp.catalog.marc;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reader's scans that look at eight bytes at a time give what a byte-by-byte look
 * gives, at every offset and length.
 */
class ByteScanTests {

	// bytes that make UTF-8 edge cases likely: ASCII, delimiters, ESC, continuation and
	// lead bytes at the limits of table 3-7
	private static final int[] INTERESTING = { 0x00, 0x1B, 0x1D, 0x1E, 0x1F, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0,
			0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE4, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF };

	@Test
	void validatesUtf8AsTheJdkStrictDecoderDoes() {
		Random random = new Random(7);
		for (int n = 0; n < 100_000; n++) {
			byte[] data = randomBytes(random, random.nextInt(24));
			int from = (data.length == 0) ? 0 : random.nextInt(data.length);
			assertThat(MarcCharsets.isValidUtf8(data, from, data.length)).as("%s from %d", hex(data), from)
				.isEqualTo(jdkValid(data, from, data.length));
		}
		byte[] mixed = "图书馆 library 𠀀".getBytes(StandardCharsets.UTF_8);
		assertThat(MarcCharsets.isValidUtf8(mixed, 0, mixed.length)).isTrue();
		assertThat(MarcCharsets.isValidUtf8(mixed, 0, mixed.length - 1)).isFalse();
	}

	@Test
	void findsBytesAndByteKindsAsAByteByByteScanDoes() {
		Random random = new Random(11);
		for (int n = 0; n < 100_000; n++) {
			byte[] data = randomBytes(random, random.nextInt(40));
			int from = (data.length == 0) ? 0 : random.nextInt(data.length);
			int to = from + ((data.length == from) ? 0 : random.nextInt(data.length - from + 1));
			for (byte wanted : new byte[] { 0x1D, 0x1E, 0x1F }) {
				assertThat(Iso2709Reader.indexOf(data, from, to, wanted)).as(hex(data))
					.isEqualTo(naiveIndexOf(data, from, to, wanted));
			}
			assertThat(Iso2709Reader.byteKinds(data, from, to)).as(hex(data)).isEqualTo(naiveKinds(data, from, to));
			assertThat(MarcCharsets.isAscii(data, from, to)).isEqualTo((naiveKinds(data, from, to) & 1) == 0);
		}
	}

	private static byte[] randomBytes(Random random, int length) {
		byte[] data = new byte[length];
		for (int i = 0; i < length; i++) {
			data[i] = (byte) (random.nextBoolean() ? INTERESTING[random.nextInt(INTERESTING.length)]
					: random.nextInt(256));
		}
		return data;
	}

	private static boolean jdkValid(byte[] data, int from, int to) {
		try {
			StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(data, from, to - from));
			return true;
		}
		catch (CharacterCodingException ex) {
			return false;
		}
	}

	private static int naiveIndexOf(byte[] data, int from, int to, byte wanted) {
		for (int i = from; i < to; i++) {
			if (data[i] == wanted) {
				return i;
			}
		}
		return -1;
	}

	private static int naiveKinds(byte[] data, int from, int to) {
		int kinds = 0;
		for (int i = from; i < to; i++) {
			kinds |= (data[i] < 0) ? 1 : (data[i] == 0x1B) ? 2 : 0;
		}
		return kinds;
	}

	private static String hex(byte[] data) {
		StringBuilder out = new StringBuilder();
		for (byte b : data) {
			out.append(String.format("%02X ", b & 0xFF));
		}
		return out.toString();
	}

}
