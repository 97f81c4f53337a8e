/**
 * The reader-facing site: pages that compose search, catalog, identifiers and identity.
 */
@ApplicationModule(displayName = "Portal")
package org.ndlp.portal;

import org.springframework.modulith.ApplicationModule;
