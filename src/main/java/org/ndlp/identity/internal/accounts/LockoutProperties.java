package org.ndlp.identity.internal.accounts;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Lockout of a login name after failed sign-ins, and the per-address limit on failures.
 *
 * @param attempts failures in a row that lock the login name
 * @param duration how long the login name stays locked
 * @param failuresPerAddress failed sign-ins one client address may make within
 * {@code window} before it is refused (429)
 * @param window the window of that count
 */
@ConfigurationProperties("ndlp.identity.lockout")
public record LockoutProperties(@DefaultValue("5") int attempts, @DefaultValue("15m") Duration duration,
		@DefaultValue("50") int failuresPerAddress, @DefaultValue("15m") Duration window) {

	public LockoutProperties {
		if (attempts < 1 || failuresPerAddress < 1) {
			throw new IllegalArgumentException("ndlp.identity.lockout.attempts and failures-per-address must be >= 1");
		}
	}

}
