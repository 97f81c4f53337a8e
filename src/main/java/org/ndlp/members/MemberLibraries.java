package org.ndlp.members;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.ndlp.members.internal.JdbcLibraries;
import org.ndlp.shared.LibraryCode;
import org.ndlp.shared.RegionCode;
import org.ndlp.shared.problem.Conflict;
import org.ndlp.shared.problem.InvalidInput;
import org.ndlp.shared.problem.OutOfScope;
import org.ndlp.shared.security.CurrentUser;
import org.ndlp.shared.security.StaffRole;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registry of member libraries: reads for everyone, changes within the caller's
 * scope, and the hierarchy rules (one national library; provincial libraries under it; a
 * city library under a provincial library of the same province; a county library under a
 * city or provincial library of the same province).
 */
@Service
public class MemberLibraries {

	private static final int MAX_NAME = 200;

	private final JdbcLibraries libraries;

	private final Clock clock;

	public MemberLibraries(JdbcLibraries libraries, Clock clock) {
		this.libraries = libraries;
		this.clock = clock;
	}

	public Optional<MemberLibrary> find(LibraryCode code) {
		return this.libraries.find(code);
	}

	/** The library with this code, or {@link UnknownLibrary}. */
	public MemberLibrary get(LibraryCode code) {
		return this.libraries.find(code).orElseThrow(() -> new UnknownLibrary(code.value()));
	}

	public List<MemberLibrary> search(LibraryQuery query) {
		return this.libraries.search(query);
	}

	public List<MemberLibrary> children(LibraryCode code) {
		return this.libraries.children(code);
	}

	/** Whether the user may change this library's entry and deployment history. */
	public boolean mayAdminister(CurrentUser user, MemberLibrary library) {
		return user.mayAdminister(library.code(), library.regionCode(), library.level() == LibraryLevel.NATIONAL);
	}

	/** Fails with {@link OutOfScope} unless the user may administer the library. */
	public void checkMayAdminister(CurrentUser user, MemberLibrary library) {
		if (!mayAdminister(user, library)) {
			throw new OutOfScope(user.username() + " (" + user.role() + " of " + user.library()
					+ ") may not change library " + library.code());
		}
	}

	@Transactional
	public MemberLibrary create(LibraryDraft draft, CurrentUser user) {
		Instant now = this.clock.instant();
		MemberLibrary library = check(draft, null, now, now);
		checkMayAdminister(user, library);
		if (library.level() == LibraryLevel.PROVINCIAL && !user.isNationalAdmin()) {
			throw new OutOfScope("only the national centre adds provincial libraries");
		}
		if (this.libraries.exists(library.code())) {
			throw new Conflict("duplicate-library-code", "code",
					"a member library with code " + library.code() + " already exists");
		}
		this.libraries.insert(library);
		return library;
	}

	@Transactional
	public MemberLibrary update(LibraryCode code, LibraryDraft draft, CurrentUser user) {
		MemberLibrary existing = get(code);
		checkMayAdminister(user, existing);
		if (draft.code() != null && !draft.code().isBlank() && !LibraryCode.of(draft.code()).equals(code)) {
			throw new InvalidInput("code",
					"a library's code cannot change (path says " + code + ", body says " + draft.code() + ")");
		}
		LibraryDraft withCode = new LibraryDraft(code.value(), draft.name(), draft.nameEn(), draft.level(),
				draft.parentCode(), draft.regionCode(), draft.address(), draft.contact());
		MemberLibrary updated = check(withCode, existing, existing.createdAt(), this.clock.instant());
		checkMayAdminister(user, updated);
		if (updated.level() != existing.level() && !(user.isNationalAdmin()
				|| (user.role() == StaffRole.PROVINCIAL_ADMIN && updated.level() != LibraryLevel.PROVINCIAL
						&& existing.level() != LibraryLevel.PROVINCIAL))) {
			throw new OutOfScope("only the national or provincial centre changes a library's level");
		}
		for (MemberLibrary child : this.libraries.children(code)) {
			if (!child.level().mayHaveParent(updated.level())) {
				throw new InvalidInput("level", "child library " + child.code() + " (" + child.level()
						+ ") cannot sit under a " + updated.level() + " library");
			}
			if (!child.regionCode().sameProvinceAs(updated.regionCode())) {
				throw new InvalidInput("regionCode", "child library " + child.code() + " lies in another province");
			}
		}
		this.libraries.update(updated);
		return updated;
	}

	/** Deletes a library that has no children and no data anywhere in the platform. */
	@Transactional
	public void delete(LibraryCode code, CurrentUser user) {
		MemberLibrary existing = get(code);
		checkMayAdminister(user, existing);
		if (!user.isNationalAdmin() && user.role() != StaffRole.PROVINCIAL_ADMIN) {
			throw new OutOfScope("only the national or provincial centre removes libraries");
		}
		int children = this.libraries.countChildren(code);
		if (children > 0) {
			throw new Conflict("library-in-use", null,
					"library " + code + " has " + children + " libraries under it; move or delete them first");
		}
		try {
			this.libraries.delete(code);
		}
		catch (DataIntegrityViolationException ex) {
			throw new Conflict("library-in-use", null, "library " + code
					+ " still has data (deployment history, staff accounts or records); it cannot be deleted");
		}
	}

	/**
	 * Checks a draft against the field and hierarchy rules; names the first field at
	 * fault.
	 */
	MemberLibrary check(LibraryDraft draft, MemberLibrary existing, Instant createdAt, Instant updatedAt) {
		LibraryCode code = parse("code", draft.code(), LibraryCode::of);
		String name = required("name", draft.name());
		if (name.length() > MAX_NAME) {
			throw new InvalidInput("name", "name is longer than " + MAX_NAME + " characters");
		}
		if (draft.nameEn() != null && draft.nameEn().length() > MAX_NAME) {
			throw new InvalidInput("nameEn", "nameEn is longer than " + MAX_NAME + " characters");
		}
		if (draft.level() == null) {
			throw new InvalidInput("level", "level is required: NATIONAL, PROVINCIAL, CITY or COUNTY");
		}
		RegionCode region = parse("regionCode", draft.regionCode(), RegionCode::of);
		LibraryCode parentCode = blank(draft.parentCode()) ? null
				: parse("parentCode", draft.parentCode(), LibraryCode::of);
		MemberLibrary parent = null;
		if (parentCode != null) {
			if (parentCode.equals(code)) {
				throw new InvalidInput("parentCode", "a library cannot be its own parent");
			}
			parent = this.libraries.find(parentCode)
				.orElseThrow(() -> new InvalidInput("parentCode", "no member library has the code " + parentCode));
		}
		LibraryLevel parentLevel = (parent != null) ? parent.level() : null;
		if (!draft.level().mayHaveParent(parentLevel)) {
			throw new InvalidInput("parentCode", switch (draft.level()) {
				case NATIONAL -> "the national library has no parent";
				case PROVINCIAL -> "a provincial library's parent must be the national library";
				case CITY -> "a city library's parent must be a provincial library";
				case COUNTY -> "a county library's parent must be a city or provincial library";
			});
		}
		if (draft.level() == LibraryLevel.NATIONAL) {
			boolean another = this.libraries.search(new LibraryQuery(LibraryLevel.NATIONAL, null, null, null))
				.stream()
				.anyMatch((other) -> !other.code().equals(code));
			if (another) {
				throw new InvalidInput("level", "there is already a national library");
			}
		}
		if (parent != null && parent.level() != LibraryLevel.NATIONAL && !parent.regionCode().sameProvinceAs(region)) {
			throw new InvalidInput("parentCode", "parent " + parentCode + " lies in " + parent.provinceName()
					+ ", but region " + region + " is in " + region.provinceName());
		}
		// levels strictly descend, so a cycle is impossible; walk up anyway to guard bad
		// data
		for (MemberLibrary up = parent; up != null; up = (up.parentCode() != null)
				? this.libraries.find(up.parentCode()).orElse(null) : null) {
			if (up.code().equals(code)) {
				throw new InvalidInput("parentCode", "parent " + parentCode + " would make a cycle");
			}
		}
		Contact contact = (draft.contact() != null) ? draft.contact() : Contact.NONE;
		if (contact.email() != null && !contact.email().isBlank() && !contact.email().contains("@")) {
			throw new InvalidInput("contact.email", "not an e-mail address: " + contact.email());
		}
		return new MemberLibrary(code, name, trimToNull(draft.nameEn()), draft.level(), parentCode, region,
				trimToNull(draft.address()),
				new Contact(trimToNull(contact.name()), trimToNull(contact.phone()), trimToNull(contact.email())),
				createdAt, updatedAt);
	}

	private static <T> T parse(String field, String value, Function<String, T> parser) {
		if (blank(value)) {
			throw new InvalidInput(field, field + " is required");
		}
		try {
			return parser.apply(value);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInput(field, ex.getMessage());
		}
	}

	private static String required(String field, String value) {
		if (blank(value)) {
			throw new InvalidInput(field, field + " is required");
		}
		return value.strip();
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	private static String trimToNull(String value) {
		return blank(value) ? null : value.strip();
	}

}
