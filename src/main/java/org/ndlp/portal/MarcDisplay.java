package org.ndlp.portal;

import java.util.ArrayList;
import java.util.List;

import org.ndlp.catalog.marc.ControlField;
import org.ndlp.catalog.marc.DataField;
import org.ndlp.catalog.marc.MarcField;
import org.ndlp.catalog.marc.MarcRecord;
import org.ndlp.catalog.marc.Subfield;

/**
 * A MARC record as librarians read it: one line per field with its tag, indicators
 * ({@code #} for a blank, as MARC 21 and CNMARC documentation print it) and {@code $a}
 * subfields; the leader first. The same for CNMARC, UNIMARC and MARC 21.
 *
 * @param tag the tag, or {@code LDR} for the leader
 * @param indicators the two indicators, or {@code null} for the leader and control fields
 * @param value the text of the leader or a control field, or {@code null}
 * @param subfields a data field's subfields in order
 */
record MarcDisplay(String tag, String indicators, String value, List<Subfield> subfields) {

	static List<MarcDisplay> lines(MarcRecord record) {
		List<MarcDisplay> lines = new ArrayList<>();
		lines.add(new MarcDisplay("LDR", null, record.leader(), List.of()));
		for (MarcField field : record.fields()) {
			if (field instanceof ControlField control) {
				lines.add(new MarcDisplay(control.tag(), null, control.value(), List.of()));
			}
			else if (field instanceof DataField data) {
				lines.add(new MarcDisplay(data.tag(), indicator(data.ind1()) + indicator(data.ind2()), null,
						data.subfields()));
			}
		}
		return lines;
	}

	private static String indicator(char indicator) {
		return (indicator == ' ') ? "#" : String.valueOf(indicator);
	}

	/** The line as plain text ({@code 200 1# $a题名 $f责任者}). */
	String text() {
		StringBuilder text = new StringBuilder(this.tag);
		if (this.indicators != null) {
			text.append(' ').append(this.indicators);
		}
		if (this.value != null) {
			text.append(' ').append(this.value);
		}
		for (Subfield subfield : this.subfields) {
			text.append(" $").append(subfield.code()).append(subfield.value());
		}
		return text.toString();
	}

}
