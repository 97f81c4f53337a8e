package org.ndlp.operations.reporting;

import java.time.Instant;
import java.time.LocalDate;

import org.ndlp.members.LibraryLevel;
import org.ndlp.shared.LibraryCode;

/**
 * One line of a report list.
 *
 * @param libraryCode the reporting library
 * @param libraryName its name
 * @param level its tier
 * @param province its province (Chinese name)
 * @param year the year
 * @param quarter the quarter (1-4)
 * @param status where the report stands ({@code null} in overdue lists when nothing is
 * stored)
 * @param dueOn the deadline
 * @param overdue whether the deadline passed without a submission
 * @param updatedAt when it last changed
 * @param submittedAt when it was last submitted
 */
public record ReportSummary(LibraryCode libraryCode, String libraryName, LibraryLevel level, String province, int year,
		int quarter, ReportStatus status, LocalDate dueOn, boolean overdue, Instant updatedAt, Instant submittedAt) {

	/** The quarter as in paths, e.g. {@code Q1}. */
	public String quarterLabel() {
		return "Q" + this.quarter;
	}

}
