/**
 * Framework-free, streaming MARC format code: ISO 2709, MARCXML and MARC-in-JSON readers
 * that report broken records and go on, MARCXML and ISO 2709 writers, and detection of
 * the schema (MARC 21, UNIMARC, CNMARC) and the character encoding. Nothing here may
 * depend on Spring.
 */
@NamedInterface("marc")
package org.ndlp.catalog.marc;

import org.springframework.modulith.NamedInterface;
