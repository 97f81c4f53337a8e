package org.ndlp.catalog.web;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.ndlp.catalog.CatalogRecords;
import org.ndlp.catalog.SourceRecord;
import org.ndlp.catalog.marc.MarcXmlWriter;
import org.ndlp.catalog.marc.ReadResult;
import org.ndlp.shared.problem.InvalidInput;
import org.ndlp.shared.problem.NotFound;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A stored record as received (ISO 2709 bytes) or as MARCXML. */
final class MarcResponses {

	private MarcResponses() {
	}

	static ResponseEntity<byte[]> marc(CatalogRecords records, SourceRecord source, String syntax) {
		String wanted = syntax.toLowerCase(Locale.ROOT);
		if (!wanted.equals("marcxml") && !wanted.equals("iso2709")) {
			throw new InvalidInput("syntax", "syntax is iso2709 or marcxml, got " + syntax);
		}
		if (wanted.equals("iso2709") && "ISO2709".equals(source.syntax())) {
			return ResponseEntity.ok()
				.contentType(MediaType.parseMediaType("application/marc"))
				.header("X-MARC-Encoding", source.encoding())
				.body(source.content());
		}
		if (wanted.equals("iso2709")) {
			throw new InvalidInput("syntax",
					"record " + source.id() + " arrived as " + source.syntax() + "; ask for syntax=marcxml");
		}
		ReadResult.Parsed parsed = records.parse(source)
			.orElseThrow(() -> new NotFound("record " + source.id() + " is deleted; no MARC to show"));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/marcxml+xml;charset=UTF-8"))
			.body(MarcXmlWriter.toXml(parsed.record()).getBytes(StandardCharsets.UTF_8));
	}

}
