package org.ndlp.members;

import java.time.Instant;

import org.ndlp.shared.LibraryCode;
import org.ndlp.shared.RegionCode;

/**
 * A library taking part in the project.
 *
 * @param code the library's code
 * @param name the Chinese name
 * @param nameEn the English name, if known
 * @param level the tier
 * @param parentCode the library it reports to ({@code null} only for the national
 * library)
 * @param regionCode its GB/T 2260 region
 * @param address postal address
 * @param contact the project contact (专项负责人)
 * @param createdAt when the entry was created
 * @param updatedAt when the entry last changed
 */
public record MemberLibrary(LibraryCode code, String name, String nameEn, LibraryLevel level, LibraryCode parentCode,
		RegionCode regionCode, String address, Contact contact, Instant createdAt, Instant updatedAt) {

	/** The Chinese name of the province-level division the library lies in. */
	public String provinceName() {
		return this.regionCode.provinceName();
	}

}
