package org.ndlp.shared.security;

import java.util.Optional;

import org.ndlp.shared.LibraryCode;
import org.ndlp.shared.RegionCode;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The signed-in staff member and the scope of its role. The identity module signs people
 * in and puts a {@link Carrier} in the security context; every other module asks this
 * type who is calling and what it may touch.
 *
 * @param username the account name
 * @param role the role
 * @param library the staff member's library
 * @param region the region code of that library (its first two digits give the province)
 */
public record CurrentUser(String username, StaffRole role, LibraryCode library,
		RegionCode region) implements java.io.Serializable {

	/** Implemented by the principal the identity module puts in the security context. */
	public interface Carrier {

		CurrentUser currentUser();

	}

	/** The user of the current request, if one signed in. */
	public static Optional<CurrentUser> current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof Carrier carrier) {
			return Optional.of(carrier.currentUser());
		}
		return Optional.empty();
	}

	/**
	 * The user of the current request, for endpoints the security rules open to signed-in
	 * staff only (so an absent user is a configuration error, not a caller's).
	 */
	public static CurrentUser require() {
		return current().orElseThrow(() -> new IllegalStateException("no signed-in staff member"));
	}

	public boolean isNationalAdmin() {
		return this.role == StaffRole.NATIONAL_ADMIN;
	}

	/**
	 * Whether this user may change the registry entry and deployment history of a
	 * library: national admins everywhere, provincial admins in their province, library
	 * admins their own library. Cataloguers change no registry data. Only national admins
	 * touch the national library, whatever its region.
	 */
	public boolean mayAdminister(LibraryCode code, RegionCode libraryRegion, boolean nationalLibrary) {
		return switch (this.role) {
			case NATIONAL_ADMIN -> true;
			case PROVINCIAL_ADMIN -> !nationalLibrary && this.region.sameProvinceAs(libraryRegion);
			case LIBRARY_ADMIN -> this.library.equals(code);
			case CATALOGER -> false;
		};
	}

}
