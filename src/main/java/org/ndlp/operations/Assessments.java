package org.ndlp.operations;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ndlp.members.DeploymentHistory;
import org.ndlp.members.DeploymentState;
import org.ndlp.members.LibraryDeployment;
import org.ndlp.members.LibraryLevel;
import org.ndlp.members.MemberLibraries;
import org.ndlp.members.MemberLibrary;
import org.ndlp.members.SoftwareSystem;
import org.ndlp.operations.AssessmentResult.CriterionScore;
import org.ndlp.operations.AssessmentResult.IndicatorScore;
import org.ndlp.operations.AssessmentRubric.Criterion;
import org.ndlp.operations.AssessmentRubric.Indicator;
import org.ndlp.operations.internal.JdbcAssessmentScores;
import org.ndlp.operations.internal.JdbcAssessmentScores.Score;
import org.ndlp.shared.LibraryCode;
import org.ndlp.shared.problem.InvalidInput;
import org.ndlp.shared.problem.OutOfScope;
import org.ndlp.shared.security.CurrentUser;
import org.ndlp.shared.security.StaffRole;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;

/**
 * Assessment and grading (评估定级): scores each provincial and city library against the
 * rubric from platform evidence at the end of the round's year, with assessors' scores
 * for what the platform cannot judge, and a what-if view that stores nothing.
 */
@Service
public class Assessments {

	private static final int FIRST_ROUND = 2011;

	private final AssessmentRubric rubric;

	private final MemberLibraries libraries;

	private final DeploymentHistory history;

	private final ProjectActivities activities;

	private final JdbcAssessmentScores scores;

	private final Clock clock;

	public Assessments(MemberLibraries libraries, DeploymentHistory history, ProjectActivities activities,
			JdbcAssessmentScores scores, Clock clock) {
		this.rubric = loadRubric();
		this.libraries = libraries;
		this.history = history;
		this.activities = activities;
		this.scores = scores;
		this.clock = clock;
	}

	public AssessmentRubric rubric() {
		return this.rubric;
	}

	/**
	 * The library's assessment for a round; its own staff and admins whose scope covers
	 * it.
	 */
	public AssessmentResult assess(LibraryCode code, int round, CurrentUser user) {
		MemberLibrary library = visible(code, user);
		assessable(code, round);
		Map<String, Score> given = this.scores.latest(round, code);
		return result(library, round, evidence(library, round, given), given, false);
	}

	/** The assessment if the evidence were as changed; nothing is stored. */
	public AssessmentResult whatIf(LibraryCode code, int round, WhatIf change, CurrentUser user) {
		MemberLibrary library = visible(code, user);
		assessable(code, round);
		Map<String, Score> given = this.scores.latest(round, code);
		AssessmentEvidence actual = evidence(library, round, given);
		Set<SoftwareSystem> systems = new HashSet<>(actual.systems());
		if (change.addSystems() != null) {
			systems.addAll(change.addSystems());
		}
		Map<String, BigDecimal> manual = new HashMap<>(actual.manualScores());
		if (change.manualScores() != null) {
			change.manualScores()
				.forEach((criterion, points) -> manual.put(criterion,
						checkPoints(library, criterion, points, "manualScores." + criterion)));
		}
		AssessmentEvidence changed = new AssessmentEvidence(actual.centralFunds(),
				(change.localFunds() != null) ? change.localFunds() : actual.localFunds(), actual.contactNamed(),
				(change.hardwareStandardMet() != null) ? change.hardwareStandardMet() : actual.hardwareStandardMet(),
				(change.vpnConnected() != null) ? change.vpnConnected() : actual.vpnConnected(), systems,
				actual.provinceCitiesAtStandardShare(), actual.countyLibraries(),
				(change.trainingSessions() != null) ? change.trainingSessions() : actual.trainingSessions(),
				(change.pressReports() != null) ? change.pressReports() : actual.pressReports(), manual);
		return result(library, round, changed, given, true);
	}

	/**
	 * An assessor's score for a manual criterion: national admins, or the library's
	 * provincial admin.
	 */
	public AssessmentResult score(LibraryCode code, int round, String criterionId, BigDecimal points, String note,
			String evidenceUrl, CurrentUser user) {
		MemberLibrary library = assessable(code, round);
		boolean assessor = user.isNationalAdmin()
				|| (user.role() == StaffRole.PROVINCIAL_ADMIN && this.libraries.mayAdminister(user, library));
		if (!assessor) {
			throw new OutOfScope("only the national centre or the province's centre scores " + code);
		}
		Criterion criterion = this.rubric.criterion(criterionId);
		if (criterion == null || !criterion.manual()) {
			throw new InvalidInput("criterion", criterionId + " is not a criterion that assessors score");
		}
		this.scores.append(round, code, criterionId, new Score(checkPoints(library, criterionId, points, "points"),
				blankToNull(note), blankToNull(evidenceUrl), user.username()), this.clock.instant());
		return assess(code, round, user);
	}

	private MemberLibrary visible(LibraryCode code, CurrentUser user) {
		MemberLibrary library = this.libraries.get(code);
		if (!user.library().equals(code) && !this.libraries.mayAdminister(user, library)) {
			throw new OutOfScope(user.username() + " may not see the assessment of " + code);
		}
		return library;
	}

	private BigDecimal checkPoints(MemberLibrary library, String criterionId, BigDecimal points, String field) {
		Criterion criterion = this.rubric.criterion(criterionId);
		if (criterion == null || !criterion.manual()) {
			throw new InvalidInput(field, criterionId + " is not a criterion that assessors score");
		}
		BigDecimal max = criterion.max(library.level());
		if (points == null || points.signum() < 0 || points.compareTo(max) > 0) {
			throw new InvalidInput(field,
					"points must be between 0 and " + max + " for a " + library.level() + " library, got " + points);
		}
		return points;
	}

	private MemberLibrary assessable(LibraryCode code, int round) {
		MemberLibrary library = this.libraries.get(code);
		if (!AssessmentRubric.LEVELS.contains(library.level())) {
			throw new InvalidInput("code",
					"only provincial and city libraries are assessed; " + code + " is " + library.level());
		}
		if (round < FIRST_ROUND || round > LocalDate.now(this.clock).getYear()) {
			throw new InvalidInput("round", "round is a year from " + FIRST_ROUND + " to this year, got " + round);
		}
		return library;
	}

	private LocalDate asOf(int round) {
		LocalDate end = LocalDate.of(round, 12, 31);
		LocalDate today = LocalDate.now(this.clock);
		return end.isAfter(today) ? today : end;
	}

	/**
	 * What the platform's records say about the library at the end of the round's year.
	 */
	AssessmentEvidence evidence(MemberLibrary library, int round, Map<String, Score> given) {
		LocalDate asOf = asOf(round);
		DeploymentState state = this.history.stateOf(library.code(), asOf);
		BigDecimal share = null;
		if (library.level() == LibraryLevel.PROVINCIAL) {
			int cities = 0;
			int atStandard = 0;
			for (LibraryDeployment entry : this.history.states(asOf)) {
				if (entry.library().level() == LibraryLevel.CITY
						&& entry.library().regionCode().sameProvinceAs(library.regionCode())) {
					cities++;
					atStandard += entry.state().hardwareStandardMet() ? 1 : 0;
				}
			}
			share = (cities == 0) ? BigDecimal.ZERO : BigDecimal.valueOf(atStandard)
				.divide(BigDecimal.valueOf(cities), 6, java.math.RoundingMode.HALF_UP);
		}
		int counties = (int) this.libraries.children(library.code())
			.stream()
			.filter((child) -> child.level() == LibraryLevel.COUNTY)
			.count();
		String province = library.regionCode().provincePrefix();
		LocalDate from = LocalDate.of(round, 1, 1);
		int sessions = (int) this.activities.sessions(from, asOf, province)
			.stream()
			.filter((session) -> session.organizer().equals(library.code()))
			.count();
		int reports = (int) this.activities.reports(from, asOf, province)
			.stream()
			.filter((report) -> report.library().equals(library.code()))
			.count();
		Map<String, BigDecimal> manual = new HashMap<>();
		given.forEach((criterion, score) -> manual.put(criterion, score.points()));
		return new AssessmentEvidence(state.centralFunds(), state.localFunds(),
				library.contact() != null && library.contact().name() != null, state.hardwareStandardMet(),
				state.vpnConnected(), state.systems().keySet(), share, counties, sessions, reports, manual);
	}

	private AssessmentResult result(MemberLibrary library, int round, AssessmentEvidence evidence,
			Map<String, Score> given, boolean whatIf) {
		LocalDate asOf = asOf(round);
		List<IndicatorScore> indicators = new ArrayList<>();
		BigDecimal total = BigDecimal.ZERO;
		BigDecimal max = BigDecimal.ZERO;
		for (Indicator indicator : this.rubric.indicators()) {
			List<CriterionScore> criteria = new ArrayList<>();
			BigDecimal points = BigDecimal.ZERO;
			BigDecimal indicatorMax = BigDecimal.ZERO;
			for (Criterion criterion : indicator.criteria()) {
				BigDecimal criterionMax = criterion.max(library.level());
				if (criterionMax.signum() == 0) {
					continue;
				}
				BigDecimal earned = this.rubric.score(criterion, library.level(), evidence);
				Score score = given.get(criterion.id());
				String source = !criterion.manual() ? "AUTO"
						: evidence.manualScores().containsKey(criterion.id()) ? "MANUAL" : "PENDING";
				String url = criterion.manual() ? ((score != null) ? score.evidenceUrl() : null)
						: evidenceUrl(criterion.rule(), library, asOf);
				criteria.add(new CriterionScore(criterion.id(), criterion.nameZh(), criterion.rule(), earned,
						criterionMax, source, url, (score != null) ? score.note() : null));
				points = points.add(earned);
				indicatorMax = indicatorMax.add(criterionMax);
			}
			indicators.add(new IndicatorScore(indicator.id(), indicator.nameZh(), points, indicatorMax, criteria));
			total = total.add(points);
			max = max.add(indicatorMax);
		}
		return new AssessmentResult(library.code(), library.name(), library.level(), round, asOf, whatIf, total, max,
				indicators, evidence);
	}

	private static String evidenceUrl(String rule, MemberLibrary library, LocalDate asOf) {
		String code = library.code().value();
		return switch (rule) {
			case "PROJECT_CONTACT_NAMED", "COUNTY_LIBRARIES_LINKED" -> "/api/v1/libraries/" + code;
			case "PROVINCE_CITIES_AT_STANDARD_SHARE" ->
				"/api/v1/operations/provinces/" + library.regionCode().provincePrefix() + "/libraries?asOf=" + asOf;
			case "TRAINING_SESSIONS_HELD" -> "/api/v1/operations/training-sessions?province="
					+ library.regionCode().provincePrefix() + "&from=" + asOf.withDayOfYear(1) + "&to=" + asOf;
			case "PRESS_REPORTS" -> "/api/v1/operations/press-reports?province=" + library.regionCode().provincePrefix()
					+ "&from=" + asOf.withDayOfYear(1) + "&to=" + asOf;
			default -> "/api/v1/libraries/" + code + "/deployment?asOf=" + asOf;
		};
	}

	private static AssessmentRubric loadRubric() {
		try (InputStream in = new ClassPathResource("operations/assessment-rubric.json").getInputStream()) {
			return AssessmentRubric.read(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the assessment rubric", ex);
		}
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	/**
	 * Changes to the evidence for a what-if view; {@code null} fields keep the actual
	 * evidence.
	 *
	 * @param hardwareStandardMet as if the hardware met the standard (or not)
	 * @param vpnConnected as if on the VPN (or not)
	 * @param addSystems as if these systems were deployed too
	 * @param localFunds as if this much local money had arrived
	 * @param trainingSessions as if this many sessions were held
	 * @param pressReports as if this many reports were recorded
	 * @param manualScores as if assessors gave these points
	 */
	public record WhatIf(Boolean hardwareStandardMet, Boolean vpnConnected, Set<SoftwareSystem> addSystems,
			BigDecimal localFunds, Integer trainingSessions, Integer pressReports,
			Map<String, BigDecimal> manualScores) {
	}

}
