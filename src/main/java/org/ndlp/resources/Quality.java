package org.ndlp.resources;

import java.util.ArrayList;
import java.util.List;

/**
 * The quality tier of a registration, from how complete its metadata is. The required
 * fields (title, resource type, building library, year built) are always present; the
 * tier counts the recommended ones: A has them all, B misses at most three, C misses
 * more.
 *
 * @param tier A, B or C
 * @param present recommended fields present
 * @param recommended recommended fields in all
 * @param missing the recommended fields that are missing, by name
 */
public record Quality(String tier, int present, int recommended, List<String> missing) {

	/** The recommended fields, by the names the API and the template use. */
	public static final List<String> RECOMMENDED = List.of("creator", "subject", "description", "publisher", "date",
			"format", "language", "rights", "accessUrl", "sizeGb", "itemCount");

	static Quality of(Resource r) {
		List<String> missing = new ArrayList<>();
		check(missing, "creator", r.creator());
		check(missing, "subject", r.subject());
		check(missing, "description", r.description());
		check(missing, "publisher", r.publisher());
		check(missing, "date", r.date());
		check(missing, "format", r.format());
		check(missing, "language", r.language());
		check(missing, "rights", r.rights());
		check(missing, "accessUrl", r.accessUrl());
		check(missing, "sizeGb", r.sizeGb());
		check(missing, "itemCount", r.itemCount());
		String tier = missing.isEmpty() ? "A" : (missing.size() <= 3) ? "B" : "C";
		return new Quality(tier, RECOMMENDED.size() - missing.size(), RECOMMENDED.size(), List.copyOf(missing));
	}

	private static void check(List<String> missing, String name, Object value) {
		if (value == null || (value instanceof String text && text.isBlank())) {
			missing.add(name);
		}
	}

}
