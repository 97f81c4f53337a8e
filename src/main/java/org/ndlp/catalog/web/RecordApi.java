package org.ndlp.catalog.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.ndlp.catalog.CatalogRecords;
import org.ndlp.catalog.SourceRecord;
import org.ndlp.catalog.UnionRecord;
import org.ndlp.catalog.UnionRecords;
import org.ndlp.catalog.marc.Holding;
import org.ndlp.catalog.marc.Iso20775Reader;
import org.ndlp.members.MemberLibraries;
import org.ndlp.shared.LibraryCode;
import org.ndlp.shared.problem.InvalidInput;
import org.ndlp.shared.problem.NotFound;
import org.ndlp.shared.problem.OutOfScope;
import org.ndlp.shared.security.CurrentUser;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Union records (联合目录记录): one per edition, with every library's record and holdings.
 * Reading is public; splitting and joining clusters and sending ISO 20775 holdings need
 * staff in scope.
 */
@RestController
@RequestMapping("/api/v1/records")
@Tag(name = "Catalog (联合编目)")
class RecordApi {

	private final UnionRecords union;

	private final CatalogRecords records;

	private final MemberLibraries libraries;

	RecordApi(UnionRecords union, CatalogRecords records, MemberLibraries libraries) {
		this.union = union;
		this.records = records;
		this.libraries = libraries;
	}

	@GetMapping("/{id}")
	@Operation(summary = "A union record: display fields, each library's record and holdings by library",
			description = "Public. The id of a member record answers 301 to its union record.")
	ResponseEntity<UnionRecord> get(@PathVariable long id) {
		UnionRecord record = this.union.get(id).orElseThrow(() -> new NotFound("no union record " + id));
		if (record.id() != id) {
			return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY)
				.location(URI.create("/api/v1/records/" + record.id()))
				.build();
		}
		return ResponseEntity.ok(record);
	}

	@GetMapping
	@Operation(summary = "The union record of a library's record, by the library and its local id (001)",
			description = "Public.")
	UnionRecord lookup(@RequestParam String library, @RequestParam String localId) {
		LibraryCode code = code(library);
		long id = this.union.idOf(code, localId)
			.orElseThrow(() -> new NotFound("library " + code + " has no record " + localId));
		return this.union.get(id).orElseThrow(() -> new NotFound("library " + code + " deleted record " + localId));
	}

	@GetMapping("/{id}/members/{library}/marc")
	@Operation(summary = "A library's record of this edition as received (syntax=iso2709) or as MARCXML",
			description = "Public. ISO 2709 is the exact bytes the library sent, in its encoding.")
	ResponseEntity<byte[]> marc(@PathVariable long id, @PathVariable String library,
			@RequestParam(defaultValue = "iso2709") String syntax) {
		return MarcResponses.marc(this.records, member(id, code(library)), syntax);
	}

	/**
	 * A split.
	 *
	 * @param recordIds the member records to move into a cluster of their own
	 * @param note why (kept with the decision)
	 */
	record SplitRequest(List<Long> recordIds, String note) {
	}

	/**
	 * A join.
	 *
	 * @param otherId the union record whose members join this one
	 * @param note why (kept with the decision)
	 */
	record JoinRequest(Long otherId, String note) {
	}

	/**
	 * The outcome of a split or join.
	 *
	 * @param id the union record the decision's records are in now
	 * @param location where to read it
	 */
	record Decided(long id, String location) {
	}

	@PostMapping("/{id}/split")
	@Operation(summary = "Split records out of a union record (staff); the decision survives reloads")
	Decided split(@PathVariable long id, @RequestBody SplitRequest request) {
		if (request == null || request.recordIds() == null) {
			throw new InvalidInput("recordIds", "give the ids of the member records to split off");
		}
		long moved = this.union.split(id, request.recordIds(), request.note(), CurrentUser.require());
		return new Decided(moved, "/api/v1/records/" + moved);
	}

	@PostMapping("/{id}/join")
	@Operation(summary = "Join another union record into this one (staff); the decision survives reloads")
	Decided join(@PathVariable long id, @RequestBody JoinRequest request) {
		if (request == null || request.otherId() == null) {
			throw new InvalidInput("otherId", "give the id of the union record to join into this one");
		}
		this.union.join(id, request.otherId(), request.note(), CurrentUser.require());
		return new Decided(id, "/api/v1/records/" + id);
	}

	@PutMapping(path = "/{id}/members/{library}/holdings",
			consumes = { "application/xml", "text/xml", "application/iso20775+xml" })
	@Operation(summary = "Replace a library's holdings of this edition by an ISO 20775 holdings document",
			description = "Staff of that library or its administrators.")
	UnionRecord holdings(@PathVariable long id, @PathVariable String library, InputStream body) throws IOException {
		LibraryCode code = code(library);
		CurrentUser user = CurrentUser.require();
		if (!user.library().equals(code) && !this.libraries.mayAdminister(user, this.libraries.get(code))) {
			throw new OutOfScope(user.username() + " may not change the holdings of " + code);
		}
		SourceRecord source = member(id, code);
		List<List<Holding>> documents;
		try {
			documents = Iso20775Reader.read(body);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInput("body", ex.getMessage());
		}
		if (documents.size() != 1) {
			throw new InvalidInput("body", "send exactly one <holdings> element (ISO 20775), got " + documents.size());
		}
		this.records.replaceHoldings(source.id(), documents.get(0));
		return this.union.get(id).orElseThrow();
	}

	private SourceRecord member(long id, LibraryCode library) {
		UnionRecord record = this.union.get(id).orElseThrow(() -> new NotFound("no union record " + id));
		return record.members()
			.stream()
			.filter((m) -> m.library().equals(library))
			.findFirst()
			.flatMap((m) -> this.records.current(m.recordId()))
			.orElseThrow(() -> new NotFound("library " + library + " has no record in union record " + id));
	}

	private static LibraryCode code(String library) {
		try {
			return LibraryCode.of(library);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInput("library", ex.getMessage());
		}
	}

}
