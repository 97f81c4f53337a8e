package org.ndlp.identity.internal.readers;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The HTTP disability verifier (ADR 0022).
 *
 * @param url where to POST the check; unset = no verifier, statuses stay pending
 * @param token a bearer token sent with each check, or blank
 * @param timeout how long to wait for an answer
 */
@ConfigurationProperties("ndlp.identity.disability")
public record DisabilityProperties(URI url, @DefaultValue("") String token, @DefaultValue("PT5S") Duration timeout) {
}
