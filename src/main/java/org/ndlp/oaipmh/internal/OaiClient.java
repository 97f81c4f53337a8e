package org.ndlp.oaipmh.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

import org.ndlp.shared.xml.SafeXml;

/**
 * A plain OAI-PMH 2.0 client for ListRecords: builds the request, retries a failed
 * request with exponential backoff (network errors, 5xx, 503 Retry-After), and reads a
 * page into headers and each record's metadata element as stand-alone XML bytes.
 */
final class OaiClient {

	private static final String OAI = "http://www.openarchives.org/OAI/2.0/";

	private final HttpClient http = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(20))
		.followRedirects(HttpClient.Redirect.NORMAL)
		.build();

	private final int attempts;

	private final Duration backoff;

	OaiClient(int attempts, Duration backoff) {
		this.attempts = Math.max(1, attempts);
		this.backoff = backoff;
	}

	/** The first page's URL, or the next one's from a resumption token. */
	static URI listRecords(String baseUrl, String prefix, String set, String from, String token) {
		StringBuilder url = new StringBuilder(baseUrl).append(baseUrl.contains("?") ? '&' : '?')
			.append("verb=ListRecords");
		if (token != null) {
			url.append("&resumptionToken=").append(encode(token));
		}
		else {
			url.append("&metadataPrefix=").append(encode(prefix));
			if (set != null && !set.isBlank()) {
				url.append("&set=").append(encode(set));
			}
			if (from != null) {
				url.append("&from=").append(encode(from));
			}
		}
		return URI.create(url.toString());
	}

	/** Fetches and reads one page, retrying with backoff. */
	Page fetch(URI uri) throws IOException, InterruptedException {
		IOException last = null;
		for (int attempt = 1; attempt <= this.attempts; attempt++) {
			try {
				HttpResponse<byte[]> response = this.http.send(
						HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(5)).GET().build(),
						HttpResponse.BodyHandlers.ofByteArray());
				if (response.statusCode() != 200) {
					throw new IOException("HTTP " + response.statusCode() + " from " + uri);
				}
				return read(response.body());
			}
			catch (IOException ex) {
				last = ex;
				if (attempt < this.attempts) {
					Thread.sleep(this.backoff.toMillis() << (attempt - 1));
				}
			}
		}
		throw last;
	}

	/** Reads a response document (also used on recorded pages). */
	static Page read(byte[] body) throws IOException {
		Document document;
		try {
			document = SafeXml.documentBuilder().parse(new ByteArrayInputStream(body));
		}
		catch (SAXException ex) {
			throw new IOException("the response is not well-formed XML: " + ex.getMessage(), ex);
		}
		Element root = document.getDocumentElement();
		if (!"OAI-PMH".equals(root.getLocalName()) || !OAI.equals(root.getNamespaceURI())) {
			throw new IOException("the response is not an OAI-PMH 2.0 document");
		}
		String responseDate = text(root, "responseDate");
		NodeList errors = root.getElementsByTagNameNS(OAI, "error");
		if (errors.getLength() > 0) {
			Element error = (Element) errors.item(0);
			return new Page(responseDate, List.of(), null, error.getAttribute("code"), error.getTextContent());
		}
		List<Harvested> records = new ArrayList<>();
		NodeList list = root.getElementsByTagNameNS(OAI, "record");
		Transformer transformer = transformer();
		for (int i = 0; i < list.getLength(); i++) {
			Element record = (Element) list.item(i);
			Element header = child(record, "header");
			if (header == null) {
				continue;
			}
			String identifier = text(header, "identifier");
			boolean deleted = "deleted".equals(header.getAttribute("status"));
			Element metadata = child(record, "metadata");
			byte[] xml = null;
			String element = null;
			if (metadata != null) {
				Element content = firstElement(metadata);
				if (content != null) {
					xml = serialize(transformer, content);
					element = content.getLocalName();
				}
			}
			records.add(new Harvested(identifier, text(header, "datestamp"), deleted, xml, element));
		}
		NodeList tokens = root.getElementsByTagNameNS(OAI, "resumptionToken");
		String token = (tokens.getLength() > 0) ? tokens.item(0).getTextContent().strip() : null;
		return new Page(responseDate, records, (token == null || token.isEmpty()) ? null : token, null, null);
	}

	private static Transformer transformer() throws IOException {
		try {
			Transformer transformer = SafeXml.transformerFactory().newTransformer();
			transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
			// records of a page are read together, inside one collection element
			transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
			return transformer;
		}
		catch (javax.xml.transform.TransformerConfigurationException ex) {
			throw new IOException(ex);
		}
	}

	private static byte[] serialize(Transformer transformer, Element element) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
		try {
			transformer.transform(new DOMSource(element), new StreamResult(out));
		}
		catch (TransformerException ex) {
			throw new IOException(ex);
		}
		return out.toByteArray();
	}

	private static Element child(Element parent, String name) {
		for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
			if (node instanceof Element element && name.equals(element.getLocalName())
					&& OAI.equals(element.getNamespaceURI())) {
				return element;
			}
		}
		return null;
	}

	private static Element firstElement(Element parent) {
		for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
			if (node instanceof Element element) {
				return element;
			}
		}
		return null;
	}

	private static String text(Element parent, String name) {
		NodeList nodes = parent.getElementsByTagNameNS(OAI, name);
		return (nodes.getLength() > 0) ? nodes.item(0).getTextContent().strip() : null;
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/**
	 * One response.
	 *
	 * @param responseDate its responseDate
	 * @param records the records, in order
	 * @param token the resumption token, {@code null} on the last page
	 * @param errorCode the OAI-PMH error code, or {@code null}
	 * @param errorMessage the error's text
	 */
	record Page(String responseDate, List<Harvested> records, String token, String errorCode, String errorMessage) {
	}

	/**
	 * One record of a page.
	 *
	 * @param identifier its OAI identifier
	 * @param datestamp its datestamp
	 * @param deleted whether the header says deleted
	 * @param metadata the metadata element as UTF-8 XML (no declaration), or {@code null}
	 * @param element the metadata element's local name ({@code record} for MARCXML), or
	 * {@code null}
	 */
	record Harvested(String identifier, String datestamp, boolean deleted, byte[] metadata, String element) {
	}

}
