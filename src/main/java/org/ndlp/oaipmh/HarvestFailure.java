package org.ndlp.oaipmh;

/**
 * A harvested record that could not be stored.
 *
 * @param identifier its OAI identifier
 * @param reason why
 */
public record HarvestFailure(String identifier, String reason) {
}
