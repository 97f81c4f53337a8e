package org.ndlp.identity;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A cookie-keeping HTTP client that posts console forms with the CSRF token of the last
 * page it read, from a chosen client address ({@code X-Forwarded-For}, which NDLP honours
 * behind its proxy), so sign-in limits per address can be tested apart.
 */
final class FormClient {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final CookieManager cookies = new CookieManager();

	private final HttpClient client = HttpClient.newBuilder().cookieHandler(this.cookies).build();

	private final String base;

	private final String address;

	private String lastPage = "";

	FormClient(int port, String address) {
		this.base = "http://localhost:" + port;
		this.address = address;
	}

	HttpResponse<String> get(String path) {
		HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(this.base + path)).GET());
		this.lastPage = response.body();
		return response;
	}

	/** Posts a form with the CSRF token of the last page read. */
	HttpResponse<String> post(String path, Map<String, String> fields) {
		Matcher token = CSRF.matcher(this.lastPage);
		Map<String, String> all = new LinkedHashMap<>(fields);
		if (token.find()) {
			all.put("_csrf", token.group(1));
		}
		return postRaw(path, all);
	}

	/** Posts a form as given (no CSRF token added). */
	HttpResponse<String> postRaw(String path, Map<String, String> fields) {
		String body = fields.entrySet()
			.stream()
			.map((entry) -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
			.collect(Collectors.joining("&"));
		HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(BodyPublishers.ofString(body)));
		if (response.statusCode() == 200) {
			this.lastPage = response.body();
		}
		return response;
	}

	/** Reads the sign-in page and posts username and password. */
	HttpResponse<String> signIn(String username, String password) {
		get("/login");
		return post("/login", Map.of("username", username, "password", password));
	}

	String sessionId() {
		return this.cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter((cookie) -> cookie.getName().equals("JSESSIONID"))
			.map(HttpCookie::getValue)
			.findFirst()
			.orElse(null);
	}

	static String location(HttpResponse<String> response) {
		return response.headers().firstValue("Location").orElse("");
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.client.send(request.header("X-Forwarded-For", this.address).build(),
					BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

}
