package org.ndlp.identity.internal.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.ndlp.identity.AuditEvent;
import org.ndlp.identity.AuditPage;
import org.ndlp.shared.LibraryCode;
import org.ndlp.shared.security.CurrentUser;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table {@code audit_event}. */
@Repository
public class JdbcAuditEvents {

	private final JdbcClient jdbc;

	public JdbcAuditEvents(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(AuditEvent event) {
		this.jdbc
			.sql("insert into audit_event (occurred_at, actor, actor_library, action, target, target_library, detail, "
					+ "client_ip) values (?, ?, ?, ?, ?, ?, ?, ?)")
			.params(event.at().atOffset(ZoneOffset.UTC), cut(event.actor(), 300), event.actorLibrary(),
					cut(event.action(), 64), cut(event.target(), 300), event.targetLibrary(), cut(event.detail(), 2000),
					cut(event.clientIp(), 64))
			.update();
	}

	public AuditPage search(CurrentUser viewer, String actor, String action, Instant from, Instant to, int page,
			int size) {
		StringBuilder where = new StringBuilder(" where 1 = 1");
		List<Object> params = new ArrayList<>();
		switch (viewer.role()) {
			case NATIONAL_ADMIN -> {
			}
			case PROVINCIAL_ADMIN -> {
				// the province's libraries, never the national library
				String inProvince = "(select code from member_library where substring(region_code, 1, 2) = ? "
						+ "and code <> ?)";
				where.append(" and (actor_library in ")
					.append(inProvince)
					.append(" or target_library in ")
					.append(inProvince)
					.append(")");
				params.add(viewer.region().provincePrefix());
				params.add(LibraryCode.NLC.value());
				params.add(viewer.region().provincePrefix());
				params.add(LibraryCode.NLC.value());
			}
			default -> {
				where.append(" and (actor_library = ? or target_library = ?)");
				params.add(viewer.library().value());
				params.add(viewer.library().value());
			}
		}
		if (actor != null) {
			where.append(" and actor = ?");
			params.add(actor);
		}
		if (action != null) {
			where.append(" and action = ?");
			params.add(action);
		}
		if (from != null) {
			where.append(" and occurred_at >= ?");
			params.add(from.atOffset(ZoneOffset.UTC));
		}
		if (to != null) {
			where.append(" and occurred_at < ?");
			params.add(to.atOffset(ZoneOffset.UTC));
		}
		long total = this.jdbc.sql("select count(*) from audit_event" + where)
			.params(params)
			.query(Long.class)
			.single();
		List<Object> pageParams = new ArrayList<>(params);
		pageParams.add(size);
		pageParams.add((long) page * size);
		List<AuditEvent> items = this.jdbc
			.sql("select * from audit_event" + where + " order by occurred_at desc, id desc limit ? offset ?")
			.params(pageParams)
			.query(JdbcAuditEvents::map)
			.list();
		return new AuditPage(total, page, size, items);
	}

	private static AuditEvent map(ResultSet rs, int row) throws SQLException {
		return new AuditEvent(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
				rs.getString("actor_library"), rs.getString("action"), rs.getString("target"),
				rs.getString("target_library"), rs.getString("detail"), rs.getString("client_ip"));
	}

	private static String cut(String text, int max) {
		return (text == null || text.length() <= max) ? text : text.substring(0, max);
	}

}
