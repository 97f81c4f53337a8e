package org.ndlp.portal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ndlp.catalog.CatalogRecords;
import org.ndlp.catalog.SourceRecord;
import org.ndlp.catalog.UnionRecord;
import org.ndlp.catalog.UnionRecords;
import org.ndlp.catalog.marc.DataField;
import org.ndlp.catalog.marc.Iso2709Writer;
import org.ndlp.catalog.marc.MarcEncoding;
import org.ndlp.catalog.marc.MarcField;
import org.ndlp.catalog.marc.MarcRecord;
import org.ndlp.catalog.marc.MarcSchema;
import org.ndlp.catalog.marc.MarcXmlWriter;
import org.ndlp.catalog.marc.ReadResult;
import org.ndlp.catalog.marc.Subfield;
import org.ndlp.portal.citation.CitationFormat;
import org.ndlp.portal.citation.Citations;
import org.ndlp.shared.problem.InvalidInput;
import org.ndlp.shared.problem.NotFound;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The reader portal's record page (public): a union record's full description, holdings
 * by province and library, each library's record with its match reasons, the original
 * MARC of each (readable, ISO 2709 and MARCXML downloads) and citation export (GB/T
 * 7714-2015, RIS, BibTeX). Read from the catalog, so it answers while search is down.
 */
@Controller
class RecordPage {

	private final UnionRecords union;

	private final CatalogRecords records;

	RecordPage(UnionRecords union, CatalogRecords records) {
		this.union = union;
		this.records = records;
	}

	@GetMapping("/records/{id}")
	String record(@PathVariable String id, Model model) {
		UnionRecord record = find(id);
		if (record.id() != Long.parseLong(id)) {
			// a member record's id: its union record is the page
			return "redirect:/records/" + record.id();
		}
		Map<String, List<UnionRecord.LibraryHoldings>> byProvince = new LinkedHashMap<>();
		for (UnionRecord.LibraryHoldings library : record.holdings()) {
			byProvince.computeIfAbsent(library.province(), (p) -> new ArrayList<>()).add(library);
		}
		Map<String, String> citations = new LinkedHashMap<>();
		Citations.Cited cited = cited(record);
		for (CitationFormat format : CitationFormat.values()) {
			citations.put(format.parameter(), format.format(cited));
		}
		model.addAttribute("record", record);
		model.addAttribute("d", record.description());
		model.addAttribute("provinces", byProvince);
		model.addAttribute("citations", citations);
		return "record";
	}

	@GetMapping("/records/{id}/cite")
	ResponseEntity<byte[]> cite(@PathVariable String id, @RequestParam(defaultValue = "gbt7714") String format) {
		CitationFormat wanted = CitationFormat.of(format)
			.orElseThrow(() -> new InvalidInput("format", "format is gbt7714, ris or bibtex, got " + format));
		UnionRecord record = find(id);
		return download(wanted.format(cited(record)).getBytes(StandardCharsets.UTF_8), wanted.mediaType(),
				"ndlp-" + record.id() + "." + wanted.extension());
	}

	@GetMapping("/records/{id}/marc/{recordId}")
	String marc(@PathVariable String id, @PathVariable long recordId, Model model) {
		UnionRecord record = find(id);
		UnionRecord.Member member = member(record, recordId);
		model.addAttribute("record", record);
		model.addAttribute("member", member);
		model.addAttribute("lines", MarcDisplay.lines(parse(member).record()));
		return "record-marc";
	}

	@GetMapping("/records/{id}/marc/{recordId}/iso2709")
	ResponseEntity<byte[]> iso2709(@PathVariable String id, @PathVariable long recordId) {
		UnionRecord.Member member = member(find(id), recordId);
		SourceRecord source = source(member);
		String name = member.library().value() + "-" + member.recordId() + ".mrc";
		if ("ISO2709".equals(source.syntax())) {
			// the bytes as the library sent them, in its encoding
			return download(source.content(), "application/marc", name);
		}
		ReadResult.Parsed parsed = parse(member);
		byte[] bytes = new Iso2709Writer(java.io.OutputStream.nullOutputStream(), MarcEncoding.UTF_8)
			.toBytes(unicode(parsed.record(), parsed.schema()));
		return download(bytes, "application/marc", name);
	}

	@GetMapping("/records/{id}/marc/{recordId}/marcxml")
	ResponseEntity<byte[]> marcxml(@PathVariable String id, @PathVariable long recordId) {
		UnionRecord.Member member = member(find(id), recordId);
		return download(MarcXmlWriter.toXml(parse(member).record()).getBytes(StandardCharsets.UTF_8),
				"application/marcxml+xml;charset=UTF-8", member.library().value() + "-" + member.recordId() + ".xml");
	}

	private UnionRecord find(String id) {
		if (!id.matches("\\d{1,18}")) {
			throw new NotFound("no union record " + id);
		}
		return this.union.get(Long.parseLong(id)).orElseThrow(() -> new NotFound("no union record " + id));
	}

	private static UnionRecord.Member member(UnionRecord record, long recordId) {
		return record.members()
			.stream()
			.filter((m) -> m.recordId() == recordId)
			.findFirst()
			.orElseThrow(() -> new NotFound("union record " + record.id() + " has no member record " + recordId));
	}

	private SourceRecord source(UnionRecord.Member member) {
		return this.records.current(member.recordId())
			.orElseThrow(() -> new NotFound("no source record " + member.recordId()));
	}

	private ReadResult.Parsed parse(UnionRecord.Member member) {
		return this.records.parse(source(member))
			.orElseThrow(() -> new NotFound("record " + member.recordId() + " has no MARC to show"));
	}

	private static Citations.Cited cited(UnionRecord record) {
		String url = ServletUriComponentsBuilder.fromCurrentContextPath()
			.path("/records/{id}")
			.buildAndExpand(record.id())
			.toUriString();
		return new Citations.Cited(record.id(), record.description(), url);
	}

	/**
	 * The record declared as Unicode, for writing it as UTF-8 ISO 2709: MARC 21 leader/09
	 * {@code a}, UNIMARC and CNMARC 100$a/26-27 {@code 50}.
	 */
	static MarcRecord unicode(MarcRecord record, MarcSchema schema) {
		if (schema == MarcSchema.MARC21) {
			return new MarcRecord(record.leader().substring(0, 9) + 'a' + record.leader().substring(10),
					record.fields());
		}
		List<MarcField> fields = new ArrayList<>();
		for (MarcField field : record.fields()) {
			if (field instanceof DataField data && data.tag().equals("100")) {
				List<Subfield> subfields = new ArrayList<>();
				for (Subfield subfield : data.subfields()) {
					String value = subfield.value();
					if (subfield.code() == 'a' && value.length() >= 28) {
						value = value.substring(0, 26) + "50" + value.substring(28);
					}
					subfields.add(new Subfield(subfield.code(), value));
				}
				fields.add(new DataField(data.tag(), data.ind1(), data.ind2(), subfields));
			}
			else {
				fields.add(field);
			}
		}
		return new MarcRecord(record.leader(), fields);
	}

	private static ResponseEntity<byte[]> download(byte[] body, String mediaType, String fileName) {
		return ResponseEntity.status(HttpStatus.OK)
			.contentType(MediaType.parseMediaType(mediaType))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(fileName).build().toString())
			.body(body);
	}

}
