package org.ndlp.members.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.ndlp.members.DeploymentEvent;
import org.ndlp.members.DeploymentEventKind;
import org.ndlp.members.FundingSource;
import org.ndlp.members.SoftwareSystem;
import org.ndlp.shared.LibraryCode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The append-only table {@code deployment_event}: inserts and reads, never updates. */
@Repository
public class JdbcDeploymentEvents {

	private static final String COLUMNS = "id, library_code, kind, effective_on, software_system, funding_source, "
			+ "amount, fiscal_year, voids_event_id, note, recorded_by, recorded_at";

	private final JdbcClient jdbc;

	public JdbcDeploymentEvents(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Appends an event (its id is ignored) and returns it with the id it got. */
	public DeploymentEvent append(DeploymentEvent event) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("insert into deployment_event (library_code, kind, effective_on, software_system, funding_source, "
					+ "amount, fiscal_year, voids_event_id, note, recorded_by, recorded_at) "
					+ "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(event.library().value(), event.kind().name(), Date.valueOf(event.effectiveOn()),
					(event.system() != null) ? event.system().name() : null,
					(event.fundingSource() != null) ? event.fundingSource().name() : null, event.amount(),
					event.fiscalYear(), event.voidsEventId(), event.note(), event.recordedBy(),
					JdbcLibraries.timestamp(event.recordedAt()))
			.update(keys, "id");
		long id = keys.getKeyAs(Number.class).longValue();
		return new DeploymentEvent(id, event.library(), event.kind(), event.effectiveOn(), event.system(),
				event.fundingSource(), event.amount(), event.fiscalYear(), event.voidsEventId(), event.note(),
				event.recordedBy(), event.recordedAt());
	}

	public Optional<DeploymentEvent> find(long id) {
		return this.jdbc.sql("select " + COLUMNS + " from deployment_event where id = ?")
			.param(id)
			.query(JdbcDeploymentEvents::map)
			.optional();
	}

	/** Every event of one library, oldest first. */
	public List<DeploymentEvent> of(LibraryCode library) {
		return this.jdbc
			.sql("select " + COLUMNS + " from deployment_event where library_code = ? order by effective_on, id")
			.param(library.value())
			.query(JdbcDeploymentEvents::map)
			.list();
	}

	/**
	 * Every event of every library up to a date, plus every correction whatever its date.
	 */
	public List<DeploymentEvent> upTo(LocalDate asOf) {
		return this.jdbc
			.sql("select " + COLUMNS + " from deployment_event where effective_on <= ? or kind = 'EVENT_VOIDED' "
					+ "order by library_code, effective_on, id")
			.param(Date.valueOf(asOf))
			.query(JdbcDeploymentEvents::map)
			.list();
	}

	public int countFor(LibraryCode library) {
		return this.jdbc.sql("select count(*) from deployment_event where library_code = ?")
			.param(library.value())
			.query(Integer.class)
			.single();
	}

	private static DeploymentEvent map(ResultSet rs, int row) throws SQLException {
		String system = rs.getString("software_system");
		String source = rs.getString("funding_source");
		BigDecimal amount = rs.getBigDecimal("amount");
		Number year = (Number) rs.getObject("fiscal_year");
		Number voids = (Number) rs.getObject("voids_event_id");
		return new DeploymentEvent(rs.getLong("id"), LibraryCode.of(rs.getString("library_code")),
				DeploymentEventKind.valueOf(rs.getString("kind")), rs.getDate("effective_on").toLocalDate(),
				(system != null) ? SoftwareSystem.valueOf(system) : null,
				(source != null) ? FundingSource.valueOf(source) : null, amount,
				(year != null) ? year.intValue() : null, (voids != null) ? voids.longValue() : null,
				rs.getString("note"), rs.getString("recorded_by"), JdbcLibraries.instant(rs, "recorded_at"));
	}

}
