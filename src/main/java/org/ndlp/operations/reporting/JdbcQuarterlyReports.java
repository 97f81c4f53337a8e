package org.ndlp.operations.reporting;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ndlp.operations.reporting.QuarterlyReport.Narrative;
import org.ndlp.shared.LibraryCode;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The report tables. Transitions are only ever inserted; a status changes only from the
 * status the caller saw, so two reviewers cannot both act on one submission.
 */
@Repository
class JdbcQuarterlyReports {

	private static final String COLUMNS = "id, library_code, report_year, report_quarter, status, work_done, problems, "
			+ "next_quarter_plan, created_at, updated_at, submitted_at";

	private final JdbcClient jdbc;

	JdbcQuarterlyReports(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<QuarterlyReport> find(LibraryCode library, Quarter quarter) {
		return this.jdbc
			.sql("select " + COLUMNS
					+ " from quarterly_report where library_code = ? and report_year = ? and report_quarter = ?")
			.params(library.value(), quarter.year(), quarter.number())
			.query(JdbcQuarterlyReports::row)
			.optional()
			.map(this::withFigures);
	}

	/**
	 * Reports of a quarter (or of every quarter of a year, or all), optionally of a
	 * status.
	 */
	List<QuarterlyReport> list(Integer year, Integer quarter, ReportStatus status) {
		StringBuilder sql = new StringBuilder("select " + COLUMNS + " from quarterly_report where 1 = 1");
		List<Object> params = new ArrayList<>();
		if (year != null) {
			sql.append(" and report_year = ?");
			params.add(year);
		}
		if (quarter != null) {
			sql.append(" and report_quarter = ?");
			params.add(quarter);
		}
		if (status != null) {
			sql.append(" and status = ?");
			params.add(status.name());
		}
		sql.append(" order by report_year desc, report_quarter desc, library_code");
		// list rows carry no figures: the list shows status and dates only
		return this.jdbc.sql(sql.toString()).params(params).query(JdbcQuarterlyReports::row).list();
	}

	/** Inserts a new draft and returns its id. */
	long insert(LibraryCode library, Quarter quarter, Narrative narrative, Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql(
				"insert into quarterly_report (library_code, report_year, report_quarter, status, work_done, problems, "
						+ "next_quarter_plan, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(library.value(), quarter.year(), quarter.number(), ReportStatus.DRAFT.name(), narrative.workDone(),
					narrative.problems(), narrative.nextQuarterPlan(), timestamp(now), timestamp(now))
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	/** Replaces the text of an editable report; false if it is no longer editable. */
	boolean updateNarrative(long id, Narrative narrative, Instant now) {
		return this.jdbc
			.sql("update quarterly_report set work_done = ?, problems = ?, next_quarter_plan = ?, updated_at = ? "
					+ "where id = ? and status in ('DRAFT', 'RETURNED')")
			.params(narrative.workDone(), narrative.problems(), narrative.nextQuarterPlan(), timestamp(now), id)
			.update() == 1;
	}

	/**
	 * Touches an editable report (an attachment changed); false if it is no longer
	 * editable.
	 */
	boolean touch(long id, Instant now) {
		return this.jdbc
			.sql("update quarterly_report set updated_at = ? where id = ? and status in ('DRAFT', 'RETURNED')")
			.params(timestamp(now), id)
			.update() == 1;
	}

	/** Moves a report from one status to another; false if it was not in {@code from}. */
	boolean changeStatus(long id, ReportStatus from, ReportStatus to, Instant now) {
		String submitted = (to == ReportStatus.SUBMITTED) ? ", submitted_at = ?" : "";
		List<Object> params = new ArrayList<>(List.of(to.name(), timestamp(now)));
		if (to == ReportStatus.SUBMITTED) {
			params.add(timestamp(now));
		}
		params.add(id);
		params.add(from.name());
		return this.jdbc
			.sql("update quarterly_report set status = ?, updated_at = ?" + submitted + " where id = ? and status = ?")
			.params(params)
			.update() == 1;
	}

	/** Replaces every figure row of a report. */
	void replaceFigures(long id, Figures own, Figures totals, Map<Figure, String> notes) {
		this.jdbc.sql("delete from quarterly_report_figure where report_id = ?").param(id).update();
		for (Figure figure : Figure.values()) {
			BigDecimal value = own.get(figure);
			BigDecimal total = totals.get(figure);
			String note = notes.get(figure);
			if (value != null || total != null || note != null) {
				this.jdbc
					.sql("insert into quarterly_report_figure (report_id, figure, own_value, total_value, note) "
							+ "values (?, ?, ?, ?, ?)")
					.params(id, figure.name(), value, total, note)
					.update();
			}
		}
	}

	void replaceSources(long id, List<Long> sources) {
		this.jdbc.sql("delete from quarterly_report_source where report_id = ?").param(id).update();
		for (Long source : sources) {
			this.jdbc.sql("insert into quarterly_report_source (report_id, source_report_id) values (?, ?)")
				.params(id, source)
				.update();
		}
	}

	List<Long> sources(long id) {
		return this.jdbc
			.sql("select source_report_id from quarterly_report_source where report_id = ? order by source_report_id")
			.param(id)
			.query(Long.class)
			.list();
	}

	Optional<QuarterlyReport> byId(long id) {
		return this.jdbc.sql("select " + COLUMNS + " from quarterly_report where id = ?")
			.param(id)
			.query(JdbcQuarterlyReports::row)
			.optional()
			.map(this::withFigures);
	}

	void appendTransition(long id, ReportStatus from, ReportStatus to, String comment, String by, Instant at) {
		this.jdbc
			.sql("insert into quarterly_report_transition (report_id, from_status, to_status, comment, acted_by, "
					+ "acted_at) values (?, ?, ?, ?, ?, ?)")
			.params(id, (from != null) ? from.name() : null, to.name(), comment, by, timestamp(at))
			.update();
	}

	List<ReportTransition> history(long id) {
		return this.jdbc
			.sql("select from_status, to_status, comment, acted_by, acted_at from quarterly_report_transition "
					+ "where report_id = ? order by id")
			.param(id)
			.query((rs, row) -> {
				String from = rs.getString("from_status");
				return new ReportTransition(instant(rs, "acted_at"), rs.getString("acted_by"),
						(from != null) ? ReportStatus.valueOf(from) : null,
						ReportStatus.valueOf(rs.getString("to_status")), rs.getString("comment"));
			})
			.list();
	}

	long addAttachment(long id, String name, String mediaType, byte[] content, String by, Instant at) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("insert into quarterly_report_attachment (report_id, file_name, media_type, size_bytes, content, "
					+ "uploaded_by, uploaded_at) values (?, ?, ?, ?, ?, ?, ?)")
			.params(id, name, mediaType, content.length, content, by, timestamp(at))
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	List<Attachment> attachments(long id) {
		return this.jdbc
			.sql("select id, file_name, media_type, size_bytes, uploaded_by, uploaded_at "
					+ "from quarterly_report_attachment where report_id = ? order by id")
			.param(id)
			.query((rs, row) -> new Attachment(rs.getLong("id"), rs.getString("file_name"), rs.getString("media_type"),
					rs.getLong("size_bytes"), rs.getString("uploaded_by"), instant(rs, "uploaded_at")))
			.list();
	}

	Optional<byte[]> attachmentContent(long reportId, long attachmentId) {
		return this.jdbc.sql("select content from quarterly_report_attachment where report_id = ? and id = ?")
			.params(reportId, attachmentId)
			.query((rs, row) -> rs.getBytes("content"))
			.optional();
	}

	boolean deleteAttachment(long reportId, long attachmentId) {
		return this.jdbc.sql("delete from quarterly_report_attachment where report_id = ? and id = ?")
			.params(reportId, attachmentId)
			.update() == 1;
	}

	private QuarterlyReport withFigures(QuarterlyReport report) {
		Map<Figure, BigDecimal> own = new EnumMap<>(Figure.class);
		Map<Figure, BigDecimal> totals = new EnumMap<>(Figure.class);
		Map<Figure, String> notes = new HashMap<>();
		this.jdbc.sql("select figure, own_value, total_value, note from quarterly_report_figure where report_id = ?")
			.param(report.id())
			.query((RowCallbackHandler) (rs) -> {
				Figure figure = Figure.valueOf(rs.getString("figure"));
				own.put(figure, money(figure, rs.getBigDecimal("own_value")));
				totals.put(figure, money(figure, rs.getBigDecimal("total_value")));
				if (rs.getString("note") != null) {
					notes.put(figure, rs.getString("note"));
				}
			});
		return new QuarterlyReport(report.id(), report.library(), report.quarter(), report.status(), new Figures(own),
				new Figures(totals), Map.copyOf(notes), report.narrative(), report.createdAt(), report.updatedAt(),
				report.submittedAt());
	}

	/** Counts come back as whole numbers, money with two decimals. */
	private static BigDecimal money(Figure figure, BigDecimal value) {
		if (value == null) {
			return null;
		}
		return figure.money() ? value.setScale(2) : value.setScale(0, java.math.RoundingMode.UNNECESSARY);
	}

	private static QuarterlyReport row(ResultSet rs, int row) throws SQLException {
		return new QuarterlyReport(rs.getLong("id"), LibraryCode.of(rs.getString("library_code")),
				new Quarter(rs.getInt("report_year"), rs.getInt("report_quarter")),
				ReportStatus.valueOf(rs.getString("status")), Figures.NONE, Figures.NONE, Map.of(),
				new Narrative(rs.getString("work_done"), rs.getString("problems"), rs.getString("next_quarter_plan")),
				instant(rs, "created_at"), instant(rs, "updated_at"), instant(rs, "submitted_at"));
	}

	private static OffsetDateTime timestamp(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
