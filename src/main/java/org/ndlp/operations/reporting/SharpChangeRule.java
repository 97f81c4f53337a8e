package org.ndlp.operations.reporting;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * When a figure the library enters moves sharply from the previous quarter's approved
 * report, the library must explain it in a note before submitting.
 *
 * @param ratio a change of more than this share of the previous value is sharp (0.5 =
 * ±50%)
 * @param minimum ... provided it is also more than this absolute amount
 */
record SharpChangeRule(BigDecimal ratio, BigDecimal minimum) {

	/** Whether going from {@code previous} to {@code current} is a sharp change. */
	boolean isSharp(BigDecimal previous, BigDecimal current) {
		if (previous == null || current == null) {
			return false;
		}
		BigDecimal change = current.subtract(previous).abs();
		// small numbers swing easily: 2 → 4 sessions is +100% but nothing to explain
		if (change.compareTo(this.minimum) <= 0) {
			return false;
		}
		return previous.signum() == 0 || change.compareTo(previous.abs().multiply(this.ratio)) > 0;
	}

	/**
	 * The sharp changes among the entered figures, in figure order. Prefilled figures are
	 * left out: they come from the platform's own records, and money arrives in lumps.
	 */
	List<SharpChange> changes(Figures previous, Figures current) {
		List<SharpChange> changes = new ArrayList<>();
		for (Figure figure : Figure.values()) {
			if (!figure.prefilled() && isSharp(previous.get(figure), current.get(figure))) {
				changes.add(new SharpChange(figure, previous.get(figure), current.get(figure)));
			}
		}
		return changes;
	}

	/**
	 * A figure that moved sharply.
	 *
	 * @param figure the figure
	 * @param previous its value in the previous quarter's approved report
	 * @param current its value now
	 */
	record SharpChange(Figure figure, BigDecimal previous, BigDecimal current) {

		/** The change as a whole percentage of the previous value, or null from zero. */
		Integer percent() {
			if (this.previous.signum() == 0) {
				return null;
			}
			return this.current.subtract(this.previous)
				.multiply(BigDecimal.valueOf(100))
				.divide(this.previous.abs(), 0, java.math.RoundingMode.HALF_UP)
				.intValue();
		}

	}

}
