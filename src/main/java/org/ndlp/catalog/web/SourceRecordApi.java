package org.ndlp.catalog.web;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.ndlp.catalog.CatalogRecords;
import org.ndlp.catalog.ClusterMember;
import org.ndlp.catalog.SourceRecord;
import org.ndlp.catalog.marc.BibDescription;
import org.ndlp.shared.LibraryCode;
import org.ndlp.shared.problem.InvalidInput;
import org.ndlp.shared.problem.NotFound;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Each library's records as received (public, like the union catalog itself). Union
 * records (clusters) will be served at {@code /api/v1/records} once clustering lands.
 */
@RestController
@RequestMapping("/api/v1/source-records")
@Tag(name = "Catalog (联合编目)")
class SourceRecordApi {

	private final CatalogRecords records;

	SourceRecordApi(CatalogRecords records) {
		this.records = records;
	}

	/**
	 * A library's record: where it stands and what it describes.
	 *
	 * @param id the record's id
	 * @param library the sending library
	 * @param localId its 001
	 * @param version the current version
	 * @param versions every version number
	 * @param syntax how it is stored
	 * @param schema MARC21, UNIMARC or CNMARC
	 * @param encoding the stored bytes' encoding
	 * @param deleted whether the library deleted it
	 * @param receivedAt when the current version arrived
	 * @param description the normalized description (absent for a deletion)
	 * @param cluster the records of the same edition (itself included) and why each
	 * joined
	 */
	record SourceRecordView(long id, LibraryCode library, String localId, int version, List<Integer> versions,
			String syntax, String schema, String encoding, boolean deleted, Instant receivedAt,
			BibDescription description, List<ClusterMember> cluster) {
	}

	@GetMapping
	@Operation(summary = "Look a library's record up by its local id (001)", description = "Public.")
	SourceRecordView lookup(@RequestParam String library, @RequestParam String localId) {
		LibraryCode code;
		try {
			code = LibraryCode.of(library);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInput("library", ex.getMessage());
		}
		return view(this.records.current(code, localId)
			.orElseThrow(() -> new NotFound("library " + code + " has no record " + localId)));
	}

	@GetMapping("/{id}")
	@Operation(summary = "A library's record by id", description = "Public.")
	SourceRecordView get(@PathVariable long id) {
		return view(find(id));
	}

	@GetMapping("/{id}/marc")
	@Operation(summary = "The record as received (syntax=iso2709) or as MARCXML (syntax=marcxml)",
			description = "Public. ISO 2709 is the exact bytes the library sent, in its encoding.")
	ResponseEntity<byte[]> marc(@PathVariable long id, @RequestParam(defaultValue = "marcxml") String syntax) {
		return MarcResponses.marc(this.records, find(id), syntax);
	}

	private SourceRecord find(long id) {
		return this.records.current(id).orElseThrow(() -> new NotFound("no source record " + id));
	}

	private SourceRecordView view(SourceRecord source) {
		BibDescription description = this.records.parse(source)
			.map((parsed) -> BibDescription.of(parsed.record(), parsed.schema()))
			.orElse(null);
		List<Integer> versions = this.records.versions(source.id()).stream().map(SourceRecord::version).toList();
		return new SourceRecordView(source.id(), source.library(), source.localId(), source.version(), versions,
				source.syntax(), source.schema(), source.encoding(), source.deleted(), source.receivedAt(), description,
				this.records.cluster(source.id()));
	}

}
