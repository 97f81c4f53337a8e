package org.ndlp.operations.reporting;

import java.time.LocalDate;
import java.util.Locale;

/**
 * A calendar quarter, the period of one report.
 *
 * @param year the year (2000-2100)
 * @param number the quarter, 1 to 4
 */
record Quarter(int year, int number) implements Comparable<Quarter> {

	Quarter {
		if (year < 2000 || year > 2100) {
			throw new IllegalArgumentException("year must be between 2000 and 2100, got " + year);
		}
		if (number < 1 || number > 4) {
			throw new IllegalArgumentException("quarter must be 1 to 4 (Q1-Q4), got " + number);
		}
	}

	/** Parses a quarter written {@code Q1}..{@code Q4} or {@code 1}..{@code 4}. */
	static Quarter of(int year, String quarter) {
		String digits = (quarter == null) ? "" : quarter.strip().toUpperCase(Locale.ROOT);
		digits = digits.startsWith("Q") ? digits.substring(1) : digits;
		if (!digits.matches("[1-4]")) {
			throw new IllegalArgumentException("quarter must be Q1, Q2, Q3 or Q4, got " + quarter);
		}
		return new Quarter(year, Integer.parseInt(digits));
	}

	/** The quarter a date falls in. */
	static Quarter containing(LocalDate date) {
		return new Quarter(date.getYear(), (date.getMonthValue() + 2) / 3);
	}

	LocalDate start() {
		return LocalDate.of(this.year, (this.number - 1) * 3 + 1, 1);
	}

	LocalDate end() {
		return start().plusMonths(3).minusDays(1);
	}

	Quarter previous() {
		return (this.number == 1) ? new Quarter(this.year - 1, 4) : new Quarter(this.year, this.number - 1);
	}

	/** The day reports of this quarter are due. */
	LocalDate dueOn(int dueDays) {
		return end().plusDays(dueDays);
	}

	/** {@code Q1}..{@code Q4}, as in paths. */
	String label() {
		return "Q" + this.number;
	}

	/** e.g. 2013年第1季度. */
	String nameZh() {
		return this.year + "年第" + this.number + "季度";
	}

	@Override
	public int compareTo(Quarter other) {
		return (this.year != other.year) ? Integer.compare(this.year, other.year)
				: Integer.compare(this.number, other.number);
	}

	@Override
	public String toString() {
		return this.year + " " + label();
	}

}
