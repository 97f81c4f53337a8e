package org.ndlp.operations.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AssessmentPageTests {

	@Test
	void evidenceLinksLeadToConsolePages() {
		assertThat(AssessmentPage.consoleLink("/api/v1/libraries/CN-440100-GZL/deployment?asOf=2012-12-31"))
			.isEqualTo("/admin/libraries/CN-440100-GZL?asOf=2012-12-31");
		assertThat(AssessmentPage.consoleLink("/api/v1/libraries/CN-440100-GZL"))
			.isEqualTo("/admin/libraries/CN-440100-GZL");
		assertThat(AssessmentPage
			.consoleLink("/api/v1/operations/training-sessions?province=44&from=2012-01-01&to=2012-12-31"))
			.isEqualTo("/admin/operations?province=44");
		assertThat(AssessmentPage.consoleLink("/api/v1/operations/provinces/33/libraries?asOf=2012-12-31"))
			.isEqualTo("/admin/operations?province=33");
		assertThat(AssessmentPage.consoleLink("https://example.org/report")).isEqualTo("https://example.org/report");
	}

}
