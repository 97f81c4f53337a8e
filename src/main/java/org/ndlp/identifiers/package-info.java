/**
 * The unique identifier system (唯一标识符系统, CDOI): prefixes allocated to member libraries,
 * identifiers minted for union records and on request, resolution at
 * {@code /id/{prefix}/{suffix}}, a Handle-compatible JSON API, and an audit of every
 * change. Identifiers are never reused; a deleted one leaves a tombstone.
 */
@ApplicationModule(displayName = "Identifiers")
package org.ndlp.identifiers;

import org.springframework.modulith.ApplicationModule;
