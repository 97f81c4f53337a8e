package org.ndlp.operations.reporting;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.ndlp.operations.reporting.QuarterlyReport.Narrative;
import org.ndlp.shared.LibraryCode;
import org.ndlp.support.Databases;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.ndlp.operations.reporting.FiguresTests.figures;

/** The report tables on both databases NDLP runs on: H2 (embedded) and PostgreSQL. */
class JdbcQuarterlyReportsIT {

	private static final LibraryCode GD = LibraryCode.of("CN-440000-PL");

	static Stream<Arguments> databases() {
		return Stream.of(Arguments.of("H2", (Supplier<DataSource>) Databases::h2),
				Arguments.of("PostgreSQL", (Supplier<DataSource>) Databases::postgres));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("databases")
	void storesAReportWithFiguresHistoryAndAttachments(String name, Supplier<DataSource> db) {
		JdbcQuarterlyReports reports = new JdbcQuarterlyReports(JdbcClient.create(db.get()));
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		Quarter q1 = new Quarter(2013, 1);
		long id = reports.insert(GD, q1, new Narrative("工作", null, "计划"), now);
		reports.appendTransition(id, null, ReportStatus.DRAFT, null, "gd-admin", now);
		reports.replaceFigures(id, figures(Figure.TRAINEES, "120", Figure.CENTRAL_FUNDS, "1000000.5"),
				figures(Figure.TRAINEES, "245"), Map.of(Figure.TRAINEES, "集中培训"));
		byte[] content = { 0, 1, 2, (byte) 0xff };
		long attachment = reports.addAttachment(id, "扫描件.pdf", "application/pdf", content, "gd-admin", now);

		QuarterlyReport stored = reports.find(GD, q1).orElseThrow();
		assertThat(stored.status()).isEqualTo(ReportStatus.DRAFT);
		assertThat(stored.narrative()).isEqualTo(new Narrative("工作", null, "计划"));
		assertThat(stored.own().get(Figure.TRAINEES)).isEqualTo(new BigDecimal("120"));
		assertThat(stored.own().get(Figure.CENTRAL_FUNDS)).isEqualTo(new BigDecimal("1000000.50"));
		assertThat(stored.totals().get(Figure.TRAINEES)).isEqualTo(new BigDecimal("245"));
		assertThat(stored.notes()).containsEntry(Figure.TRAINEES, "集中培训");
		assertThat(stored.createdAt()).isEqualTo(now);
		assertThat(reports.attachmentContent(id, attachment))
			.hasValueSatisfying((bytes) -> assertThat(bytes).isEqualTo(content));
		assertThat(reports.attachments(id)).singleElement().satisfies((found) -> assertThat(found.size()).isEqualTo(4));

		assertThat(reports.changeStatus(id, ReportStatus.DRAFT, ReportStatus.SUBMITTED, now)).isTrue();
		assertThat(reports.changeStatus(id, ReportStatus.DRAFT, ReportStatus.SUBMITTED, now))
			.as("only from the status seen")
			.isFalse();
		assertThat(reports.updateNarrative(id, Narrative.EMPTY, now)).as("submitted text is frozen").isFalse();
		reports.appendTransition(id, ReportStatus.DRAFT, ReportStatus.SUBMITTED, "请审核", "gd-admin", now);
		assertThat(reports.history(id)).extracting(ReportTransition::to)
			.containsExactly(ReportStatus.DRAFT, ReportStatus.SUBMITTED);
		assertThat(reports.find(GD, q1).orElseThrow().submittedAt()).isEqualTo(now);

		long q2 = reports.insert(GD, new Quarter(2013, 2), Narrative.EMPTY, now);
		reports.replaceSources(q2, List.of(id));
		assertThat(reports.sources(q2)).containsExactly(id);
		assertThat(reports.list(2013, null, ReportStatus.SUBMITTED)).extracting(QuarterlyReport::id)
			.containsExactly(id);
		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> reports.insert(GD, q1, Narrative.EMPTY, now));
	}

}
