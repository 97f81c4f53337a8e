/**
 * Collection of records: jobs that stream a library's file through parse (catalog.marc) →
 * validate → store (catalog) in batches, with counted outcomes, a rejection list and
 * resume after a crash.
 */
@ApplicationModule(displayName = "Ingest")
package org.ndlp.ingest;

import org.springframework.modulith.ApplicationModule;
