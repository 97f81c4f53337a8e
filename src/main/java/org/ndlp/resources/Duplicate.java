package org.ndlp.resources;

/**
 * A possible duplicate flagged when a resource was registered.
 *
 * @param otherId the earlier registration it resembles
 * @param otherTitle that registration's title
 * @param otherLibrary that registration's building library
 * @param reason {@code TITLE} (same normalized title and building library) or {@code URL}
 * (same access URL)
 */
public record Duplicate(long otherId, String otherTitle, String otherLibrary, String reason) {
}
