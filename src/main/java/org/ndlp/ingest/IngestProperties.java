package org.ndlp.ingest;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of ingest jobs.
 *
 * @param batchSize records stored per transaction
 * @param staleAfter a RUNNING job whose node has not reported for this long is taken over
 * (its node died)
 * @param pollInterval how often a node looks for waiting or orphaned jobs
 */
@ConfigurationProperties("ndlp.ingest")
public record IngestProperties(@DefaultValue("500") int batchSize, @DefaultValue("PT2M") Duration staleAfter,
		@DefaultValue("PT10S") Duration pollInterval) {
}
