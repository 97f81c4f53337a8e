package org.ndlp.search.internal;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The 22 top classes of the Chinese Library Classification (中图法, 5th edition). */
final class ClcClasses {

	static final Map<String, String> TOP = Map.ofEntries(Map.entry("A", "马克思主义、列宁主义、毛泽东思想、邓小平理论"),
			Map.entry("B", "哲学、宗教"), Map.entry("C", "社会科学总论"), Map.entry("D", "政治、法律"), Map.entry("E", "军事"),
			Map.entry("F", "经济"), Map.entry("G", "文化、科学、教育、体育"), Map.entry("H", "语言、文字"), Map.entry("I", "文学"),
			Map.entry("J", "艺术"), Map.entry("K", "历史、地理"), Map.entry("N", "自然科学总论"), Map.entry("O", "数理科学和化学"),
			Map.entry("P", "天文学、地球科学"), Map.entry("Q", "生物科学"), Map.entry("R", "医药、卫生"), Map.entry("S", "农业科学"),
			Map.entry("T", "工业技术"), Map.entry("U", "交通运输"), Map.entry("V", "航空、航天"), Map.entry("X", "环境科学、安全科学"),
			Map.entry("Z", "综合性图书"));

	private ClcClasses() {
	}

	/** The top class of a CLC number ({@code I247.5} to {@code I}), if it has one. */
	static Optional<String> topClass(String clc) {
		if (clc == null || clc.isBlank()) {
			return Optional.empty();
		}
		String letter = clc.strip().substring(0, 1).toUpperCase(Locale.ROOT);
		return TOP.containsKey(letter) ? Optional.of(letter) : Optional.empty();
	}

	/** The Chinese name of a top class, or {@code null}. */
	static String name(String topClass) {
		return TOP.get(topClass);
	}

}
