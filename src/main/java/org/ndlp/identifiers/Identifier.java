package org.ndlp.identifiers;

import java.time.Instant;
import java.util.List;

/**
 * A minted or registered identifier and what it names.
 *
 * @param cdoi the name
 * @param type the resource type
 * @param targetKind what kind of object it names inside NDLP (e.g. {@code UNION_RECORD}),
 * or {@code null} for an outside object
 * @param targetId that object's id inside NDLP
 * @param title a human-readable label
 * @param locations where the object is, primary first
 * @param deleted whether it is a tombstone
 * @param tombstoneNote why it was deleted
 * @param createdBy who minted or registered it
 * @param createdAt when
 * @param updatedAt when it last changed
 * @param deletedAt when it was deleted
 */
public record Identifier(Cdoi cdoi, CdoiType type, String targetKind, String targetId, String title,
		List<Location> locations, boolean deleted, String tombstoneNote, String createdBy, Instant createdAt,
		Instant updatedAt, Instant deletedAt) {

	public String handle() {
		return this.cdoi.handle();
	}

}
