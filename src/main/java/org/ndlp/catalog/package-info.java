/**
 * The union catalog and metadata repository: source records as received (lossless,
 * versioned), normalized records, holdings, work clusters and the change feed. Format
 * code lives framework-free in {@code catalog.marc}.
 */
@ApplicationModule(displayName = "Catalog")
package org.ndlp.catalog;

import org.springframework.modulith.ApplicationModule;
