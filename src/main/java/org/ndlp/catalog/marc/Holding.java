package org.ndlp.catalog.marc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a library holds of a title, as its record says: where, under which call number,
 * how many copies and which items. Mapped from CNMARC 905 (holdings summary) and 906 (one
 * item each), MARC 21 852, or an ISO 20775 holdings document; fields the source does not
 * give are {@code null} (copies) or empty.
 *
 * @param institution the holding institution as the source names it (905/906$a, 852$a,
 * ISO 20775 institutionIdentifier), empty when not given; the catalog files holdings
 * under the sending library in any case
 * @param location the shelving location or collection (905$c, 852$b, ISO 20775
 * physicalLocation / sublocation)
 * @param callNumber the call number (905$s, else 905/906 $d/$e; 852 $k$h$i$m or $j; ISO
 * 20775 shelfLocator)
 * @param volumes the volumes or issues held (905$f, 852$3), empty when not given
 * @param copies the number of copies, {@code null} when the source does not say
 * @param barcodes item barcodes or accession numbers (905/906$b, 852$p, ISO 20775
 * pieceIdentifier)
 */
public record Holding(String institution, String location, String callNumber, String volumes, Integer copies,
		List<String> barcodes) {

	public Holding {
		institution = Objects.requireNonNullElse(institution, "").strip();
		location = Objects.requireNonNullElse(location, "").strip();
		callNumber = Objects.requireNonNullElse(callNumber, "").strip();
		volumes = Objects.requireNonNullElse(volumes, "").strip();
		barcodes = List.copyOf(barcodes);
	}

	/**
	 * The holdings a bibliographic record carries. CNMARC: each 905 is a summary; 906
	 * items are attached to the 905 with the same call number (or make their own holding,
	 * one copy each, when no 905 matches). MARC 21: each 852.
	 */
	public static List<Holding> of(MarcRecord record, MarcSchema schema) {
		return (schema == MarcSchema.MARC21) ? marc21(record) : cnmarc(record);
	}

	private static List<Holding> cnmarc(MarcRecord record) {
		Map<String, Builder> byCallNumber = new LinkedHashMap<>();
		for (DataField field : record.dataFields("905")) {
			Builder builder = new Builder(value(field, 'a'), value(field, 'c'), cnmarcCallNumber(field),
					value(field, 'f'));
			field.all('b').forEach((barcode) -> builder.barcodes.add(barcode.strip()));
			byCallNumber.putIfAbsent(builder.key(), builder);
		}
		for (DataField field : record.dataFields("906")) {
			Builder item = new Builder(value(field, 'a'), value(field, 'c'), cnmarcCallNumber(field),
					value(field, 'f'));
			Builder summary = byCallNumber.values()
				.stream()
				.filter((h) -> h.callNumber.equals(item.callNumber))
				.findFirst()
				.orElseGet(() -> byCallNumber.computeIfAbsent(item.key(), (key) -> item));
			summary.items++;
			field.first('b').map(String::strip).filter((b) -> !b.isEmpty()).ifPresent(summary.barcodes::add);
		}
		return byCallNumber.values().stream().map(Builder::build).toList();
	}

	private static String cnmarcCallNumber(DataField field) {
		String whole = value(field, 's');
		if (!whole.isEmpty()) {
			return whole;
		}
		String classNumber = value(field, 'd');
		String bookNumber = value(field, 'e');
		return (bookNumber.isEmpty()) ? classNumber : classNumber + "/" + bookNumber;
	}

	private static List<Holding> marc21(MarcRecord record) {
		List<Holding> holdings = new ArrayList<>();
		for (DataField field : record.dataFields("852")) {
			String callNumber = value(field, 'j');
			if (callNumber.isEmpty()) {
				callNumber = String.join(" ",
						field.subfields()
							.stream()
							.filter((s) -> "khim".indexOf(s.code()) >= 0)
							.map((s) -> s.value().strip())
							.filter((s) -> !s.isEmpty())
							.toList());
			}
			String location = String.join(" ", field.all('b').stream().map(String::strip).toList());
			List<String> barcodes = field.all('p').stream().map(String::strip).filter((s) -> !s.isEmpty()).toList();
			holdings.add(new Holding(value(field, 'a'), location, callNumber, value(field, '3'),
					barcodes.isEmpty() ? null : barcodes.size(), barcodes));
		}
		return holdings;
	}

	private static String value(DataField field, char code) {
		return field.first(code).map(Isbd::trim).map(String::strip).orElse("");
	}

	private static final class Builder {

		private final String institution;

		private final String location;

		private final String callNumber;

		private final String volumes;

		private final List<String> barcodes = new ArrayList<>();

		private int items;

		Builder(String institution, String location, String callNumber, String volumes) {
			this.institution = institution;
			this.location = location;
			this.callNumber = callNumber;
			this.volumes = volumes;
		}

		String key() {
			return this.institution + "|" + this.location + "|" + this.callNumber + "|" + this.volumes;
		}

		Holding build() {
			Integer copies = (this.items > 0) ? Integer.valueOf(this.items)
					: this.barcodes.isEmpty() ? null : this.barcodes.size();
			return new Holding(this.institution, this.location, this.callNumber, this.volumes, copies, this.barcodes);
		}

	}

}
