package org.ndlp.operations.reporting;

import java.time.Instant;

/**
 * A file attached to a report (its bytes are fetched separately).
 *
 * @param id the attachment's number
 * @param name the file name
 * @param mediaType its media type
 * @param size its size in bytes
 * @param uploadedBy who attached it
 * @param uploadedAt when
 */
public record Attachment(long id, String name, String mediaType, long size, String uploadedBy, Instant uploadedAt) {
}
