package org.ndlp.identifiers.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.ndlp.identifiers.Cdoi;
import org.ndlp.identifiers.CdoiType;
import org.ndlp.identifiers.Identifier;
import org.ndlp.identifiers.IdentifierTransfer;
import org.ndlp.identifiers.Identifiers;
import org.ndlp.identifiers.Location;
import org.ndlp.identifiers.MintRequest;
import org.ndlp.identifiers.Prefix;
import org.ndlp.shared.problem.InvalidInput;
import org.ndlp.shared.security.CurrentUser;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Staff API of the identifier system: mint, register in bulk, search, change locations,
 * delete (tombstone), allocate prefixes. Every call needs a staff account; changes need
 * the prefix's owner in scope (see {@link Identifiers#mayManage}).
 */
@RestController
@Tag(name = "Identifiers (唯一标识符)")
class IdentifierApi {

	private final Identifiers identifiers;

	private final IdentifierTransfer transfer;

	IdentifierApi(Identifiers identifiers, IdentifierTransfer transfer) {
		this.identifiers = identifiers;
		this.transfer = transfer;
	}

	/**
	 * A mint request.
	 *
	 * @param prefix an allocated prefix
	 * @param type a resource-type code
	 * @param localName a local name to use (the check character is appended), or none to
	 * mint one
	 * @param suffix a complete suffix with its check character (registering an existing
	 * identifier), or none
	 * @param title a label
	 * @param locations where the object is; the first is the primary
	 */
	record MintBody(String prefix, String type, String localName, String suffix, String title,
			List<LocationBody> locations) {
	}

	/**
	 * A location as sent (its index is its position).
	 *
	 * @param href the URL
	 * @param mediaType what it serves, or none for a web page
	 */
	record LocationBody(String href, String mediaType) {
	}

	private static List<Location> locations(List<LocationBody> bodies) {
		List<Location> locations = new java.util.ArrayList<>();
		for (LocationBody body : (bodies != null) ? bodies : List.<LocationBody>of()) {
			locations.add(new Location(locations.size() + 1, body.href(), body.mediaType()));
		}
		return locations;
	}

	/**
	 * A prefix allocation.
	 *
	 * @param prefix the prefix
	 * @param library the owning member library's code
	 * @param note what it is for
	 */
	record PrefixBody(String prefix, String library, String note) {
	}

	@PostMapping("/api/v1/identifiers")
	@Operation(summary = "Mint or register an identifier",
			description = "Staff managing the prefix (national admins; provincial admins for owners in their province; "
					+ "the owner's library admins and cataloguers). 201 with the identifier; 400 problem+json naming "
					+ "the field at fault (a wrong check character says so); 409 when the name exists or existed.")
	ResponseEntity<Map<String, Object>> mint(@RequestBody MintBody body) {
		CdoiType type = null;
		if (body.type() != null) {
			type = CdoiType.ofCode(body.type());
			if (type == null) {
				throw new InvalidInput("type",
						"'" + body.type() + "' is not a resource-type code; use one of " + CdoiType.codes());
			}
		}
		Identifier identifier = this.identifiers.mint(new MintRequest(body.prefix(), type, body.localName(),
				body.suffix(), null, null, body.title(), locations(body.locations())), CurrentUser.require());
		return ResponseEntity.created(URI.create("/id/" + identifier.handle()))
			.body(IdentifierJson.metadata(identifier));
	}

	@PostMapping(path = "/api/v1/identifiers/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Register existing identifiers from CSV or Excel",
			description = "Row by row: 200 with one result per row (row number, identifier, ok, field, message). "
					+ "Columns: identifier | prefix,type,localName; url; mediaType; title (English or Chinese headers).")
	IdentifierTransfer.Report importFile(@RequestParam("file") MultipartFile file) throws IOException {
		if (file.isEmpty()) {
			throw new InvalidInput("file", "the uploaded file is empty");
		}
		try (InputStream in = file.getInputStream()) {
			return this.transfer.register(in, file.getOriginalFilename(), CurrentUser.require());
		}
	}

	@GetMapping("/api/v1/identifiers")
	@Operation(summary = "Search identifiers by name, title or target id", description = "Any signed-in staff member.")
	List<Map<String, Object>> search(@RequestParam(required = false) String q,
			@RequestParam(required = false) String prefix, @RequestParam(defaultValue = "0") int offset,
			@RequestParam(defaultValue = "50") int limit) {
		return this.identifiers.search(q, prefix, offset, limit).stream().map(IdentifierJson::metadata).toList();
	}

	@GetMapping("/api/v1/identifiers/{prefix}/{suffix}")
	@Operation(summary = "An identifier with its history", description = "Any signed-in staff member.")
	Map<String, Object> get(@PathVariable String prefix, @PathVariable String suffix) {
		Cdoi cdoi = Cdoi.parse(prefix, suffix);
		return IdentifierJson.withHistory(this.identifiers.get(cdoi), this.identifiers.history(cdoi));
	}

	@PutMapping("/api/v1/identifiers/{prefix}/{suffix}/locations")
	@Operation(summary = "Replace an identifier's locations", description = "Staff managing the prefix.")
	Map<String, Object> locations(@PathVariable String prefix, @PathVariable String suffix,
			@RequestBody List<LocationBody> locations) {
		return IdentifierJson.metadata(
				this.identifiers.setLocations(Cdoi.parse(prefix, suffix), locations(locations), CurrentUser.require()));
	}

	@DeleteMapping("/api/v1/identifiers/{prefix}/{suffix}")
	@Operation(summary = "Delete an identifier, leaving a tombstone",
			description = "Staff managing the prefix. The name is never reused; resolution answers 410.")
	Map<String, Object> delete(@PathVariable String prefix, @PathVariable String suffix,
			@RequestParam(required = false) String note) {
		return IdentifierJson
			.metadata(this.identifiers.tombstone(Cdoi.parse(prefix, suffix), note, CurrentUser.require()));
	}

	@PostMapping("/api/v1/identifier-prefixes")
	@Operation(summary = "Allocate a prefix to a member library", description = "National admins only.")
	ResponseEntity<Prefix> allocate(@RequestBody PrefixBody body) {
		Prefix prefix = this.identifiers.allocatePrefix(body.prefix(), body.library(), body.note(),
				CurrentUser.require());
		return ResponseEntity.created(URI.create("/api/prefixes")).body(prefix);
	}

}
