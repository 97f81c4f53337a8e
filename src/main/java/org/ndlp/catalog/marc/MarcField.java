package org.ndlp.catalog.marc;

/**
 * A variable field of a MARC record: a control field (tags 001–009) or a data field.
 */
public sealed interface MarcField permits ControlField, DataField {

	/**
	 * The three-character tag; alphanumeric tags such as {@code AVA} are kept as found.
	 */
	String tag();

	/**
	 * Whether a tag names a control field (00X), the same rule in MARC 21 and UNIMARC.
	 */
	static boolean isControlTag(String tag) {
		return tag.length() == 3 && tag.charAt(0) == '0' && tag.charAt(1) == '0';
	}

}
