package org.ndlp.identity;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A cookie-keeping HTTP client that does what a browser does in an OIDC sign-in, one
 * redirect at a time, so a test can stop at the client's redirect URI.
 */
final class OidcBrowser {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

	private final HttpClient client = HttpClient.newBuilder()
		.cookieHandler(this.cookies)
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	HttpResponse<String> get(String url) {
		return send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").GET());
	}

	HttpResponse<String> postForm(String url, List<Map.Entry<String, String>> fields) {
		String body = fields.stream()
			.map((field) -> enc(field.getKey()) + "=" + enc(field.getValue()))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "text/html")
			.POST(BodyPublishers.ofString(body)));
	}

	/**
	 * Follows redirects from {@code url} until one leaves for {@code stopAt} or a page
	 * answers; signs in on {@code /login} on the way.
	 */
	HttpResponse<String> follow(String url, String stopAt, String username, String password) {
		HttpResponse<String> response = get(url);
		for (int hops = 0; hops < 10; hops++) {
			String location = response.headers().firstValue("Location").orElse(null);
			if (response.statusCode() / 100 != 3 || location == null || location.startsWith(stopAt)) {
				return response;
			}
			URI next = response.uri().resolve(location);
			response = get(next.toString());
			if (response.statusCode() == 200 && next.getPath().equals("/login")) {
				response = postForm(next.resolve("/login").toString(), List.of(Map.entry("username", username),
						Map.entry("password", password), Map.entry("_csrf", csrf(response.body()))));
			}
		}
		throw new IllegalStateException("too many redirects from " + url);
	}

	/** The session cookie for a host, to show it to another node. */
	String cookieHeader(String url) {
		return this.cookies.getCookieStore()
			.get(URI.create(url))
			.stream()
			.map((cookie) -> cookie.getName() + "=" + cookie.getValue())
			.collect(Collectors.joining("; "));
	}

	static String csrf(String html) {
		Matcher matcher = CSRF.matcher(html);
		if (!matcher.find()) {
			throw new IllegalStateException("no CSRF token in the page");
		}
		return matcher.group(1);
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.client.send(request.build(), BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
