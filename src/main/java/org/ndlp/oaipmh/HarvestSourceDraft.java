package org.ndlp.oaipmh;

/**
 * What staff send to add or change a harvest source.
 *
 * @param library the member library's code
 * @param baseUrl the repository's OAI-PMH base URL (http or https)
 * @param metadataPrefix a MARCXML format of the repository
 * @param set a setSpec, or empty for the whole repository
 * @param intervalMinutes minutes between runs (1440: daily)
 * @param enabled whether runs are scheduled
 */
public record HarvestSourceDraft(String library, String baseUrl, String metadataPrefix, String set, int intervalMinutes,
		boolean enabled) {
}
