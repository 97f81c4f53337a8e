package org.ndlp.identity;

import java.util.List;

/**
 * A page of audit events, newest first.
 *
 * @param total events matching the filters in the viewer's scope
 * @param page the page number, from 0
 * @param size the page size
 * @param items the events of this page
 */
public record AuditPage(long total, int page, int size, List<AuditEvent> items) {
}
