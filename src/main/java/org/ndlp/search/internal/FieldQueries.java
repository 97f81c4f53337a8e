package org.ndlp.search.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.util.ClientUtils;

import org.ndlp.catalog.marc.Isbn;
import org.ndlp.search.FieldQuery;
import org.ndlp.shared.problem.InvalidInput;

/**
 * Turns a {@link FieldQuery} tree into one Solr query whose structure is fixed text and
 * whose every value is a separate request parameter ({@code {!bool must=$q1 …}},
 * {@code {!term f=isbn v=$v2}}): user input never becomes query syntax. Text clauses run
 * edismax over the same fields and analysis as the search box (Chinese, pinyin, English)
 * with field syntax switched off ({@code uf=-*}) and each word escaped.
 */
public final class FieldQueries {

	private static final Map<FieldQuery.Field, String> TEXT_FIELDS = Map.of(FieldQuery.Field.ANYWHERE, SearchQueries.QF,
			FieldQuery.Field.TITLE, SearchQueries.FIELD_ALIASES.get("title"), FieldQuery.Field.CREATOR,
			SearchQueries.FIELD_ALIASES.get("creator"), FieldQuery.Field.SUBJECT,
			SearchQueries.FIELD_ALIASES.get("subject"), FieldQuery.Field.PUBLISHER,
			SearchQueries.FIELD_ALIASES.get("publisher"));

	private static final Map<FieldQuery.Field, String> VALUE_FIELDS = Map.of(FieldQuery.Field.ISBN, "isbn",
			FieldQuery.Field.ISSN, "issn", FieldQuery.Field.CLC, "clc", FieldQuery.Field.ID, "id",
			FieldQuery.Field.LANGUAGE, "language", FieldQuery.Field.LIBRARY, "library", FieldQuery.Field.YEAR, "year");

	private static final int MAX_DEPTH = 10_000;

	private final SolrQuery query = new SolrQuery();

	private int next;

	private FieldQueries() {
	}

	/** The Solr query for one page of union records (records only, no resources). */
	public static SolrQuery of(FieldQuery tree, List<FieldQuery.Sort> sort, int start, int rows) {
		if (start < 0 || rows < 0 || rows > 1000 || (long) start + rows > MAX_DEPTH) {
			throw new InvalidInput("start", "records 1 to " + MAX_DEPTH + ", at most 1000 a page");
		}
		FieldQueries builder = new FieldQueries();
		SolrQuery query = builder.query;
		query.setQuery(builder.clause(tree));
		// local params ({!bool …}) are read only by the lucene parser
		query.set("defType", "lucene");
		query.addFilterQuery("{!term f=kind}record");
		query.setStart(start);
		query.setRows(rows);
		query.setFields("id");
		StringBuilder order = new StringBuilder();
		for (FieldQuery.Sort key : sort) {
			String field = switch (key.field()) {
				case TITLE -> "titleSort";
				case YEAR -> "year";
				case ID -> "id";
				default -> throw new InvalidInput("sort", "cannot sort on " + key.field());
			};
			order.append(field).append(key.ascending() ? " asc," : " desc,");
		}
		query.set("sort", order + "score desc,id asc");
		return query;
	}

	private String clause(FieldQuery tree) {
		if (tree instanceof FieldQuery.Everything) {
			return "*:*";
		}
		if (tree instanceof FieldQuery.And and) {
			return "{!bool must=" + param(clause(and.left())) + " must=" + param(clause(and.right())) + "}";
		}
		if (tree instanceof FieldQuery.Or or) {
			return "{!bool should=" + param(clause(or.left())) + " should=" + param(clause(or.right())) + "}";
		}
		if (tree instanceof FieldQuery.AndNot not) {
			return "{!bool must=" + param(clause(not.left())) + " must_not=" + param(clause(not.right())) + "}";
		}
		if (tree instanceof FieldQuery.Range range) {
			return range(range);
		}
		FieldQuery.Words words = (FieldQuery.Words) tree;
		return words.field().text() ? text(words) : values(words);
	}

	private String text(FieldQuery.Words words) {
		String escaped = escapeWords(words.text());
		if (escaped.isEmpty()) {
			throw new InvalidInput(words.field().name(), "empty term");
		}
		return switch (words.match()) {
			case PHRASE ->
				edismax(words.field(), "\"" + words.text().replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
			case ALL_WORDS -> edismax(words.field(), escaped);
			// one clause per word: each word's analysis (bigrams, smartcn) must match
			// whole
			case ANY_WORD -> {
				String result = null;
				for (String word : escaped.split(" ")) {
					String one = edismax(words.field(), word);
					result = (result == null) ? one : "{!bool should=" + param(result) + " should=" + param(one) + "}";
				}
				yield result;
			}
			case PREFIX -> throw new InvalidInput(words.field().name(), "truncation is not supported on words");
		};
	}

	private String edismax(FieldQuery.Field field, String value) {
		return "{!edismax uf=-* qf=" + param(TEXT_FIELDS.get(field)) + " mm=" + param("100%") + " v=" + param(value)
				+ "}";
	}

	private String values(FieldQuery.Words words) {
		String field = VALUE_FIELDS.get(words.field());
		List<String> values = (words.match() == FieldQuery.Match.ANY_WORD) ? List.of(words.text().strip().split("\\s+"))
				: List.of(words.text().strip());
		String result = null;
		for (String value : values) {
			String normalized = normalize(words.field(), value);
			String one = (words.match() == FieldQuery.Match.PREFIX)
					? "{!prefix f=" + field + " v=" + param(normalized) + "}"
					: "{!term f=" + field + " v=" + param(normalized) + "}";
			result = (result == null) ? one : "{!bool should=" + param(result) + " should=" + param(one) + "}";
		}
		return result;
	}

	private String range(FieldQuery.Range range) {
		if (range.field() != FieldQuery.Field.YEAR) {
			throw new InvalidInput(range.field().name(), "ranges are for years only");
		}
		String from = (range.from() != null) ? String.valueOf(range.from().intValue()) : "*";
		String to = (range.to() != null) ? String.valueOf(range.to().intValue()) : "*";
		return "year:" + (range.fromInclusive() ? "[" : "{") + from + " TO " + to + (range.toInclusive() ? "]" : "}");
	}

	static String normalize(FieldQuery.Field field, String value) {
		String v = value.strip();
		return switch (field) {
			case ISBN -> Isbn.parse(v)
				.map(Isbn::isbn13)
				.orElseThrow(() -> new InvalidInput("isbn", "not a valid ISBN-10 or ISBN-13: " + v));
			case ISSN -> issn(v);
			case CLC -> v.toUpperCase(Locale.ROOT);
			case LANGUAGE -> v.toLowerCase(Locale.ROOT);
			case YEAR -> {
				if (!v.matches("\\d{1,4}")) {
					throw new InvalidInput("year", "not a year: " + v);
				}
				yield String.valueOf(Integer.parseInt(v));
			}
			default -> v;
		};
	}

	/** An ISSN as the index holds it: {@code 1234-567X}; other text unchanged. */
	public static String issn(String value) {
		String digits = value.replaceAll("[^0-9Xx]", "").toUpperCase(Locale.ROOT);
		return (digits.length() == 8) ? digits.substring(0, 4) + "-" + digits.substring(4) : value.strip();
	}

	/**
	 * Words escaped one by one (query syntax characters and the operator words lose their
	 * meaning), joined by spaces.
	 */
	static String escapeWords(String text) {
		StringBuilder out = new StringBuilder();
		for (String word : text.strip().split("\\s+")) {
			if (word.isEmpty()) {
				continue;
			}
			String w = switch (word) {
				case "AND", "OR", "NOT" -> word.toLowerCase(Locale.ROOT);
				default -> word;
			};
			if (!out.isEmpty()) {
				out.append(' ');
			}
			out.append(ClientUtils.escapeQueryChars(w));
		}
		return out.toString();
	}

	private String param(String value) {
		String name = "p" + (++this.next);
		this.query.set(name, value);
		return "$" + name;
	}

}
