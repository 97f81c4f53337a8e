package org.ndlp.identity.internal.oidc;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the OIDC provider.
 *
 * @param issuer the issuer URL every node announces; unset = taken from each request (set
 * it when several nodes run behind one public address)
 * @param keyRotation a new signing key is made when the newest is older than this
 * @param accessTokenTtl lifetime of access tokens
 * @param refreshTokenTtl lifetime of refresh tokens
 */
@ConfigurationProperties("ndlp.identity.oidc")
public record OidcProperties(String issuer, @DefaultValue("90d") Duration keyRotation,
		@DefaultValue("10m") Duration accessTokenTtl, @DefaultValue("1d") Duration refreshTokenTtl) {

	/** Spring Authorization Server's fixed lifetime of ID tokens. */
	static final Duration ID_TOKEN_TTL = Duration.ofMinutes(30);

	/** Clock skew allowed when tokens are checked. */
	static final Duration SKEW = Duration.ofMinutes(1);

	/**
	 * How long a retired key stays published: until every token it signed has expired.
	 */
	Duration retiredKeyRetention() {
		Duration longest = (this.accessTokenTtl.compareTo(ID_TOKEN_TTL) > 0) ? this.accessTokenTtl : ID_TOKEN_TTL;
		return longest.plus(SKEW);
	}

}
