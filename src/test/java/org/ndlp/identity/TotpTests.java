package org.ndlp.identity;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.ndlp.identity.internal.accounts.Totp;

import static org.assertj.core.api.Assertions.assertThat;

/** RFC 6238 TOTP against the RFC's own test vectors (SHA-1, last six digits). */
class TotpTests {

	// RFC 6238 appendix B: the ASCII key "12345678901234567890"
	private static final String RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

	@Test
	void matchesTheRfc6238TestVectors() {
		assertThat(Totp.code(RFC_SECRET, Instant.ofEpochSecond(59))).isEqualTo("287082");
		assertThat(Totp.code(RFC_SECRET, Instant.ofEpochSecond(1111111109))).isEqualTo("081804");
		assertThat(Totp.code(RFC_SECRET, Instant.ofEpochSecond(1234567890))).isEqualTo("005924");
		assertThat(Totp.code(RFC_SECRET, Instant.ofEpochSecond(20000000000L))).isEqualTo("353130");
	}

	@Test
	void acceptsOneStepOfDriftAndNothingElse() {
		Instant now = Instant.ofEpochSecond(1_700_000_000L);
		String previous = Totp.code(RFC_SECRET, now.minusSeconds(30));
		assertThat(Totp.verify(RFC_SECRET, previous, now)).isTrue();
		assertThat(Totp.verify(RFC_SECRET, Totp.code(RFC_SECRET, now.minusSeconds(90)), now)).isFalse();
		assertThat(Totp.verify(RFC_SECRET, "12345", now)).isFalse();
		assertThat(Totp.verify(RFC_SECRET, null, now)).isFalse();
	}

	@Test
	void newSecretsAreBase32OfTwentyBytesAndNamedInTheOtpauthUri() {
		String secret = Totp.newSecret();
		assertThat(secret).hasSize(32).matches("[A-Z2-7]+");
		assertThat(Totp.uri("NDLP", "gz-admin", secret)).isEqualTo(
				"otpauth://totp/NDLP:gz-admin?secret=" + secret + "&issuer=NDLP&algorithm=SHA1&digits=6&period=30");
	}

}
