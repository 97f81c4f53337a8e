package org.ndlp.catalog.marc;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The normalized description of a bibliographic record, the same for CNMARC, UNIMARC and
 * MARC 21: what search, clustering and display need, mapped from the schema's fields.
 * Text values lose trailing ISBD punctuation; a missing value is {@code null}, a missing
 * list is empty.
 *
 * @param schema the schema mapped from
 * @param localId the sending library's identifier (001)
 * @param type the kind of resource (leader/06-07)
 * @param title title proper (CNMARC 200$a, MARC 21 245$a$n$p or its 880 vernacular)
 * @param titleRomanized pinyin or other romanized title (CNMARC 200$A, MARC 21 245 when
 * 880 holds the vernacular)
 * @param otherTitle other title information (200$e, 245$b)
 * @param parallelTitles titles in other languages (200$d and 510$a, 246 with ind2 1)
 * @param responsibility statement of responsibility (200$f$g, 245$c)
 * @param creators persons and bodies (CNMARC 700-712, MARC 21 100-111 and 700-711)
 * @param edition edition statement (205$a, 250$a)
 * @param place place of publication (210/214$a, 264/260$a)
 * @param publisher publisher (210/214$c, 264/260$b)
 * @param year year of publication (210/214$d, 264/260$c, else the coded dates)
 * @param isbns ISBNs in 13-digit form, valid ones only (010$a, 020$a)
 * @param issns ISSNs (011$a, 022$a)
 * @param languages language codes (101$a, MARC 21 008/35-37 and 041$a)
 * @param clc Chinese Library Classification numbers (690$a, MARC 21 093$a and 084$a with
 * $2 clc)
 * @param subjects topical and geographic subjects with subdivisions joined by {@code --}
 * (606/607, 650/651)
 * @param series series titles (225$a, 490$a)
 * @param extent physical description (215, 300)
 */
public record BibDescription(MarcSchema schema, String localId, ResourceType type, String title, String titleRomanized,
		String otherTitle, List<String> parallelTitles, String responsibility, List<Creator> creators, String edition,
		String place, String publisher, String year, List<Isbn> isbns, List<String> issns, List<String> languages,
		List<String> clc, List<String> subjects, List<String> series, String extent) {

	public BibDescription {
		parallelTitles = List.copyOf(parallelTitles);
		creators = List.copyOf(creators);
		isbns = List.copyOf(isbns);
		issns = List.copyOf(issns);
		languages = List.copyOf(languages);
		clc = List.copyOf(clc);
		subjects = List.copyOf(subjects);
		series = List.copyOf(series);
	}

	/** Maps a record of a schema (CNMARC and UNIMARC share one mapping). */
	public static BibDescription of(MarcRecord record, MarcSchema schema) {
		return (schema == MarcSchema.MARC21) ? Marc21.describe(record) : Cnmarc.describe(record, schema);
	}

	/** Maps a record, detecting its schema. */
	public static BibDescription of(MarcRecord record) {
		return of(record, MarcSchema.detect(record));
	}

	// shared by the schema mappings
	static List<String> subjects(MarcRecord record, String... tags) {
		List<String> subjects = new ArrayList<>();
		for (MarcField field : record.fields()) {
			if (field instanceof DataField data && List.of(tags).contains(data.tag())) {
				List<String> parts = data.subfields()
					.stream()
					.filter((s) -> "axyzjv".indexOf(s.code()) >= 0)
					.map((s) -> Isbd.trim(s.value()))
					.toList();
				String subject = Isbd.join(parts, "--");
				if (subject != null) {
					subjects.add(subject);
				}
			}
		}
		return distinct(subjects);
	}

	static List<Isbn> isbns(MarcRecord record, String tag) {
		Set<Isbn> isbns = new LinkedHashSet<>();
		record.dataFields(tag).forEach((f) -> f.all('a').forEach((a) -> Isbn.parse(a).ifPresent(isbns::add)));
		return List.copyOf(isbns);
	}

	static List<String> all(MarcRecord record, String tag, char code) {
		List<String> values = new ArrayList<>();
		record.dataFields(tag).forEach((f) -> f.all(code).forEach((v) -> {
			String trimmed = Isbd.trim(v);
			if (trimmed != null) {
				values.add(trimmed);
			}
		}));
		return distinct(values);
	}

	static List<String> distinct(List<String> values) {
		return values.stream().filter((v) -> v != null && !v.isBlank()).distinct().toList();
	}

	static DataField first(MarcRecord record, String tag) {
		return record.firstDataField(tag).orElse(null);
	}

}
