/**
 * Interchange by OAI-PMH 2.0: the provider at {@code /oai} serving the union catalog's
 * source records (oai_dc, MARCXML, MarcXchange for CNMARC/UNIMARC) with keyset resumption
 * tokens and persistent deletions, and the harvester that pulls member libraries'
 * repositories into {@code ingest}.
 */
@ApplicationModule(displayName = "OAI-PMH")
package org.ndlp.oaipmh;

import org.springframework.modulith.ApplicationModule;
