package org.ndlp.catalog.marc;

/**
 * What kind of resource a record describes, from leader/06-07 (the codes agree closely
 * between MARC 21 and UNIMARC).
 */
public enum ResourceType {

	/** Printed or manuscript text issued once or in parts. */
	BOOK,

	/** A journal, newspaper or other continuing resource (leader/07 {@code s}). */
	SERIAL,

	/** Printed or manuscript music. */
	MUSIC_SCORE,

	/** A map or other cartographic material. */
	MAP,

	/** A film, video or other projected medium. */
	VIDEO,

	/** A sound recording. */
	SOUND,

	/** A picture or other two-dimensional graphic. */
	IMAGE,

	/** An electronic resource (software, data, online text). */
	ELECTRONIC,

	/** A kit, three-dimensional object or mixed material. */
	OTHER;

	/** The type a leader describes. */
	static ResourceType of(String leader, MarcSchema schema) {
		char type = leader.charAt(6);
		char level = leader.charAt(7);
		if (level == 's' && (type == 'a' || type == 'b' || type == 't')) {
			return SERIAL;
		}
		return switch (type) {
			case 'a', 'b', 't' -> BOOK;
			case 'c', 'd' -> MUSIC_SCORE;
			case 'e', 'f' -> MAP;
			case 'g' -> VIDEO;
			case 'i', 'j' -> SOUND;
			case 'k' -> IMAGE;
			// MARC 21 'm' is a computer file, UNIMARC 'm' is multimedia; UNIMARC 'l' is
			// electronic
			case 'l' -> ELECTRONIC;
			case 'm' -> (schema == MarcSchema.MARC21) ? ELECTRONIC : OTHER;
			default -> OTHER;
		};
	}

}
