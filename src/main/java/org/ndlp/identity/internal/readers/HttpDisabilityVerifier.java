package org.ndlp.identity.internal.readers;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.ndlp.identity.DisabilityCertificateNumber;
import org.ndlp.identity.DisabilityStatus;
import org.ndlp.identity.DisabilityVerifier;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Asks a disabled-persons database over HTTP (ADR 0022): {@code POST} of
 * {@code {"certificateNumber","idNumber","category","level","name"}} as JSON to
 * {@code ndlp.identity.disability.url}, answered by
 * {@code {"result":"VERIFIED"|"REJECTED","message":"…"}}. Anything else (a timeout, a
 * 5xx, an unreadable body) leaves the reader pending, never verified.
 */
@Component
@ConditionalOnProperty("ndlp.identity.disability.url")
class HttpDisabilityVerifier implements DisabilityVerifier {

	private static final Logger log = LoggerFactory.getLogger(HttpDisabilityVerifier.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final DisabilityProperties properties;

	private final HttpClient client;

	HttpDisabilityVerifier(DisabilityProperties properties) {
		this.properties = properties;
		this.client = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
	}

	@Override
	public Verdict verify(DisabilityCertificateNumber certificate, String name) {
		Map<String, Object> request = new LinkedHashMap<>();
		request.put("certificateNumber", certificate.value());
		request.put("idNumber", certificate.idNumber().value());
		request.put("category", certificate.category());
		request.put("level", certificate.level());
		request.put("name", name);
		HttpRequest.Builder http = HttpRequest.newBuilder(this.properties.url())
			.timeout(this.properties.timeout())
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(request), StandardCharsets.UTF_8));
		if (!this.properties.token().isBlank()) {
			http.header("Authorization", "Bearer " + this.properties.token());
		}
		try {
			HttpResponse<String> response = this.client.send(http.build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			if (response.statusCode() != 200) {
				return unavailable("the verifier answered HTTP " + response.statusCode());
			}
			JsonNode body = JSON.readTree(response.body());
			String result = body.path("result").asString("");
			String message = body.path("message").asString(null);
			return switch (result) {
				case "VERIFIED" -> new Verdict(DisabilityStatus.VERIFIED, message);
				case "REJECTED" -> new Verdict(DisabilityStatus.REJECTED, message);
				default -> unavailable("the verifier gave no result (VERIFIED or REJECTED)");
			};
		}
		catch (IOException | JacksonException ex) {
			return unavailable("the verifier could not be reached: " + ex.getClass().getSimpleName());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return unavailable("interrupted while asking the verifier");
		}
	}

	private static Verdict unavailable(String note) {
		log.warn("Disability verifier: {}; the reader stays pending", note);
		return new Verdict(DisabilityStatus.PENDING, note);
	}

}
