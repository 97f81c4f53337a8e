package org.ndlp.search;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.ndlp.catalog.IncomingRecord;
import org.ndlp.catalog.MatchSignature;
import org.ndlp.catalog.marc.BibDescription;
import org.ndlp.catalog.marc.ControlField;
import org.ndlp.catalog.marc.DataField;
import org.ndlp.catalog.marc.MarcField;
import org.ndlp.catalog.marc.MarcRecord;
import org.ndlp.catalog.marc.MarcSchema;
import org.ndlp.catalog.marc.MarcXmlWriter;
import org.ndlp.catalog.marc.Subfield;
import org.ndlp.shared.LibraryCode;

/** MARC 21 books built for search tests, sent as MARCXML the way a library would. */
public final class Books {

	private Books() {
	}

	/**
	 * A book.
	 * @param library sending library
	 * @param localId its 001
	 * @param title 245$a
	 * @param creator 100$a
	 * @param year the year (008 and 260$c)
	 * @param language 008/35-37
	 * @param isbn 020$a, or {@code null}
	 * @param clc 084$a with $2 clc
	 * @param subject 650$a
	 */
	public static IncomingRecord book(String library, String localId, String title, String creator, String year,
			String language, String isbn, String clc, String subject) {
		List<MarcField> fields = new ArrayList<>();
		fields.add(new ControlField("001", localId));
		String f008 = String.format("%-35s%s d", "020101s" + year + "    ch", language);
		fields.add(new ControlField("008", f008));
		if (isbn != null) {
			fields.add(new DataField("020", ' ', ' ', List.of(new Subfield('a', isbn))));
		}
		fields.add(new DataField("084", ' ', ' ', List.of(new Subfield('a', clc), new Subfield('2', "clc"))));
		fields.add(new DataField("100", '1', ' ', List.of(new Subfield('a', creator))));
		fields.add(new DataField("245", '1', '0', List.of(new Subfield('a', title))));
		fields.add(new DataField("260", ' ', ' ',
				List.of(new Subfield('a', "北京 :"), new Subfield('b', "测试出版社,"), new Subfield('c', year))));
		fields.add(new DataField("650", ' ', '0', List.of(new Subfield('a', subject))));
		MarcRecord record = new MarcRecord("00000nam a2200000 a 4500", fields);
		return incoming(library, localId, record, false);
	}

	public static IncomingRecord deleted(String library, String localId) {
		MarcRecord record = new MarcRecord("00000dam a2200000 a 4500", List.of(new ControlField("001", localId),
				new DataField("245", '1', '0', List.of(new Subfield('a', "x")))));
		return incoming(library, localId, record, true);
	}

	private static IncomingRecord incoming(String library, String localId, MarcRecord record, boolean deleted) {
		BibDescription description = BibDescription.of(record, MarcSchema.MARC21);
		return new IncomingRecord(LibraryCode.of(library), localId, "MARCXML", "MARC21", "UTF_8",
				MarcXmlWriter.toXml(record).getBytes(StandardCharsets.UTF_8), deleted,
				deleted ? null : MatchSignature.of(description));
	}

}
