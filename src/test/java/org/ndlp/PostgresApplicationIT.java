package org.ndlp;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.ndlp.support.Databases;
import org.ndlp.support.Http;
import org.ndlp.support.Http.Response;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The national shape's database: the whole application on PostgreSQL, configured only
 * through {@code spring.datasource.*}, loads its migrations and demo data and serves the
 * registry.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PostgresApplicationIT {

	private final int port;

	private final DataSource dataSource;

	PostgresApplicationIT(@Autowired Environment environment, @Autowired DataSource dataSource) {
		this.port = environment.getRequiredProperty("local.server.port", Integer.class);
		this.dataSource = dataSource;
	}

	private static String url;

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", PostgresApplicationIT::freshDatabase);
		registry.add("spring.datasource.username", () -> "postgres");
		registry.add("spring.datasource.password", () -> "");
	}

	/** One new database for this test class; Spring reads the property more than once. */
	private static synchronized String freshDatabase() {
		if (url == null) {
			String name = "ndlp_app_" + System.nanoTime();
			try (var connection = Databases.server().getPostgresDatabase().getConnection();
					var statement = connection.createStatement()) {
				statement.execute("create database " + name);
			}
			catch (java.sql.SQLException ex) {
				throw new IllegalStateException(ex);
			}
			url = Databases.server().getJdbcUrl("postgres", name);
		}
		return url;
	}

	@Test
	void runsOnPostgresql() throws Exception {
		try (var connection = this.dataSource.getConnection()) {
			assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
		}
		assertThat(Http.anonymous(this.port).get("/api/v1/libraries?level=PROVINCIAL").json().size())
			.isGreaterThanOrEqualTo(31);
		Http guangdong = Http.as(this.port, "gd-admin");
		Response created = guangdong.post("/api/v1/libraries", "{\"code\":\"CN-440200-SGL\",\"name\":\"韶关市图书馆\","
				+ "\"level\":\"CITY\",\"parentCode\":\"CN-440000-PL\",\"regionCode\":\"440200\"}");
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		Response event = guangdong.post("/api/v1/libraries/CN-440200-SGL/deployment/events",
				"{\"kind\":\"FUNDS_RECEIVED\",\"effectiveOn\":\"2012-05-01\",\"fundingSource\":\"CENTRAL\","
						+ "\"amount\":1000000.25,\"fiscalYear\":2012}");
		assertThat(event.status()).as(event.toString()).isEqualTo(201);
		assertThat(guangdong.get("/api/v1/libraries/CN-440200-SGL/deployment?asOf=2012-12-31")
			.json()
			.get("centralFunds")
			.decimalValue()).isEqualByComparingTo("1000000.25");
		assertThat(Http.as(this.port, "zj-admin").delete("/api/v1/libraries/CN-440200-SGL").status()).isEqualTo(403);
		assertThat(guangdong.delete("/api/v1/libraries/CN-440200-SGL").status()).isEqualTo(409);
		// resource registration's SQL on PostgreSQL: register, flag, review, feed, ratios
		Http gz = Http.as(this.port, "gz-admin");
		Response registered = gz.post("/api/v1/resources", "{\"title\":\"广州老照片\",\"resourceType\":\"IMAGE\","
				+ "\"yearBuilt\":2015,\"itemCount\":10,\"sizeGb\":1.5,\"accessUrl\":\"https://example.org/p\"}");
		assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
		long resource = registered.json().get("id").asLong();
		assertThat(gz.post("/api/v1/resources", "{\"title\":\"广州 老照片\",\"resourceType\":\"IMAGE\",\"yearBuilt\":2015}")
			.json()
			.get("duplicateCount")
			.asInt()).isEqualTo(1);
		assertThat(guangdong.post("/api/v1/resources/" + resource + "/approve", "{}").status()).isEqualTo(200);
		assertThat(guangdong.get("/api/v1/resources/review-queue").status()).isEqualTo(200);
		assertThat(guangdong.get("/api/v1/resources?status=PUBLISHED&q=老照片").json().get("total").asLong()).isPositive();
		// the approval is on the change feed (the demo census is kept off it in tests)
		assertThat(Http.as(this.port, "admin").get("/api/v1/resources/changes/latest").json().get("seq").asLong())
			.isPositive();
		// the dashboard's registration figure is asserted in OperationsApiIT
		assertThat(Http.as(this.port, "admin")
			.get("/api/v1/resources/ratios?year=2012")
			.json()
			.get("total")
			.get("records")
			.asLong()).isPositive();
		assertThat(
				guangdong.get("/api/v1/resources/ratios?year=2015").json().get("total").get("registeredItems").asLong())
			.isEqualTo(10);
		// the national dashboard on PostgreSQL (a null province filter needs a typed
		// parameter)
		Response overview = Http.as(this.port, "admin").get("/api/v1/operations/overview?asOf=2012-12-31");
		assertThat(overview.status()).as(overview.toString()).isEqualTo(200);
		assertThat(overview.json().get("registrations").get("entries").asLong()).isGreaterThan(90_000);
	}

}
