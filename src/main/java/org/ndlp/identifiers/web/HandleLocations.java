package org.ndlp.identifiers.web;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import org.ndlp.shared.xml.SafeXml;

/** Reads the media types ({@code ctype}) of a {@code 10320/LOC} value's locations. */
final class HandleLocations {

	private HandleLocations() {
	}

	/** href → media type, for the locations that name one; empty when unreadable. */
	static Map<String, String> mediaTypes(String xml) {
		Map<String, String> types = new LinkedHashMap<>();
		if (xml == null || xml.isBlank()) {
			return types;
		}
		try {
			Document document = SafeXml.documentBuilder()
				.parse(new ByteArrayInputStream(xml.strip().getBytes(StandardCharsets.UTF_8)));
			NodeList locations = document.getElementsByTagName("location");
			for (int i = 0; i < locations.getLength(); i++) {
				Element location = (Element) locations.item(i);
				if (!location.getAttribute("ctype").isBlank()) {
					types.put(location.getAttribute("href"), location.getAttribute("ctype"));
				}
			}
		}
		catch (Exception ex) {
			// an unreadable 10320/LOC only loses media types; the URL values still count
		}
		return types;
	}

}
