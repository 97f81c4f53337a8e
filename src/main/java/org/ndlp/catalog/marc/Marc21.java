package org.ndlp.catalog.marc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Maps MARC 21 to {@link BibDescription}. Chinese MARC 21 records carry the vernacular in
 * 880 fields linked by $6; when a 245 has one, the 880 is the title and 245 its romanized
 * form.
 */
final class Marc21 {

	// compiled once: describing runs for every record of every ingest
	private static final Set<String> CREATOR_TAGS = Set.of("100", "110", "111", "700", "710", "711");

	private Marc21() {
	}

	static BibDescription describe(MarcRecord record) {
		DataField title = BibDescription.first(record, "245");
		DataField vernacular = linked880(record, "245");
		DataField displayTitle = (vernacular != null) ? vernacular : title;
		DataField publication = publication(record);
		String year = (publication != null) ? Isbd.year(publication.first('c').orElse(null)) : null;
		String fixed = record.controlField("008").orElse("");
		if (year == null && fixed.length() >= 11) {
			year = Isbd.year(fixed.substring(7, 11));
		}
		List<String> languages = new ArrayList<>();
		if (fixed.length() >= 38 && lowerLetters(fixed, 35, 38)) {
			languages.add(fixed.substring(35, 38));
		}
		languages.addAll(BibDescription.all(record, "041", 'a'));
		List<String> parallel = new ArrayList<>();
		for (DataField field : record.dataFields("246")) {
			if (field.ind2() == '1') {
				field.first('a').ifPresent((a) -> parallel.add(Isbd.trim(a)));
			}
		}
		List<String> clc = new ArrayList<>(BibDescription.all(record, "093", 'a'));
		for (DataField field : record.dataFields("084")) {
			if (field.first('2').map((source) -> source.strip().toLowerCase(Locale.ROOT).equals("clc")).orElse(false)) {
				field.all('a').forEach((a) -> clc.add(Isbd.trim(a)));
			}
		}
		return new BibDescription(MarcSchema.MARC21, record.controlNumber().map(String::strip).orElse(null),
				ResourceType.of(record.leader(), MarcSchema.MARC21), titleProper(displayTitle),
				(vernacular != null) ? titleProper(title) : null, value(displayTitle, 'b'),
				BibDescription.distinct(parallel), value(displayTitle, 'c'), creators(record),
				record.firstValue("250", 'a').map(Isbd::trim).orElse(null), value(publication, 'a'),
				value(publication, 'b'), year, BibDescription.isbns(record, "020"),
				BibDescription.all(record, "022", 'a'), BibDescription.distinct(languages),
				BibDescription.distinct(clc), BibDescription.subjects(record, "650", "651"),
				BibDescription.all(record, "490", 'a'), extent(BibDescription.first(record, "300")));
	}

	// 264 with ind2 1 (publication) is RDA's place for what AACR2 put in 260
	private static DataField publication(MarcRecord record) {
		for (DataField field : record.dataFields("264")) {
			if (field.ind2() == '1') {
				return field;
			}
		}
		return BibDescription.first(record, "260");
	}

	private static DataField linked880(MarcRecord record, String tag) {
		for (DataField field : record.dataFields("880")) {
			if (field.first('6').map((link) -> link.startsWith(tag)).orElse(false)) {
				return field;
			}
		}
		return null;
	}

	private static String titleProper(DataField title) {
		if (title == null) {
			return null;
		}
		List<String> parts = title.subfields()
			.stream()
			.filter((s) -> s.code() == 'a' || s.code() == 'n' || s.code() == 'p')
			.map((s) -> Isbd.trim(s.value()))
			.toList();
		return Isbd.join(parts, ". ");
	}

	private static List<Creator> creators(MarcRecord record) {
		List<Creator> creators = new ArrayList<>();
		for (MarcField field : record.fields()) {
			if (!(field instanceof DataField data) || !CREATOR_TAGS.contains(data.tag())) {
				continue;
			}
			String name = Isbd.trim(data.first('a').orElse(null));
			if (name == null) {
				continue;
			}
			Creator.Kind kind = data.tag().endsWith("00") ? Creator.Kind.PERSON
					: data.tag().endsWith("11") ? Creator.Kind.MEETING : Creator.Kind.ORGANIZATION;
			String role = data.first('e').or(() -> data.first('4')).map(Isbd::trim).orElse(null);
			creators.add(new Creator(name, kind, role));
		}
		return creators;
	}

	private static String extent(DataField physical) {
		if (physical == null) {
			return null;
		}
		String joined = Isbd.join(physical.subfields()
			.stream()
			.filter((s) -> "abce".indexOf(s.code()) >= 0)
			.map(Subfield::value)
			.toList(), " ");
		return (joined != null) ? withoutTrailingMarks(joined) : null;
	}

	// [\s;:.+]+$ removed by a loop from the end (the regex was tried at every position)
	static String withoutTrailingMarks(String text) {
		int end = text.length();
		while (end > 0 && " \t\n\u000B\f\r;:.+".indexOf(text.charAt(end - 1)) >= 0) {
			end--;
		}
		return text.substring(0, end);
	}

	private static boolean lowerLetters(String text, int from, int to) {
		for (int i = from; i < to; i++) {
			char c = text.charAt(i);
			if (c < 'a' || c > 'z') {
				return false;
			}
		}
		return true;
	}

	private static String value(DataField field, char code) {
		return (field != null) ? field.first(code).map(Isbd::trim).orElse(null) : null;
	}

}
