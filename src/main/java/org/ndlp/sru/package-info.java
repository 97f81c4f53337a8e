/**
 * Interchange by SRU (Search/Retrieve via URL) 1.2 and 2.0 at {@code /sru}: explain,
 * searchRetrieve with CQL queries parsed by {@code sru.cql} and run on the search module,
 * records rendered from the union record's display record as MARCXML, MarcXchange
 * (CNMARC/UNIMARC) or Dublin Core, and diagnostics from the SRU diagnostic list.
 */
@ApplicationModule(displayName = "SRU")
package org.ndlp.sru;

import org.springframework.modulith.ApplicationModule;
