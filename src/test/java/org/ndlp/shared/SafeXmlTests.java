package org.ndlp.shared;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.xml.stream.XMLStreamReader;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

import org.ndlp.shared.xml.SafeXml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SafeXmlTests {

	@Test
	void domRefusesExternalEntities(@TempDir Path dir) throws Exception {
		String xml = attack(dir);
		assertThatThrownBy(
				() -> SafeXml.documentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))))
			.hasMessageContaining("DOCTYPE");
	}

	@Test
	void staxNeverResolvesExternalEntities(@TempDir Path dir) throws Exception {
		String xml = attack(dir);
		StringBuilder text = new StringBuilder();
		try {
			XMLStreamReader reader = SafeXml.inputFactory().createXMLStreamReader(new StringReader(xml));
			while (reader.hasNext()) {
				if (reader.next() == XMLStreamReader.CHARACTERS) {
					text.append(reader.getText());
				}
			}
		}
		catch (javax.xml.stream.XMLStreamException ex) {
			// refusing the entity outright is as good as ignoring it
		}
		assertThat(text.toString()).doesNotContain("SECRET");
	}

	@Test
	void parsesOrdinaryXml() throws Exception {
		Document document = SafeXml.documentBuilder()
			.parse(new ByteArrayInputStream("<a xmlns='urn:x'><b>图书馆</b></a>".getBytes(StandardCharsets.UTF_8)));
		assertThat(document.getDocumentElement().getTextContent()).isEqualTo("图书馆");
	}

	private static String attack(Path dir) throws Exception {
		Path secret = dir.resolve("secret.txt");
		Files.writeString(secret, "SECRET");
		return "<?xml version='1.0'?><!DOCTYPE a [<!ENTITY x SYSTEM '" + secret.toUri() + "'>]><a>&x;</a>";
	}

}
