package org.ndlp.operations;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.ndlp.members.LibraryLevel;
import org.ndlp.members.SoftwareSystem;

/**
 * The assessment rubric (评估定级细则) as data: 9 secondary indicators worth 40 points, each
 * made of criteria with a scoring rule and different points for provincial and city
 * libraries. Scoring is a pure function of the rubric and a library's
 * {@link AssessmentEvidence}.
 *
 * @param name the rubric's title
 * @param totalPoints the points a library can reach (40)
 * @param note where the weights come from
 * @param indicators the secondary indicators
 */
public record AssessmentRubric(String name, int totalPoints, String note, List<Indicator> indicators) {

	/** The assessed levels. */
	public static final Set<LibraryLevel> LEVELS = Set.of(LibraryLevel.PROVINCIAL, LibraryLevel.CITY);

	/**
	 * A secondary indicator (二级指标).
	 *
	 * @param id its key
	 * @param nameZh Chinese name
	 * @param nameEn English name
	 * @param criteria what is scored under it
	 */
	public record Indicator(String id, String nameZh, String nameEn, List<Criterion> criteria) {
	}

	/**
	 * One scored criterion.
	 *
	 * @param id its key
	 * @param nameZh what is judged
	 * @param rule how it is scored: an evidence rule, or {@code MANUAL} for an assessor's
	 * score
	 * @param points the points it is worth per level
	 * @param target per level, the count that earns full points (counting rules)
	 */
	public record Criterion(String id, String nameZh, String rule, Map<LibraryLevel, BigDecimal> points,
			Map<LibraryLevel, Integer> target) {

		public BigDecimal max(LibraryLevel level) {
			return this.points.getOrDefault(level, BigDecimal.ZERO);
		}

		public boolean manual() {
			return "MANUAL".equals(this.rule);
		}

	}

	/**
	 * Reads and checks a rubric; a bad rubric stops start-up rather than scoring wrongly.
	 */
	public static AssessmentRubric read(InputStream in) throws IOException {
		AssessmentRubric rubric = JsonMapper.builder()
			.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.build()
			.readValue(in, AssessmentRubric.class);
		rubric.check();
		return rubric;
	}

	void check() {
		List<String> problems = new ArrayList<>();
		if (this.indicators == null || this.indicators.size() != 9) {
			problems.add("the rubric must have the project's 9 secondary indicators");
		}
		Set<String> ids = new HashSet<>();
		for (LibraryLevel level : LEVELS) {
			BigDecimal sum = BigDecimal.ZERO;
			for (Indicator indicator : (this.indicators != null) ? this.indicators : List.<Indicator>of()) {
				for (Criterion criterion : indicator.criteria()) {
					sum = sum.add(criterion.max(level));
					if (level == LibraryLevel.CITY && !ids.add(criterion.id())) {
						problems.add("criterion id " + criterion.id() + " is used twice");
					}
					boolean counting = "TRAINING_SESSIONS_HELD".equals(criterion.rule())
							|| "PRESS_REPORTS".equals(criterion.rule());
					if (counting && criterion.max(level).signum() > 0
							&& (criterion.target() == null || criterion.target().get(level) == null)) {
						problems.add("criterion " + criterion.id() + " counts but has no " + level + " target");
					}
					if (!knownRule(criterion.rule())) {
						problems.add("criterion " + criterion.id() + " has an unknown rule " + criterion.rule());
					}
				}
			}
			if (sum.compareTo(BigDecimal.valueOf(this.totalPoints)) != 0) {
				problems.add(level + " criteria add up to " + sum + ", not " + this.totalPoints);
			}
		}
		if (!problems.isEmpty()) {
			throw new IllegalStateException("assessment rubric is not valid: " + String.join("; ", problems));
		}
	}

	/** The criterion with this id, if the rubric has it. */
	public Criterion criterion(String id) {
		for (Indicator indicator : this.indicators) {
			for (Criterion criterion : indicator.criteria()) {
				if (criterion.id().equals(id)) {
					return criterion;
				}
			}
		}
		return null;
	}

	/**
	 * Points a criterion earns for a library of a level with this evidence (2 decimals).
	 */
	public BigDecimal score(Criterion criterion, LibraryLevel level, AssessmentEvidence evidence) {
		BigDecimal max = criterion.max(level);
		if (max.signum() == 0) {
			return BigDecimal.ZERO.setScale(2);
		}
		String rule = criterion.rule();
		BigDecimal share;
		if (rule.startsWith("SYSTEM_DEPLOYED:")) {
			share = yes(evidence.systems().contains(SoftwareSystem.valueOf(rule.substring(16))));
		}
		else {
			share = switch (rule) {
				case "CENTRAL_FUNDS_RECEIVED" -> yes(evidence.centralFunds().signum() > 0);
				case "LOCAL_FUNDS_MATCH" -> yes(evidence.localFunds().signum() > 0
						&& evidence.localFunds().compareTo(evidence.centralFunds()) >= 0);
				case "PROJECT_CONTACT_NAMED" -> yes(evidence.contactNamed());
				case "HARDWARE_STANDARD_MET" -> yes(evidence.hardwareStandardMet());
				case "VPN_CONNECTED" -> yes(evidence.vpnConnected());
				case "MANDATORY_SYSTEMS_SHARE" ->
					ratio((int) evidence.systems().stream().filter(SoftwareSystem::mandatory).count(),
							(int) java.util.Arrays.stream(SoftwareSystem.values())
								.filter(SoftwareSystem::mandatory)
								.count());
				case "PROVINCE_CITIES_AT_STANDARD_SHARE" -> (evidence.provinceCitiesAtStandardShare() != null)
						? evidence.provinceCitiesAtStandardShare() : BigDecimal.ZERO;
				case "COUNTY_LIBRARIES_LINKED" -> ratio(evidence.countyLibraries(), 3);
				case "TRAINING_SESSIONS_HELD" -> ratio(evidence.trainingSessions(), criterion.target().get(level));
				case "PRESS_REPORTS" -> ratio(evidence.pressReports(), criterion.target().get(level));
				case "MANUAL" -> {
					BigDecimal given = evidence.manualScores().get(criterion.id());
					yield (given != null) ? given.divide(max, 6, RoundingMode.HALF_UP) : BigDecimal.ZERO;
				}
				default -> throw new IllegalStateException("unknown rule " + rule);
			};
		}
		return max.multiply(share.min(BigDecimal.ONE)).setScale(2, RoundingMode.HALF_UP);
	}

	private static boolean knownRule(String rule) {
		if (rule != null && rule.startsWith("SYSTEM_DEPLOYED:")) {
			try {
				SoftwareSystem.valueOf(rule.substring(16));
				return true;
			}
			catch (IllegalArgumentException ex) {
				return false;
			}
		}
		return Set
			.of("CENTRAL_FUNDS_RECEIVED", "LOCAL_FUNDS_MATCH", "PROJECT_CONTACT_NAMED", "HARDWARE_STANDARD_MET",
					"VPN_CONNECTED", "MANDATORY_SYSTEMS_SHARE", "PROVINCE_CITIES_AT_STANDARD_SHARE",
					"COUNTY_LIBRARIES_LINKED", "TRAINING_SESSIONS_HELD", "PRESS_REPORTS", "MANUAL")
			.contains(rule);
	}

	private static BigDecimal yes(boolean condition) {
		return condition ? BigDecimal.ONE : BigDecimal.ZERO;
	}

	private static BigDecimal ratio(int count, Integer target) {
		if (target == null || target <= 0) {
			return BigDecimal.ZERO;
		}
		return BigDecimal.valueOf(count).divide(BigDecimal.valueOf(target), 6, RoundingMode.HALF_UP);
	}

}
