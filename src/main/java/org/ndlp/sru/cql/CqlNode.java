package org.ndlp.sru.cql;

import java.util.ArrayList;
import java.util.List;

/**
 * A node of a parsed CQL query: a search clause or a boolean triple. Prefix maps sit on
 * the node they scope (outermost first); sort keys on the root only.
 */
public sealed interface CqlNode permits CqlNode.Clause, CqlNode.Triple {

	/** Prefix maps in scope of this node, outermost first. */
	List<CqlPrefix> prefixes();

	/** The sortBy keys (root node only; otherwise empty). */
	List<CqlSortKey> sortKeys();

	/** This node with a prefix map in front of its own. */
	CqlNode withPrefix(CqlPrefix prefix);

	/** This node with sort keys. */
	CqlNode withSortKeys(List<CqlSortKey> keys);

	/**
	 * {@code index relation term}.
	 *
	 * @param prefixes prefix maps scoping it
	 * @param index the index as written ({@code dc.title}, {@code cql.serverChoice})
	 * @param relation the relation as written ({@code =}, {@code any}, {@code Any} …)
	 * @param relationModifiers its modifiers
	 * @param term the term as written, backslash escapes kept
	 * @param sortKeys sort keys when this clause is the whole query
	 */
	record Clause(List<CqlPrefix> prefixes, String index, String relation, List<CqlModifier> relationModifiers,
			String term, List<CqlSortKey> sortKeys) implements CqlNode {

		public Clause {
			prefixes = List.copyOf(prefixes);
			relationModifiers = List.copyOf(relationModifiers);
			sortKeys = List.copyOf(sortKeys);
		}

		@Override
		public Clause withPrefix(CqlPrefix prefix) {
			return new Clause(prepend(prefix, this.prefixes), this.index, this.relation, this.relationModifiers,
					this.term, this.sortKeys);
		}

		@Override
		public Clause withSortKeys(List<CqlSortKey> keys) {
			return new Clause(this.prefixes, this.index, this.relation, this.relationModifiers, this.term, keys);
		}

	}

	/**
	 * {@code left boolean right}.
	 *
	 * @param prefixes prefix maps scoping it
	 * @param operator {@code and}, {@code or}, {@code not} or {@code prox} (lower case)
	 * @param modifiers the boolean's modifiers
	 * @param left left operand
	 * @param right right operand
	 * @param sortKeys sort keys when this triple is the whole query
	 */
	record Triple(List<CqlPrefix> prefixes, String operator, List<CqlModifier> modifiers, CqlNode left, CqlNode right,
			List<CqlSortKey> sortKeys) implements CqlNode {

		public Triple {
			prefixes = List.copyOf(prefixes);
			modifiers = List.copyOf(modifiers);
			sortKeys = List.copyOf(sortKeys);
		}

		@Override
		public Triple withPrefix(CqlPrefix prefix) {
			return new Triple(prepend(prefix, this.prefixes), this.operator, this.modifiers, this.left, this.right,
					this.sortKeys);
		}

		@Override
		public Triple withSortKeys(List<CqlSortKey> keys) {
			return new Triple(this.prefixes, this.operator, this.modifiers, this.left, this.right, keys);
		}

	}

	private static List<CqlPrefix> prepend(CqlPrefix prefix, List<CqlPrefix> prefixes) {
		List<CqlPrefix> all = new ArrayList<>(prefixes.size() + 1);
		all.add(prefix);
		all.addAll(prefixes);
		return all;
	}

}
