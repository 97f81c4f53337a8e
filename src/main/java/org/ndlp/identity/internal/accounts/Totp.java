package org.ndlp.identity.internal.accounts;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * RFC 6238 time-based one-time passwords (HMAC-SHA1, 6 digits, 30-second steps, the
 * defaults every authenticator app uses) and the RFC 4648 Base32 their secrets are shown
 * in. Plain Java over the JDK's HMAC (ADR 0020).
 */
public final class Totp {

	private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

	private static final long STEP_SECONDS = 30;

	private Totp() {
	}

	/** A new random 160-bit secret, Base32 (32 characters). */
	public static String newSecret() {
		byte[] key = new byte[20];
		new SecureRandom().nextBytes(key);
		return base32(key);
	}

	/** The code for a secret at an instant. */
	public static String code(String secret, Instant at) {
		return code(base32Decode(secret), Math.floorDiv(at.getEpochSecond(), STEP_SECONDS));
	}

	/**
	 * Whether a code is right at an instant, allowing one step of clock drift either way.
	 */
	public static boolean verify(String secret, String code, Instant at) {
		if (code == null || !code.strip().matches("[0-9]{6}")) {
			return false;
		}
		byte[] key = base32Decode(secret);
		long step = Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
		boolean ok = false;
		for (long s = step - 1; s <= step + 1; s++) {
			// constant time: look at every window whatever the result
			ok |= MessageDigest.isEqual(code(key, s).getBytes(), code.strip().getBytes());
		}
		return ok;
	}

	/** The {@code otpauth://} URI authenticator apps read (usually from a QR code). */
	public static String uri(String issuer, String account, String secret) {
		String label = encode(issuer) + ":" + encode(account);
		return "otpauth://totp/" + label + "?secret=" + secret + "&issuer=" + encode(issuer)
				+ "&algorithm=SHA1&digits=6&period=30";
	}

	static String code(byte[] key, long step) {
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(key, "HmacSHA1"));
			byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
			int offset = hash[hash.length - 1] & 0x0f;
			int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
					| ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
			return String.format("%06d", binary % 1_000_000);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA1 is missing from this JDK", ex);
		}
	}

	static String base32(byte[] bytes) {
		StringBuilder out = new StringBuilder();
		int buffer = 0;
		int bits = 0;
		for (byte b : bytes) {
			buffer = (buffer << 8) | (b & 0xff);
			bits += 8;
			while (bits >= 5) {
				out.append(ALPHABET.charAt((buffer >> (bits - 5)) & 31));
				bits -= 5;
			}
		}
		if (bits > 0) {
			out.append(ALPHABET.charAt((buffer << (5 - bits)) & 31));
		}
		return out.toString();
	}

	static byte[] base32Decode(String text) {
		String clean = text.replace("=", "").replace(" ", "").toUpperCase(java.util.Locale.ROOT);
		ByteBuffer out = ByteBuffer.allocate(clean.length() * 5 / 8);
		int buffer = 0;
		int bits = 0;
		for (char c : clean.toCharArray()) {
			int value = ALPHABET.indexOf(c);
			if (value < 0) {
				throw new IllegalArgumentException("not Base32: " + c);
			}
			buffer = (buffer << 5) | value;
			bits += 5;
			if (bits >= 8) {
				out.put((byte) (buffer >> (bits - 8)));
				bits -= 8;
			}
		}
		return out.array();
	}

	private static String encode(String text) {
		return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
	}

}
