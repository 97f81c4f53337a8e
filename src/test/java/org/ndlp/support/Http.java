package org.ndlp.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain HTTP client for tests that drive NDLP as a script would: JDK client, JSON by
 * hand.
 */
public final class Http {

	/**
	 * The password of every demo account in the test profile (it must pass the password
	 * policy, so it contains none of their usernames).
	 */
	public static final String ADMIN_PASSWORD = "test-staff-password";

	/**
	 * The TOTP secret the test profile gives the demo admin accounts
	 * ({@code ndlp.identity.totp.demo-secret}).
	 */
	public static final String TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

	/** The current TOTP code of the demo admin accounts. */
	public static String totpCode() {
		return org.ndlp.identity.internal.accounts.Totp.code(TOTP_SECRET, java.time.Instant.now());
	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient client = HttpClient.newHttpClient();

	private final String base;

	private final String authorization;

	private Http(String base, String authorization) {
		this.base = base;
		this.authorization = authorization;
	}

	public static Http anonymous(int port) {
		return new Http("http://localhost:" + port, null);
	}

	/** A client signing in with HTTP Basic as the given demo staff account. */
	public static Http as(int port, String username) {
		return as(port, username, ADMIN_PASSWORD);
	}

	public static Http as(int port, String username, String password) {
		String token = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
		return new Http("http://localhost:" + port, "Basic " + token);
	}

	/** A client sending {@code Authorization: Bearer <token>}. */
	public static Http bearer(int port, String token) {
		return new Http("http://localhost:" + port, "Bearer " + token);
	}

	public Response get(String path) {
		return send(request(path).GET());
	}

	public Response post(String path, String json) {
		return send(request(path).header("Content-Type", "application/json").POST(BodyPublishers.ofString(json)));
	}

	public Response put(String path, String json) {
		return send(request(path).header("Content-Type", "application/json").PUT(BodyPublishers.ofString(json)));
	}

	public Response put(String path, String contentType, byte[] body) {
		return send(request(path).header("Content-Type", contentType).PUT(BodyPublishers.ofByteArray(body)));
	}

	public Response patch(String path, String json) {
		return send(request(path).header("Content-Type", "application/json")
			.method("PATCH", BodyPublishers.ofString(json)));
	}

	public Response delete(String path) {
		return send(request(path).DELETE());
	}

	/** Uploads one file as multipart/form-data field {@code file}. */
	/**
	 * Sends MARCXML as an ingest job of a library and waits until the job is COMPLETED
	 * with no rejection (fails on FAILED, a rejection or after a minute).
	 */
	public void ingest(String library, String marcxml) throws InterruptedException {
		Response response = upload("/api/v1/ingest-jobs?library=" + library, "records.xml", "application/xml",
				marcxml.getBytes(StandardCharsets.UTF_8));
		if (response.status() != 202) {
			throw new AssertionError("ingest job not accepted: " + response);
		}
		long job = response.json().get("id").asLong();
		for (int i = 0; i < 600; i++) {
			JsonNode state = get("/api/v1/ingest-jobs/" + job).json();
			String status = state.get("status").asString();
			if (status.equals("COMPLETED")) {
				if (state.get("rejected").asLong() != 0) {
					throw new AssertionError("ingest job " + job + " rejected records: " + state);
				}
				return;
			}
			if (status.equals("FAILED")) {
				throw new AssertionError("ingest job " + job + " failed: " + state);
			}
			Thread.sleep(100);
		}
		throw new AssertionError("ingest job " + job + " did not finish");
	}

	public Response upload(String path, String fileName, String contentType, byte[] content) {
		String boundary = "ndlp" + UUID.randomUUID();
		byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: " + contentType + "\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		BodyPublisher body = BodyPublishers.concat(BodyPublishers.ofByteArray(head),
				BodyPublishers.ofByteArray(content), BodyPublishers.ofByteArray(tail));
		return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary).POST(body));
	}

	private HttpRequest.Builder request(String path) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(this.base + path));
		if (this.authorization != null) {
			builder.header("Authorization", this.authorization);
		}
		return builder;
	}

	private Response send(HttpRequest.Builder builder) {
		try {
			HttpResponse<byte[]> response = this.client.send(builder.build(), BodyHandlers.ofByteArray());
			return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
					response.headers().firstValue("Location").orElse(null), response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A response.
	 *
	 * @param status the status code
	 * @param contentType the Content-Type header
	 * @param location the Location header
	 * @param bytes the body
	 */
	public record Response(int status, String contentType, String location, byte[] bytes) {

		public String text() {
			return new String(this.bytes, StandardCharsets.UTF_8);
		}

		public JsonNode json() {
			return JSON.readTree(this.bytes);
		}

		@Override
		public String toString() {
			return this.status + " " + this.contentType + " " + text();
		}

	}

}
