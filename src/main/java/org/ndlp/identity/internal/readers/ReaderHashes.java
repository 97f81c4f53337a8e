package org.ndlp.identity.internal.readers;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keyed hashes (HMAC-SHA256) of what must be compared but never kept in plain text: ID
 * numbers, certificate numbers, verification codes. An unkeyed hash of an 18-digit ID
 * number is reversed by trying every birth date and sequence; the key stops that unless
 * it leaks too (ADR 0021).
 */
@Component
public class ReaderHashes {

	private static final String KEY_NAME = "reader-hash-key";

	private final ReaderProperties properties;

	private final JdbcClient jdbc;

	private final Clock clock;

	private volatile byte[] key;

	ReaderHashes(ReaderProperties properties, JdbcClient jdbc, Clock clock) {
		this.properties = properties;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The hex HMAC of a value under a purpose label (so equal values differ by use). */
	public String hash(String purpose, String value) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key(), "HmacSHA256"));
			mac.update(purpose.getBytes(StandardCharsets.UTF_8));
			mac.update((byte) 0);
			return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

	private byte[] key() {
		byte[] current = this.key;
		if (current == null) {
			String configured = this.properties.hashKey();
			current = (configured != null && !configured.isBlank()) ? configured.getBytes(StandardCharsets.UTF_8)
					: Base64.getDecoder().decode(storedKey());
			this.key = current;
		}
		return current;
	}

	private String storedKey() {
		String sql = "select key_value from identity_key where name = ?";
		return this.jdbc.sql(sql).param(KEY_NAME).query(String.class).optional().orElseGet(() -> {
			byte[] fresh = new byte[32];
			new SecureRandom().nextBytes(fresh);
			try {
				this.jdbc.sql("insert into identity_key (name, key_value, created_at) values (?, ?, ?)")
					.params(KEY_NAME, Base64.getEncoder().encodeToString(fresh),
							this.clock.instant().atOffset(java.time.ZoneOffset.UTC))
					.update();
			}
			catch (DuplicateKeyException ex) {
				// another node made it first: use theirs
			}
			return this.jdbc.sql(sql).param(KEY_NAME).query(String.class).single();
		});
	}

}
