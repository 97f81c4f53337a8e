package org.ndlp.operations.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.ndlp.operations.OutletLevel;
import org.ndlp.operations.PressReport;
import org.ndlp.operations.TrainingLevel;
import org.ndlp.operations.TrainingSession;
import org.ndlp.shared.LibraryCode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Tables {@code training_session} and {@code press_report}. A province filter is the
 * two-digit prefix of the organizing library's region code; {@code null} means the
 * nation.
 */
@Repository
public class JdbcProjectActivities {

	private final JdbcClient jdbc;

	public JdbcProjectActivities(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public TrainingSession insert(TrainingSession session, Instant now) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("insert into training_session (held_on, level, title, organizer_code, attendees, recorded_by, "
					+ "recorded_at) values (?, ?, ?, ?, ?, ?, ?)")
			.params(Date.valueOf(session.heldOn()), session.level().name(), session.title(),
					session.organizer().value(), session.attendees(), session.recordedBy(),
					now.atOffset(ZoneOffset.UTC))
			.update(keys, "id");
		return new TrainingSession(keys.getKeyAs(Number.class).longValue(), session.heldOn(), session.level(),
				session.title(), session.organizer(), session.attendees(), session.recordedBy());
	}

	public PressReport insert(PressReport report, Instant now) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("insert into press_report (published_on, outlet, outlet_level, about_project, title, library_code, "
					+ "recorded_by, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
			.params(Date.valueOf(report.publishedOn()), report.outlet(), report.outletLevel().name(),
					Boolean.TRUE.equals(report.aboutProject()), report.title(), report.library().value(),
					report.recordedBy(), now.atOffset(ZoneOffset.UTC))
			.update(keys, "id");
		return new PressReport(keys.getKeyAs(Number.class).longValue(), report.publishedOn(), report.outlet(),
				report.outletLevel(), report.aboutProject(), report.title(), report.library(), report.recordedBy());
	}

	public List<TrainingSession> sessions(LocalDate from, LocalDate to, String province) {
		return this.jdbc
			.sql("select t.* from training_session t join member_library m on m.code = t.organizer_code "
					+ "where t.held_on between ? and ? and (cast(? as varchar) is null or m.region_code like ?) "
					+ "order by t.held_on, t.id")
			.params(Date.valueOf(from), Date.valueOf(to), province, like(province))
			.query(JdbcProjectActivities::session)
			.list();
	}

	public List<PressReport> reports(LocalDate from, LocalDate to, String province) {
		return this.jdbc
			.sql("select p.* from press_report p join member_library m on m.code = p.library_code "
					+ "where p.published_on between ? and ? and (cast(? as varchar) is null or m.region_code like ?) "
					+ "order by p.published_on, p.id")
			.params(Date.valueOf(from), Date.valueOf(to), province, like(province))
			.query(JdbcProjectActivities::report)
			.list();
	}

	public int countSessions() {
		return this.jdbc.sql("select count(*) from training_session").query(Integer.class).single();
	}

	private static String like(String province) {
		return (province != null) ? province + "%" : null;
	}

	private static TrainingSession session(ResultSet rs, int row) throws SQLException {
		return new TrainingSession(rs.getLong("id"), rs.getDate("held_on").toLocalDate(),
				TrainingLevel.valueOf(rs.getString("level")), rs.getString("title"),
				LibraryCode.of(rs.getString("organizer_code")), rs.getInt("attendees"), rs.getString("recorded_by"));
	}

	private static PressReport report(ResultSet rs, int row) throws SQLException {
		return new PressReport(rs.getLong("id"), rs.getDate("published_on").toLocalDate(), rs.getString("outlet"),
				OutletLevel.valueOf(rs.getString("outlet_level")), rs.getBoolean("about_project"),
				rs.getString("title"), LibraryCode.of(rs.getString("library_code")), rs.getString("recorded_by"));
	}

}
