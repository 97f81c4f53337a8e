package org.ndlp.support;

import tools.jackson.databind.JsonNode;

import org.ndlp.support.Http.Response;

import static org.assertj.core.api.Assertions.assertThat;

/** Assertions on RFC 9457 problem responses. */
public final class Problems {

	private Problems() {
	}

	/**
	 * The response is problem+json with this status, a detail, and (when given) names the
	 * field.
	 */
	public static void assertProblem(Response response, int status, String field) {
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		assertThat(response.contentType()).startsWith("application/problem+json");
		JsonNode body = response.json();
		assertThat(body.get("status").asInt()).isEqualTo(status);
		assertThat(body.get("detail").asString()).isNotBlank();
		if (field != null) {
			assertThat(body.get("field").asString()).isEqualTo(field);
		}
	}

}
