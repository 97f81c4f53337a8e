package org.ndlp.identity;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.ndlp.identity.internal.JdbcStaffAccounts;
import org.ndlp.members.LibraryLevel;
import org.ndlp.members.MemberLibraries;
import org.ndlp.members.MemberLibrary;
import org.ndlp.shared.LibraryCode;
import org.ndlp.shared.problem.Conflict;
import org.ndlp.shared.problem.InvalidInput;
import org.ndlp.shared.problem.NotFound;
import org.ndlp.shared.problem.OutOfScope;
import org.ndlp.shared.security.CurrentUser;
import org.ndlp.shared.security.StaffRole;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Local staff accounts: passwords kept as BCrypt hashes, each account bound to a library.
 * Administration is delegated down the hierarchy: national admins manage every account, a
 * provincial admin the staff of its province's libraries (never the national library's),
 * a library admin its own library's staff, cataloguers none. Nobody grants a role above
 * their own, and an account another admin may not see is answered as unknown (404).
 */
@Service
public class StaffAccounts {

	private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");

	private final JdbcStaffAccounts accounts;

	private final MemberLibraries libraries;

	private final PasswordEncoder passwords;

	private final PasswordPolicy policy;

	private final AuditLog audit;

	private final Clock clock;

	public StaffAccounts(JdbcStaffAccounts accounts, MemberLibraries libraries, PasswordEncoder passwords,
			PasswordPolicy policy, AuditLog audit, Clock clock) {
		this.accounts = accounts;
		this.libraries = libraries;
		this.passwords = passwords;
		this.policy = policy;
		this.audit = audit;
		this.clock = clock;
	}

	public Optional<StaffAccount> find(String username) {
		return this.accounts.find(username);
	}

	public List<StaffAccount> all() {
		return this.accounts.all();
	}

	/**
	 * Creates an account without a scope check (start-up bootstrap); the password must
	 * pass the {@link PasswordPolicy}.
	 */
	@Transactional
	public StaffAccount create(String username, String password, String displayName, StaffRole role,
			LibraryCode library) {
		StaffAccount account = insert(username, password, displayName, role, library);
		this.audit.record(null, null, AuditLog.STAFF_CREATED, username, library, "role " + role + " (bootstrap)");
		return account;
	}

	/** The accounts an admin may manage; cataloguers get 403. */
	public List<StaffAccount> visibleTo(CurrentUser by) {
		checkAdmin(by);
		return this.accounts.all().stream().filter((account) -> manages(by, account.library())).toList();
	}

	/** One account the admin may manage; 404 when unknown or out of its scope. */
	public StaffAccount get(CurrentUser by, String username) {
		checkAdmin(by);
		return this.accounts.find(username)
			.filter((account) -> manages(by, account.library()))
			.orElseThrow(() -> new NotFound("no staff account " + username));
	}

	/**
	 * Creates an account in a library the admin manages (403 otherwise), with a role no
	 * higher than the admin's own.
	 */
	@Transactional
	public StaffAccount create(CurrentUser by, String username, String password, String displayName, StaffRole role,
			LibraryCode library) {
		checkAdmin(by);
		if (library == null) {
			throw new InvalidInput("library", "library is required");
		}
		MemberLibrary home = this.libraries.get(library);
		if (!manages(by, library)) {
			throw new OutOfScope(by.username() + " may not manage the staff of " + library);
		}
		checkGrant(by, role, home);
		StaffAccount account = insert(username, password, displayName, role, library);
		this.audit.record(by.username(), by.library(), AuditLog.STAFF_CREATED, username, library, "role " + role);
		return account;
	}

	/**
	 * Changes an account's display name, role and enabled flag ({@code null} keeps the
	 * value). Admins cannot change their own role or disable themselves, nor touch an
	 * account whose role is above their own.
	 */
	@Transactional
	public StaffAccount update(CurrentUser by, String username, String displayName, StaffRole role, Boolean enabled) {
		StaffAccount current = get(by, username);
		checkNotAbove(by, current);
		StaffRole newRole = (role != null) ? role : current.role();
		boolean newEnabled = (enabled != null) ? enabled : current.enabled();
		if (current.username().equals(by.username()) && (newRole != current.role() || !newEnabled)) {
			throw new InvalidInput((newRole != current.role()) ? "role" : "enabled",
					"you cannot change your own role or disable your own account");
		}
		if (newRole != current.role()) {
			checkGrant(by, newRole, this.libraries.get(current.library()));
		}
		String newName = (displayName != null) ? blankToNull(displayName) : current.displayName();
		StaffAccount changed = new StaffAccount(current.username(), newName, newRole, current.library(), newEnabled,
				current.createdAt());
		this.accounts.update(changed);
		this.audit.record(by.username(), by.library(), AuditLog.STAFF_UPDATED, username, current.library(),
				changes(current, changed));
		return changed;
	}

	/** Sets a new password for an account the admin manages (policy applies). */
	@Transactional
	public void resetPassword(CurrentUser by, String username, String password) {
		StaffAccount current = get(by, username);
		checkNotAbove(by, current);
		this.policy.checkStaff(username, password);
		this.accounts.updatePassword(username, this.passwords.encode(password));
		this.audit.record(by.username(), by.library(), AuditLog.STAFF_PASSWORD_RESET, username, current.library(),
				null);
	}

	/** Whether an admin manages the staff of a library. */
	public boolean manages(CurrentUser by, LibraryCode library) {
		return this.libraries.find(library).map((lib) -> this.libraries.mayAdminister(by, lib)).orElse(false);
	}

	private StaffAccount insert(String username, String password, String displayName, StaffRole role,
			LibraryCode library) {
		if (username == null || !USERNAME.matcher(username).matches()) {
			throw new InvalidInput("username", "username must be 2-64 lower-case letters, digits, '.', '_' or '-'");
		}
		this.policy.checkStaff(username, password);
		if (role == null) {
			throw new InvalidInput("role", "role is required");
		}
		this.libraries.get(library);
		if (this.accounts.find(username).isPresent()) {
			throw new Conflict("duplicate-username", "username", "an account named " + username + " already exists");
		}
		StaffAccount account = new StaffAccount(username, blankToNull(displayName), role, library, true,
				this.clock.instant());
		this.accounts.insert(account, this.passwords.encode(password));
		return account;
	}

	private static void checkAdmin(CurrentUser by) {
		if (by.role() == StaffRole.CATALOGER) {
			throw new OutOfScope("cataloguers do not manage staff accounts");
		}
	}

	/**
	 * No role above one's own; national and provincial roles only at libraries of that
	 * level.
	 */
	private static void checkGrant(CurrentUser by, StaffRole role, MemberLibrary library) {
		if (role == null) {
			throw new InvalidInput("role", "role is required");
		}
		if (role.ordinal() < by.role().ordinal()) {
			throw new OutOfScope(by.username() + " (" + by.role() + ") may not grant the role " + role);
		}
		if (role == StaffRole.NATIONAL_ADMIN && library.level() != LibraryLevel.NATIONAL) {
			throw new InvalidInput("role", "NATIONAL_ADMIN is a role of the national library's staff only");
		}
		if (role == StaffRole.PROVINCIAL_ADMIN && library.level() != LibraryLevel.PROVINCIAL) {
			throw new InvalidInput("role", "PROVINCIAL_ADMIN is a role of a provincial library's staff only");
		}
	}

	private static void checkNotAbove(CurrentUser by, StaffAccount account) {
		if (account.role().ordinal() < by.role().ordinal()) {
			throw new OutOfScope(
					by.username() + " (" + by.role() + ") may not change an account with the role " + account.role());
		}
	}

	private static String changes(StaffAccount before, StaffAccount after) {
		StringBuilder text = new StringBuilder();
		if (before.role() != after.role()) {
			text.append("role ").append(before.role()).append(" -> ").append(after.role()).append("; ");
		}
		if (before.enabled() != after.enabled()) {
			text.append(after.enabled() ? "enabled; " : "disabled; ");
		}
		if (!java.util.Objects.equals(before.displayName(), after.displayName())) {
			text.append("display name changed; ");
		}
		return text.isEmpty() ? "no change" : text.substring(0, text.length() - 2);
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
