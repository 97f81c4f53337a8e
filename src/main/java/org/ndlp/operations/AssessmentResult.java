package org.ndlp.operations;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.ndlp.members.LibraryLevel;
import org.ndlp.shared.LibraryCode;

/**
 * A library's assessment: points per criterion and indicator with the evidence behind
 * each.
 *
 * @param library the library
 * @param name its name
 * @param level its level (the rubric weighs provincial and city libraries differently)
 * @param round the assessment year
 * @param asOf the date the evidence is read at
 * @param whatIf whether the evidence was changed by the caller (nothing stored)
 * @param total points earned
 * @param max points possible
 * @param indicators per indicator
 * @param evidence the evidence scored
 */
public record AssessmentResult(LibraryCode library, String name, LibraryLevel level, int round, LocalDate asOf,
		boolean whatIf, BigDecimal total, BigDecimal max, List<IndicatorScore> indicators,
		AssessmentEvidence evidence) {

	/**
	 * One indicator's points.
	 *
	 * @param id the indicator
	 * @param nameZh its Chinese name
	 * @param points earned
	 * @param max possible for this level
	 * @param criteria per criterion
	 */
	public record IndicatorScore(String id, String nameZh, BigDecimal points, BigDecimal max,
			List<CriterionScore> criteria) {
	}

	/**
	 * One criterion's points.
	 *
	 * @param id the criterion
	 * @param nameZh what is judged
	 * @param rule how it is scored
	 * @param points earned
	 * @param max possible for this level
	 * @param source AUTO (from platform records), MANUAL (an assessor's score) or PENDING
	 * (no assessor's score yet)
	 * @param evidenceUrl where the evidence can be seen (API or console)
	 * @param note the assessor's note for manual scores
	 */
	public record CriterionScore(String id, String nameZh, String rule, BigDecimal points, BigDecimal max,
			String source, String evidenceUrl, String note) {
	}

}
