package org.ndlp.operations;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.ndlp.catalog.CatalogContributions;
import org.ndlp.catalog.CatalogRecords;
import org.ndlp.catalog.StoreOutcome;
import org.ndlp.catalog.marc.Holding;
import org.ndlp.search.Books;
import org.ndlp.shared.LibraryCode;
import org.ndlp.support.Http;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ndlp.support.Problems.assertProblem;

/**
 * Union-catalog contribution on the dashboards, counted from the catalog's own records:
 * two Ningxia city libraries (province 64, touched by no other catalog test) send books,
 * one of them a work both hold, and withdraw one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CatalogContributionIT {

	private static final String D01 = "CN-647100-D01";

	private static final String D02 = "CN-647200-D02";

	private final int port;

	private final CatalogRecords catalog;

	private final CatalogContributions contributions;

	CatalogContributionIT(@Autowired Environment environment, @Autowired CatalogRecords catalog,
			@Autowired CatalogContributions contributions) {
		this.port = environment.getRequiredProperty("local.server.port", Integer.class);
		this.catalog = catalog;
		this.contributions = contributions;
	}

	@Test
	void recordsUniqueWorksAndHoldingsArePerLibraryProvinceAndNation() {
		JsonNode nationBefore = overview("");
		List<StoreOutcome> stored = this.catalog.storeAll(
				List.of(Books.book(D01, "nx-1", "贺兰山岩画研究", "许成", "2011", "chi", "9787227046981", "K879.42", "岩画 宁夏"),
						Books.book(D01, "nx-2", "西夏陵", "韩小忙", "1995", "chi", null, "K878.8", "西夏 陵墓"),
						Books.book(D01, "nx-3", "宁夏回族自治区地图集", "测绘局", "2008", "chi", null, "K994.3", "地图 宁夏"),
						Books.book(D02, "nx-4", "贺兰山岩画研究", "许成", "2011", "chi", "9787227046981", "K879.42", "岩画 宁夏")));
		this.catalog.replaceHoldings(stored.get(0).recordId(),
				List.of(new Holding(D01, "二楼社科", "K879.42/12", "", 3, List.of()),
						new Holding(D01, "地方文献室", "K879.42/12", "", 1, List.of())));
		this.catalog.storeAll(List.of(Books.deleted(D01, "nx-3")));

		JsonNode d01 = Http.as(this.port, "admin").get("/api/v1/operations/libraries/" + D01 + "/catalog").json();
		assertThat(d01.get("records").asLong()).isEqualTo(2);
		assertThat(d01.get("unique").asLong()).isEqualTo(1);
		assertThat(d01.get("holdings").asLong()).isEqualTo(2);
		assertThat(d01.get("copies").asLong()).isEqualTo(4);
		JsonNode d02 = Http.as(this.port, "admin").get("/api/v1/operations/libraries/" + D02 + "/catalog").json();
		assertThat(d02.get("records").asLong()).isEqualTo(1);
		assertThat(d02.get("unique").asLong()).isZero();

		// as of yesterday (China time) nothing of this had been sent
		String yesterday = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1).toString();
		assertThat(Http.as(this.port, "admin")
			.get("/api/v1/operations/libraries/" + D01 + "/catalog?asOf=" + yesterday)
			.json()
			.get("records")
			.asLong()).isZero();

		JsonNode ningxia = overview("province=64").get("catalog");
		assertThat(ningxia.get("libraries").asInt()).isEqualTo(2);
		assertThat(ningxia.get("byLevel").get("CITY").asInt()).isEqualTo(2);
		assertThat(ningxia.get("total").get("records").asLong()).isEqualTo(3);
		assertThat(ningxia.get("total").get("copies").asLong()).isEqualTo(4);

		JsonNode row = Http.as(this.port, "admin")
			.get("/api/v1/operations/provinces")
			.json()
			.valueStream()
			.filter((node) -> node.get("key").asString().equals("64"))
			.findFirst()
			.orElseThrow();
		assertThat(row.get("catalogRecords").asLong()).isEqualTo(3);
		assertThat(row.get("uniqueRecords").asLong()).isEqualTo(1);
		JsonNode library = Http.as(this.port, "admin")
			.get("/api/v1/operations/provinces/64/libraries")
			.json()
			.valueStream()
			.filter((node) -> node.get("key").asString().equals(D01))
			.findFirst()
			.orElseThrow();
		assertThat(library.get("catalogRecords").asLong()).isEqualTo(2);
		assertThat(library.has("registeredResources")).isTrue();

		// the nation counts them too
		assertThat(overview("").get("catalog").get("total").get("records").asLong())
			.isEqualTo(nationBefore.get("catalog").get("total").get("records").asLong() + 3);

		// what the quarterly report offers as "records sent": three new records and a
		// withdrawal today
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		assertThat(this.contributions.sent(LibraryCode.of(D01), today.minusDays(1), today)).isEqualTo(4);
		assertThat(this.contributions.sent(LibraryCode.of(D01), today.minusDays(9), today.minusDays(1))).isZero();

		// another library's staff may not look
		assertProblem(Http.as(this.port, "gz-cataloger").get("/api/v1/operations/libraries/" + D01 + "/catalog"), 403,
				null);
	}

	@Test
	void comparisonRowsCarryRegistrations() {
		// the demo census registers 90,000+ resources at 11 provincial and 22 city
		// libraries;
		// the province rows leave out the national library
		long registered = Http.as(this.port, "admin")
			.get("/api/v1/operations/provinces")
			.json()
			.valueStream()
			.mapToLong((node) -> node.get("registeredResources").asLong())
			.sum();
		JsonNode nation = overview("");
		assertThat(registered).isGreaterThan(90_000)
			.isLessThanOrEqualTo(nation.get("registrations").get("entries").asLong());
	}

	private JsonNode overview(String query) {
		return Http.as(this.port, "admin").get("/api/v1/operations/overview?" + query).json();
	}

}
