package org.ndlp.identity;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.ndlp.identity.internal.JdbcStaffAccounts;
import org.ndlp.members.MemberLibraries;
import org.ndlp.shared.LibraryCode;
import org.ndlp.shared.problem.Conflict;
import org.ndlp.shared.problem.InvalidInput;
import org.ndlp.shared.security.StaffRole;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Local staff accounts: passwords kept as BCrypt hashes, each account bound to a library.
 */
@Service
public class StaffAccounts {

	private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");

	private static final int MIN_PASSWORD = 12;

	private final JdbcStaffAccounts accounts;

	private final MemberLibraries libraries;

	private final PasswordEncoder passwords;

	private final Clock clock;

	public StaffAccounts(JdbcStaffAccounts accounts, MemberLibraries libraries, PasswordEncoder passwords,
			Clock clock) {
		this.accounts = accounts;
		this.libraries = libraries;
		this.passwords = passwords;
		this.clock = clock;
	}

	public Optional<StaffAccount> find(String username) {
		return this.accounts.find(username);
	}

	public List<StaffAccount> all() {
		return this.accounts.all();
	}

	/** Creates an account; the password must have at least 12 characters. */
	@Transactional
	public StaffAccount create(String username, String password, String displayName, StaffRole role,
			LibraryCode library) {
		if (username == null || !USERNAME.matcher(username).matches()) {
			throw new InvalidInput("username", "username must be 2-64 lower-case letters, digits, '.', '_' or '-'");
		}
		if (password == null || password.length() < MIN_PASSWORD) {
			throw new InvalidInput("password", "password must have at least " + MIN_PASSWORD + " characters");
		}
		if (role == null) {
			throw new InvalidInput("role", "role is required");
		}
		this.libraries.get(library);
		if (this.accounts.find(username).isPresent()) {
			throw new Conflict("duplicate-username", "username", "an account named " + username + " already exists");
		}
		StaffAccount account = new StaffAccount(username, displayName, role, library, true, this.clock.instant());
		this.accounts.insert(account, this.passwords.encode(password));
		return account;
	}

}
