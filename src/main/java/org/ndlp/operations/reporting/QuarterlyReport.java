package org.ndlp.operations.reporting;

import java.time.Instant;
import java.util.Map;

import org.ndlp.shared.LibraryCode;

/**
 * A stored quarterly report of one library. While it is editable, {@code own} holds only
 * the entered figures and {@code totals} is empty (both are computed live); from
 * submission on, {@code own} also holds the prefilled figures and {@code totals} the
 * aggregate, frozen.
 *
 * @param id the report's number
 * @param library the reporting library
 * @param quarter the quarter reported on
 * @param status where it stands
 * @param own the library's own figures
 * @param totals own figures plus the included reports' totals (frozen at submission)
 * @param notes explanations of figures, by figure
 * @param narrative the text parts
 * @param createdAt when it was first saved
 * @param updatedAt when it last changed
 * @param submittedAt when it was last submitted
 */
record QuarterlyReport(long id, LibraryCode library, Quarter quarter, ReportStatus status, Figures own, Figures totals,
		Map<Figure, String> notes, Narrative narrative, Instant createdAt, Instant updatedAt, Instant submittedAt) {

	/**
	 * The text of a report.
	 *
	 * @param workDone work done in the quarter (本季度工作情况)
	 * @param problems problems met (存在问题)
	 * @param nextQuarterPlan plan for the next quarter (下季度工作计划)
	 */
	public record Narrative(String workDone, String problems, String nextQuarterPlan) {

		static final Narrative EMPTY = new Narrative(null, null, null);

	}

}
