package org.ndlp.search.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ndlp.search.CatalogSearch;
import org.ndlp.search.SearchRequest;
import org.ndlp.search.SearchResults;
import org.ndlp.search.internal.SearchIndexer;
import org.ndlp.shared.problem.InvalidInput;
import org.ndlp.shared.problem.OutOfScope;
import org.ndlp.shared.security.CurrentUser;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Wenjin search over REST. Searching and suggestions are public; the index status is for
 * signed-in staff; a full reindex is for national admins.
 */
@RestController
@RequestMapping("/api/v1/search")
class SearchApi {

	private final CatalogSearch search;

	private final SearchIndexer indexer;

	SearchApi(CatalogSearch search, SearchIndexer indexer) {
		this.search = search;
		this.indexer = indexer;
	}

	/**
	 * One page of hits; the {@code Server-Timing} header gives Solr's own time
	 * ({@code solr;dur=…} in ms), which browsers' developer tools and the query bench
	 * show next to the whole request's.
	 */
	@GetMapping
	ResponseEntity<SearchResults> search(@RequestParam(required = false) String q,
			@RequestParam(required = false) String title, @RequestParam(required = false) String creator,
			@RequestParam(required = false) String isbn, @RequestParam(required = false) String publisher,
			@RequestParam(required = false) String subject, @RequestParam(required = false) String clc,
			@RequestParam(required = false) List<String> filter, @RequestParam(required = false) String sort,
			@RequestParam(required = false) Integer page, @RequestParam(defaultValue = "20") int size,
			@RequestParam(required = false) String cursor) {
		Map<String, String> fields = new LinkedHashMap<>();
		put(fields, "title", title);
		put(fields, "creator", creator);
		put(fields, "isbn", isbn);
		put(fields, "publisher", publisher);
		put(fields, "subject", subject);
		put(fields, "clc", clc);
		if (q != null && q.length() > 1000) {
			throw new InvalidInput("q", "the query is longer than 1000 characters");
		}
		SearchResults results = this.search.search(new SearchRequest(q, fields, filter, sort, page, size, cursor));
		return ResponseEntity.ok().header("Server-Timing", "solr;dur=" + results.solrTime()).body(results);
	}

	@GetMapping("/suggest")
	List<Map<String, String>> suggest(@RequestParam String q, @RequestParam(defaultValue = "10") int size) {
		if (size < 1 || size > 50) {
			throw new InvalidInput("size", "size must be 1 to 50");
		}
		return this.search.suggest(q, size);
	}

	@GetMapping("/status")
	SearchIndexer.Status status() {
		return this.indexer.status();
	}

	@PostMapping("/reindex")
	@ResponseStatus(HttpStatus.ACCEPTED)
	SearchIndexer.Reindex reindex() {
		if (!CurrentUser.require().isNationalAdmin()) {
			throw new OutOfScope("only national admins may rebuild the search index");
		}
		return this.indexer.startReindex();
	}

	@GetMapping("/reindex")
	SearchIndexer.Reindex reindexProgress() {
		SearchIndexer.Reindex progress = this.indexer.status().reindex();
		if (progress == null) {
			throw new org.ndlp.shared.problem.NotFound("no reindex has run since start-up");
		}
		return progress;
	}

	private static void put(Map<String, String> fields, String name, String value) {
		if (value != null && !value.isBlank()) {
			fields.put(name, value);
		}
	}

}
