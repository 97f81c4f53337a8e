/**
 * The union catalog: source records as received, normalized bibliographic records,
 * holdings and work clusters. {@code catalog.marc} holds the framework-free MARC format
 * code (readers, writers, schema and encoding detection).
 */
@ApplicationModule(displayName = "Catalog")
package org.ndlp.catalog;

import org.springframework.modulith.ApplicationModule;
