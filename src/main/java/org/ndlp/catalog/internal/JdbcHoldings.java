package org.ndlp.catalog.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ndlp.catalog.marc.Holding;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Table {@code holding}: each record's holdings, replaced as a whole. */
@Repository
public class JdbcHoldings {

	private final JdbcTemplate jdbc;

	public JdbcHoldings(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Replaces the holdings of each record by the given ones (none: drops them). */
	public void replace(Map<Long, List<Holding>> holdings, String source) {
		if (holdings.isEmpty()) {
			return;
		}
		this.jdbc.batchUpdate("delete from holding where record_id = ?",
				holdings.keySet().stream().map((id) -> new Object[] { id }).toList());
		List<Object[]> rows = new ArrayList<>();
		holdings.forEach((id, list) -> {
			for (int i = 0; i < list.size(); i++) {
				Holding h = list.get(i);
				rows.add(new Object[] { id, i, cut(h.institution(), 200), cut(h.location(), 500),
						cut(h.callNumber(), 200), cut(h.volumes(), 500), h.copies(),
						cut(String.join("\n", h.barcodes()), 4000), source });
			}
		});
		this.jdbc.batchUpdate("insert into holding (record_id, position, institution, location, call_number, "
				+ "volumes, copies, barcodes, source) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
	}

	/** The holdings of these records, by record, in their order. */
	public Map<Long, List<Holding>> of(List<Long> recordIds) {
		Map<Long, List<Holding>> found = new LinkedHashMap<>();
		if (recordIds.isEmpty()) {
			return found;
		}
		this.jdbc.query(SqlArrays
			.withArray("select h.* from unnest(cast(? as bigint array)) as t(id) join holding h on h.record_id = t.id "
					+ "order by h.record_id, h.position", "bigint", recordIds.toArray()),
				(rs) -> {
					String barcodes = rs.getString("barcodes");
					Integer copies = (Integer) rs.getObject("copies", Integer.class);
					found.computeIfAbsent(rs.getLong("record_id"), (id) -> new ArrayList<>())
						.add(new Holding(rs.getString("institution"), rs.getString("location"),
								rs.getString("call_number"), rs.getString("volumes"), copies,
								barcodes.isEmpty() ? List.of() : Arrays.asList(barcodes.split("\n"))));
				});
		return found;
	}

	private static String cut(String text, int length) {
		return (text.length() > length) ? text.substring(0, length) : text;
	}

}
