package org.ndlp.catalog;

import java.time.Instant;
import java.util.List;

import org.ndlp.shared.LibraryCode;

/**
 * Which records a listing walks: those whose current version was stored in
 * {@code [from, until)}, of some libraries and schemas. A {@code null} or empty bound
 * means no restriction.
 *
 * @param from earliest store time, inclusive, or {@code null}
 * @param until latest store time, exclusive, or {@code null}
 * @param libraries only these libraries' records (empty: all)
 * @param schemas only records whose current version has one of these schemas, e.g.
 * {@code MARC21} (empty: all)
 */
public record ListingQuery(Instant from, Instant until, List<LibraryCode> libraries, List<String> schemas) {

	/** Every record. */
	public static final ListingQuery ALL = new ListingQuery(null, null, List.of(), List.of());

	public ListingQuery {
		libraries = (libraries != null) ? List.copyOf(libraries) : List.of();
		schemas = (schemas != null) ? List.copyOf(schemas) : List.of();
	}

	/**
	 * A position in a listing: after the record with this store time and id.
	 *
	 * @param datestamp the store time of the last record seen (exact, not rounded)
	 * @param id its record id
	 */
	public record Cursor(Instant datestamp, long id) {
	}

}
