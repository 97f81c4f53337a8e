package org.ndlp.search.internal;

import org.apache.solr.client.solrj.SolrClient;

import org.ndlp.shared.NdlpProperties;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Picks the Solr shape from configuration: SolrCloud, standalone, or embedded. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SearchProperties.class)
class SolrConfiguration {

	@Bean(destroyMethod = "close")
	SolrShape solrShape(SearchProperties properties, NdlpProperties ndlp) {
		SearchProperties.Solr solr = properties.solr();
		if (solr.cloud()) {
			return new CloudSolr(solr.zkHosts(), solr.collection(), solr.shards(), solr.replicas());
		}
		if (solr.standalone()) {
			return new StandaloneSolr(solr.url(), solr.collection());
		}
		return new EmbeddedSolr((solr.home() != null) ? solr.home() : ndlp.home().resolve("solr"), solr.collection());
	}

	/** The one client for every index; closed with the shape. */
	@Bean(destroyMethod = "")
	SolrClient solrClient(SolrShape shape) {
		return shape.client();
	}

}
