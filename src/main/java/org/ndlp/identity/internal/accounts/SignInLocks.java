package org.ndlp.identity.internal.accounts;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Failed sign-ins counted in the database (table {@code sign_in_counter}), so every node
 * of the national shape sees the same counts. A login name of any kind of account is
 * locked for {@code ndlp.identity.lockout.duration} after
 * {@code ndlp.identity.lockout.attempts} failures in a row; a client address that failed
 * {@code failures-per-address} times within {@code window} is refused until the window
 * ends.
 */
@Component
public class SignInLocks {

	private final JdbcClient jdbc;

	private final LockoutProperties properties;

	private final Clock clock;

	public SignInLocks(JdbcClient jdbc, LockoutProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
	}

	/** Whether a login name is locked now. */
	public boolean isLocked(String login) {
		Instant now = this.clock.instant();
		return lockedUntil(loginKey(login)).filter(now::isBefore).isPresent();
	}

	/** Whether a client address has used up its failures for the current window. */
	public boolean isThrottled(String address) {
		if (address == null) {
			return false;
		}
		Instant now = this.clock.instant();
		return this.jdbc.sql("select failures, window_start from sign_in_counter where counter_key = ?")
			.param(addressKey(address))
			.query((rs, row) -> rs.getInt("failures") >= this.properties.failuresPerAddress()
					&& now.isBefore(rs.getTimestamp("window_start").toInstant().plus(this.properties.window())))
			.optional()
			.orElse(false);
	}

	/**
	 * Counts a failed sign-in of a login name from an address.
	 * @return whether this failure locked the login name
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public boolean failed(String login, String address) {
		Instant now = this.clock.instant();
		if (address != null) {
			Counter ip = lockRow(addressKey(address), now);
			boolean windowOver = !now.isBefore(ip.windowStart.plus(this.properties.window()));
			update(addressKey(address), windowOver ? 1 : ip.failures + 1, windowOver ? now : ip.windowStart, null);
		}
		if (login == null || login.isBlank()) {
			return false;
		}
		String key = loginKey(login);
		Counter counter = lockRow(key, now);
		if (counter.lockedUntil != null && now.isBefore(counter.lockedUntil)) {
			return false;
		}
		// failures older than a lockout period are forgotten
		boolean stale = !now.isBefore(counter.windowStart.plus(this.properties.duration()));
		int failures = (stale || counter.lockedUntil != null) ? 1 : counter.failures + 1;
		Instant start = (stale || counter.lockedUntil != null) ? now : counter.windowStart;
		if (failures >= this.properties.attempts()) {
			update(key, 0, now, now.plus(this.properties.duration()));
			return true;
		}
		update(key, failures, start, null);
		return false;
	}

	/** Forgets the failures of a login name after it signed in. */
	public void succeeded(String login) {
		this.jdbc
			.sql("delete from sign_in_counter where counter_key = ? and (locked_until is null or locked_until <= ?)")
			.params(loginKey(login), this.clock.instant().atOffset(ZoneOffset.UTC))
			.update();
	}

	private Optional<Instant> lockedUntil(String key) {
		return this.jdbc.sql("select locked_until from sign_in_counter where counter_key = ?")
			.param(key)
			.query((rs, row) -> Optional.ofNullable(rs.getTimestamp("locked_until")).map(Timestamp::toInstant))
			.optional()
			.flatMap((until) -> until);
	}

	/** The counter's row, created when absent, locked for this transaction. */
	private Counter lockRow(String key, Instant now) {
		try {
			this.jdbc
				.sql("insert into sign_in_counter (counter_key, failures, window_start) select ?, 0, ? "
						+ "where not exists (select 1 from sign_in_counter where counter_key = ?)")
				.params(key, now.atOffset(ZoneOffset.UTC), key)
				.update();
		}
		catch (DuplicateKeyException ex) {
			// another node inserted it first: use theirs
		}
		return this.jdbc
			.sql("select failures, window_start, locked_until from sign_in_counter where counter_key = ? for update")
			.param(key)
			.query((rs, row) -> new Counter(rs.getInt("failures"), rs.getTimestamp("window_start").toInstant(),
					Optional.ofNullable(rs.getTimestamp("locked_until")).map(Timestamp::toInstant).orElse(null)))
			.single();
	}

	private void update(String key, int failures, Instant windowStart, Instant lockedUntil) {
		this.jdbc
			.sql("update sign_in_counter set failures = ?, window_start = ?, locked_until = ? where counter_key = ?")
			.params(failures, windowStart.atOffset(ZoneOffset.UTC),
					(lockedUntil != null) ? lockedUntil.atOffset(ZoneOffset.UTC) : null, key)
			.update();
	}

	private static String loginKey(String login) {
		return "login:" + login.strip().toLowerCase(Locale.ROOT);
	}

	private static String addressKey(String address) {
		return "ip:" + address;
	}

	private record Counter(int failures, Instant windowStart, Instant lockedUntil) {
	}

}
