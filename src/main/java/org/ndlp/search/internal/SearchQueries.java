package org.ndlp.search.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.util.ClientUtils;
import org.apache.solr.common.params.CursorMarkParams;

import org.ndlp.catalog.marc.Isbn;
import org.ndlp.search.SearchRequest;
import org.ndlp.shared.problem.InvalidInput;

/**
 * Turns a {@link SearchRequest} into a Solr query, one small step per concern (query
 * text, fielded search, filters, sort, paging, facets, highlighting, spelling), each
 * testable alone.
 */
public final class SearchQueries {

	/** Facet fields, in the order the answer lists them. */
	public static final List<String> FACETS = List.of("resourceType", "language", "year", "clcTop", "library",
			"province");

	/** Searched fields and boosts: smartcn words rank above bigram-only matches. */
	static final String QF = "title_cjk^10 title_smart^20 title_en^5 title_pinyin^6 title_initials^2 creator_cjk^6 "
			+ "creator_smart^8 creator_en^3 creator_pinyin^4 creator_initials^2 subject_cjk^3 subject_smart^3 "
			+ "subject_en^2 publisher_cjk^2 publisher_smart series_cjk isbn^10 clc^2";

	/**
	 * Searched fields for text without any East Asian character (ADR 0031): for such
	 * words the {@code _cjk} and {@code _smart} analyses of titles, creators and subjects
	 * index the same words as the {@code _en} field and only repeated each match (a Latin
	 * word was scored in up to 16 fields); the English fields carry the weight the
	 * Chinese ones had, pinyin, initials, publisher, series, ISBN and CLC stay.
	 */
	static final String QF_LATIN = "title_en^20 title_pinyin^6 title_initials^2 creator_en^8 creator_pinyin^4 "
			+ "creator_initials^2 subject_en^3 publisher_cjk^2 series_cjk isbn^10 clc^2";

	/** Phrase boosts: whole-title matches rank first. */
	static final String PF = "title_smart^30 title_cjk^20";

	/** Phrase boost for text without East Asian characters. */
	static final String PF_LATIN = "title_en^30";

	/** The plain CJK-bigram baseline, for the relevance comparison only. */
	public static final String BASELINE_QF = "text_bigram";

	static final Map<String, String> FIELD_ALIASES = Map.of("title",
			"title_cjk title_smart^2 title_en title_pinyin title_initials", "creator",
			"creator_cjk creator_smart^2 creator_en creator_pinyin creator_initials", "publisher",
			"publisher_cjk publisher_smart", "subject", "subject_cjk subject_smart subject_en series_cjk");

	static final Set<String> FIELDS = Set.of("title", "creator", "isbn", "publisher", "subject", "clc");

	private static final Pattern PINYIN_RUN = Pattern.compile("[a-z]{4,}");

	private static final int MAX_DEPTH = 10_000;

	private SearchQueries() {
	}

	/** The whole query for a request. */
	public static SolrQuery of(SearchRequest request) {
		SolrQuery query = new SolrQuery(text(request));
		query.set("defType", "edismax");
		boolean latin = latin(request);
		query.set("qf", latin ? QF_LATIN : QF);
		query.set("pf", latin ? PF_LATIN : PF);
		query.set("q.alt", "*:*");
		FIELD_ALIASES.forEach((alias, fields) -> query.set("f." + alias + ".qf", fields));
		query.set("uf", "title creator publisher subject isbn clc year language resourceType library province clcTop");
		filters(query, request.filters());
		sort(query, request.sort(), request.cursor() != null);
		paging(query, request);
		facets(query);
		highlight(query);
		spelling(query, request.q());
		// no "score": nothing shows it, and asking for it with a field sort (a cursor's
		// score desc,id asc; year; title) makes Solr score the page's hits a second
		// time (TopFieldCollector.populateScores builds the query's weights again)
		query.setFields("id", "kind", "url", "title", "creator", "title_cjk", "creator_cjk", "year", "library",
				"holdingCount");
		return query;
	}

	/**
	 * Whether the searched text has no East Asian character (nothing from U+2E80 on: CJK
	 * radicals, kana, Hangul, ideographs, full-width forms).
	 */
	static boolean latin(SearchRequest request) {
		if (request.q() != null && !eastAsianFree(request.q())) {
			return false;
		}
		return request.fields().values().stream().allMatch((v) -> v == null || eastAsianFree(v));
	}

	/** Whether a text has no East Asian character (see {@link #latin}). */
	static boolean eastAsianFree(String text) {
		for (int i = 0; i < text.length(); i++) {
			// every character from U+2E80 on, surrogates (supplementary ideographs) too
			if (text.charAt(i) >= 0x2E80) {
				return false;
			}
		}
		return true;
	}

	/** Free text and fielded values joined with AND; {@code *:*} when both are empty. */
	static String text(SearchRequest request) {
		List<String> parts = new ArrayList<>();
		if (request.q() != null && !request.q().isBlank()) {
			// an ISBN typed into the search box, hyphens and all
			Optional<Isbn> isbn = request.q().strip().matches("[0-9Xx -]{10,17}") ? Isbn.parse(request.q().strip())
					: Optional.empty();
			parts.add(isbn.map((i) -> "isbn:" + i.isbn13()).orElseGet(() -> "(" + pinyin(request.q().strip()) + ")"));
		}
		request.fields().forEach((field, value) -> {
			if (!FIELDS.contains(field)) {
				throw new InvalidInput(field, "not a search field; use one of " + FIELDS);
			}
			if (value == null || value.isBlank()) {
				return;
			}
			String v = value.strip();
			switch (field) {
				case "isbn" -> parts.add("isbn:" + Isbn.parse(v)
					.orElseThrow(() -> new InvalidInput("isbn", "not a valid ISBN-10 or ISBN-13: " + v))
					.isbn13());
				case "clc" ->
					parts.add("clc:" + ClientUtils.escapeQueryChars(v.toUpperCase(java.util.Locale.ROOT)) + "*");
				default -> parts.add(field + ":(" + pinyin(v) + ")");
			}
		});
		return parts.isEmpty() ? "*:*" : String.join(" AND ", parts);
	}

	/**
	 * Run-together pinyin ({@code zhongguo}) also matches as its syllables
	 * ({@code "zhong guo"}), the form the index holds.
	 */
	static String pinyin(String q) {
		StringBuilder out = new StringBuilder();
		for (String token : q.split(" ")) {
			if (!out.isEmpty()) {
				out.append(' ');
			}
			List<String> syllables = PINYIN_RUN.matcher(token).matches() ? Pinyin.split(token) : List.of();
			if (syllables.size() >= 2) {
				out.append('(').append(token).append(" OR \"").append(String.join(" ", syllables)).append("\")");
			}
			else {
				out.append(token);
			}
		}
		return out.toString();
	}

	/** {@code facet:value} filters, each an exact term query on a facet field. */
	static void filters(SolrQuery query, List<String> filters) {
		for (String filter : filters) {
			int colon = filter.indexOf(':');
			String field = (colon > 0) ? filter.substring(0, colon) : "";
			if (!FACETS.contains(field) || colon == filter.length() - 1) {
				throw new InvalidInput("filter", "expected facet:value with a facet of " + FACETS + ", got: " + filter);
			}
			String value = filter.substring(colon + 1);
			if ("year".equals(field) && !value.matches("\\d{1,4}")) {
				throw new InvalidInput("filter", "year must be a number, got: " + value);
			}
			query.addFilterQuery("{!term f=" + field + "}" + value);
		}
	}

	/**
	 * The order of hits. By relevance, hits with the same score keep the index's order
	 * (Solr's score-only collector), except when paging by cursor, which needs the
	 * {@code id} as the last key: breaking ties by {@code id} cost ~0.5 ms of each
	 * search's ~2 ms query (a field-sort collector for every hit), and bought no
	 * stability across commits, where every added record moves the scores anyway.
	 */
	static void sort(SolrQuery query, String sort, boolean cursor) {
		String s = (sort == null || sort.isBlank()) ? "relevance" : sort;
		switch (s) {
			case "relevance" -> query.set("sort", cursor ? "score desc,id asc" : "score desc");
			case "year" -> query.set("sort", "year desc,id asc");
			case "title" -> query.set("sort", "titleSort asc,id asc");
			default -> throw new InvalidInput("sort", "sort must be relevance, year or title, got: " + s);
		}
	}

	static void paging(SolrQuery query, SearchRequest request) {
		if (request.size() < 1 || request.size() > 100) {
			throw new InvalidInput("size", "size must be 1 to 100");
		}
		query.setRows(request.size());
		if (request.cursor() != null) {
			if (request.page() != null) {
				throw new InvalidInput("cursor", "page by number or by cursor, not both");
			}
			query.set(CursorMarkParams.CURSOR_MARK_PARAM, request.cursor());
			return;
		}
		int page = (request.page() != null) ? request.page() : 1;
		if (page < 1) {
			throw new InvalidInput("page", "page starts at 1");
		}
		if ((long) page * request.size() > MAX_DEPTH) {
			throw new InvalidInput("page", "deeper than " + MAX_DEPTH + " hits: page with cursor=* instead");
		}
		query.setStart((page - 1) * request.size());
	}

	/**
	 * Facets with few values (ADR 0033): counted by intersecting the hits with each
	 * value's cached set of documents (cost per value, not per hit); {@code library}
	 * (thousands of values) and {@code year} (a point field) are counted per hit from
	 * DocValues.
	 */
	static final List<String> ENUM_FACETS = List.of("resourceType", "language", "clcTop", "province");

	/**
	 * Values in fewer documents than this are counted from their postings instead of a
	 * cached set (rare languages do not fill the filter cache).
	 */
	static final int ENUM_CACHE_MIN_DF = 1000;

	static void facets(SolrQuery query) {
		query.setFacet(true);
		query.setFacetMinCount(1);
		query.setFacetLimit(30);
		FACETS.forEach(query::addFacetField);
		query.set("f.year.facet.sort", "index");
		query.set("f.year.facet.limit", "-1");
		ENUM_FACETS.forEach((field) -> query.set("f." + field + ".facet.method", "enum"));
		query.set("facet.enum.cache.minDf", ENUM_CACHE_MIN_DF);
	}

	static void highlight(SolrQuery query) {
		query.setHighlight(true);
		query.set("hl.method", "unified");
		query.set("hl.fl", "title,creator");
		query.set("hl.requireFieldMatch", "false");
		// terms one by one, not the query's whole matches (ADR 0031: cheaper)
		query.set("hl.weightMatches", "false");
		query.set("hl.tag.pre", "<em>");
		query.set("hl.tag.post", "</em>");
	}

	static void spelling(SolrQuery query, String q) {
		if (q != null && !q.isBlank()) {
			query.set("spellcheck", "true");
			query.set("spellcheck.q", q);
			query.set("spellcheck.collate", "true");
			query.set("spellcheck.maxCollationTries", "3");
			// "did you mean" only when few records were found (ADR 0031); a collation is
			// tried by counting its first hit, not all
			query.set("spellcheck.maxResultsForSuggest", "10");
			query.set("spellcheck.collateMaxCollectDocs", "1");
			query.set("spellcheck.count", "5");
		}
	}

	/** The Chinese name of a CLC top class, or {@code null}. */
	public static String clcName(String topClass) {
		return ClcClasses.name(topClass);
	}

	/**
	 * Autocomplete: titles starting with the typed text (a prefix query on the whole
	 * folded title), or with these pinyin initials.
	 */
	public static SolrQuery suggest(String prefix, int limit) {
		String term = ClientUtils.escapeQueryChars(prefix.strip());
		SolrQuery query = new SolrQuery("title_prefix:" + term + "* OR title_initials:"
				+ ClientUtils.escapeQueryChars(prefix.strip().toLowerCase(java.util.Locale.ROOT)));
		query.set("defType", "lucene");
		query.set("q.op", "OR");
		query.set("sort", "holdingCount desc,id asc");
		query.setRows(limit);
		query.setFields("id", "title", "title_cjk");
		return query;
	}

}
