package org.ndlp.operations.reporting;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.ndlp.members.LibraryLevel;
import org.ndlp.shared.LibraryCode;

/**
 * A library's report for a quarter as its readers see it: the stored content, the
 * prefilled figures (live while the report is editable, frozen from submission on), the
 * aggregate of the approved reports below it, the checks still open, the history and what
 * the caller may do.
 *
 * @param libraryCode the reporting library
 * @param libraryName its name
 * @param level its tier
 * @param submittedTo who the report goes to: the provincial library, NLC or 文化部
 * @param year the year
 * @param quarter the quarter (1-4)
 * @param status where the report stands ({@code DRAFT} when nothing is stored yet)
 * @param stored whether anything has been saved
 * @param dueOn the deadline
 * @param overdue whether the deadline passed without a submission
 * @param figures the library's own figures: prefilled and entered
 * @param totals own figures plus the included reports' totals
 * @param notes explanations by figure key
 * @param workDone 本季度工作情况
 * @param problems 存在问题
 * @param nextQuarterPlan 下季度工作计划
 * @param included the approved lower-level reports summed into the totals
 * @param missing lower-level libraries whose report is not (yet) included
 * @param sharpChanges figures that moved sharply from the previous approved quarter
 * @param attachments attached files
 * @param history every status change, oldest first
 * @param actions what the caller may do now
 * @param updatedAt when it last changed
 * @param submittedAt when it was last submitted
 */
public record ReportView(LibraryCode libraryCode, String libraryName, LibraryLevel level, String submittedTo, int year,
		int quarter, ReportStatus status, boolean stored, LocalDate dueOn, boolean overdue, Figures figures,
		Figures totals, Map<String, String> notes, String workDone, String problems, String nextQuarterPlan,
		List<Part> included, List<Part> missing, List<Change> sharpChanges, List<Attachment> attachments,
		List<ReportTransition> history, Actions actions, Instant updatedAt, Instant submittedAt) {

	/** The quarter as in paths, e.g. {@code Q1}. */
	public String quarterLabel() {
		return "Q" + this.quarter;
	}

	/**
	 * A lower-level library's report as an aggregate sees it.
	 *
	 * @param libraryCode the library
	 * @param libraryName its name
	 * @param status its report's status, or {@code null} when it has none
	 * @param totals its totals (for included reports)
	 */
	public record Part(LibraryCode libraryCode, String libraryName, ReportStatus status, Figures totals) {
	}

	/**
	 * A sharp change and whether it is explained.
	 *
	 * @param figure the figure's key
	 * @param previous the previous approved quarter's value
	 * @param current the value now
	 * @param percent the change in percent ({@code null} from zero)
	 * @param explained whether a note explains it
	 */
	public record Change(String figure, BigDecimal previous, BigDecimal current, Integer percent, boolean explained) {
	}

	/**
	 * What the caller may do with the report now.
	 *
	 * @param edit change figures, text and attachments
	 * @param submit send it up
	 * @param review return or approve it
	 */
	public record Actions(boolean edit, boolean submit, boolean review) {
	}

}
