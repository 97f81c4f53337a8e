package org.ndlp.identity.internal.accounts;

import java.time.Clock;

import org.ndlp.identity.StaffAccount;
import org.ndlp.identity.StaffAccounts;
import org.ndlp.shared.security.StaffRole;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * When {@code ndlp.identity.totp.demo-secret} is set (the test profile only), gives it to
 * every admin account that has no TOTP secret yet at start-up, so browser tests can sign
 * in as the demo admins by computing the code.
 */
@Component
@Order(21)
class DemoTotpSecrets implements ApplicationRunner {

	private final TotpProperties properties;

	private final StaffAccounts accounts;

	private final TotpSecrets secrets;

	private final Clock clock;

	DemoTotpSecrets(TotpProperties properties, StaffAccounts accounts, TotpSecrets secrets, Clock clock) {
		this.properties = properties;
		this.accounts = accounts;
		this.secrets = secrets;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		String secret = this.properties.demoSecret();
		if (secret == null || secret.isBlank()) {
			return;
		}
		for (StaffAccount account : this.accounts.all()) {
			if (account.role() != StaffRole.CATALOGER && this.secrets.find(account.username()).isEmpty()) {
				this.secrets.save(account.username(), secret, this.clock.instant());
			}
		}
	}

}
