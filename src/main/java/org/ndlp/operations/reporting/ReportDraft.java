package org.ndlp.operations.reporting;

import java.math.BigDecimal;
import java.util.Map;

/**
 * What a library writes into its report: the entered figures, notes explaining figures,
 * and the text. Saving replaces all of it.
 *
 * @param figures entered figures by key (whole numbers ≥ 0), e.g. {@code trainees}
 * @param notes explanations by figure key
 * @param workDone 本季度工作情况
 * @param problems 存在问题
 * @param nextQuarterPlan 下季度工作计划
 */
public record ReportDraft(Map<String, BigDecimal> figures, Map<String, String> notes, String workDone, String problems,
		String nextQuarterPlan) {
}
