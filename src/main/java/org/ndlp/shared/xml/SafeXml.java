package org.ndlp.shared.xml;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.stream.XMLInputFactory;
import javax.xml.transform.TransformerConfigurationException;
import javax.xml.transform.TransformerFactory;

/**
 * The only place where XML parser factories are created: every factory returned here
 * refuses DOCTYPE declarations and external entities (XXE). An ArchUnit rule keeps the
 * raw factories out of the rest of the code.
 */
public final class SafeXml {

	private SafeXml() {
	}

	/** A StAX input factory that neither supports DTDs nor resolves external entities. */
	public static XMLInputFactory inputFactory() {
		XMLInputFactory factory = XMLInputFactory.newInstance();
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
		return factory;
	}

	/** A namespace-aware DOM builder that rejects any DOCTYPE. */
	public static DocumentBuilder documentBuilder() {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setNamespaceAware(true);
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
			factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
			factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
			factory.setXIncludeAware(false);
			factory.setExpandEntityReferences(false);
			return factory.newDocumentBuilder();
		}
		catch (ParserConfigurationException ex) {
			throw new IllegalStateException("the JDK's XML parser does not support XXE protection", ex);
		}
	}

	/** A namespace-aware SAX parser factory that rejects any DOCTYPE. */
	public static SAXParserFactory saxParserFactory() {
		try {
			SAXParserFactory factory = SAXParserFactory.newInstance();
			factory.setNamespaceAware(true);
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
			factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			return factory;
		}
		catch (ParserConfigurationException | org.xml.sax.SAXException ex) {
			throw new IllegalStateException("the JDK's XML parser does not support XXE protection", ex);
		}
	}

	/** A transformer factory that loads no external DTD or stylesheet. */
	public static TransformerFactory transformerFactory() {
		try {
			TransformerFactory factory = TransformerFactory.newInstance();
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
			factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
			return factory;
		}
		catch (TransformerConfigurationException ex) {
			throw new IllegalStateException("the JDK's XSLT processor does not support secure processing", ex);
		}
	}

}
