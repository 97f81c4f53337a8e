package org.ndlp.identifiers.web;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.ndlp.identifiers.Cdoi;
import org.ndlp.identifiers.Identifier;
import org.ndlp.identifiers.Identifiers;
import org.ndlp.identifiers.Location;
import org.ndlp.identifiers.MalformedIdentifier;

import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;

/**
 * Resolution at {@code /id/{prefix}/{suffix}} (public): 302 to the one location; with
 * several, the location whose media type the client asks for, else a landing page for
 * browsers; JSON metadata for {@code Accept: application/json}; {@code ?info} shows
 * metadata and history; a tombstone answers 410 saying what the object was; an unknown
 * name 404; a mistyped one (wrong check character) 400. Answers come from the cache in
 * {@link Identifiers#resolve}.
 */
@Controller
class Resolver {

	private final Identifiers identifiers;

	private final JsonMapper json;

	Resolver(Identifiers identifiers, JsonMapper json) {
		this.identifiers = identifiers;
		this.json = json;
	}

	@GetMapping("/id/{prefix}/{suffix}")
	ModelAndView resolve(@PathVariable String prefix, @PathVariable String suffix, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		boolean wantsJson = wantsJson(accept);
		Cdoi cdoi;
		try {
			cdoi = Cdoi.parse(prefix, suffix);
		}
		catch (MalformedIdentifier ex) {
			return problem(400, "malformed-identifier", ex.getMessage(), wantsJson, response);
		}
		Optional<Identifier> found = this.identifiers.resolve(cdoi);
		if (found.isEmpty()) {
			return problem(404, "not-found", "no identifier " + cdoi + " was ever minted or registered", wantsJson,
					response);
		}
		Identifier identifier = found.get();
		response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT);
		if (request.getParameter("info") != null) {
			if (wantsJson) {
				return json(200, IdentifierJson.withHistory(identifier, this.identifiers.history(cdoi)), response);
			}
			return page("identifiers/info", identifier).addObject("history", this.identifiers.history(cdoi));
		}
		if (identifier.deleted()) {
			response.setStatus(410);
			if (wantsJson) {
				return json(410, IdentifierJson.metadata(identifier), response);
			}
			return page("identifiers/gone", identifier);
		}
		Location asked = negotiated(identifier.locations(), accept);
		if (asked != null) {
			return redirect(asked.href(), response);
		}
		if (wantsJson) {
			return json(200, IdentifierJson.metadata(identifier), response);
		}
		if (identifier.locations().size() == 1) {
			return redirect(identifier.locations().get(0).href(), response);
		}
		return page("identifiers/landing", identifier);
	}

	/** JSON before any HTML in the client's preference order. */
	static boolean wantsJson(String accept) {
		if (accept == null || accept.isBlank()) {
			return false;
		}
		for (MediaType type : mediaTypes(accept)) {
			if (type.isCompatibleWith(MediaType.TEXT_HTML) && !type.isWildcardType()) {
				return false;
			}
			if (!type.isWildcardType() && (type.getSubtype().equals("json") || type.getSubtype().endsWith("+json"))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The location whose media type (other than HTML) the client names explicitly, in its
	 * order of preference.
	 */
	private static Location negotiated(List<Location> locations, String accept) {
		if (accept == null || accept.isBlank() || locations.stream().allMatch((l) -> l.mediaType() == null)) {
			return null;
		}
		for (MediaType type : mediaTypes(accept)) {
			if (type.isWildcardType() || type.isWildcardSubtype() || type.isCompatibleWith(MediaType.TEXT_HTML)) {
				continue;
			}
			for (Location location : locations) {
				if (location.mediaType() != null
						&& type.isCompatibleWith(MediaType.parseMediaType(location.mediaType()))) {
					return location;
				}
			}
		}
		return null;
	}

	private static List<MediaType> mediaTypes(String accept) {
		try {
			List<MediaType> types = new java.util.ArrayList<>(MediaType.parseMediaTypes(accept));
			types.sort(java.util.Comparator.comparingDouble(MediaType::getQualityValue).reversed());
			return types;
		}
		catch (InvalidMediaTypeException ex) {
			return List.of();
		}
	}

	private static ModelAndView redirect(String href, HttpServletResponse response) {
		response.setStatus(302);
		response.setHeader(HttpHeaders.LOCATION, href);
		return null;
	}

	private ModelAndView json(int status, Map<String, Object> body, HttpServletResponse response) throws IOException {
		response.setStatus(status);
		response.setContentType("application/json;charset=UTF-8");
		this.json.writeValue(response.getOutputStream(), body);
		return null;
	}

	private ModelAndView problem(int status, String slug, String detail, boolean wantsJson,
			HttpServletResponse response) throws IOException {
		if (wantsJson) {
			response.setStatus(status);
			response.setContentType("application/problem+json;charset=UTF-8");
			this.json.writeValue(response.getOutputStream(), Map.of("type", "urn:ndlp:problem:" + slug, "title",
					(status == 404) ? "Not Found" : "Bad Request", "status", status, "detail", detail));
			return null;
		}
		response.setStatus(status);
		ModelAndView page = new ModelAndView("problem");
		page.addObject("status", status);
		page.addObject("detail", detail);
		return page;
	}

	private static ModelAndView page(String view, Identifier identifier) {
		ModelAndView page = new ModelAndView(view);
		page.addObject("identifier", identifier);
		return page;
	}

}
