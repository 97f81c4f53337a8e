package org.ndlp;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.ndlp.identity.StaffAccount;
import org.ndlp.identity.internal.JdbcStaffAccounts;
import org.ndlp.members.Contact;
import org.ndlp.members.DeploymentEvent;
import org.ndlp.members.DeploymentEventKind;
import org.ndlp.members.FundingSource;
import org.ndlp.members.LibraryLevel;
import org.ndlp.members.LibraryQuery;
import org.ndlp.members.MemberLibrary;
import org.ndlp.members.SoftwareSystem;
import org.ndlp.members.internal.JdbcDeploymentEvents;
import org.ndlp.members.internal.JdbcLibraries;
import org.ndlp.shared.LibraryCode;
import org.ndlp.shared.RegionCode;
import org.ndlp.shared.security.StaffRole;
import org.ndlp.support.Databases;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The storage adapters on both databases NDLP runs on: H2 (embedded) and PostgreSQL
 * (national).
 */
class RepositoriesIT {

	static Stream<Arguments> databases() {
		return Stream.of(Arguments.of("H2", (Supplier<DataSource>) Databases::h2),
				Arguments.of("PostgreSQL", (Supplier<DataSource>) Databases::postgres));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("databases")
	void referenceDataHasTheNationalLibraryAndThirtyOneProvincialLibraries(String name, Supplier<DataSource> db) {
		JdbcLibraries libraries = new JdbcLibraries(JdbcClient.create(db.get()));
		List<MemberLibrary> national = libraries.search(new LibraryQuery(LibraryLevel.NATIONAL, null, null, null));
		assertThat(national).extracting(MemberLibrary::code).containsExactly(LibraryCode.NLC);
		List<MemberLibrary> provincial = libraries.search(new LibraryQuery(LibraryLevel.PROVINCIAL, null, null, null));
		assertThat(provincial).hasSize(31)
			.allSatisfy((library) -> assertThat(library.regionCode().isProvince()).isTrue())
			.allSatisfy((library) -> assertThat(library.parentCode()).isEqualTo(LibraryCode.NLC));
		assertThat(provincial.stream().map((library) -> library.regionCode().provincePrefix()).distinct()).hasSize(31);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("databases")
	void storesSearchesUpdatesAndDeletesLibraries(String name, Supplier<DataSource> db) {
		JdbcLibraries libraries = new JdbcLibraries(JdbcClient.create(db.get()));
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		MemberLibrary guangzhou = new MemberLibrary(LibraryCode.of("CN-440100-GZL"), "广州图书馆", "Guangzhou Library",
				LibraryLevel.CITY, LibraryCode.of("CN-440000-PL"), RegionCode.of("440100"), "广州市天河区珠江东路4号",
				new Contact("王五", "020-00000000", "wang@example.org"), now, now);
		libraries.insert(guangzhou);
		assertThat(libraries.find(guangzhou.code())).contains(guangzhou);
		assertThat(libraries.search(new LibraryQuery(null, null, RegionCode.of("440000"), null)))
			.extracting(MemberLibrary::code)
			.containsExactly(LibraryCode.of("CN-440000-PL"), guangzhou.code());
		assertThat(libraries.search(new LibraryQuery(null, null, null, "GUANGZHOU"))).extracting(MemberLibrary::code)
			.containsExactly(guangzhou.code());
		assertThat(libraries.search(new LibraryQuery(null, null, null, "中山"))).hasSize(1);
		assertThat(libraries.children(LibraryCode.of("CN-440000-PL"))).containsExactly(guangzhou);

		MemberLibrary renamed = new MemberLibrary(guangzhou.code(), "广州图书馆（新馆）", null, LibraryLevel.CITY,
				guangzhou.parentCode(), guangzhou.regionCode(), null, Contact.NONE, now, now.plusSeconds(60));
		libraries.update(renamed);
		assertThat(libraries.find(guangzhou.code())).contains(renamed);
		assertThat(libraries.countChildren(LibraryCode.of("CN-440000-PL"))).isEqualTo(1);
		assertThat(libraries.delete(guangzhou.code())).isEqualTo(1);
		assertThat(libraries.exists(guangzhou.code())).isFalse();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("databases")
	void deploymentEventsAreAppendedAndReadBack(String name, Supplier<DataSource> db) {
		DataSource dataSource = db.get();
		JdbcDeploymentEvents events = new JdbcDeploymentEvents(JdbcClient.create(dataSource));
		LibraryCode zhejiang = LibraryCode.of("CN-330000-PL");
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		DeploymentEvent funds = events
			.append(new DeploymentEvent(0, zhejiang, DeploymentEventKind.FUNDS_RECEIVED, LocalDate.parse("2011-07-01"),
					null, FundingSource.CENTRAL, new BigDecimal("6000000.00"), 2011, null, "中央补助", "tester", now));
		DeploymentEvent system = events
			.append(new DeploymentEvent(0, zhejiang, DeploymentEventKind.SYSTEM_DEPLOYED, LocalDate.parse("2013-01-01"),
					SoftwareSystem.UNIFIED_AUTHENTICATION, null, null, null, null, null, "tester", now));
		DeploymentEvent correction = events.append(new DeploymentEvent(0, zhejiang, DeploymentEventKind.EVENT_VOIDED,
				LocalDate.parse("2014-01-01"), null, null, null, null, system.id(), null, "tester", now));
		assertThat(funds.id()).isPositive();
		assertThat(system.id()).isGreaterThan(funds.id());
		assertThat(events.find(funds.id())).contains(funds);
		assertThat(events.of(zhejiang)).containsExactly(funds, system, correction);
		assertThat(events.upTo(LocalDate.parse("2012-12-31"))).containsExactly(funds, correction);
		assertThat(events.countFor(zhejiang)).isEqualTo(3);
		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> new JdbcLibraries(JdbcClient.create(dataSource)).delete(zhejiang));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("databases")
	void staffAccountsKeepOnlyTheHash(String name, Supplier<DataSource> db) {
		JdbcStaffAccounts accounts = new JdbcStaffAccounts(JdbcClient.create(db.get()));
		StaffAccount account = new StaffAccount("gd-admin", "广东省馆管理员", StaffRole.PROVINCIAL_ADMIN,
				LibraryCode.of("CN-440000-PL"), true, Instant.now().truncatedTo(ChronoUnit.MILLIS));
		accounts.insert(account, "{bcrypt}$2a$10$abcdefghijklmnopqrstuv");
		assertThat(accounts.find("gd-admin")).contains(account);
		assertThat(accounts.passwordHash("gd-admin")).contains("{bcrypt}$2a$10$abcdefghijklmnopqrstuv");
		assertThat(accounts.all()).containsExactly(account);
		assertThat(accounts.find("nobody")).isEmpty();
	}

}
