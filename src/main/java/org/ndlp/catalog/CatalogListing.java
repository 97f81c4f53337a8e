package org.ndlp.catalog;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.ndlp.catalog.internal.JdbcCatalogListing;
import org.ndlp.shared.LibraryCode;

import org.springframework.stereotype.Service;

/**
 * Walks the catalog's records in datestamp order (the store time of each record's current
 * version, then the record id) for harvesters: a page starts after a
 * {@link ListingQuery.Cursor} (a keyset, never an offset), so a deep page costs what the
 * first one does and a cursor stays valid across restarts. A changed record moves to the
 * end of the walk; a deleted one stays listed with its deletion.
 */
@Service
public class CatalogListing {

	private final JdbcCatalogListing listing;

	public CatalogListing(JdbcCatalogListing listing) {
		this.listing = listing;
	}

	/**
	 * Up to {@code limit} current versions after {@code after} (or from the start when
	 * {@code null}), oldest first. {@link SourceRecord#receivedAt()} is the datestamp.
	 * Without content, {@link SourceRecord#content()} is empty (for identifier lists).
	 */
	public List<SourceRecord> page(ListingQuery query, ListingQuery.Cursor after, int limit, boolean withContent) {
		if (limit < 1) {
			throw new IllegalArgumentException("limit must be at least 1");
		}
		return this.listing.page(query, after, limit, withContent);
	}

	/** The oldest datestamp in the catalog, if it holds any record. */
	public Optional<Instant> earliestDatestamp() {
		return this.listing.earliestDatestamp();
	}

	/** The libraries that have sent at least one record (deleted ones count). */
	public List<LibraryCode> librariesWithRecords() {
		return this.listing.librariesWithRecords();
	}

}
