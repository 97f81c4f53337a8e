package org.ndlp.oaipmh;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the OAI-PMH provider.
 *
 * @param baseUrl the base URL announced in responses; empty: taken from the request
 * (behind a proxy, with {@code server.forward-headers-strategy})
 * @param repositoryName the name in {@code Identify}
 * @param adminEmail the contact in {@code Identify}
 * @param pageSize records or headers per ListRecords / ListIdentifiers response
 */
@ConfigurationProperties("ndlp.oaipmh")
public record OaiPmhProperties(@DefaultValue("") String baseUrl,
		@DefaultValue("NDLP union catalog (全国联合编目)") String repositoryName,
		@DefaultValue("ndlp@nlc.cn") String adminEmail, @DefaultValue("500") int pageSize) {

	public OaiPmhProperties {
		if (pageSize < 1) {
			throw new IllegalArgumentException("ndlp.oaipmh.page-size must be at least 1");
		}
	}

}
