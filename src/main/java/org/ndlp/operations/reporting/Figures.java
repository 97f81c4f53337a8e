package org.ndlp.operations.reporting;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The figures of a report, each possibly missing; sums are how provinces and the nation
 * aggregate.
 *
 * @param values figure values (no nulls)
 */
public record Figures(Map<Figure, BigDecimal> values) {

	static final Figures NONE = new Figures(Map.of());

	public Figures {
		EnumMap<Figure, BigDecimal> copy = new EnumMap<>(Figure.class);
		values.forEach((figure, value) -> {
			if (value != null) {
				copy.put(figure, value);
			}
		});
		values = Collections.unmodifiableMap(copy);
	}

	/** The value, or {@code null} when missing. */
	public BigDecimal get(Figure figure) {
		return this.values.get(figure);
	}

	/** The value, missing counting as zero. */
	BigDecimal valueOf(Figure figure) {
		return this.values.getOrDefault(figure, BigDecimal.ZERO);
	}

	/**
	 * Adds figure by figure; a figure missing on one side counts as zero, missing on both
	 * stays missing.
	 */
	Figures plus(Figures other) {
		EnumMap<Figure, BigDecimal> sum = new EnumMap<>(Figure.class);
		sum.putAll(this.values);
		other.values.forEach((figure, value) -> sum.merge(figure, value, BigDecimal::add));
		return new Figures(sum);
	}

	/** The sum of several reports' figures. */
	static Figures sum(Collection<Figures> all) {
		Figures total = NONE;
		for (Figures figures : all) {
			total = total.plus(figures);
		}
		return total;
	}

	/** Only the figures that pass the filter. */
	Figures only(Predicate<Figure> filter) {
		EnumMap<Figure, BigDecimal> kept = new EnumMap<>(Figure.class);
		this.values.forEach((figure, value) -> {
			if (filter.test(figure)) {
				kept.put(figure, value);
			}
		});
		return new Figures(kept);
	}

	/** Values by key in figure order, e.g. {@code {"trainees": 120}}. */
	@JsonValue
	public Map<String, BigDecimal> byKey() {
		Map<String, BigDecimal> map = new LinkedHashMap<>();
		this.values.forEach((figure, value) -> map.put(figure.key(), value));
		return map;
	}

}
