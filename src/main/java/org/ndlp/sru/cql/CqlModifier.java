package org.ndlp.sru.cql;

/**
 * A relation, boolean or sort modifier: {@code /stem} or {@code /distance<3}.
 *
 * @param type the modifier's name, lower-cased
 * @param comparison the comparison symbol, or {@code null} for a plain modifier
 * @param value the value compared with, or {@code null}
 */
public record CqlModifier(String type, String comparison, String value) {
}
