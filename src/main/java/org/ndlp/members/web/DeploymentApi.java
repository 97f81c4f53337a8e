package org.ndlp.members.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.ndlp.members.DeploymentEvent;
import org.ndlp.members.DeploymentHistory;
import org.ndlp.members.DeploymentState;
import org.ndlp.members.DeploymentSummary;
import org.ndlp.members.NewDeploymentEvent;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Deployment history over REST: any signed-in staff member reads; staff whose role covers
 * the library append events. Events are never changed: a correction is an EVENT_VOIDED
 * event.
 */
@RestController
@Tag(name = "Deployment (部署情况)")
class DeploymentApi {

	private final DeploymentHistory history;

	DeploymentApi(DeploymentHistory history) {
		this.history = history;
	}

	@GetMapping("/api/v1/libraries/{code}/deployment")
	@Operation(summary = "A library's deployment state on a date (default today)")
	DeploymentState state(@PathVariable String code,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
		return this.history.stateOf(LibraryApi.code(code), (asOf != null) ? asOf : LocalDate.now());
	}

	@GetMapping("/api/v1/libraries/{code}/deployment/events")
	@Operation(summary = "A library's deployment events, oldest first")
	List<DeploymentEvent> events(@PathVariable String code) {
		return this.history.events(LibraryApi.code(code));
	}

	@PostMapping("/api/v1/libraries/{code}/deployment/events")
	@Operation(summary = "Record a deployment event", description = "Staff whose role covers the library.")
	ResponseEntity<DeploymentEvent> record(@PathVariable String code, @RequestBody NewDeploymentEvent event) {
		DeploymentEvent recorded = this.history.record(LibraryApi.code(code), event, LibraryApi.user());
		return ResponseEntity
			.created(URI.create("/api/v1/libraries/" + recorded.library() + "/deployment/events/" + recorded.id()))
			.body(recorded);
	}

	@GetMapping("/api/v1/deployment/summary")
	@Operation(summary = "Deployment counts by level and province on a date (default today)")
	DeploymentSummary summary(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
		return this.history.summary((asOf != null) ? asOf : LocalDate.now());
	}

}
