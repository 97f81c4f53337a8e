package org.ndlp.oaipmh.web;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.ndlp.oaipmh.internal.OaiProvider;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The OAI-PMH 2.0 base URL (public): GET with a query string or POST with
 * {@code application/x-www-form-urlencoded}, as the protocol requires.
 */
@RestController
@Tag(name = "OAI-PMH")
class OaiPmhEndpoint {

	private final OaiProvider provider;

	OaiPmhEndpoint(OaiProvider provider) {
		this.provider = provider;
	}

	@Operation(summary = "OAI-PMH 2.0 request (verbs Identify, ListMetadataFormats, ListSets, GetRecord, "
			+ "ListIdentifiers, ListRecords)")
	@GetMapping("/oai")
	void get(HttpServletRequest request, HttpServletResponse response) throws IOException {
		respond(request, response);
	}

	@Operation(summary = "OAI-PMH 2.0 request as a form post")
	@PostMapping(path = "/oai", consumes = "application/x-www-form-urlencoded")
	void post(HttpServletRequest request, HttpServletResponse response) throws IOException {
		respond(request, response);
	}

	private void respond(HttpServletRequest request, HttpServletResponse response) throws IOException {
		String base = ServletUriComponentsBuilder.fromCurrentRequestUri().replaceQuery(null).build().toUriString();
		response.setContentType("text/xml;charset=UTF-8");
		try (Writer out = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8),
				1 << 16)) {
			this.provider.respond(request.getParameterMap(), base, out);
		}
	}

}
