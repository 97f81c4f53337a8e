package org.ndlp.ingest;

/**
 * A record an ingest job could not take.
 *
 * @param index its 1-based position in the file
 * @param location where it starts (byte offset or line)
 * @param localId its 001, if readable
 * @param reason why it was rejected
 */
public record Rejection(long index, String location, String localId, String reason) {
}
