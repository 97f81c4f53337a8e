package org.ndlp.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.ndlp.identity.StaffAccount;
import org.ndlp.shared.LibraryCode;
import org.ndlp.shared.security.StaffRole;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table {@code staff_account}. */
@Repository
public class JdbcStaffAccounts {

	private final JdbcClient jdbc;

	public JdbcStaffAccounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<StaffAccount> find(String username) {
		return this.jdbc.sql("select * from staff_account where username = ?")
			.param(username)
			.query(JdbcStaffAccounts::map)
			.optional();
	}

	public Optional<String> passwordHash(String username) {
		return this.jdbc.sql("select password_hash from staff_account where username = ?")
			.param(username)
			.query(String.class)
			.optional();
	}

	public List<StaffAccount> all() {
		return this.jdbc.sql("select * from staff_account order by library_code, username")
			.query(JdbcStaffAccounts::map)
			.list();
	}

	public void insert(StaffAccount account, String passwordHash) {
		this.jdbc
			.sql("insert into staff_account (username, password_hash, display_name, role, library_code, enabled, "
					+ "created_at) values (?, ?, ?, ?, ?, ?, ?)")
			.params(account.username(), passwordHash, account.displayName(), account.role().name(),
					account.library().value(), account.enabled(), account.createdAt().atOffset(ZoneOffset.UTC))
			.update();
	}

	public void update(StaffAccount account) {
		this.jdbc.sql("update staff_account set display_name = ?, role = ?, enabled = ? where username = ?")
			.params(account.displayName(), account.role().name(), account.enabled(), account.username())
			.update();
	}

	public void updatePassword(String username, String passwordHash) {
		this.jdbc.sql("update staff_account set password_hash = ? where username = ?")
			.params(passwordHash, username)
			.update();
	}

	private static StaffAccount map(ResultSet rs, int row) throws SQLException {
		Timestamp created = rs.getTimestamp("created_at");
		return new StaffAccount(rs.getString("username"), rs.getString("display_name"),
				StaffRole.valueOf(rs.getString("role")), LibraryCode.of(rs.getString("library_code")),
				rs.getBoolean("enabled"), (created != null) ? created.toInstant() : Instant.EPOCH);
	}

}
