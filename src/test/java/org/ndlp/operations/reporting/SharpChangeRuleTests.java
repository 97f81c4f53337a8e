package org.ndlp.operations.reporting;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import org.ndlp.operations.reporting.SharpChangeRule.SharpChange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ndlp.operations.reporting.FiguresTests.figures;

/**
 * A figure that moves by more than ±50% and more than 10 from the previous approved
 * quarter needs a note (the defaults).
 */
class SharpChangeRuleTests {

	private final SharpChangeRule rule = new SharpChangeRule(new BigDecimal("0.5"), BigDecimal.TEN);

	@Test
	void moreThanHalfAgainIsSharp() {
		assertThat(this.rule.isSharp(dec("100"), dec("151"))).isTrue();
		assertThat(this.rule.isSharp(dec("100"), dec("49"))).isTrue();
	}

	@Test
	void exactlyHalfOrLessIsNot() {
		assertThat(this.rule.isSharp(dec("100"), dec("150"))).isFalse();
		assertThat(this.rule.isSharp(dec("100"), dec("50"))).isFalse();
		assertThat(this.rule.isSharp(dec("100"), dec("100"))).isFalse();
	}

	@Test
	void smallAbsoluteSwingsAreNotSharpWhateverThePercentage() {
		assertThat(this.rule.isSharp(dec("2"), dec("12"))).as("+500% but only 10 more").isFalse();
		assertThat(this.rule.isSharp(dec("2"), dec("13"))).isTrue();
		assertThat(this.rule.isSharp(dec("0"), dec("10"))).isFalse();
	}

	@Test
	void risingFromZeroBeyondTheMinimumIsSharp() {
		assertThat(this.rule.isSharp(dec("0"), dec("11"))).isTrue();
	}

	@Test
	void withoutAPreviousValueNothingIsSharp() {
		assertThat(this.rule.isSharp(null, dec("1000"))).isFalse();
		assertThat(this.rule.isSharp(dec("1000"), null)).isFalse();
	}

	@Test
	void listsTheSharpEnteredFiguresWithTheirPercentageAndIgnoresPrefilledOnes() {
		Figures previous = figures(Figure.TRAINEES, "100", Figure.PRESS_REPORTS, "20", Figure.CENTRAL_FUNDS, "0.00");
		Figures current = figures(Figure.TRAINEES, "400", Figure.PRESS_REPORTS, "25", Figure.CENTRAL_FUNDS,
				"1000000.00", Figure.TRAINING_SESSIONS, "50");

		assertThat(this.rule.changes(previous, current)).extracting(SharpChange::figure)
			.containsExactly(Figure.TRAINEES);
		assertThat(this.rule.changes(previous, current).get(0).percent()).isEqualTo(300);
	}

	@Test
	void aFallIsANegativePercentageAndFromZeroHasNone() {
		assertThat(new SharpChange(Figure.TRAINEES, dec("100"), dec("20")).percent()).isEqualTo(-80);
		assertThat(new SharpChange(Figure.TRAINEES, dec("0"), dec("20")).percent()).isNull();
	}

	private static BigDecimal dec(String value) {
		return new BigDecimal(value);
	}

}
