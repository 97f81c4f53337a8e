package org.ndlp.resources.internal;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ndlp.resources.Duplicate;
import org.ndlp.resources.Resource;
import org.ndlp.resources.ResourceChange;
import org.ndlp.resources.ResourceStatus;
import org.ndlp.resources.ResourceType;
import org.ndlp.resources.ThematicDatabase;
import org.ndlp.shared.LibraryCode;

import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Tables {@code resource}, {@code resource_duplicate}, {@code resource_declaration} and
 * {@code resource_change}.
 */
@Repository
public class JdbcResources {

	private static final String COLUMNS = "library_code, province, library_level, title, title_key, creator, subject, "
			+ "description, publisher, contributor, date_text, dc_type, format, identifier, source, language, relation, "
			+ "coverage, rights, resource_type, size_gb, item_count, access_url, url_key, thematic, year_built, status, "
			+ "source_id, registered_by, registered_at, updated_at, published_at";

	private static final String INSERT = "insert into resource (" + COLUMNS
			+ ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

	private static final String SELECT = "select r.*, (select count(*) from resource_duplicate d "
			+ "where d.resource_id = r.id) as dups from resource r ";

	/** SQL types of the {@link #INSERT} parameters, in order. */
	private static final int[] TYPES = types();

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	public JdbcResources(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	/**
	 * A resource to store with the scope columns of its library.
	 *
	 * @param resource the resource (its id is ignored)
	 * @param province the library's province prefix
	 * @param level the library's level name
	 */
	public record Row(Resource resource, String province, String level) {
	}

	/** Inserts one resource and answers its id. */
	public long insert(Row row) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.template.update((connection) -> {
			var statement = connection.prepareStatement(INSERT, new String[] { "id" });
			Object[] values = values(row);
			for (int i = 0; i < values.length; i++) {
				statement.setObject(i + 1, values[i]);
			}
			return statement;
		}, keys);
		return keys.getKey().longValue();
	}

	/** Inserts many resources in JDBC batches (no ids returned: the bulk demo path). */
	public void insertBatch(List<Row> rows) {
		// explicit SQL types: Spring's per-value type look-up (and parameter metadata for
		// every null) costs more than the insert itself at demo-data scale
		this.template.batchUpdate(INSERT, new BatchPreparedStatementSetter() {

			@Override
			public void setValues(PreparedStatement statement, int i) throws SQLException {
				Object[] values = values(rows.get(i));
				for (int c = 0; c < values.length; c++) {
					Object value = values[c];
					if (value == null) {
						statement.setNull(c + 1, TYPES[c]);
					}
					else if (value instanceof String text) {
						statement.setString(c + 1, text);
					}
					else if (value instanceof Timestamp timestamp) {
						statement.setTimestamp(c + 1, timestamp);
					}
					else if (value instanceof BigDecimal number) {
						statement.setBigDecimal(c + 1, number);
					}
					else if (value instanceof Long number) {
						statement.setLong(c + 1, number);
					}
					else {
						statement.setInt(c + 1, (Integer) value);
					}
				}
			}

			@Override
			public int getBatchSize() {
				return rows.size();
			}

		});
	}

	/**
	 * Puts every published resource of the given registrar on the change feed in one
	 * statement.
	 */
	public int feedPublishedOf(String registeredBy, LibraryCode library) {
		return this.jdbc
			.sql("insert into resource_change (resource_id, kind, changed_at) select id, 'UPSERT', published_at "
					+ "from resource where registered_by = ? and library_code = ? and status = 'PUBLISHED' order by id")
			.params(registeredBy, library.value())
			.update();
	}

	/**
	 * Removes what a registrar stored (an interrupted demo load), feed entries included.
	 */
	public void deleteRegisteredBy(String registeredBy) {
		this.jdbc
			.sql("delete from resource_change where resource_id in (select id from resource where registered_by = ?)")
			.param(registeredBy)
			.update();
		this.jdbc.sql(
				"delete from resource_duplicate where resource_id in (select id from resource where registered_by = ?)")
			.param(registeredBy)
			.update();
		this.jdbc.sql("delete from resource where registered_by = ?").param(registeredBy).update();
	}

	public boolean anyDeclaredBy(String declaredBy) {
		return this.jdbc.sql("select count(*) from resource_declaration where declared_by = ?")
			.param(declaredBy)
			.query(Long.class)
			.single() > 0;
	}

	public void update(Resource r, String province, String level) {
		Object[] v = values(new Row(r, province, level));
		this.jdbc
			.sql("update resource set library_code = ?, province = ?, library_level = ?, title = ?, title_key = ?, "
					+ "creator = ?, subject = ?, description = ?, publisher = ?, contributor = ?, date_text = ?, dc_type = ?, "
					+ "format = ?, identifier = ?, source = ?, language = ?, relation = ?, coverage = ?, rights = ?, "
					+ "resource_type = ?, size_gb = ?, item_count = ?, access_url = ?, url_key = ?, thematic = ?, "
					+ "year_built = ?, status = ?, source_id = ?, registered_by = ?, registered_at = ?, updated_at = ?, "
					+ "published_at = ? where id = ?")
			.params(append(v, r.id()))
			.update();
	}

	public void review(long id, ResourceStatus status, String comment, String reviewer, Instant at) {
		boolean published = status == ResourceStatus.PUBLISHED;
		boolean withdrawn = status == ResourceStatus.WITHDRAWN;
		this.jdbc
			.sql("update resource set status = ?, review_comment = coalesce(?, review_comment), reviewed_by = ?, "
					+ "reviewed_at = ?, updated_at = ?, published_at = case when ? then ? else published_at end, "
					+ "withdrawn_at = case when ? then ? else withdrawn_at end where id = ?")
			.params(status.name(), comment, reviewer, Timestamp.from(at), Timestamp.from(at), published,
					Timestamp.from(at), withdrawn, Timestamp.from(at), id)
			.update();
	}

	public void change(long id, String kind, Instant at) {
		this.jdbc.sql("insert into resource_change (resource_id, kind, changed_at) values (?, ?, ?)")
			.params(id, kind, Timestamp.from(at))
			.update();
	}

	public List<ResourceChange> changesAfter(long seq, int limit) {
		return this.jdbc
			.sql("select seq, resource_id, kind, changed_at from resource_change where seq > ? order by seq "
					+ "fetch first " + limit + " rows only")
			.param(seq)
			.query((rs, n) -> new ResourceChange(rs.getLong("seq"), rs.getLong("resource_id"), rs.getString("kind"),
					rs.getTimestamp("changed_at").toInstant()))
			.list();
	}

	public long latestSeq() {
		return this.jdbc.sql("select coalesce(max(seq), 0) from resource_change").query(Long.class).single();
	}

	public Optional<Resource> find(long id) {
		return this.jdbc.sql(SELECT + "where r.id = ?").param(id).query(JdbcResources::map).optional();
	}

	/** Province prefix and level stored with a resource. */
	public Optional<String[]> scopeOf(long id) {
		return this.jdbc.sql("select province, library_level from resource where id = ?")
			.param(id)
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) })
			.optional();
	}

	public Optional<Resource> findBySource(LibraryCode library, String sourceId) {
		return this.jdbc.sql(SELECT + "where r.source_id = ? and r.library_code = ?")
			.params(sourceId, library.value())
			.query(JdbcResources::map)
			.optional();
	}

	public List<Duplicate> duplicates(long id) {
		return this.jdbc
			.sql("select d.other_id, o.title, o.library_code, d.reason from resource_duplicate d "
					+ "join resource o on o.id = d.other_id where d.resource_id = ? order by d.other_id, d.reason")
			.param(id)
			.query((rs, n) -> new Duplicate(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.list();
	}

	/**
	 * Live registrations (not withdrawn, not {@code self}) with this title key in this
	 * library, or with this URL key anywhere.
	 */
	public List<Duplicate> findSimilar(LibraryCode library, String titleKey, String urlKey, long self) {
		List<Duplicate> found = new ArrayList<>(this.jdbc
			.sql("select id, title, library_code from resource where title_key = ? and library_code = ? and id <> ? "
					+ "and status <> 'WITHDRAWN' order by id fetch first 20 rows only")
			.params(titleKey, library.value(), self)
			.query((rs, n) -> new Duplicate(rs.getLong(1), rs.getString(2), rs.getString(3), "TITLE"))
			.list());
		if (urlKey != null) {
			found.addAll(this.jdbc
				.sql("select id, title, library_code from resource where url_key = ? and id <> ? "
						+ "and status <> 'WITHDRAWN' order by id fetch first 20 rows only")
				.params(urlKey, self)
				.query((rs, n) -> new Duplicate(rs.getLong(1), rs.getString(2), rs.getString(3), "URL"))
				.list());
		}
		return found;
	}

	public void replaceDuplicates(long id, List<Duplicate> duplicates) {
		this.jdbc.sql("delete from resource_duplicate where resource_id = ?").param(id).update();
		List<Object[]> args = new ArrayList<>();
		for (Duplicate duplicate : duplicates) {
			args.add(new Object[] { id, duplicate.otherId(), duplicate.reason() });
		}
		if (!args.isEmpty()) {
			this.template.batchUpdate("insert into resource_duplicate (resource_id, other_id, reason) values (?, ?, ?)",
					args);
		}
	}

	/**
	 * A page of resources matching the filter, newest first.
	 *
	 * @param library only this library, or {@code null}
	 * @param province only this province prefix, or {@code null}
	 * @param status only this status, or {@code null}
	 * @param reviewLevels only libraries of these levels (the review queue), or
	 * {@code null}
	 * @param text words in the title, or {@code null}
	 * @param offset rows to skip
	 * @param limit rows to return
	 */
	public record Filter(LibraryCode library, String province, ResourceStatus status, List<String> reviewLevels,
			String text, int offset, int limit) {
	}

	public List<Resource> list(Filter filter) {
		List<Object> params = new ArrayList<>();
		String where = where(filter, params);
		params.add(filter.offset());
		params.add(filter.limit());
		return this.jdbc.sql(SELECT + where + " order by r.id desc offset ? rows fetch next ? rows only")
			.params(params)
			.query(JdbcResources::map)
			.list();
	}

	public long count(Filter filter) {
		List<Object> params = new ArrayList<>();
		String where = where(filter, params);
		return this.jdbc.sql("select count(*) from resource r " + where).params(params).query(Long.class).single();
	}

	private static String where(Filter filter, List<Object> params) {
		List<String> clauses = new ArrayList<>();
		if (filter.library() != null) {
			clauses.add("r.library_code = ?");
			params.add(filter.library().value());
		}
		if (filter.province() != null) {
			clauses.add("r.province = ?");
			params.add(filter.province());
		}
		if (filter.status() != null) {
			clauses.add("r.status = ?");
			params.add(filter.status().name());
		}
		if (filter.reviewLevels() != null) {
			clauses.add("r.library_level in ("
					+ String.join(", ", filter.reviewLevels().stream().map((l) -> "?").toList()) + ")");
			params.addAll(filter.reviewLevels());
		}
		if (filter.text() != null) {
			clauses.add("lower(r.title) like ?");
			params.add("%" + filter.text().toLowerCase(java.util.Locale.ROOT) + "%");
		}
		return clauses.isEmpty() ? "" : "where " + String.join(" and ", clauses);
	}

	/**
	 * Published registrations per library: records and items and GB of resources built in
	 * the year (year {@code null}: any year), published by a moment and not withdrawn by
	 * then.
	 * @param province only this province prefix, or {@code null}
	 * @param year only resources built in this year, or {@code null}
	 * @param asOf published at or before, not withdrawn at or before
	 * @return library code → totals
	 */
	public Map<String, Totals> published(String province, Integer year, Instant asOf) {
		List<Object> params = new ArrayList<>();
		StringBuilder sql = new StringBuilder("select library_code, max(library_level) as lvl, count(*) as n, "
				+ "sum(coalesce(item_count, 1)) as items, sum(coalesce(size_gb, 0)) as gb from resource "
				+ "where published_at is not null and published_at <= ? "
				+ "and (withdrawn_at is null or withdrawn_at > ?) and status in ('PUBLISHED', 'WITHDRAWN')");
		params.add(Timestamp.from(asOf));
		params.add(Timestamp.from(asOf));
		if (province != null) {
			sql.append(" and province = ?");
			params.add(province);
		}
		if (year != null) {
			sql.append(" and year_built = ?");
			params.add(year);
		}
		sql.append(" group by library_code");
		Map<String, Totals> totals = new HashMap<>();
		this.jdbc.sql(sql.toString())
			.params(params)
			.query((rs, n) -> totals.put(rs.getString("library_code"),
					new Totals(rs.getString("lvl"), rs.getLong("n"), rs.getLong("items"), rs.getBigDecimal("gb"))))
			.list();
		return totals;
	}

	/**
	 * Sums of one library's published registrations.
	 *
	 * @param level the library's level name
	 * @param records registration records
	 * @param items items
	 * @param gb gigabytes
	 */
	public record Totals(String level, long records, long items, BigDecimal gb) {
	}

	/**
	 * A declaration of what a library built in a year.
	 *
	 * @param library the library
	 * @param year the year
	 * @param items items built
	 * @param sizeGb GB built
	 */
	public record Declaration(String library, int year, long items, BigDecimal sizeGb) {
	}

	public void declare(Declaration declaration, String province, String by, Instant at) {
		this.jdbc.sql("delete from resource_declaration where library_code = ? and decl_year = ?")
			.params(declaration.library(), declaration.year())
			.update();
		this.jdbc
			.sql("insert into resource_declaration (library_code, province, decl_year, items, size_gb, declared_by, "
					+ "declared_at) values (?, ?, ?, ?, ?, ?, ?)")
			.params(declaration.library(), province, declaration.year(), declaration.items(), declaration.sizeGb(), by,
					Timestamp.from(at))
			.update();
	}

	public void declareBatch(List<Declaration> declarations, Map<String, String> provinces, String by, Instant at) {
		List<Object[]> args = new ArrayList<>();
		for (Declaration d : declarations) {
			args.add(new Object[] { d.library(), provinces.get(d.library()), d.year(), d.items(), d.sizeGb(), by,
					Timestamp.from(at) });
		}
		this.template
			.batchUpdate("insert into resource_declaration (library_code, province, decl_year, items, size_gb, "
					+ "declared_by, declared_at) values (?, ?, ?, ?, ?, ?, ?)", args);
	}

	public List<Declaration> declarations(String province, int year) {
		return this.jdbc
			.sql("select library_code, decl_year, items, size_gb from resource_declaration where decl_year = ? "
					+ ((province != null) ? "and province = ? " : "") + "order by library_code")
			.params((province != null) ? List.of(year, province) : List.of(year))
			.query((rs, n) -> new Declaration(rs.getString(1), rs.getInt(2), rs.getLong(3), rs.getBigDecimal(4)))
			.list();
	}

	private static Object[] values(Row row) {
		Resource r = row.resource();
		return new Object[] { r.library().value(), row.province(), row.level(), r.title(),
				ResourceKeys.titleKey(r.title()), r.creator(), r.subject(), r.description(), r.publisher(),
				r.contributor(), r.date(), r.dcType(), r.format(), r.identifier(), r.source(), r.language(),
				r.relation(), r.coverage(), r.rights(), r.resourceType().name(), r.sizeGb(), r.itemCount(),
				r.accessUrl(), ResourceKeys.urlKey(r.accessUrl()), r.thematic().name(), r.yearBuilt(),
				r.status().name(), r.sourceId(), r.registeredBy(), Timestamp.from(r.registeredAt()),
				Timestamp.from(r.updatedAt()), (r.publishedAt() != null) ? Timestamp.from(r.publishedAt()) : null };
	}

	private static int[] types() {
		int[] types = new int[32];
		java.util.Arrays.fill(types, Types.VARCHAR);
		types[20] = Types.NUMERIC;
		types[21] = Types.BIGINT;
		types[25] = Types.INTEGER;
		types[29] = Types.TIMESTAMP;
		types[30] = Types.TIMESTAMP;
		types[31] = Types.TIMESTAMP;
		return types;
	}

	private static Object[] append(Object[] values, Object last) {
		Object[] all = java.util.Arrays.copyOf(values, values.length + 1);
		all[values.length] = last;
		return all;
	}

	private static Resource map(ResultSet rs, int row) throws SQLException {
		long items = rs.getLong("item_count");
		Long itemCount = rs.wasNull() ? null : items;
		return new Resource(rs.getLong("id"), LibraryCode.of(rs.getString("library_code")), rs.getString("title"),
				rs.getString("creator"), rs.getString("subject"), rs.getString("description"),
				rs.getString("publisher"), rs.getString("contributor"), rs.getString("date_text"),
				rs.getString("dc_type"), rs.getString("format"), rs.getString("identifier"), rs.getString("source"),
				rs.getString("language"), rs.getString("relation"), rs.getString("coverage"), rs.getString("rights"),
				ResourceType.valueOf(rs.getString("resource_type")), rs.getBigDecimal("size_gb"), itemCount,
				rs.getString("access_url"), ThematicDatabase.valueOf(rs.getString("thematic")), rs.getInt("year_built"),
				ResourceStatus.valueOf(rs.getString("status")), rs.getString("review_comment"),
				rs.getString("reviewed_by"), instant(rs, "reviewed_at"), rs.getString("source_id"),
				rs.getString("registered_by"), instant(rs, "registered_at"), instant(rs, "updated_at"),
				instant(rs, "published_at"), List.of(), rs.getInt("dups"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return (value != null) ? value.toInstant() : null;
	}

}
