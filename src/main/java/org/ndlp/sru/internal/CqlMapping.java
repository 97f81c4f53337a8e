package org.ndlp.sru.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.ndlp.catalog.marc.Isbn;
import org.ndlp.search.FieldQuery;
import org.ndlp.search.FieldQuery.Field;
import org.ndlp.search.FieldQuery.Match;
import org.ndlp.sru.cql.CqlModifier;
import org.ndlp.sru.cql.CqlNode;
import org.ndlp.sru.cql.CqlPrefix;
import org.ndlp.sru.cql.CqlSortKey;

/**
 * Maps a parsed CQL query onto the search module's {@link FieldQuery}: indexes resolved
 * through the query's prefix maps and our context sets, relations checked per index,
 * terms unescaped and checked for masking, booleans to And/Or/AndNot; anything outside
 * what we search is an {@link SruDiagnostic} naming it.
 */
final class CqlMapping {

	private static final Set<String> IGNORED_RELATION_MODIFIERS = Set.of("stem", "relevant", "string", "word",
			"ignorecase", "ignoreaccents", "respectcase");

	private CqlMapping() {
	}

	/**
	 * A query and its sort keys.
	 *
	 * @param query the search tree
	 * @param sort sortBy keys, in order
	 */
	record Mapped(FieldQuery query, List<FieldQuery.Sort> sort) {
	}

	static Mapped map(CqlNode root) {
		Map<String, String> scope = new HashMap<>(CqlIndexes.SETS);
		FieldQuery query = node(root, scope);
		Map<String, String> rootScope = bind(scope, root.prefixes());
		List<FieldQuery.Sort> sort = new ArrayList<>();
		for (CqlSortKey key : root.sortKeys()) {
			sort.add(sortKey(key.index(), key.modifiers(), rootScope));
		}
		return new Mapped(query, sort);
	}

	/**
	 * A sort key of SRU 1.2's {@code sortKeys} parameter
	 * ({@code path,schema,ascending,…}).
	 */
	static FieldQuery.Sort sortKey(String path, boolean ascending) {
		FieldQuery.Sort key = sortKey(path, List.of(), new HashMap<>(CqlIndexes.SETS));
		return new FieldQuery.Sort(key.field(), ascending);
	}

	private static FieldQuery.Sort sortKey(String index, List<CqlModifier> modifiers, Map<String, String> scope) {
		CqlIndexes.Index resolved = resolve(index, scope);
		if (!resolved.sortable()) {
			throw new SruDiagnostic(SruDiagnostic.UNSUPPORTED_SORT_PATH, index);
		}
		boolean ascending = true;
		for (CqlModifier modifier : modifiers) {
			if (modifier.type().endsWith("descending")) {
				ascending = false;
			}
		}
		return new FieldQuery.Sort(resolved.field(), ascending);
	}

	private static FieldQuery node(CqlNode node, Map<String, String> outer) {
		Map<String, String> scope = bind(outer, node.prefixes());
		if (node instanceof CqlNode.Triple triple) {
			if ("prox".equals(triple.operator())) {
				throw new SruDiagnostic(SruDiagnostic.PROXIMITY_UNSUPPORTED, "prox");
			}
			if (!triple.modifiers().isEmpty()) {
				throw new SruDiagnostic(SruDiagnostic.UNSUPPORTED_BOOLEAN_MODIFIER, triple.modifiers().get(0).type());
			}
			FieldQuery left = node(triple.left(), scope);
			FieldQuery right = node(triple.right(), scope);
			return switch (triple.operator()) {
				case "and" -> new FieldQuery.And(left, right);
				case "or" -> new FieldQuery.Or(left, right);
				default -> new FieldQuery.AndNot(left, right);
			};
		}
		return clause((CqlNode.Clause) node, scope);
	}

	private static Map<String, String> bind(Map<String, String> outer, List<CqlPrefix> prefixes) {
		if (prefixes.isEmpty()) {
			return outer;
		}
		Map<String, String> scope = new HashMap<>(outer);
		for (CqlPrefix prefix : prefixes) {
			scope.put((prefix.name() != null) ? prefix.name().toLowerCase(Locale.ROOT) : "",
					CqlIndexes.canonicalSet(prefix.identifier()));
		}
		return scope;
	}

	private static CqlIndexes.Index resolve(String index, Map<String, String> scope) {
		int dot = index.indexOf('.');
		if (dot > 0) {
			String prefix = index.substring(0, dot).toLowerCase(Locale.ROOT);
			String set = scope.get(prefix);
			if (set == null) {
				throw new SruDiagnostic(SruDiagnostic.UNSUPPORTED_CONTEXT_SET, prefix);
			}
			return CqlIndexes.find(set, index.substring(dot + 1))
				.orElseThrow(() -> new SruDiagnostic(
						CqlIndexes.SETS.containsValue(set) ? SruDiagnostic.UNSUPPORTED_INDEX
								: SruDiagnostic.UNSUPPORTED_CONTEXT_SET,
						CqlIndexes.SETS.containsValue(set) ? index : set));
		}
		String defaultSet = scope.get("");
		if (defaultSet != null) {
			return CqlIndexes.find(defaultSet, index)
				.orElseThrow(() -> new SruDiagnostic(SruDiagnostic.UNSUPPORTED_INDEX, index));
		}
		for (String set : CqlIndexes.SETS.values()) {
			var found = CqlIndexes.find(set, index);
			if (found.isPresent()) {
				return found.get();
			}
		}
		throw new SruDiagnostic(SruDiagnostic.UNSUPPORTED_INDEX, index);
	}

	private static FieldQuery clause(CqlNode.Clause clause, Map<String, String> scope) {
		CqlIndexes.Index index = resolve(clause.index(), scope);
		String relation = clause.relation().toLowerCase(Locale.ROOT);
		if (relation.startsWith("cql.")) {
			relation = relation.substring(4);
		}
		if (!index.relations().contains(relation)) {
			throw new SruDiagnostic(SruDiagnostic.UNSUPPORTED_RELATION, clause.relation());
		}
		for (CqlModifier modifier : clause.relationModifiers()) {
			String type = modifier.type().startsWith("cql.") ? modifier.type().substring(4) : modifier.type();
			if (!IGNORED_RELATION_MODIFIERS.contains(type) || modifier.comparison() != null) {
				throw new SruDiagnostic(SruDiagnostic.UNSUPPORTED_RELATION_MODIFIER, modifier.type());
			}
		}
		if (index.field() == null) {
			return new FieldQuery.Everything();
		}
		Term term = Term.of(clause.term());
		if (term.text().isBlank()) {
			throw new SruDiagnostic(SruDiagnostic.EMPTY_TERM, clause.index());
		}
		if ("<>".equals(relation)) {
			return new FieldQuery.AndNot(new FieldQuery.Everything(), positive(index, "==", term));
		}
		return positive(index, relation, term);
	}

	private static FieldQuery positive(CqlIndexes.Index index, String relation, Term term) {
		Field field = index.field();
		if (term.anchored()) {
			throw new SruDiagnostic(SruDiagnostic.ANCHORING_UNSUPPORTED, term.raw());
		}
		if (field == Field.YEAR) {
			return year(relation, term);
		}
		if (field.text()) {
			if (term.masked()) {
				throw new SruDiagnostic(SruDiagnostic.MASKING_UNSUPPORTED, term.raw());
			}
			return new FieldQuery.Words(field, term.text(), switch (relation) {
				case "any" -> Match.ANY_WORD;
				case "adj", "==" -> Match.PHRASE;
				default -> Match.ALL_WORDS;
			});
		}
		List<String> values = List.of(term.text().strip().split("\\s+"));
		if (term.masked()) {
			if (!term.truncatedOnly() || values.size() > 1 || field == Field.ISBN || field == Field.ISSN) {
				throw new SruDiagnostic(SruDiagnostic.MASKING_UNSUPPORTED, term.raw());
			}
			return new FieldQuery.Words(field, term.text(), Match.PREFIX);
		}
		values.forEach((value) -> check(field, value));
		if ("any".equals(relation) || "all".equals(relation)) {
			FieldQuery result = null;
			for (String value : values) {
				FieldQuery one = new FieldQuery.Words(field, value, Match.ALL_WORDS);
				result = (result == null) ? one
						: ("any".equals(relation) ? new FieldQuery.Or(result, one) : new FieldQuery.And(result, one));
			}
			return result;
		}
		// a CLC class with "=" takes its subclasses (I24 finds I247.5)
		boolean classAndSubclasses = field == Field.CLC && "=".equals(relation);
		return new FieldQuery.Words(field, term.text().strip(), classAndSubclasses ? Match.PREFIX : Match.ALL_WORDS);
	}

	private static void check(Field field, String value) {
		boolean valid = switch (field) {
			case ISBN -> Isbn.parse(value).isPresent();
			case ISSN -> value.replaceAll("[^0-9Xx]", "").length() == 8;
			case ID -> value.matches("[0-9]{1,18}");
			default -> true;
		};
		if (!valid) {
			throw new SruDiagnostic(SruDiagnostic.TERM_INVALID_FORMAT, value);
		}
	}

	private static FieldQuery year(String relation, Term term) {
		if (term.masked()) {
			throw new SruDiagnostic(SruDiagnostic.MASKING_UNSUPPORTED, term.raw());
		}
		List<Integer> years = new ArrayList<>();
		for (String value : term.text().strip().split("\\s+")) {
			if (!value.matches("[0-9]{1,4}")) {
				throw new SruDiagnostic(SruDiagnostic.TERM_INVALID_FORMAT, value);
			}
			years.add(Integer.valueOf(value));
		}
		if ("within".equals(relation)) {
			if (years.size() != 2) {
				throw new SruDiagnostic(SruDiagnostic.TERM_INVALID_FORMAT, "within takes two years: " + term.raw());
			}
			return new FieldQuery.Range(Field.YEAR, years.get(0), true, years.get(1), true);
		}
		if ("any".equals(relation)) {
			FieldQuery result = null;
			for (int year : years) {
				FieldQuery one = new FieldQuery.Range(Field.YEAR, year, true, year, true);
				result = (result == null) ? one : new FieldQuery.Or(result, one);
			}
			return result;
		}
		if (years.size() != 1) {
			throw new SruDiagnostic(SruDiagnostic.TERM_INVALID_FORMAT, term.raw());
		}
		int year = years.get(0);
		return switch (relation) {
			case "<" -> new FieldQuery.Range(Field.YEAR, null, true, year, false);
			case "<=" -> new FieldQuery.Range(Field.YEAR, null, true, year, true);
			case ">" -> new FieldQuery.Range(Field.YEAR, year, false, null, true);
			case ">=" -> new FieldQuery.Range(Field.YEAR, year, true, null, true);
			default -> new FieldQuery.Range(Field.YEAR, year, true, year, true);
		};
	}

	/**
	 * A CQL term: backslash escapes resolved; unescaped {@code *} and {@code ?} are
	 * masking, an unescaped {@code ^} is anchoring.
	 *
	 * @param raw as written
	 * @param text unescaped, masking characters removed
	 * @param masked whether it holds unescaped {@code *} or {@code ?}
	 * @param truncatedOnly whether the only masking is one {@code *} at its end
	 * @param anchored whether it holds an unescaped {@code ^}
	 */
	record Term(String raw, String text, boolean masked, boolean truncatedOnly, boolean anchored) {

		static Term of(String raw) {
			StringBuilder text = new StringBuilder(raw.length());
			int masks = 0;
			boolean trailingStar = false;
			boolean anchored = false;
			for (int i = 0; i < raw.length(); i++) {
				char c = raw.charAt(i);
				trailingStar = false;
				if (c == '\\' && i + 1 < raw.length()) {
					text.append(raw.charAt(++i));
				}
				else if (c == '*' || c == '?') {
					masks++;
					trailingStar = c == '*';
				}
				else if (c == '^') {
					anchored = true;
				}
				else {
					text.append(c);
				}
			}
			return new Term(raw, text.toString(), masks > 0, masks == 1 && trailingStar, anchored);
		}

	}

}
