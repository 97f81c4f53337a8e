package org.ndlp.operations.reporting;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How a province's and the nation's reports sum the reports below them. */
class FiguresTests {

	@Test
	void aProvinceSumsItsOwnFiguresAndItsApprovedCityReports() {
		Figures province = figures(Figure.TRAINEES, "40", Figure.CENTRAL_FUNDS, "1000000.00", Figure.VPN_CONNECTED,
				"1");
		Figures guangzhou = figures(Figure.TRAINEES, "120", Figure.CENTRAL_FUNDS, "250000.50", Figure.VPN_CONNECTED,
				"1");
		Figures shenzhen = figures(Figure.TRAINEES, "80", Figure.VPN_CONNECTED, "0");

		Figures total = province.plus(Figures.sum(List.of(guangzhou, shenzhen)));

		assertThat(total.get(Figure.TRAINEES)).isEqualByComparingTo("240");
		assertThat(total.get(Figure.CENTRAL_FUNDS)).isEqualByComparingTo("1250000.50");
		assertThat(total.get(Figure.VPN_CONNECTED)).as("libraries on the VPN").isEqualByComparingTo("2");
	}

	@Test
	void aFigureMissingEverywhereStaysMissingAndMissingOnOneSideCountsAsZero() {
		Figures total = figures(Figure.TRAINEES, "5").plus(figures(Figure.PRESS_REPORTS, "2"));

		assertThat(total.get(Figure.TRAINEES)).isEqualByComparingTo("5");
		assertThat(total.get(Figure.PRESS_REPORTS)).isEqualByComparingTo("2");
		assertThat(total.get(Figure.TRAINING_SESSIONS)).isNull();
		assertThat(total.valueOf(Figure.TRAINING_SESSIONS)).isEqualByComparingTo("0");
	}

	@Test
	void theNationSumsProvincialTotalsThatAlreadyHoldTheirCities() {
		Figures guangdong = figures(Figure.CATALOG_RECORDS_SENT, "5000")
			.plus(figures(Figure.CATALOG_RECORDS_SENT, "7000"));
		Figures zhejiang = figures(Figure.CATALOG_RECORDS_SENT, "3000");
		Figures nlc = figures(Figure.CATALOG_RECORDS_SENT, "100000");

		Figures nation = nlc.plus(Figures.sum(List.of(guangdong, zhejiang)));

		assertThat(nation.get(Figure.CATALOG_RECORDS_SENT)).isEqualByComparingTo("115000");
	}

	@Test
	void summingNothingGivesNoFigures() {
		assertThat(Figures.sum(List.of()).values()).isEmpty();
	}

	@Test
	void onlyKeepsTheChosenFiguresAndJsonUsesTheKeysInFigureOrder() {
		Figures all = figures(Figure.TRAINEES, "3", Figure.HARDWARE_STANDARD, "1");

		assertThat(all.only((figure) -> !figure.prefilled()).values()).containsOnlyKeys(Figure.TRAINEES);
		assertThat(all.byKey()).containsExactly(Map.entry("hardwareStandard", new BigDecimal("1")),
				Map.entry("trainees", new BigDecimal("3")));
	}

	static Figures figures(Object... pairs) {
		java.util.Map<Figure, BigDecimal> values = new java.util.EnumMap<>(Figure.class);
		for (int i = 0; i < pairs.length; i += 2) {
			values.put((Figure) pairs[i], new BigDecimal((String) pairs[i + 1]));
		}
		return new Figures(values);
	}

}
