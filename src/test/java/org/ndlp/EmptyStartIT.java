package org.ndlp;

import org.junit.jupiter.api.Test;

import org.ndlp.identity.StaffAccount;
import org.ndlp.identity.StaffAccounts;
import org.ndlp.members.LibraryLevel;
import org.ndlp.members.LibraryQuery;
import org.ndlp.members.MemberLibraries;
import org.ndlp.members.MemberLibrary;
import org.ndlp.shared.security.StaffRole;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code ndlp.demo-data=false} NDLP starts with reference data and the bootstrap
 * admin only.
 */
@SpringBootTest(properties = { "ndlp.demo-data=false", "NDLP_ADMIN_PASSWORD=chosen-by-the-operator",
		"spring.datasource.url=jdbc:h2:mem:ndlp-empty;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE" })
@ActiveProfiles("test")
class EmptyStartIT {

	private final MemberLibraries libraries;

	private final StaffAccounts accounts;

	private final PasswordEncoder passwords;

	private final JdbcClient jdbc;

	EmptyStartIT(@Autowired MemberLibraries libraries, @Autowired StaffAccounts accounts,
			@Autowired PasswordEncoder passwords, @Autowired JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.libraries = libraries;
		this.accounts = accounts;
		this.passwords = passwords;
	}

	@Test
	void holdsOnlyReferenceLibrariesAndTheBootstrapAdmin() {
		assertThat(this.libraries.search(LibraryQuery.ALL)).extracting(MemberLibrary::level)
			.containsOnly(LibraryLevel.NATIONAL, LibraryLevel.PROVINCIAL)
			.hasSize(32);
		assertThat(this.accounts.all()).extracting(StaffAccount::username).containsExactly("admin");
		assertThat(this.accounts.find("admin")).get()
			.extracting(StaffAccount::role)
			.isEqualTo(StaffRole.NATIONAL_ADMIN);
	}

	@Test
	void adminPasswordComesFromTheEnvironmentAndIsStoredAsBcrypt() {
		String hash = this.jdbc.sql("select password_hash from staff_account where username = 'admin'")
			.query(String.class)
			.single();
		assertThat(hash).startsWith("{bcrypt}$2").doesNotContain("chosen-by-the-operator");
		assertThat(this.passwords.matches("chosen-by-the-operator", hash)).isTrue();
		assertThat(this.passwords.matches("something-else", hash)).isFalse();
	}

}
