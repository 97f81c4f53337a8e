package org.ndlp.sru.internal;

import java.util.List;
import java.util.Map;

import org.ndlp.search.FieldQuery;

/**
 * The context sets and indexes the server searches, each on a field of the search module,
 * with the relations it takes. Explain lists exactly these.
 */
final class CqlIndexes {

	static final String CQL = "info:srw/cql-context-set/1/cql-v1.2";

	static final String DC = "info:srw/cql-context-set/1/dc-v1.1";

	static final String BATH = "http://zing.z3950.org/cql/bath/2.0/";

	static final String REC = "info:srw/cql-context-set/2/rec-1.1";

	static final String NDLP = "info:ndlp/cql-context-set/1/ndlp-v1";

	/**
	 * Prefixes bound without a prefix map in the query; unprefixed names are looked up in
	 * this order.
	 */
	static final Map<String, String> SETS = orderedSets();

	/** Identifiers that name the same set as one of ours (older versions). */
	static final Map<String, String> SET_ALIASES = Map.of("info:srw/cql-context-set/1/cql-v1.1", CQL,
			"info:srw/cql-context-set/1/cql-v1.2", CQL, "http://zing.z3950.org/cql/bath/2.0", BATH,
			"info:srw/cql-context-set/1/dc-v1.1", DC);

	static final List<String> TEXT_RELATIONS = List.of("=", "==", "all", "any", "adj", "<>");

	static final List<String> VALUE_RELATIONS = List.of("=", "==", "exact", "all", "any", "<>");

	static final List<String> YEAR_RELATIONS = List.of("=", "==", "<", ">", "<=", ">=", "<>", "within", "any");

	/**
	 * One searchable index.
	 *
	 * @param set the context set's identifier
	 * @param name its name in the set
	 * @param field the search field, or {@code null} for {@code cql.allRecords}
	 * @param title what explain calls it
	 * @param sortable whether sortBy / sortKeys may name it
	 */
	record Index(String set, String name, FieldQuery.Field field, String title, boolean sortable) {

		List<String> relations() {
			if (this.field == null) {
				return List.of("=", "any", "all");
			}
			if (this.field == FieldQuery.Field.YEAR) {
				return YEAR_RELATIONS;
			}
			return this.field.text() ? TEXT_RELATIONS : VALUE_RELATIONS;
		}

	}

	static final List<Index> ALL = List.of(
			new Index(CQL, "serverChoice", FieldQuery.Field.ANYWHERE, "任意字段 (anywhere)", false),
			new Index(CQL, "anywhere", FieldQuery.Field.ANYWHERE, "任意字段 (anywhere)", false),
			new Index(CQL, "allRecords", null, "全部记录 (all records)", false),
			new Index(DC, "title", FieldQuery.Field.TITLE, "题名 (title)", true),
			new Index(DC, "creator", FieldQuery.Field.CREATOR, "责任者 (creator)", false),
			new Index(DC, "subject", FieldQuery.Field.SUBJECT, "主题 (subject)", false),
			new Index(DC, "publisher", FieldQuery.Field.PUBLISHER, "出版者 (publisher)", false),
			new Index(DC, "date", FieldQuery.Field.YEAR, "出版年 (year of publication)", true),
			new Index(DC, "language", FieldQuery.Field.LANGUAGE, "语种 (language code)", false),
			new Index(BATH, "isbn", FieldQuery.Field.ISBN, "ISBN", false),
			new Index(BATH, "issn", FieldQuery.Field.ISSN, "ISSN", false),
			new Index(BATH, "name", FieldQuery.Field.CREATOR, "责任者 (name)", false),
			new Index(REC, "id", FieldQuery.Field.ID, "联合记录号 (union record id)", true),
			new Index(NDLP, "clc", FieldQuery.Field.CLC, "中图法分类号 (CLC; = takes subclasses)", false),
			new Index(NDLP, "library", FieldQuery.Field.LIBRARY, "收藏馆代码 (holding library code)", false));

	private CqlIndexes() {
	}

	private static Map<String, String> orderedSets() {
		java.util.LinkedHashMap<String, String> sets = new java.util.LinkedHashMap<>();
		sets.put("cql", CQL);
		sets.put("dc", DC);
		sets.put("bath", BATH);
		sets.put("rec", REC);
		sets.put("ndlp", NDLP);
		return java.util.Collections.unmodifiableMap(sets);
	}

	static String canonicalSet(String identifier) {
		return SET_ALIASES.getOrDefault(identifier, identifier);
	}

	static java.util.Optional<Index> find(String set, String name) {
		return ALL.stream().filter((i) -> i.set().equals(set) && i.name().equalsIgnoreCase(name)).findFirst();
	}

}
