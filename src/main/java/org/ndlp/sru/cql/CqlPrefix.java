package org.ndlp.sru.cql;

/**
 * A prefix map {@code > name="identifier"}.
 *
 * @param name the prefix, or {@code null} for the default context set
 * @param identifier the context set's URI
 */
public record CqlPrefix(String name, String identifier) {
}
