package org.ndlp.oaipmh.web;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.ndlp.oaipmh.HarvestFailure;
import org.ndlp.oaipmh.HarvestSource;
import org.ndlp.oaipmh.HarvestSourceDraft;
import org.ndlp.oaipmh.HarvestSources;
import org.ndlp.shared.security.CurrentUser;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * OAI-PMH harvest sources: admins of the library, its province or the nation (library
 * admins and above); cataloguers get 403.
 */
@RestController
@RequestMapping("/api/v1/harvest-sources")
@Tag(name = "OAI-PMH harvesting")
class HarvestSourceApi {

	private final HarvestSources sources;

	HarvestSourceApi(HarvestSources sources) {
		this.sources = sources;
	}

	@GetMapping
	@Operation(summary = "The sources of the libraries you administer, with each one's health")
	List<HarvestSource> list() {
		return this.sources.list(CurrentUser.require());
	}

	@PostMapping
	@Operation(summary = "Add a member library's OAI-PMH repository (a MARCXML format)")
	ResponseEntity<HarvestSource> create(@RequestBody HarvestSourceDraft draft) {
		HarvestSource source = this.sources.create(draft, CurrentUser.require());
		return ResponseEntity.created(URI.create("/api/v1/harvest-sources/" + source.id())).body(source);
	}

	@GetMapping("/{id}")
	@Operation(summary = "A source: settings, last run, counts and error")
	HarvestSource get(@PathVariable long id) {
		return this.sources.get(id, CurrentUser.require());
	}

	@PutMapping("/{id}")
	@Operation(summary = "Change a source's URL, format, set, interval or enabled flag")
	HarvestSource update(@PathVariable long id, @RequestBody HarvestSourceDraft draft) {
		return this.sources.update(id, draft, CurrentUser.require());
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Remove a source (its harvested records stay in the catalog)")
	ResponseEntity<Void> delete(@PathVariable long id) {
		this.sources.delete(id, CurrentUser.require());
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/{id}/run")
	@Operation(summary = "Harvest now and answer when the run ends (409 while another run holds the source)")
	HarvestSource run(@PathVariable long id) {
		return this.sources.runNow(id, CurrentUser.require());
	}

	@GetMapping("/{id}/failures")
	@Operation(summary = "Records of the current or last run that could not be stored")
	List<HarvestFailure> failures(@PathVariable long id, @RequestParam(defaultValue = "200") int limit) {
		return this.sources.failures(id, limit, CurrentUser.require());
	}

}
