package org.ndlp.identity.internal.readers;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.ndlp.identity.DisabilityStatus;
import org.ndlp.identity.ReaderAccount;
import org.ndlp.identity.ReaderCard;
import org.ndlp.identity.ReaderStatus;
import org.ndlp.shared.LibraryCode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The tables {@code reader_account}, {@code reader_card} and {@code reader_code}. */
@Repository
public class JdbcReaderAccounts {

	private final JdbcClient jdbc;

	JdbcReaderAccounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * An open verification code.
	 *
	 * @param recipient where it was sent
	 * @param codeHash its keyed hash
	 * @param expiresAt when it stops holding
	 * @param attempts wrong tries so far
	 * @param sentAt when it was sent
	 */
	public record Code(String recipient, String codeHash, Instant expiresAt, int attempts, Instant sentAt) {
	}

	public long insert(String email, String phone, String passwordHash, String displayName, LibraryCode home,
			Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("insert into reader_account (email, phone, password_hash, display_name, home_library, status, "
					+ "enabled, disability_status, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(email, phone, passwordHash, displayName, home.value(), ReaderStatus.PENDING.name(), true,
					DisabilityStatus.NONE.name(), utc(now), utc(now))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	public Optional<ReaderAccount> find(long id) {
		return this.jdbc.sql("select * from reader_account where id = ?")
			.param(id)
			.query(JdbcReaderAccounts::map)
			.optional()
			.map(this::withCards);
	}

	public Optional<ReaderAccount> findByLogin(String login) {
		String column = login.contains("@") ? "email" : "phone";
		return this.jdbc.sql("select * from reader_account where " + column + " = ?")
			.param(login)
			.query(JdbcReaderAccounts::map)
			.optional()
			.map(this::withCards);
	}

	public Optional<String> passwordHash(long id) {
		return this.jdbc.sql("select password_hash from reader_account where id = ?")
			.param(id)
			.query(String.class)
			.optional();
	}

	public boolean enabled(long id) {
		return this.jdbc.sql("select enabled from reader_account where id = ?")
			.param(id)
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	public void replacePending(long id, String passwordHash, String displayName, LibraryCode home, Instant now) {
		this.jdbc
			.sql("update reader_account set password_hash = ?, display_name = ?, home_library = ?, updated_at = ? "
					+ "where id = ? and status = ?")
			.params(passwordHash, displayName, home.value(), utc(now), id, ReaderStatus.PENDING.name())
			.update();
	}

	public void activate(long id, Instant now) {
		this.jdbc.sql("update reader_account set status = ?, updated_at = ? where id = ?")
			.params(ReaderStatus.ACTIVE.name(), utc(now), id)
			.update();
		this.jdbc.sql("delete from reader_code where reader_id = ?").param(id).update();
	}

	public void updateProfile(long id, String displayName, LibraryCode home, Instant now) {
		this.jdbc.sql("update reader_account set display_name = ?, home_library = ?, updated_at = ? where id = ?")
			.params(displayName, home.value(), utc(now), id)
			.update();
	}

	public void updatePassword(long id, String passwordHash, Instant now) {
		this.jdbc.sql("update reader_account set password_hash = ?, updated_at = ? where id = ?")
			.params(passwordHash, utc(now), id)
			.update();
	}

	/** Whether another reader holds the ID number with this hash. */
	public boolean idNumberTaken(String hash, long exceptReader) {
		return this.jdbc.sql("select count(*) from reader_account where id_number_hash = ? and id <> ?")
			.params(hash, exceptReader)
			.query(Integer.class)
			.single() > 0;
	}

	public Optional<String> idNumberHash(long id) {
		return this.jdbc.sql("select id_number_hash from reader_account where id = ?")
			.param(id)
			.query((rs, row) -> Optional.ofNullable(rs.getString(1)))
			.optional()
			.flatMap((hash) -> hash);
	}

	public void setRealName(long id, String name, String hash, String masked, Instant now) {
		this.jdbc
			.sql("update reader_account set real_name = ?, id_number_hash = ?, id_number_masked = ?, "
					+ "real_name_checked_at = ?, updated_at = ? where id = ?")
			.params(name, hash, masked, utc(now), utc(now), id)
			.update();
	}

	public void setDisability(long id, String hash, String masked, int category, int level, DisabilityStatus status,
			String note, Instant now) {
		this.jdbc
			.sql("update reader_account set disability_hash = ?, disability_masked = ?, disability_category = ?, "
					+ "disability_level = ?, disability_status = ?, disability_note = ?, disability_checked_at = ?, "
					+ "updated_at = ? where id = ?")
			.params(hash, masked, category, level, status.name(), note, utc(now), utc(now), id)
			.update();
	}

	public Optional<Code> code(long readerId) {
		return this.jdbc
			.sql("select recipient, code_hash, expires_at, attempts, sent_at from reader_code where reader_id = ?")
			.param(readerId)
			.query((rs, row) -> new Code(rs.getString(1), rs.getString(2), instant(rs.getTimestamp(3)), rs.getInt(4),
					instant(rs.getTimestamp(5))))
			.optional();
	}

	public void putCode(long readerId, String recipient, String codeHash, Instant expiresAt, Instant sentAt) {
		this.jdbc.sql("delete from reader_code where reader_id = ?").param(readerId).update();
		this.jdbc
			.sql("insert into reader_code (reader_id, recipient, code_hash, expires_at, attempts, sent_at) "
					+ "values (?, ?, ?, ?, 0, ?)")
			.params(readerId, recipient, codeHash, utc(expiresAt), utc(sentAt))
			.update();
	}

	public void countWrongAttempt(long readerId) {
		this.jdbc.sql("update reader_code set attempts = attempts + 1 where reader_id = ?").param(readerId).update();
	}

	public List<ReaderCard> cards(long readerId) {
		return this.jdbc
			.sql("select library_code, card_number, bound_at from reader_card where reader_id = ? "
					+ "order by library_code, card_number")
			.param(readerId)
			.query((rs, row) -> new ReaderCard(LibraryCode.of(rs.getString(1)), rs.getString(2),
					instant(rs.getTimestamp(3))))
			.list();
	}

	/** The reader holding a card, if any. */
	public Optional<Long> cardHolder(LibraryCode library, String number) {
		return this.jdbc.sql("select reader_id from reader_card where library_code = ? and card_number = ?")
			.params(library.value(), number)
			.query(Long.class)
			.optional();
	}

	public void bindCard(long readerId, LibraryCode library, String number, Instant now) {
		this.jdbc.sql("insert into reader_card (library_code, card_number, reader_id, bound_at) values (?, ?, ?, ?)")
			.params(library.value(), number, readerId, utc(now))
			.update();
	}

	public int unbindCard(long readerId, LibraryCode library, String number) {
		return this.jdbc.sql("delete from reader_card where reader_id = ? and library_code = ? and card_number = ?")
			.params(readerId, library.value(), number)
			.update();
	}

	/**
	 * Readers whose home library is the given one, or lies in a province (two-digit
	 * prefix), or anywhere (both {@code null}); newest first, at most {@code limit}.
	 */
	public List<ReaderAccount> list(LibraryCode library, String provincePrefix, int limit) {
		StringBuilder sql = new StringBuilder(
				"select r.* from reader_account r join member_library m on m.code = r.home_library where 1 = 1");
		List<Object> params = new ArrayList<>();
		if (library != null) {
			sql.append(" and r.home_library = ?");
			params.add(library.value());
		}
		if (provincePrefix != null) {
			sql.append(" and m.region_code like ?");
			params.add(provincePrefix + "%");
		}
		sql.append(" order by r.id desc limit ").append(limit);
		return this.jdbc.sql(sql.toString())
			.params(params)
			.query(JdbcReaderAccounts::map)
			.list()
			.stream()
			.map(this::withCards)
			.toList();
	}

	private ReaderAccount withCards(ReaderAccount account) {
		return new ReaderAccount(account.id(), account.email(), account.phone(), account.displayName(),
				account.homeLibrary(), account.status(), account.realName(), account.idNumberMasked(),
				account.realNameCheckedAt(), account.disabilityStatus(), account.disabilityMasked(),
				account.disabilityCategory(), account.disabilityLevel(), account.disabilityNote(), cards(account.id()),
				account.createdAt());
	}

	private static ReaderAccount map(ResultSet rs, int row) throws SQLException {
		return new ReaderAccount(rs.getLong("id"), rs.getString("email"), rs.getString("phone"),
				rs.getString("display_name"), LibraryCode.of(rs.getString("home_library")),
				ReaderStatus.valueOf(rs.getString("status")), rs.getString("real_name"),
				rs.getString("id_number_masked"), instant(rs.getTimestamp("real_name_checked_at")),
				DisabilityStatus.valueOf(rs.getString("disability_status")), rs.getString("disability_masked"),
				(Integer) rs.getObject("disability_category", Integer.class),
				(Integer) rs.getObject("disability_level", Integer.class), rs.getString("disability_note"), List.of(),
				instant(rs.getTimestamp("created_at")));
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
