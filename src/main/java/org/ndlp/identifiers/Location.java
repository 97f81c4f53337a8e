package org.ndlp.identifiers;

/**
 * Where an identified object can be found.
 *
 * @param index the position among the identifier's locations (1 is the primary; the
 * Handle value index)
 * @param href the URL
 * @param mediaType what it serves, for content negotiation ({@code null}: a web page)
 */
public record Location(int index, String href, String mediaType) {
}
