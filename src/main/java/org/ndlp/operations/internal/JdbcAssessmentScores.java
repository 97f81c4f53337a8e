package org.ndlp.operations.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import org.ndlp.shared.LibraryCode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Table {@code assessment_score}: every score given, the latest per criterion counting.
 */
@Repository
public class JdbcAssessmentScores {

	private final JdbcClient jdbc;

	public JdbcAssessmentScores(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * An assessor's latest score.
	 *
	 * @param points the points
	 * @param note the assessor's note
	 * @param evidenceUrl where the evidence is
	 * @param scoredBy the assessor
	 */
	public record Score(BigDecimal points, String note, String evidenceUrl, String scoredBy) {
	}

	public void append(int round, LibraryCode library, String criterion, Score score, Instant now) {
		this.jdbc
			.sql("insert into assessment_score (round_year, library_code, criterion_id, points, note, evidence_url, "
					+ "scored_by, scored_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
			.params(round, library.value(), criterion, score.points(), score.note(), score.evidenceUrl(),
					score.scoredBy(), now.atOffset(ZoneOffset.UTC))
			.update();
	}

	/** The latest score of each criterion for a library in a round. */
	public Map<String, Score> latest(int round, LibraryCode library) {
		Map<String, Score> latest = new LinkedHashMap<>();
		this.jdbc
			.sql("select criterion_id, points, note, evidence_url, scored_by from assessment_score "
					+ "where round_year = ? and library_code = ? order by id")
			.params(round, library.value())
			.query((rs, row) -> latest.put(rs.getString("criterion_id"),
					new Score(rs.getBigDecimal("points"), rs.getString("note"), rs.getString("evidence_url"),
							rs.getString("scored_by"))))
			.list();
		return latest;
	}

}
