package org.ndlp.oaipmh;

import java.io.ByteArrayInputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The official OAI-PMH 2.0 schema (from ../shared/data) with the schemas of the formats
 * the provider serves (MARC21 slim, MarcXchange 2.0, oai_dc), validated offline: no
 * schema is fetched from the network.
 */
final class OaiSchemas {

	static final Path DATA = Path.of("..", "shared", "data");

	static final Path OAI_PMH = DATA.resolve("gdcc-xoai/schemas/oai-pmh.xsd");

	static final Path MARC21 = DATA.resolve("xbib-marc/src/test/resources/org/xbib/marc/MARC21slim.xsd");

	static final Path MARCXCHANGE = DATA.resolve("xbib-marc/src/test/resources/org/xbib/marc/marcxchange-2-0.xsd");

	private static Schema schema;

	private OaiSchemas() {
	}

	static synchronized Schema schema() throws Exception {
		if (schema == null) {
			for (Path path : List.of(OAI_PMH, MARC21, MARCXCHANGE)) {
				assumeTrue(Files.isRegularFile(path), path + " is absent from ../shared/data");
			}
			SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
			// local files and the class path only
			factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file,jar");
			factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
			URL dc = OaiSchemas.class.getResource("/oaipmh/schemas/oai_dc.xsd");
			schema = factory
				.newSchema(new Source[] { new StreamSource(OAI_PMH.toFile()), new StreamSource(MARC21.toFile()),
						new StreamSource(MARCXCHANGE.toFile()), new StreamSource(dc.toExternalForm()) });
		}
		return schema;
	}

	/** Throws with the validator's message when the response is not valid. */
	static void assertValid(byte[] response) throws Exception {
		Validator validator = schema().newValidator();
		validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
		validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
		try {
			validator.validate(new StreamSource(new ByteArrayInputStream(response)));
		}
		catch (org.xml.sax.SAXException ex) {
			String text = new String(response, java.nio.charset.StandardCharsets.UTF_8);
			throw new AssertionError("invalid OAI-PMH response: " + ex.getMessage() + "\n"
					+ text.substring(0, Math.min(text.length(), 3000)), ex);
		}
	}

}
