package org.ndlp.sru.cql;

import java.util.List;

/**
 * Renders a parsed query as XCQL (the SRU {@code echoedSearchRetrieveRequest/xQuery}
 * form), indented by two spaces as cql-java writes it.
 */
public final class Xcql {

	private Xcql() {
	}

	/** The XCQL of a query, without a namespace. */
	public static String of(CqlNode node) {
		StringBuilder out = new StringBuilder();
		node(out, node, 0);
		return out.toString();
	}

	private static void node(StringBuilder out, CqlNode node, int level) {
		if (node instanceof CqlNode.Clause clause) {
			open(out, level, "searchClause");
			prefixes(out, clause.prefixes(), level + 1);
			element(out, level + 1, "index", clause.index());
			open(out, level + 1, "relation");
			element(out, level + 2, "value", clause.relation());
			modifiers(out, clause.relationModifiers(), level + 2);
			close(out, level + 1, "relation");
			element(out, level + 1, "term", clause.term());
			sortKeys(out, clause.sortKeys(), level + 1);
			close(out, level, "searchClause");
		}
		else if (node instanceof CqlNode.Triple triple) {
			open(out, level, "triple");
			prefixes(out, triple.prefixes(), level + 1);
			open(out, level + 1, "boolean");
			element(out, level + 2, "value", triple.operator());
			modifiers(out, triple.modifiers(), level + 2);
			close(out, level + 1, "boolean");
			open(out, level + 1, "leftOperand");
			node(out, triple.left(), level + 2);
			close(out, level + 1, "leftOperand");
			open(out, level + 1, "rightOperand");
			node(out, triple.right(), level + 2);
			close(out, level + 1, "rightOperand");
			sortKeys(out, triple.sortKeys(), level + 1);
			close(out, level, "triple");
		}
	}

	private static void prefixes(StringBuilder out, List<CqlPrefix> prefixes, int level) {
		if (prefixes.isEmpty()) {
			return;
		}
		open(out, level, "prefixes");
		for (CqlPrefix prefix : prefixes) {
			open(out, level + 1, "prefix");
			if (prefix.name() != null) {
				element(out, level + 2, "name", prefix.name());
			}
			element(out, level + 2, "identifier", prefix.identifier());
			close(out, level + 1, "prefix");
		}
		close(out, level, "prefixes");
	}

	private static void modifiers(StringBuilder out, List<CqlModifier> modifiers, int level) {
		if (modifiers.isEmpty()) {
			return;
		}
		open(out, level, "modifiers");
		for (CqlModifier modifier : modifiers) {
			open(out, level + 1, "modifier");
			element(out, level + 2, "type", modifier.type());
			if (modifier.comparison() != null) {
				element(out, level + 2, "comparison", modifier.comparison());
				element(out, level + 2, "value", modifier.value());
			}
			close(out, level + 1, "modifier");
		}
		close(out, level, "modifiers");
	}

	private static void sortKeys(StringBuilder out, List<CqlSortKey> keys, int level) {
		if (keys.isEmpty()) {
			return;
		}
		open(out, level, "sortKeys");
		for (CqlSortKey key : keys) {
			open(out, level + 1, "key");
			element(out, level + 2, "index", key.index());
			modifiers(out, key.modifiers(), level + 2);
			close(out, level + 1, "key");
		}
		close(out, level, "sortKeys");
	}

	private static void open(StringBuilder out, int level, String name) {
		out.append("  ".repeat(level)).append('<').append(name).append(">\n");
	}

	private static void close(StringBuilder out, int level, String name) {
		out.append("  ".repeat(level)).append("</").append(name).append(">\n");
	}

	private static void element(StringBuilder out, int level, String name, String value) {
		out.append("  ".repeat(level)).append('<').append(name).append('>');
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '&' -> out.append("&amp;");
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				default -> out.append(c);
			}
		}
		out.append("</").append(name).append(">\n");
	}

}
