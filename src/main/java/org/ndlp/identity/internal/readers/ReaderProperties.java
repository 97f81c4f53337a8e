package org.ndlp.identity.internal.readers;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Reader accounts.
 *
 * @param codeTtl how long a verification code holds
 * @param codeAttempts wrong tries before a code is spent
 * @param resendInterval the least time between two codes to one reader
 * @param hashKey the HMAC key of ID-number and certificate hashes; blank = generated once
 * and kept in the database (set it in the national shape, ADR 0021)
 */
@ConfigurationProperties("ndlp.identity.readers")
public record ReaderProperties(@DefaultValue("PT10M") Duration codeTtl, @DefaultValue("5") int codeAttempts,
		@DefaultValue("PT60S") Duration resendInterval, @DefaultValue("") String hashKey) {
}
