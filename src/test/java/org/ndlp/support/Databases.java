package org.ndlp.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The two databases NDLP runs on, for repository tests: a fresh in-memory H2 in
 * PostgreSQL mode (as the embedded shape) and one embedded PostgreSQL server (zonky)
 * shared by the test run, with a fresh database per call. Both get the product's Flyway
 * migrations.
 */
public final class Databases {

	private static EmbeddedPostgres postgres;

	private Databases() {
	}

	public static DataSource h2() {
		JdbcDataSource h2 = new JdbcDataSource();
		h2.setURL("jdbc:h2:mem:" + UUID.randomUUID()
				+ ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
		return migrate(h2, "classpath:db/vendor/h2");
	}

	public static DataSource postgres() {
		try {
			EmbeddedPostgres server = server();
			String name = "ndlp_" + UUID.randomUUID().toString().replace("-", "");
			try (var connection = server.getPostgresDatabase().getConnection();
					var statement = connection.createStatement()) {
				statement.execute("create database " + name);
			}
			return migrate(server.getDatabase("postgres", name), "classpath:db/vendor/postgresql");
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The shared embedded PostgreSQL server, started on first use and stopped with the
	 * JVM.
	 */
	public static synchronized EmbeddedPostgres server() {
		if (postgres == null) {
			try {
				postgres = EmbeddedPostgres.builder().start();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("embedded PostgreSQL did not start", ex);
			}
			EmbeddedPostgres started = postgres;
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					started.close();
				}
				catch (IOException ex) {
					// the JVM is going away; nothing left to clean
				}
			}));
		}
		return postgres;
	}

	// as the application's spring.flyway.locations (classpath:db/vendor/{vendor})
	private static DataSource migrate(DataSource dataSource, String vendorLocation) {
		Flyway.configure().dataSource(dataSource).locations("classpath:db/migration", vendorLocation).load().migrate();
		return dataSource;
	}

}
