package org.ndlp.shared;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings every module shares.
 *
 * @param home data folder of the embedded shape (H2 database, embedded Solr, uploads)
 * @param demoData whether demo content is loaded at start-up (reference data is always
 * loaded)
 */
@ConfigurationProperties("ndlp")
public record NdlpProperties(@DefaultValue("./ndlp-data") Path home, @DefaultValue("true") boolean demoData) {
}
