package org.ndlp.catalog;

import java.time.Instant;

/**
 * One entry of the catalog's change feed; followers (search indexer, identifier minter)
 * keep the last {@code seq} they handled and ask for what came after.
 *
 * @param seq the feed's monotonic sequence number
 * @param recordId the record that changed
 * @param version its version after the change
 * @param kind {@code UPSERT} or {@code DELETE}
 * @param changedAt when
 */
public record CatalogChange(long seq, long recordId, int version, String kind, Instant changedAt) {
}
