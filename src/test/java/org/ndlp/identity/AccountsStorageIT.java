package org.ndlp.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.Supplier;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.ndlp.identity.internal.accounts.JdbcAuditEvents;
import org.ndlp.identity.internal.accounts.LockoutProperties;
import org.ndlp.identity.internal.accounts.SignInLocks;
import org.ndlp.identity.internal.accounts.TotpSecrets;
import org.ndlp.shared.LibraryCode;
import org.ndlp.shared.RegionCode;
import org.ndlp.shared.security.CurrentUser;
import org.ndlp.shared.security.StaffRole;
import org.ndlp.support.Databases;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The accounts tables on both databases: lockout and address counts (with a clock that
 * moves), TOTP secrets, and the audit log's scoped search.
 */
class AccountsStorageIT {

	static Stream<Arguments> databases() {
		return Stream.of(Arguments.of("H2", (Supplier<DataSource>) Databases::h2),
				Arguments.of("PostgreSQL", (Supplier<DataSource>) Databases::postgres));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("databases")
	void locksAfterTheConfiguredFailuresAndUnlocksAfterTheDuration(String name, Supplier<DataSource> db) {
		JdbcClient jdbc = JdbcClient.create(db.get());
		MovingClock clock = new MovingClock();
		SignInLocks locks = new SignInLocks(jdbc,
				new LockoutProperties(3, Duration.ofMinutes(15), 4, Duration.ofMinutes(10)), clock);
		assertThat(locks.failed("Reader@Example.cn", "203.0.113.1")).isFalse();
		assertThat(locks.failed("reader@example.cn", "203.0.113.1")).isFalse();
		assertThat(locks.isLocked("reader@example.cn")).isFalse();
		assertThat(locks.failed("reader@example.cn", "203.0.113.1")).isTrue();
		assertThat(locks.isLocked("READER@example.cn")).isTrue();
		assertThat(locks.isThrottled("203.0.113.1")).isFalse();
		locks.failed("other", "203.0.113.1");
		assertThat(locks.isThrottled("203.0.113.1")).isTrue();
		assertThat(locks.isThrottled("203.0.113.2")).isFalse();

		clock.advance(Duration.ofMinutes(11));
		assertThat(locks.isThrottled("203.0.113.1")).isFalse();
		assertThat(locks.isLocked("reader@example.cn")).isTrue();
		clock.advance(Duration.ofMinutes(5));
		assertThat(locks.isLocked("reader@example.cn")).isFalse();
		locks.succeeded("reader@example.cn");
		assertThat(locks.failed("reader@example.cn", null)).isFalse();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("databases")
	void storesTotpSecretsAndSearchesTheAuditLogWithinScope(String name, Supplier<DataSource> db) {
		JdbcClient jdbc = JdbcClient.create(db.get());
		jdbc.sql("insert into staff_account (username, password_hash, role, library_code, enabled, created_at) "
				+ "values ('gd', 'x', 'PROVINCIAL_ADMIN', 'CN-440000-PL', true, ?)")
			.param(Instant.now().atOffset(ZoneOffset.UTC))
			.update();
		TotpSecrets secrets = new TotpSecrets(jdbc);
		secrets.save("gd", "JBSWY3DPEHPK3PXP", Instant.now());
		secrets.save("gd", "KRSXG5CTMVRXEZLU", Instant.now());
		assertThat(secrets.find("gd")).contains("KRSXG5CTMVRXEZLU");

		JdbcAuditEvents events = new JdbcAuditEvents(jdbc);
		Instant at = Instant.parse("2016-03-01T08:00:00Z");
		events.insert(new AuditEvent(0, at, "gd", "CN-440000-PL", "STAFF_CREATED", "x", "CN-440000-PL", null, "::1"));
		events.insert(new AuditEvent(0, at.plusSeconds(60), "admin", "CN-110000-NLC", "STAFF_CREATED", "y",
				"CN-440000-PL", "d", null));
		events.insert(new AuditEvent(0, at.plusSeconds(120), "zj", "CN-330000-PL", "SIGN_IN", "zj", "CN-330000-PL",
				null, null));
		CurrentUser guangdong = new CurrentUser("gd", StaffRole.PROVINCIAL_ADMIN, LibraryCode.of("CN-440000-PL"),
				RegionCode.of("440000"));
		AuditPage page = events.search(guangdong, null, null, null, null, 0, 10);
		assertThat(page.total()).isEqualTo(2);
		assertThat(page.items()).extracting(AuditEvent::target).containsExactly("y", "x");
		assertThat(events.search(guangdong, "gd", null, null, null, 0, 10).total()).isEqualTo(1);
		assertThat(events.search(guangdong, null, null, at.plusSeconds(30), null, 0, 10).total()).isEqualTo(1);
		CurrentUser national = new CurrentUser("admin", StaffRole.NATIONAL_ADMIN, LibraryCode.NLC,
				RegionCode.of("110000"));
		assertThat(events.search(national, null, "SIGN_IN", null, at.plusSeconds(121), 0, 10).total()).isEqualTo(1);
		assertThat(events.search(national, null, null, null, null, 1, 2).items()).hasSize(1);
	}

	private static final class MovingClock extends Clock {

		private Instant now = Instant.parse("2016-01-01T00:00:00Z");

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public Instant instant() {
			return this.now;
		}

		@Override
		public java.time.ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

	}

}
