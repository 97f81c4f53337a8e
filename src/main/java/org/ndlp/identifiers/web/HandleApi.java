package org.ndlp.identifiers.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;

import org.ndlp.identifiers.Cdoi;
import org.ndlp.identifiers.Identifier;
import org.ndlp.identifiers.Identifiers;
import org.ndlp.identifiers.Location;
import org.ndlp.identifiers.MalformedIdentifier;
import org.ndlp.identifiers.MintRequest;
import org.ndlp.identifiers.Prefix;
import org.ndlp.shared.problem.ProblemException;
import org.ndlp.shared.security.CurrentUser;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Handle.Net REST API shape over CDOI identifiers ({@code responseCode} 1 success, 2
 * error, 100 handle not found, 102 invalid handle, 200 values not found, 202 invalid
 * value, 400 not authorized), so Handle clients can read them and, with a staff account,
 * set their URLs. Reads are public; changes need the prefix's owner in the caller's
 * scope.
 */
@RestController
@Tag(name = "Handle-compatible API (唯一标识符)")
class HandleApi {

	private final Identifiers identifiers;

	HandleApi(Identifiers identifiers) {
		this.identifiers = identifiers;
	}

	@GetMapping("/api/prefixes")
	@Operation(summary = "Allocated prefixes and their owners", description = "Public.")
	Map<String, Object> prefixes() {
		List<Map<String, Object>> prefixes = new ArrayList<>();
		for (Prefix prefix : this.identifiers.prefixes()) {
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("prefix", prefix.prefix());
			json.put("owner", prefix.library().value());
			json.put("ownerName", prefix.libraryName());
			json.put("allocatedAt", prefix.allocatedAt().toString());
			json.put("note", prefix.note());
			prefixes.add(json);
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("responseCode", 1);
		body.put("prefixes", prefixes);
		return body;
	}

	@GetMapping("/api/handles/{prefix}/{suffix}")
	@Operation(summary = "A handle record (Handle.Net REST JSON)",
			description = "Public. Optional filters type= and index= (repeatable) as in the Handle.Net API.")
	ResponseEntity<Map<String, Object>> get(@PathVariable String prefix, @PathVariable String suffix,
			@RequestParam(required = false) List<String> type, @RequestParam(required = false) List<Integer> index) {
		Cdoi cdoi;
		try {
			cdoi = Cdoi.parse(prefix, suffix);
		}
		catch (MalformedIdentifier ex) {
			return answer(HttpStatus.BAD_REQUEST, 102, prefix + "/" + suffix, ex.getMessage());
		}
		Optional<Identifier> found = this.identifiers.resolve(cdoi);
		if (found.isEmpty()) {
			return answer(HttpStatus.NOT_FOUND, 100, cdoi.handle(), "Handle Not Found");
		}
		Identifier identifier = found.get();
		if (identifier.deleted()) {
			return answer(HttpStatus.GONE, 100, cdoi.handle(), "Handle Not Found: deleted on " + identifier.deletedAt()
					+ " (" + identifier.tombstoneNote() + "); the name is never reused");
		}
		List<Map<String, Object>> values = IdentifierJson.handleValues(identifier)
			.stream()
			.filter((v) -> type == null || type.contains((String) v.get("type")))
			.filter((v) -> index == null || index.contains((Integer) v.get("index")))
			.toList();
		if (values.isEmpty()) {
			return answer(HttpStatus.OK, 200, cdoi.handle(), "Values Not Found");
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("responseCode", 1);
		body.put("handle", cdoi.handle());
		body.put("values", values);
		return ResponseEntity.ok(body);
	}

	@PutMapping("/api/handles/{prefix}/{suffix}")
	@Operation(summary = "Create a handle or replace its URL values",
			description = "Staff managing the prefix (national admins; provincial admins for owners in their province; "
					+ "the owner's library admins and cataloguers). Body: {\"values\":[{\"index\":1,\"type\":\"URL\","
					+ "\"data\":{\"format\":\"string\",\"value\":\"https://…\"}}]}; URL values become the locations in "
					+ "index order (a 10320/LOC value with ctype attributes is read for media types). "
					+ "Other types are derived and ignored. 201 when created (the suffix must carry its check character).")
	ResponseEntity<Map<String, Object>> put(@PathVariable String prefix, @PathVariable String suffix,
			@RequestBody JsonNode body) {
		CurrentUser user = CurrentUser.require();
		Cdoi cdoi;
		try {
			cdoi = Cdoi.parse(prefix, suffix);
		}
		catch (MalformedIdentifier ex) {
			return answer(HttpStatus.BAD_REQUEST, 102, prefix + "/" + suffix, ex.getMessage());
		}
		List<Location> locations = new ArrayList<>();
		Map<String, String> mediaTypes = new LinkedHashMap<>();
		JsonNode values = body.get("values");
		if (values != null && values.isArray()) {
			List<JsonNode> urls = new ArrayList<>();
			for (JsonNode value : values) {
				String valueType = value.path("type").asString("");
				if ("URL".equals(valueType)) {
					urls.add(value);
				}
				else if ("10320/LOC".equals(valueType)) {
					mediaTypes.putAll(HandleLocations.mediaTypes(value.path("data").path("value").asString("")));
				}
			}
			urls.sort((a, b) -> Integer.compare(a.path("index").asInt(0), b.path("index").asInt(0)));
			for (JsonNode url : urls) {
				JsonNode data = url.path("data");
				String href = data.isObject() ? data.path("value").asString("") : data.asString("");
				locations.add(new Location(locations.size() + 1, href, mediaTypes.get(href)));
			}
		}
		if (locations.isEmpty()) {
			return answer(HttpStatus.BAD_REQUEST, 202, cdoi.handle(),
					"Invalid Value: give at least one value of type URL");
		}
		List<Location> resolved = locations.stream()
			.map((l) -> new Location(l.index(), l.href(), mediaTypes.getOrDefault(l.href(), l.mediaType())))
			.toList();
		try {
			if (this.identifiers.resolve(cdoi).isEmpty()) {
				this.identifiers.mint(
						new MintRequest(cdoi.prefix(), cdoi.type(), null, cdoi.suffix(), null, null, null, resolved),
						user);
				return answer(HttpStatus.CREATED, 1, cdoi.handle(), null);
			}
			this.identifiers.setLocations(cdoi, resolved, user);
			return answer(HttpStatus.OK, 1, cdoi.handle(), null);
		}
		catch (ProblemException ex) {
			if (ex.status() == 403) {
				throw ex;
			}
			return answer(HttpStatus.valueOf(ex.status()), (ex.status() == 409) ? 101 : 202, cdoi.handle(),
					ex.getMessage());
		}
	}

	@DeleteMapping("/api/handles/{prefix}/{suffix}")
	@Operation(summary = "Delete a handle (leaves a tombstone) or one URL value (?index=)",
			description = "Staff managing the prefix, as for PUT. The name is never reused.")
	ResponseEntity<Map<String, Object>> delete(@PathVariable String prefix, @PathVariable String suffix,
			@RequestParam(required = false) Integer index) {
		CurrentUser user = CurrentUser.require();
		Cdoi cdoi;
		try {
			cdoi = Cdoi.parse(prefix, suffix);
		}
		catch (MalformedIdentifier ex) {
			return answer(HttpStatus.BAD_REQUEST, 102, prefix + "/" + suffix, ex.getMessage());
		}
		Optional<Identifier> found = this.identifiers.resolve(cdoi);
		if (found.isEmpty()) {
			return answer(HttpStatus.NOT_FOUND, 100, cdoi.handle(), "Handle Not Found");
		}
		try {
			if (index == null) {
				this.identifiers.tombstone(cdoi, "deleted through the Handle API by " + user.username(), user);
				return answer(HttpStatus.OK, 1, cdoi.handle(), null);
			}
			List<Location> rest = found.get().locations().stream().filter((l) -> l.index() != index).toList();
			if (rest.size() == found.get().locations().size()) {
				return answer(HttpStatus.NOT_FOUND, 200, cdoi.handle(), "Values Not Found: no URL at index " + index);
			}
			if (rest.isEmpty()) {
				return answer(HttpStatus.BAD_REQUEST, 202, cdoi.handle(),
						"Invalid Value: the only location cannot be removed; delete the handle instead");
			}
			this.identifiers.setLocations(cdoi, rest, user);
			return answer(HttpStatus.OK, 1, cdoi.handle(), null);
		}
		catch (ProblemException ex) {
			if (ex.status() == 403) {
				throw ex;
			}
			return answer(HttpStatus.valueOf(ex.status()), 2, cdoi.handle(), ex.getMessage());
		}
	}

	private static ResponseEntity<Map<String, Object>> answer(HttpStatus status, int code, String handle,
			String message) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("responseCode", code);
		body.put("handle", handle);
		if (message != null) {
			body.put("message", message);
		}
		return ResponseEntity.status(status).body(body);
	}

}
