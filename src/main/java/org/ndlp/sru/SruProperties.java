package org.ndlp.sru;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the SRU server.
 *
 * @param defaultRecords records per searchRetrieve response when {@code maximumRecords}
 * is not given
 * @param maxRecords the most records one response carries (a larger
 * {@code maximumRecords} is lowered to it)
 * @param defaultVersion the version of a request that names none and no {@code operation}
 * ({@code 2.0} or {@code 1.2})
 */
@ConfigurationProperties("ndlp.sru")
public record SruProperties(@DefaultValue("10") int defaultRecords, @DefaultValue("100") int maxRecords,
		@DefaultValue("2.0") String defaultVersion) {

	public SruProperties {
		if (defaultRecords < 0 || maxRecords < 1 || defaultRecords > maxRecords) {
			throw new IllegalArgumentException("ndlp.sru: 0 <= default-records <= max-records, max-records >= 1");
		}
		if (!"2.0".equals(defaultVersion) && !"1.2".equals(defaultVersion)) {
			throw new IllegalArgumentException("ndlp.sru.default-version must be 2.0 or 1.2");
		}
	}

}
