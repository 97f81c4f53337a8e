package org.ndlp.catalog;

/**
 * A record's place in its work cluster.
 *
 * @param recordId the record
 * @param clusterId the cluster (the id of its first record)
 * @param reasons why it joined (or that it founded the cluster)
 */
public record ClusterMember(long recordId, long clusterId, String reasons) {
}
