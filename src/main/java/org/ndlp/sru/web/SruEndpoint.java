package org.ndlp.sru.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.ndlp.sru.internal.SruServer;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The SRU 1.2 / 2.0 base URL (public): GET with a query string, or POST with
 * {@code application/x-www-form-urlencoded} (SRU over HTTP POST). Diagnostics are part of
 * the XML answer, with HTTP status 200, as SRU clients expect.
 */
@RestController
@Tag(name = "SRU")
class SruEndpoint {

	private final SruServer server;

	SruEndpoint(SruServer server) {
		this.server = server;
	}

	@Operation(summary = "SRU request: explain (default) or searchRetrieve with a CQL query; versions 1.1, 1.2, 2.0")
	@GetMapping("/sru")
	void get(HttpServletRequest request, HttpServletResponse response) throws IOException {
		respond(request, response);
	}

	@Operation(summary = "SRU request as a form post")
	@PostMapping(path = "/sru", consumes = "application/x-www-form-urlencoded")
	void post(HttpServletRequest request, HttpServletResponse response) throws IOException {
		respond(request, response);
	}

	private void respond(HttpServletRequest request, HttpServletResponse response) throws IOException {
		String body = this.server.respond(request.getParameterMap(), new SruServer.Location(request.getServerName(),
				request.getServerPort(), request.getRequestURI().replaceFirst("^/", "")));
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		response.setContentType("text/xml;charset=UTF-8");
		response.setContentLength(bytes.length);
		response.getOutputStream().write(bytes);
	}

}
