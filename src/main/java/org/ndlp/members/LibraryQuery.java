package org.ndlp.members;

import org.ndlp.shared.LibraryCode;
import org.ndlp.shared.RegionCode;

/**
 * A filter over the registry; {@code null} fields do not filter.
 *
 * @param level only this tier
 * @param parent only direct children of this library
 * @param region a region code: a province code ({@code 440000}) matches the whole
 * province, a prefecture code ({@code 440100}) the prefecture, anything else exactly
 * @param text part of the code, Chinese or English name (case-insensitive)
 */
public record LibraryQuery(LibraryLevel level, LibraryCode parent, RegionCode region, String text) {

	public static final LibraryQuery ALL = new LibraryQuery(null, null, null, null);

}
