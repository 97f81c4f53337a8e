package org.ndlp.shared.security;

/** What a staff member may do, always within the scope of its library. */
public enum StaffRole {

	/** The national centre (NLC): every library. */
	NATIONAL_ADMIN("国家中心管理员", "National administrator"),

	/** A provincial library's administrator: the libraries of its province. */
	PROVINCIAL_ADMIN("省级管理员", "Provincial administrator"),

	/** A member library's administrator: its own library. */
	LIBRARY_ADMIN("图书馆管理员", "Library administrator"),

	/** A cataloguer: sends and edits its own library's records; no registry changes. */
	CATALOGER("编目员", "Cataloguer");

	private final String nameZh;

	private final String nameEn;

	StaffRole(String nameZh, String nameEn) {
		this.nameZh = nameZh;
		this.nameEn = nameEn;
	}

	public String nameZh() {
		return this.nameZh;
	}

	public String nameEn() {
		return this.nameEn;
	}

	/** The Spring Security authority, e.g. {@code ROLE_NATIONAL_ADMIN}. */
	public String authority() {
		return "ROLE_" + name();
	}

}
