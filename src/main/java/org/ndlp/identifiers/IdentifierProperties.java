package org.ndlp.identifiers;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the identifier system.
 *
 * @param unionPrefix the prefix union records are minted under (allocated to the NLC by
 * migration)
 * @param followInterval how often the minter looks at the catalog's change feed
 * @param followBatch changes handled per transaction
 * @param cacheSize resolutions kept in memory per node
 * @param cacheTtl how long a node trusts a cached resolution (other nodes' changes show
 * after at most this long; this node's own changes at once)
 * @param resolutionIndex whether each node holds every plain redirect in memory (about 70
 * bytes per identifier; ADR 0030), so that a resolution reads no database page
 * @param indexFollowInterval how often that index reads other nodes' changes from the
 * audit table (another node's change shows after about this long)
 */
@ConfigurationProperties("ndlp.identifiers")
public record IdentifierProperties(@DefaultValue("10001") String unionPrefix,
		@DefaultValue("PT5S") Duration followInterval, @DefaultValue("500") int followBatch,
		@DefaultValue("1000000") long cacheSize, @DefaultValue("PT1M") Duration cacheTtl,
		@DefaultValue("true") boolean resolutionIndex, @DefaultValue("PT2S") Duration indexFollowInterval) {
}
