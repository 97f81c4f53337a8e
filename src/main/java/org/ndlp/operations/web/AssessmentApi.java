package org.ndlp.operations.web;

import java.math.BigDecimal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.ndlp.operations.AssessmentResult;
import org.ndlp.operations.AssessmentRubric;
import org.ndlp.operations.Assessments;
import org.ndlp.operations.Assessments.WhatIf;
import org.ndlp.shared.LibraryCode;
import org.ndlp.shared.problem.InvalidInput;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Assessment and grading (评估定级) over REST. */
@RestController
@RequestMapping("/api/v1/operations/assessments")
@Tag(name = "Operations (运行管理)")
class AssessmentApi {

	private final Assessments assessments;

	AssessmentApi(Assessments assessments) {
		this.assessments = assessments;
	}

	@GetMapping("/rubric")
	@Operation(summary = "The rubric: 9 indicators, 40 points, weights per level", description = "Any staff member.")
	AssessmentRubric rubric() {
		return this.assessments.rubric();
	}

	@GetMapping("/{round}/libraries/{code}")
	@Operation(summary = "A library's assessment for a round (year), with the evidence behind each score",
			description = "The library's own staff and admins whose scope covers it.")
	AssessmentResult assess(@PathVariable int round, @PathVariable String code) {
		return this.assessments.assess(code(code), round, OperationsApi.user());
	}

	@PostMapping("/{round}/libraries/{code}/what-if")
	@Operation(summary = "The assessment if the evidence were changed; nothing is stored",
			description = "As for reading the assessment.")
	AssessmentResult whatIf(@PathVariable int round, @PathVariable String code, @RequestBody WhatIf change) {
		return this.assessments.whatIf(code(code), round, change, OperationsApi.user());
	}

	@PutMapping("/{round}/libraries/{code}/scores/{criterion}")
	@Operation(summary = "An assessor's score for a criterion the platform cannot judge",
			description = "National admins, or the provincial admin of the library's province.")
	AssessmentResult score(@PathVariable int round, @PathVariable String code, @PathVariable String criterion,
			@RequestBody ManualScore score) {
		return this.assessments.score(code(code), round, criterion, score.points(), score.note(), score.evidenceUrl(),
				OperationsApi.user());
	}

	/**
	 * An assessor's score.
	 *
	 * @param points the points, from 0 to the criterion's maximum for the library's level
	 * @param note why
	 * @param evidenceUrl where the evidence is
	 */
	record ManualScore(BigDecimal points, String note, String evidenceUrl) {
	}

	private static LibraryCode code(String value) {
		try {
			return LibraryCode.of(value);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInput("code", ex.getMessage());
		}
	}

}
