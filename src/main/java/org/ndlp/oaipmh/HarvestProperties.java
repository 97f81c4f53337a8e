package org.ndlp.oaipmh;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the OAI-PMH harvester.
 *
 * @param enabled whether the scheduler runs due sources (one node of a cluster at a time)
 * @param pollInterval how often the scheduler looks for due sources
 * @param attempts tries of one request before the run fails (and resumes later)
 * @param backoff wait before the second try, doubled before each further one
 * @param retryAfter a failed run is tried again after this long
 * @param staleAfter a RUNNING source whose node stopped reporting for this long is taken
 * over
 */
@ConfigurationProperties("ndlp.oaipmh.harvest")
public record HarvestProperties(@DefaultValue("true") boolean enabled, @DefaultValue("PT1M") Duration pollInterval,
		@DefaultValue("4") int attempts, @DefaultValue("PT2S") Duration backoff,
		@DefaultValue("PT15M") Duration retryAfter, @DefaultValue("PT10M") Duration staleAfter) {
}
