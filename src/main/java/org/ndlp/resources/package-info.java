/**
 * Self-built digital resources registered by member libraries (资源登记) into the metadata
 * repository (元数据仓储): Dublin Core plus the census fields, three ways in (form, Excel/CSV
 * template, oai_dc harvest), review by the provincial library or the NLC, a change feed
 * of published and withdrawn resources, and the 80% registration rule. See ADR 0015.
 */
@ApplicationModule(displayName = "Resources")
package org.ndlp.resources;

import org.springframework.modulith.ApplicationModule;
