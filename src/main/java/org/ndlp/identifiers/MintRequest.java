package org.ndlp.identifiers;

import java.util.List;

/**
 * What to mint or register.
 *
 * @param prefix the prefix (must be allocated)
 * @param type the resource type
 * @param localName a given local name, or {@code null} to mint one from the sequence
 * @param checkedSuffix a complete suffix given with its check character (registration of
 * an existing identifier), or {@code null}
 * @param targetKind what kind of NDLP object it names, or {@code null}
 * @param targetId that object's id, or {@code null}
 * @param title a label
 * @param locations where the object is
 */
public record MintRequest(String prefix, CdoiType type, String localName, String checkedSuffix, String targetKind,
		String targetId, String title, List<Location> locations) {

	/** A minted name for a target inside NDLP. */
	public static MintRequest forTarget(String prefix, CdoiType type, String targetKind, String targetId, String title,
			String location) {
		return new MintRequest(prefix, type, null, null, targetKind, targetId, title,
				List.of(new Location(1, location, null)));
	}

}
