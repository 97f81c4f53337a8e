package org.ndlp.resources;

import java.time.Instant;

/**
 * One entry of the registry's change feed; followers (search indexer, identifier minter)
 * keep the last {@code seq} they handled and ask for what came after, exactly as for the
 * catalog's feed.
 *
 * @param seq the feed's monotonic sequence number
 * @param resourceId the resource
 * @param kind {@code UPSERT} (published or republished) or {@code DELETE} (withdrawn)
 * @param changedAt when
 */
public record ResourceChange(long seq, long resourceId, String kind, Instant changedAt) {
}
