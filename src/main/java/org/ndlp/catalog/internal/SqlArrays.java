package org.ndlp.catalog.internal;

import java.sql.PreparedStatement;

import org.springframework.jdbc.core.PreparedStatementCreator;

/** Batch look-ups by a list of keys, fast on both H2 and PostgreSQL. */
final class SqlArrays {

	private SqlArrays() {
	}

	/**
	 * A statement whose one parameter is an array, to be used as
	 * {@code unnest(cast(? as varchar array)) as t(k)} joined to the table looked up: one
	 * index lookup per value on H2 and PostgreSQL. A long {@code in (?, ?, …)} list (or
	 * {@code = any (?)}) makes H2 re-test every fetched row against the whole list, so a
	 * batch of n keys costs n² comparisons.
	 */
	static PreparedStatementCreator withArray(String sql, String elementType, Object[] values) {
		return withArray(sql, elementType, values, null);
	}

	/**
	 * As {@link #withArray(String, String, Object[])}, with one parameter before the
	 * array (when not {@code null}).
	 */
	static PreparedStatementCreator withArray(String sql, String elementType, Object[] values, Object first) {
		return (connection) -> {
			PreparedStatement statement = connection.prepareStatement(sql);
			int index = 1;
			if (first != null) {
				statement.setObject(index++, first);
			}
			statement.setArray(index, connection.createArrayOf(elementType, values));
			return statement;
		};
	}

}
