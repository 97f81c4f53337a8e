package org.ndlp.members.web;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.ndlp.members.LibraryDraft;
import org.ndlp.members.LibraryLevel;
import org.ndlp.members.LibraryQuery;
import org.ndlp.members.MemberLibraries;
import org.ndlp.members.MemberLibrary;
import org.ndlp.shared.LibraryCode;
import org.ndlp.shared.RegionCode;
import org.ndlp.shared.problem.InvalidInput;
import org.ndlp.shared.security.CurrentUser;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The member-library registry over REST. Reads are public; changes need a staff account
 * whose role covers the library (see {@link CurrentUser#mayAdminister}).
 */
@RestController
@RequestMapping("/api/v1/libraries")
@Tag(name = "Member libraries (成员馆)")
class LibraryApi {

	private final MemberLibraries libraries;

	LibraryApi(MemberLibraries libraries) {
		this.libraries = libraries;
	}

	@GetMapping
	@Operation(summary = "List member libraries", description = "Public. Filters: level, parent (library code), "
			+ "region (a province code such as 440000 matches the whole province), q (code or name).")
	List<MemberLibrary> list(@RequestParam(required = false) LibraryLevel level,
			@RequestParam(required = false) String parent, @RequestParam(required = false) String region,
			@RequestParam(required = false) String q) {
		return this.libraries.search(query(level, parent, region, q));
	}

	@GetMapping("/{code}")
	@Operation(summary = "One member library", description = "Public.")
	MemberLibrary get(@PathVariable String code) {
		return this.libraries.get(code(code));
	}

	@PostMapping
	@Operation(summary = "Add a member library",
			description = "National admins anywhere; provincial admins city and county libraries of their province.")
	ResponseEntity<MemberLibrary> create(@RequestBody LibraryDraft draft) {
		MemberLibrary created = this.libraries.create(draft, user());
		return ResponseEntity.created(URI.create("/api/v1/libraries/" + created.code())).body(created);
	}

	@PutMapping("/{code}")
	@Operation(summary = "Replace a library's entry",
			description = "Within the caller's scope; the code cannot change.")
	MemberLibrary replace(@PathVariable String code, @RequestBody LibraryDraft draft) {
		return this.libraries.update(code(code), draft, user());
	}

	@PatchMapping("/{code}")
	@Operation(summary = "Change some fields of a library's entry",
			description = "Fields left out or null keep their value.")
	MemberLibrary patch(@PathVariable String code, @RequestBody LibraryDraft patch) {
		MemberLibrary existing = this.libraries.get(code(code));
		LibraryDraft current = LibraryDraft.of(existing);
		LibraryDraft merged = new LibraryDraft(current.code(), pick(patch.name(), current.name()),
				pick(patch.nameEn(), current.nameEn()), (patch.level() != null) ? patch.level() : current.level(),
				pick(patch.parentCode(), current.parentCode()), pick(patch.regionCode(), current.regionCode()),
				pick(patch.address(), current.address()),
				(patch.contact() != null) ? patch.contact() : current.contact());
		return this.libraries.update(existing.code(), merged, user());
	}

	@DeleteMapping("/{code}")
	@Operation(summary = "Delete a library that has no data",
			description = "National and provincial admins within scope; 409 when the library has children or data.")
	ResponseEntity<Void> delete(@PathVariable String code) {
		this.libraries.delete(code(code), user());
		return ResponseEntity.noContent().build();
	}

	static LibraryQuery query(LibraryLevel level, String parent, String region, String q) {
		LibraryCode parentCode = (parent == null || parent.isBlank()) ? null : code(parent, "parent");
		RegionCode regionCode = null;
		if (region != null && !region.isBlank()) {
			try {
				regionCode = RegionCode.of(region);
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidInput("region", ex.getMessage());
			}
		}
		return new LibraryQuery(level, parentCode, regionCode, q);
	}

	static LibraryCode code(String value) {
		return code(value, "code");
	}

	static LibraryCode code(String value, String field) {
		try {
			return LibraryCode.of(value);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInput(field, ex.getMessage());
		}
	}

	static CurrentUser user() {
		return CurrentUser.require();
	}

	private static String pick(String patch, String current) {
		return (patch != null) ? patch : current;
	}

}
