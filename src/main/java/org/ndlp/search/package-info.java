/**
 * Wenjin unified search (文津搜索): the Solr configset, indexing of union records (one
 * document per work cluster) from the catalog's change feed, queries, facets,
 * suggestions. Runs on embedded Solr by default and on SolrCloud when configured.
 */
@ApplicationModule(displayName = "Search")
package org.ndlp.search;

import org.springframework.modulith.ApplicationModule;
