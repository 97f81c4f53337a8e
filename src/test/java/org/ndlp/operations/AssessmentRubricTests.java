package org.ndlp.operations;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.ndlp.members.LibraryLevel;
import org.ndlp.members.SoftwareSystem;
import org.ndlp.operations.AssessmentRubric.Criterion;
import org.ndlp.operations.AssessmentRubric.Indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The shipped rubric and its scoring, without Spring: scores follow from evidence and
 * rubric alone.
 */
class AssessmentRubricTests {

	private final AssessmentRubric rubric = shipped();

	@Test
	void shippedRubricHasNineIndicatorsWorthFortyPointsForEachLevel() {
		assertThat(this.rubric.indicators()).extracting(Indicator::nameZh)
			.containsExactly("经费投入", "制度建设与管理", "专门机构和专职人员", "基础平台建设", "资源建设", "信息服务", "人员培训", "宣传推广", "标准规范建设");
		for (LibraryLevel level : AssessmentRubric.LEVELS) {
			assertThat(total(level, full())).as(level + " full marks").isEqualByComparingTo("40");
		}
	}

	@Test
	void scoresFollowFromTheEvidence() {
		AssessmentEvidence city = new AssessmentEvidence(new BigDecimal("600000"), new BigDecimal("300000"), true, true,
				false, Set.of(SoftwareSystem.UNIFIED_AUTHENTICATION), null, 1, 1, 2,
				Map.of("RULES_DOCUMENTS", new BigDecimal("1.5")));
		// central 2 + local 0 (less than central) + contact 1 + rules 1.5 + hardware 3 +
		// vpn 0
		// + systems 2 x 1/3 + county 1 x 1/3 + unified auth 2 + training 2 x 1/2 + press
		// 2 x 2/4
		assertThat(total(LibraryLevel.CITY, city)).isEqualByComparingTo("12.50");
		assertThat(total(LibraryLevel.CITY, city)).as("same evidence, same score")
			.isEqualByComparingTo(total(LibraryLevel.CITY, city));
	}

	@Test
	void provincialLibrariesAreJudgedOnTheirProvinceAndCitiesOnTheirCounties() {
		Criterion province = this.rubric.criterion("PLATFORM_PROVINCE");
		Criterion county = this.rubric.criterion("PLATFORM_COUNTY");
		AssessmentEvidence evidence = new AssessmentEvidence(BigDecimal.ZERO, BigDecimal.ZERO, false, false, false,
				Set.of(), new BigDecimal("0.5"), 6, 0, 0, Map.of());
		assertThat(this.rubric.score(province, LibraryLevel.PROVINCIAL, evidence)).isEqualByComparingTo("1.00");
		assertThat(this.rubric.score(province, LibraryLevel.CITY, evidence)).isEqualByComparingTo("0");
		assertThat(this.rubric.score(county, LibraryLevel.CITY, evidence)).as("capped at full points")
			.isEqualByComparingTo("1.00");
		assertThat(this.rubric.score(county, LibraryLevel.PROVINCIAL, evidence)).isEqualByComparingTo("0");
	}

	@Test
	void aRubricThatDoesNotAddUpToFortyIsRefused() {
		String json = "{\"name\":\"x\",\"totalPoints\":40,\"note\":\"\",\"indicators\":[{\"id\":\"A\",\"nameZh\":\"a\","
				+ "\"nameEn\":\"a\",\"criteria\":[{\"id\":\"A1\",\"nameZh\":\"a\",\"rule\":\"MANUAL\","
				+ "\"points\":{\"PROVINCIAL\":39,\"CITY\":40}}]}]}";
		assertThatIllegalStateException()
			.isThrownBy(() -> AssessmentRubric.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))))
			.withMessageContaining("9 secondary indicators")
			.withMessageContaining("PROVINCIAL criteria add up to 39");
	}

	private BigDecimal total(LibraryLevel level, AssessmentEvidence evidence) {
		BigDecimal total = BigDecimal.ZERO;
		for (Indicator indicator : this.rubric.indicators()) {
			for (Criterion criterion : indicator.criteria()) {
				total = total.add(this.rubric.score(criterion, level, evidence));
			}
		}
		return total;
	}

	private AssessmentEvidence full() {
		Map<String, BigDecimal> manual = new java.util.HashMap<>();
		for (Indicator indicator : this.rubric.indicators()) {
			for (Criterion criterion : indicator.criteria()) {
				if (criterion.manual()) {
					manual.put(criterion.id(), new BigDecimal("100"));
				}
			}
		}
		return new AssessmentEvidence(new BigDecimal("2000000"), new BigDecimal("2000000"), true, true, true,
				Set.of(SoftwareSystem.values()), BigDecimal.ONE, 3, 10, 20, manual);
	}

	private static AssessmentRubric shipped() {
		try (InputStream in = AssessmentRubricTests.class.getResourceAsStream("/operations/assessment-rubric.json")) {
			return AssessmentRubric.read(in);
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
