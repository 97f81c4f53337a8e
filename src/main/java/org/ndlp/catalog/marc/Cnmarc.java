package org.ndlp.catalog.marc;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.ndlp.catalog.marc.BibDescription.all;
import static org.ndlp.catalog.marc.BibDescription.distinct;
import static org.ndlp.catalog.marc.BibDescription.first;
import static org.ndlp.catalog.marc.BibDescription.isbns;
import static org.ndlp.catalog.marc.BibDescription.subjects;

/**
 * Maps CNMARC (and UNIMARC, which shares the tags used here) to {@link BibDescription}.
 * CNMARC puts pinyin in upper-case subfields ($A, $F) and the CLC class in 690.
 */
final class Cnmarc {

	private static final Set<String> CREATOR_TAGS = Set.of("700", "701", "702", "710", "711", "712");

	private Cnmarc() {
	}

	static BibDescription describe(MarcRecord record, MarcSchema schema) {
		DataField title = first(record, "200");
		DataField publication = (first(record, "210") != null) ? first(record, "210") : first(record, "214");
		String year = (publication != null) ? Isbd.year(publication.first('d').orElse(null)) : null;
		if (year == null) {
			// 100$a/09-12 is date 1 of the coded data
			year = record.firstValue("100", 'a')
				.filter((coded) -> coded.length() >= 13)
				.map((coded) -> Isbd.year(coded.substring(9, 13)))
				.orElse(null);
		}
		List<String> parallel = new ArrayList<>();
		if (title != null) {
			title.all('d').forEach((d) -> parallel.add(Isbd.trim(d)));
		}
		record.dataFields("510").forEach((f) -> f.first('a').ifPresent((a) -> parallel.add(Isbd.trim(a))));
		return new BibDescription(schema, record.controlNumber().map(String::strip).orElse(null),
				ResourceType.of(record.leader(), schema), value(title, 'a'), value(title, 'A'), value(title, 'e'),
				distinct(parallel), responsibility(title), creators(record),
				record.firstValue("205", 'a').map(Isbd::trim).orElse(null), value(publication, 'a'),
				value(publication, 'c'), year, isbns(record, "010"), all(record, "011", 'a'), all(record, "101", 'a'),
				all(record, "690", 'a'), subjects(record, "606", "607"), all(record, "225", 'a'),
				extent(first(record, "215")));
	}

	private static String responsibility(DataField title) {
		if (title == null) {
			return null;
		}
		List<String> parts = new ArrayList<>(title.all('f'));
		parts.addAll(title.all('g'));
		return Isbd.join(parts.stream().map(Isbd::trim).toList(), " ; ");
	}

	private static List<Creator> creators(MarcRecord record) {
		List<Creator> creators = new ArrayList<>();
		for (MarcField field : record.fields()) {
			if (!(field instanceof DataField data) || !CREATOR_TAGS.contains(data.tag())) {
				continue;
			}
			String name = Isbd.trim(Isbd.join(List.of(data.first('a').orElse(""), data.first('b').orElse("")), " "));
			if (name == null) {
				continue;
			}
			Creator.Kind kind = data.tag().startsWith("70") ? Creator.Kind.PERSON
					: (data.ind1() == '1') ? Creator.Kind.MEETING : Creator.Kind.ORGANIZATION;
			creators.add(new Creator(name, kind, data.first('4').map(String::strip).orElse(null)));
		}
		return creators;
	}

	private static String extent(DataField physical) {
		if (physical == null) {
			return null;
		}
		String main = Isbd.join(
				List.of(physical.first('a').map(Isbd::trim).orElse(""), physical.first('c').map(Isbd::trim).orElse("")),
				" : ");
		String withSize = Isbd.join(List.of((main != null) ? main : "", physical.first('d').map(Isbd::trim).orElse("")),
				" ; ");
		return Isbd.join(List.of((withSize != null) ? withSize : "", physical.first('e').map(Isbd::trim).orElse("")),
				" + ");
	}

	private static String value(DataField field, char code) {
		return (field != null) ? field.first(code).map(Isbd::trim).orElse(null) : null;
	}

}
