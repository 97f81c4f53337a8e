package org.ndlp.search.internal;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes on one database take turns following the feeds: one lease holder at a time,
 * renewed while it works, taken over when it expires, taken back by a restarted holder.
 * (A lease of its own name, so that the application's own follower keeps its lease
 * meanwhile.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class IndexLeaseIT {

	private static final Duration TTL = Duration.ofSeconds(30);

	private final JdbcIndexPosition leases;

	IndexLeaseIT(@Autowired JdbcIndexPosition leases) {
		this.leases = leases;
	}

	@Test
	void oneNodeLeadsAtATime() {
		Instant now = Instant.parse("2026-01-01T00:00:00Z");
		assertThat(this.leases.lead("lease-test", "node-a", now, TTL)).isTrue();
		assertThat(this.leases.lead("lease-test", "node-b", now.plusSeconds(1), TTL)).isFalse();
		// node A renews while it works
		assertThat(this.leases.lead("lease-test", "node-a", now.plusSeconds(20), TTL)).isTrue();
		assertThat(this.leases.lead("lease-test", "node-b", now.plusSeconds(40), TTL)).isFalse();
		// node A died: its lease runs out and B takes over; A, back, does not take it
		// back
		assertThat(this.leases.lead("lease-test", "node-b", now.plusSeconds(51), TTL)).isTrue();
		assertThat(this.leases.lead("lease-test", "node-a", now.plusSeconds(52), TTL)).isFalse();
		// B restarts under the same name (host and data folder) and takes its lease back
		assertThat(this.leases.lead("lease-test", "node-b", now.plusSeconds(60), TTL)).isTrue();
	}

}
