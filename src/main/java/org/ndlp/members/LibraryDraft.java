package org.ndlp.members;

/**
 * What a caller sends to create or replace a registry entry; every field is checked by
 * {@link MemberLibraries}, which names the field at fault.
 *
 * @param code the library's code
 * @param name the Chinese name
 * @param nameEn the English name
 * @param level the tier
 * @param parentCode the code of the library it reports to
 * @param regionCode its GB/T 2260 region code
 * @param address postal address
 * @param contact the project contact
 */
public record LibraryDraft(String code, String name, String nameEn, LibraryLevel level, String parentCode,
		String regionCode, String address, Contact contact) {

	/** The draft that replaces nothing of an existing entry. */
	public static LibraryDraft of(MemberLibrary library) {
		return new LibraryDraft(library.code().value(), library.name(), library.nameEn(), library.level(),
				(library.parentCode() != null) ? library.parentCode().value() : null, library.regionCode().value(),
				library.address(), library.contact());
	}

}
