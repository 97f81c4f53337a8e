package org.ndlp.members;

/** The tier of a member library in the project's hierarchy. */
public enum LibraryLevel {

	NATIONAL("国家馆", "National"), PROVINCIAL("省级馆", "Provincial"), CITY("地市级馆", "City"), COUNTY("县级馆", "County");

	private final String nameZh;

	private final String nameEn;

	LibraryLevel(String nameZh, String nameEn) {
		this.nameZh = nameZh;
		this.nameEn = nameEn;
	}

	public String nameZh() {
		return this.nameZh;
	}

	public String nameEn() {
		return this.nameEn;
	}

	/**
	 * Whether a library of this level may sit directly under a library of the given
	 * level.
	 */
	public boolean mayHaveParent(LibraryLevel parent) {
		return switch (this) {
			case NATIONAL -> parent == null;
			case PROVINCIAL -> parent == NATIONAL;
			case CITY -> parent == PROVINCIAL;
			// counties of the municipalities (Beijing, Shanghai…) report straight to the
			// provincial library
			case COUNTY -> parent == CITY || parent == PROVINCIAL;
		};
	}

}
