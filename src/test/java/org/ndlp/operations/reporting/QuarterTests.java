package org.ndlp.operations.reporting;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Quarters, their ends and their deadlines. */
class QuarterTests {

	@Test
	void aQuarterEndsOnItsLastDayAndIsDueDaysLater() {
		Quarter q1 = Quarter.of(2013, "Q1");
		assertThat(q1.start()).isEqualTo(LocalDate.of(2013, 1, 1));
		assertThat(q1.end()).isEqualTo(LocalDate.of(2013, 3, 31));
		assertThat(q1.dueOn(15)).isEqualTo(LocalDate.of(2013, 4, 15));
		assertThat(Quarter.of(2012, "4").end()).isEqualTo(LocalDate.of(2012, 12, 31));
	}

	@Test
	void thePreviousQuarterOfTheFirstIsTheLastOfTheYearBefore() {
		assertThat(Quarter.of(2013, "q1").previous()).isEqualTo(new Quarter(2012, 4));
		assertThat(new Quarter(2013, 3).previous()).isEqualTo(new Quarter(2013, 2));
	}

	@Test
	void aDateFallsInItsQuarter() {
		assertThat(Quarter.containing(LocalDate.of(2013, 6, 30))).isEqualTo(new Quarter(2013, 2));
		assertThat(Quarter.containing(LocalDate.of(2013, 7, 1))).isEqualTo(new Quarter(2013, 3));
	}

	@Test
	void onlyQ1ToQ4Exist() {
		assertThatIllegalArgumentException().isThrownBy(() -> Quarter.of(2013, "Q5"));
		assertThatIllegalArgumentException().isThrownBy(() -> Quarter.of(2013, "first"));
		assertThatIllegalArgumentException().isThrownBy(() -> new Quarter(1999, 1));
	}

}
