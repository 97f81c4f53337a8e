package org.ndlp.search.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.solr.common.SolrInputDocument;

import org.ndlp.catalog.CatalogRecords;
import org.ndlp.catalog.SourceRecord;
import org.ndlp.catalog.marc.BibDescription;
import org.ndlp.catalog.marc.Creator;
import org.ndlp.catalog.marc.Isbn;
import org.ndlp.members.MemberLibraries;
import org.ndlp.members.MemberLibrary;
import org.ndlp.shared.LibraryCode;

import org.springframework.stereotype.Component;

/**
 * Builds the Solr document of a union record: one per work cluster, id = the cluster id
 * (its first record's id), described by its first live member and holding every live
 * member's library. The one place that knows how catalog data becomes a search document,
 * so that it can move to the catalog's union-record read model when that exists.
 */
@Component
class UnionRecordDocuments {

	private static final Pattern YEAR = Pattern.compile("(1[0-9]{3}|20[0-9]{2})");

	// ids per look-up query: bounded statements for huge clusters
	private static final int READ_CHUNK = 1000;

	private final CatalogRecords catalog;

	private final MemberLibraries libraries;

	private final boolean baseline;

	UnionRecordDocuments(CatalogRecords catalog, MemberLibraries libraries, SearchProperties properties) {
		this.catalog = catalog;
		this.libraries = libraries;
		this.baseline = properties.indexer().relevanceBaseline();
	}

	/**
	 * What the index must do after these records changed: documents to write and cluster
	 * ids to delete (clusters left without live records).
	 *
	 * @param add documents to add or replace
	 * @param delete ids of documents to delete
	 */
	record Changes(List<SolrInputDocument> add, List<String> delete) {
	}

	Changes forRecords(Collection<Long> recordIds) {
		Set<Long> changed = new LinkedHashSet<>(recordIds);
		// the clusters and the members' current versions, one query each per batch
		Map<Long, List<Long>> found = this.catalog.clustersOf(changed);
		Map<Long, Long> clusterOf = new HashMap<>();
		found.forEach((clusterId, members) -> members.forEach((member) -> clusterOf.put(member, clusterId)));
		Map<Long, List<Long>> clusters = new LinkedHashMap<>();
		for (long recordId : changed) {
			Long clusterId = clusterOf.get(recordId);
			if (clusterId == null) {
				clusters.putIfAbsent(recordId, List.of(recordId));
			}
			else {
				clusters.putIfAbsent(clusterId, found.get(clusterId));
			}
		}
		List<Long> memberIds = clusters.values().stream().flatMap(List::stream).distinct().toList();
		Map<Long, SourceRecord> sources = new HashMap<>();
		for (int from = 0; from < memberIds.size(); from += READ_CHUNK) {
			sources
				.putAll(this.catalog.current(memberIds.subList(from, Math.min(memberIds.size(), from + READ_CHUNK))));
		}
		Map<LibraryCode, Optional<MemberLibrary>> libraryCache = new HashMap<>();
		List<SolrInputDocument> add = new ArrayList<>();
		List<String> delete = new ArrayList<>();
		clusters.forEach((clusterId, members) -> {
			SolrInputDocument doc = document(clusterId, members, sources, libraryCache);
			if (doc != null) {
				add.add(doc);
			}
			else {
				delete.add(String.valueOf(clusterId));
			}
		});
		// a changed record that heads no cluster may have headed one that staff joined
		// into
		// another: its old document goes (deleting an id that has none is harmless)
		new LinkedHashSet<>(recordIds).stream()
			.filter((id) -> !clusters.containsKey(id))
			.forEach((id) -> delete.add(String.valueOf(id)));
		return new Changes(add, delete);
	}

	private SolrInputDocument document(long clusterId, List<Long> memberIds, Map<Long, SourceRecord> current,
			Map<LibraryCode, Optional<MemberLibrary>> libraryCache) {
		List<BibDescription> descriptions = new ArrayList<>();
		List<SourceRecord> sources = new ArrayList<>();
		for (long id : memberIds) {
			Optional<SourceRecord> source = Optional.ofNullable(current.get(id)).filter((s) -> !s.deleted());
			Optional<BibDescription> description = source.flatMap(this.catalog::parse)
				.map((parsed) -> BibDescription.of(parsed.record(), parsed.schema()));
			if (description.isPresent()) {
				sources.add(source.get());
				descriptions.add(description.get());
			}
		}
		if (descriptions.isEmpty()) {
			return null;
		}
		Set<String> libraryCodes = new TreeSet<>();
		Set<String> provinces = new TreeSet<>();
		for (SourceRecord source : sources) {
			libraryCodes.add(source.library().value());
			libraryCache.computeIfAbsent(source.library(), this.libraries::find)
				.ifPresent((library) -> provinces.add(library.provinceName()));
		}
		return document(clusterId, descriptions, libraryCodes, provinces,
				sources.stream().map(SourceRecord::id).toList(), this.baseline);
	}

	/**
	 * The search document of a union record from its members' descriptions (the first
	 * describes it), the codes and provinces of the libraries that hold it and its
	 * members' record ids; with the plain CJK-bigram baseline field {@code text_bigram}
	 * (titles, creators, publishers, subjects, series) when {@code baseline} is set.
	 */
	static SolrInputDocument document(long clusterId, List<BibDescription> descriptions, Set<String> libraryCodes,
			Set<String> provinces, List<Long> recordIds, boolean baseline) {
		BibDescription first = descriptions.get(0);
		SolrInputDocument doc = new SolrInputDocument();
		doc.setField("id", String.valueOf(clusterId));
		doc.setField("kind", "record");
		Set<String> titles = new LinkedHashSet<>();
		Set<String> creators = new LinkedHashSet<>();
		Set<String> publishers = new LinkedHashSet<>();
		Set<String> subjects = new LinkedHashSet<>();
		Set<String> series = new LinkedHashSet<>();
		Set<String> isbns = new LinkedHashSet<>();
		Set<String> issns = new LinkedHashSet<>();
		Set<String> clc = new LinkedHashSet<>();
		Set<String> languages = new LinkedHashSet<>();
		Set<String> pinyin = new LinkedHashSet<>();
		for (BibDescription d : descriptions) {
			addIfPresent(titles, d.title());
			d.parallelTitles().forEach((t) -> addIfPresent(titles, t));
			addIfPresent(pinyin, d.titleRomanized());
			d.creators().stream().map(Creator::name).forEach((c) -> addIfPresent(creators, c));
			addIfPresent(publishers, d.publisher());
			d.subjects().forEach((s) -> addIfPresent(subjects, s));
			d.series().forEach((s) -> addIfPresent(series, s));
			d.isbns().stream().map(Isbn::isbn13).forEach(isbns::add);
			d.issns().forEach((issn) -> addIfPresent(issns, FieldQueries.issn(issn)));
			d.clc().forEach((c) -> addIfPresent(clc, c.strip()));
			d.languages().forEach((l) -> addIfPresent(languages, l.strip().toLowerCase(java.util.Locale.ROOT)));
		}
		titles.forEach((t) -> addText(doc, "title", t));
		creators.forEach((c) -> addText(doc, "creator", c));
		publishers.forEach((p) -> addText(doc, "publisher", p));
		subjects.forEach((s) -> addText(doc, "subject", s));
		series.forEach((s) -> doc.addField("series_cjk", s));
		if (baseline) {
			for (Set<String> text : List.of(titles, creators, publishers, subjects, series)) {
				text.forEach((t) -> doc.addField("text_bigram", t));
			}
		}
		isbns.forEach((i) -> doc.addField("isbn", i));
		issns.forEach((i) -> doc.addField("issn", i));
		clc.forEach((c) -> doc.addField("clc", c));
		clc.stream()
			.map(ClcClasses::topClass)
			.flatMap(Optional::stream)
			.distinct()
			.forEach((c) -> doc.addField("clcTop", c));
		languages.forEach((l) -> doc.addField("language", l));
		if (first.type() != null) {
			doc.setField("resourceType", first.type().name());
		}
		year(first.year()).ifPresent((y) -> doc.setField("year", y));
		if (first.edition() != null) {
			doc.setField("edition", first.edition());
		}
		if (first.place() != null) {
			doc.setField("place", first.place());
		}
		for (String title : titles) {
			addIfPresent(pinyin, Pinyin.full(title));
			addIfPresent(doc, "title_initials", Pinyin.initials(title));
		}
		pinyin.forEach((p) -> doc.addField("title_pinyin", p));
		for (String creator : creators) {
			addIfPresent(doc, "creator_pinyin", Pinyin.full(creator));
			addIfPresent(doc, "creator_initials", Pinyin.initials(creator));
		}
		String sortTitle = titles.isEmpty() ? "" : titles.iterator().next();
		String sortKey = Pinyin.full(sortTitle);
		doc.setField("titleSort", (sortKey.isEmpty() ? sortTitle : sortKey).toLowerCase(java.util.Locale.ROOT));
		libraryCodes.forEach((code) -> doc.addField("library", code));
		provinces.forEach((province) -> doc.addField("province", province));
		doc.setField("holdingCount", recordIds.size());
		recordIds.forEach((id) -> doc.addField("recordIds", id));
		return doc;
	}

	/**
	 * A searched text value, each analysis only for the scripts it serves (ADR 0034, ADR
	 * 0036). Titles and creators are stored as {@code <name>} for display and
	 * highlighting (the schema copies titles to autocomplete). Titles, creators and
	 * subjects go to {@code <name>_cjk} and {@code <name>_smart} (bigrams, smartcn words)
	 * when the value has East Asian characters, and to {@code <name>_en} (and titles and
	 * creators to {@code spell}) when it has other letters or digits: a Latin-script
	 * value's words were indexed by both, and a Chinese value in {@code _en} was one
	 * token per character. Publishers keep {@code publisher_cjk} for every value (it has
	 * no {@code _en}).
	 */
	static void addText(SolrInputDocument doc, String name, String value) {
		boolean eastAsian = !SearchQueries.eastAsianFree(value);
		boolean displayed = "title".equals(name) || "creator".equals(name);
		boolean split = displayed || "subject".equals(name);
		if (displayed) {
			doc.addField(name, value);
		}
		if (eastAsian || !split) {
			doc.addField(name + "_cjk", value);
		}
		if (eastAsian) {
			doc.addField(name + "_smart", value);
		}
		if (split && hasOtherScript(value)) {
			doc.addField(name + "_en", value);
			if (displayed) {
				doc.addField("spell", value);
			}
		}
	}

	/**
	 * Whether a text has a letter or digit that is not East Asian (Latin, Cyrillic,
	 * Greek, Arabic… and ASCII digits: what the {@code _en} analysis indexes).
	 */
	static boolean hasOtherScript(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < 0x2E80 && Character.isLetterOrDigit(c)) {
				return true;
			}
		}
		return false;
	}

	static Optional<Integer> year(String text) {
		if (text == null) {
			return Optional.empty();
		}
		Matcher matcher = YEAR.matcher(text);
		return matcher.find() ? Optional.of(Integer.valueOf(matcher.group(1))) : Optional.empty();
	}

	private static void addIfPresent(Set<String> values, String value) {
		if (value != null && !value.isBlank()) {
			values.add(value.strip());
		}
	}

	private static void addIfPresent(SolrInputDocument doc, String field, String value) {
		if (value != null && !value.isBlank()) {
			doc.addField(field, value);
		}
	}

}
