package org.ndlp.identifiers;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.ndlp.identifiers.internal.JdbcIdentifiers;
import org.ndlp.members.MemberLibraries;
import org.ndlp.members.internal.JdbcLibraries;
import org.ndlp.shared.LibraryCode;
import org.ndlp.shared.RegionCode;
import org.ndlp.shared.security.CurrentUser;
import org.ndlp.shared.security.StaffRole;
import org.ndlp.support.Databases;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The identifier tables and their statements on both databases (migration V6_1): prefix
 * allocation, minting from sequence blocks, batched minting per target, locations,
 * tombstones, the audit trail and the follower's locked position.
 */
class IdentifierStoreIT {

	static Stream<Arguments> databases() {
		return Stream.of(Arguments.of("H2", (Supplier<DataSource>) Databases::h2),
				Arguments.of("PostgreSQL", (Supplier<DataSource>) Databases::postgres));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("databases")
	void mintsChangesAndTombstonesOnBothDatabases(String name, Supplier<DataSource> db) {
		DataSource dataSource = db.get();
		JdbcIdentifiers store = new JdbcIdentifiers(JdbcClient.create(dataSource), new JdbcTemplate(dataSource));
		IdentifierProperties properties = new IdentifierProperties("10001", Duration.ofSeconds(5), 500, 1000,
				Duration.ZERO, false, Duration.ofSeconds(2));
		Identifiers identifiers = new Identifiers(store,
				new MemberLibraries(new JdbcLibraries(JdbcClient.create(dataSource)), Clock.systemUTC()),
				Clock.systemUTC(), properties, new ResolutionIndex(store, properties, Clock.systemUTC()));
		CurrentUser admin = new CurrentUser("admin", StaffRole.NATIONAL_ADMIN, LibraryCode.NLC,
				RegionCode.of("110108"));

		identifiers.allocatePrefix("10001.330000", "CN-330000-PL", "浙江", admin);
		assertThat(identifiers.prefixes()).extracting(Prefix::prefix).containsExactly("10001", "10001.330000");

		Identifier minted = identifiers.mint(new MintRequest("10001.330000", CdoiType.BK, null, null, null, null, "书",
				List.of(new Location(1, "https://zjlib.example.cn/1", null))), admin);
		Identifier next = identifiers.mint(new MintRequest("10001.330000", CdoiType.BK, null, null, null, null, null,
				List.of(new Location(1, "https://zjlib.example.cn/2", null))), admin);
		assertThat(minted.cdoi().localName()).isNotEqualTo(next.cdoi().localName());
		assertThat(Cdoi.parse(minted.handle())).isEqualTo(minted.cdoi());

		assertThat(identifiers.mintTargets(List.of(
				MintRequest.forTarget("10001", CdoiType.UR, "UNION_RECORD", "7", "红楼梦",
						"https://ndlp.example.cn/records/7"),
				MintRequest.forTarget("10001", CdoiType.UR, "UNION_RECORD", "8", null,
						"https://ndlp.example.cn/records/8"),
				MintRequest.forTarget("10001", CdoiType.UR, "UNION_RECORD", "7", null, "https://x.example.cn/")),
				"system"))
			.isEqualTo(2);
		assertThat(identifiers.mintTargets(List
			.of(MintRequest.forTarget("10001", CdoiType.UR, "UNION_RECORD", "7", null, "https://x.example.cn/")),
				"system"))
			.isZero();
		assertThat(identifiers.targetsWithIdentifiers("UNION_RECORD", List.of("7", "8", "9"))).containsOnly("7", "8");

		identifiers.setLocations(minted.cdoi(), List.of(new Location(1, "https://zjlib.example.cn/1a", null),
				new Location(2, "https://zjlib.example.cn/1a.json", "application/json")), admin);
		assertThat(identifiers.resolve(minted.cdoi()).orElseThrow().locations()).extracting(Location::mediaType)
			.containsExactly(null, "application/json");
		assertThat(identifiers.tombstoneTargets("UNION_RECORD", List.of("8"), "withdrawn", "system")).isEqualTo(1);
		assertThat(identifiers.ofTarget("UNION_RECORD", "8").orElseThrow().deleted()).isTrue();
		identifiers.tombstone(minted.cdoi(), "gone", admin);
		assertThat(identifiers.get(minted.cdoi()).deleted()).isTrue();
		assertThatThrownBy(() -> identifiers.mint(new MintRequest("10001.330000", null, null, minted.cdoi().suffix(),
				null, null, null, List.of(new Location(1, "https://zjlib.example.cn/again", null))), admin))
			.hasMessageContaining("never reused");
		assertThat(identifiers.history(minted.cdoi())).extracting(IdentifierEvent::action)
			.containsExactly("MINTED", "LOCATIONS", "TOMBSTONED");
		assertThat(identifiers.search("红楼", null, 0, 10)).extracting(Identifier::targetId).containsExactly("7");

		assertThat(store.lockPosition("catalog-union-records")).isZero();
		store.savePosition("catalog-union-records", 42, Clock.systemUTC().instant());
		assertThat(store.lockPosition("catalog-union-records")).isEqualTo(42);
	}

	/**
	 * The resolution index (ADR 0030) on both databases: built from the store, current
	 * with this node's changes at once and with another node's (a second
	 * {@code Identifiers} with its own index on the same database) after it follows the
	 * audit table — a changed location, a second location (no longer a plain redirect), a
	 * tombstone.
	 */
	@ParameterizedTest(name = "{0}")
	@MethodSource("databases")
	void resolutionIndexFollowsThisNodeAndAnotherOnBothDatabases(String name, Supplier<DataSource> db) {
		DataSource dataSource = db.get();
		JdbcIdentifiers store = new JdbcIdentifiers(JdbcClient.create(dataSource), new JdbcTemplate(dataSource));
		MemberLibraries libraries = new MemberLibraries(new JdbcLibraries(JdbcClient.create(dataSource)),
				Clock.systemUTC());
		IdentifierProperties properties = new IdentifierProperties("10001", Duration.ofSeconds(5), 500, 1000,
				Duration.ZERO, true, Duration.ofSeconds(2));
		CurrentUser admin = new CurrentUser("admin", StaffRole.NATIONAL_ADMIN, LibraryCode.NLC,
				RegionCode.of("110108"));
		ResolutionIndex indexA = new ResolutionIndex(store, properties, Clock.systemUTC());
		Identifiers nodeA = new Identifiers(store, libraries, Clock.systemUTC(), properties, indexA);
		// minted before any index exists: found by the build
		Identifier early = nodeA.mint(new MintRequest("10001", CdoiType.BK, null, null, null, null, "早",
				List.of(new Location(1, "https://nlc.example.cn/早期/1", null))), admin);
		Identifier typed = nodeA.mint(new MintRequest("10001", CdoiType.BK, null, null, null, null, null,
				List.of(new Location(1, "https://nlc.example.cn/2.json", "application/json"))), admin);
		assertThat(indexA.ready()).isFalse();
		// not built yet: the store answers
		assertThat(nodeA.redirect(early.cdoi())).contains("https://nlc.example.cn/早期/1");
		indexA.follow();
		assertThat(indexA.ready()).isTrue();
		assertThat(indexA.size()).isEqualTo(1);
		assertThat(nodeA.redirect(early.cdoi())).contains("https://nlc.example.cn/早期/1");
		assertThat(nodeA.redirect(typed.cdoi())).isEmpty();
		assertThat(nodeA.redirect(Cdoi.of("10001", CdoiType.BK, "nosuch"))).isEmpty();

		ResolutionIndex indexB = new ResolutionIndex(store, properties, Clock.systemUTC());
		Identifiers nodeB = new Identifiers(store, libraries, Clock.systemUTC(), properties, indexB);
		indexB.follow();

		// node A's changes: at once on A, on B after it follows
		Identifier minted = nodeA.mint(new MintRequest("10001", CdoiType.BK, null, null, null, null, null,
				List.of(new Location(1, "https://nlc.example.cn/3", null))), admin);
		nodeA.mintTargets(List.of(MintRequest.forTarget("10001", CdoiType.UR, "UNION_RECORD", "7", null,
				"https://ndlp.example.cn/records/7")), "system");
		Cdoi record7 = nodeA.ofTarget("UNION_RECORD", "7").orElseThrow().cdoi();
		nodeA.setLocations(early.cdoi(), List.of(new Location(1, "https://nlc.example.cn/moved/1", null)), admin);
		assertThat(nodeA.redirect(minted.cdoi())).contains("https://nlc.example.cn/3");
		assertThat(nodeA.redirect(record7)).contains("https://ndlp.example.cn/records/7");
		assertThat(nodeA.redirect(early.cdoi())).contains("https://nlc.example.cn/moved/1");
		assertThat(nodeB.redirect(minted.cdoi())).isEmpty();
		assertThat(nodeB.redirect(early.cdoi())).contains("https://nlc.example.cn/早期/1");
		indexB.follow();
		assertThat(nodeB.redirect(minted.cdoi())).contains("https://nlc.example.cn/3");
		assertThat(nodeB.redirect(record7)).contains("https://ndlp.example.cn/records/7");
		assertThat(nodeB.redirect(early.cdoi())).contains("https://nlc.example.cn/moved/1");

		// node B's changes: a second location, a tombstone; A sees them after it follows
		nodeB.setLocations(minted.cdoi(), List.of(new Location(1, "https://nlc.example.cn/3", null),
				new Location(2, "https://mirror.example.cn/3", null)), admin);
		nodeB.tombstoneTargets("UNION_RECORD", List.of("7"), "withdrawn", "system");
		assertThat(nodeB.redirect(minted.cdoi())).isEmpty();
		assertThat(nodeB.redirect(record7)).isEmpty();
		assertThat(nodeA.redirect(minted.cdoi())).contains("https://nlc.example.cn/3");
		indexA.follow();
		assertThat(nodeA.redirect(minted.cdoi())).isEmpty();
		assertThat(nodeA.redirect(record7)).isEmpty();
		assertThat(indexA.size()).isEqualTo(indexB.size()).isEqualTo(1);

		// more changes at once than a node reads one by one (here 2): it builds anew, and
		// its current table answers until the new one replaces it
		ResolutionIndex indexC = new ResolutionIndex(store, properties, Clock.systemUTC(), 2);
		Identifiers nodeC = new Identifiers(store, libraries, Clock.systemUTC(), properties, indexC);
		indexC.follow();
		nodeA.mintTargets(List.of(
				MintRequest.forTarget("10001", CdoiType.UR, "UNION_RECORD", "20", null,
						"https://ndlp.example.cn/records/20"),
				MintRequest.forTarget("10001", CdoiType.UR, "UNION_RECORD", "21", null,
						"https://ndlp.example.cn/records/21"),
				MintRequest.forTarget("10001", CdoiType.UR, "UNION_RECORD", "22", null,
						"https://ndlp.example.cn/records/22")),
				"system");
		Cdoi record22 = nodeA.ofTarget("UNION_RECORD", "22").orElseThrow().cdoi();
		assertThat(nodeC.redirect(early.cdoi())).contains("https://nlc.example.cn/moved/1");
		assertThat(nodeC.redirect(record22)).isEmpty();
		indexC.follow();
		assertThat(nodeC.redirect(record22)).contains("https://ndlp.example.cn/records/22");
		assertThat(nodeC.redirect(early.cdoi())).contains("https://nlc.example.cn/moved/1");
		assertThat(indexC.size()).isEqualTo(4);
	}

}
