package org.ndlp.identity.internal.accounts;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The TOTP second factor.
 *
 * @param issuer the issuer named in the otpauth URI (shown by authenticator apps)
 * @param demoSecret a Base32 secret given at start-up to the demo admin accounts that
 * have none; set only in the test profile, so browser tests can compute codes
 */
@ConfigurationProperties("ndlp.identity.totp")
public record TotpProperties(@DefaultValue("NDLP") String issuer, String demoSecret) {
}
