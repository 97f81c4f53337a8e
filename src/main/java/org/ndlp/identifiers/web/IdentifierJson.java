package org.ndlp.identifiers.web;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ndlp.identifiers.Identifier;
import org.ndlp.identifiers.IdentifierEvent;
import org.ndlp.identifiers.Location;

/** JSON shapes of identifiers: NDLP metadata and the Handle.Net REST record. */
final class IdentifierJson {

	static final int TTL = 86400;

	private IdentifierJson() {
	}

	/** The metadata answered for {@code Accept: application/json} and by the API. */
	static Map<String, Object> metadata(Identifier identifier) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("identifier", identifier.handle());
		json.put("prefix", identifier.cdoi().prefix());
		json.put("suffix", identifier.cdoi().suffix());
		json.put("resolver", "/id/" + identifier.handle());
		json.put("type", identifier.type().code());
		json.put("typeName", identifier.type().nameEn());
		json.put("typeNameZh", identifier.type().nameZh());
		json.put("title", identifier.title());
		if (identifier.targetKind() != null) {
			json.put("target", Map.of("kind", identifier.targetKind(), "id", identifier.targetId()));
		}
		json.put("status", identifier.deleted() ? "deleted" : "active");
		json.put("locations", identifier.locations().stream().map(IdentifierJson::location).toList());
		json.put("createdBy", identifier.createdBy());
		json.put("createdAt", identifier.createdAt().toString());
		json.put("updatedAt", identifier.updatedAt().toString());
		if (identifier.deleted()) {
			json.put("deletedAt", identifier.deletedAt().toString());
			json.put("tombstoneNote", identifier.tombstoneNote());
		}
		return json;
	}

	static Map<String, Object> withHistory(Identifier identifier, List<IdentifierEvent> history) {
		Map<String, Object> json = metadata(identifier);
		json.put("history", history.stream().map(IdentifierJson::event).toList());
		return json;
	}

	static Map<String, Object> event(IdentifierEvent event) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("at", event.at().toString());
		json.put("actor", event.actor());
		json.put("action", event.action());
		json.put("detail", event.detail());
		return json;
	}

	private static Map<String, Object> location(Location location) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("index", location.index());
		json.put("href", location.href());
		json.put("mediaType", location.mediaType());
		return json;
	}

	/**
	 * The Handle.Net REST record: URL values at the locations' indexes (1 is the
	 * primary), a {@code 10320/LOC} value listing them all with their media types when
	 * there are several, the type, title and creation date, and {@code HS_ADMIN} at 100
	 * naming the prefix's admin handle.
	 */
	static List<Map<String, Object>> handleValues(Identifier identifier) {
		String timestamp = identifier.updatedAt().truncatedTo(ChronoUnit.SECONDS).toString();
		List<Map<String, Object>> values = new ArrayList<>();
		for (Location location : identifier.locations()) {
			values.add(value(location.index(), "URL", "string", location.href(), timestamp));
		}
		if (identifier.locations().size() > 1) {
			StringBuilder xml = new StringBuilder("<locations>");
			for (Location location : identifier.locations()) {
				xml.append("<location id=\"")
					.append(location.index())
					.append("\" href=\"")
					.append(escape(location.href()))
					.append('"');
				if (location.mediaType() != null) {
					xml.append(" ctype=\"").append(escape(location.mediaType())).append('"');
				}
				xml.append(" />");
			}
			values.add(value(50, "10320/LOC", "string", xml.append("</locations>").toString(), timestamp));
		}
		values.add(value(51, "CDOI_TYPE", "string", identifier.type().code(), timestamp));
		if (identifier.title() != null) {
			values.add(value(52, "CDOI_TITLE", "string", identifier.title(), timestamp));
		}
		values.add(value(53, "CREATION_DATE", "string", identifier.createdAt().toString().substring(0, 10), timestamp));
		Map<String, Object> admin = new LinkedHashMap<>();
		admin.put("handle", "0.NA/" + identifier.cdoi().prefix());
		admin.put("index", 200);
		admin.put("permissions", "011111110011");
		values.add(value(100, "HS_ADMIN", "admin", admin, timestamp));
		return values;
	}

	private static Map<String, Object> value(int index, String type, String format, Object data, String timestamp) {
		Map<String, Object> value = new LinkedHashMap<>();
		value.put("index", index);
		value.put("type", type);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("format", format);
		body.put("value", data);
		value.put("data", body);
		value.put("ttl", TTL);
		value.put("timestamp", timestamp);
		return value;
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
	}

}
