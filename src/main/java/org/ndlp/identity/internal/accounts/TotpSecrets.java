package org.ndlp.identity.internal.accounts;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table {@code staff_totp}: the TOTP secrets staff enrolled. */
@Repository
public class TotpSecrets {

	private final JdbcClient jdbc;

	public TotpSecrets(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<String> find(String username) {
		return this.jdbc.sql("select secret from staff_totp where username = ?")
			.param(username)
			.query(String.class)
			.optional();
	}

	public void save(String username, String secret, Instant at) {
		this.jdbc.sql("delete from staff_totp where username = ?").param(username).update();
		this.jdbc.sql("insert into staff_totp (username, secret, enrolled_at) values (?, ?, ?)")
			.params(username, secret, at.atOffset(ZoneOffset.UTC))
			.update();
	}

	public void remove(String username) {
		this.jdbc.sql("delete from staff_totp where username = ?").param(username).update();
	}

}
