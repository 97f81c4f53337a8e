package org.ndlp.portal;

import java.util.List;

import org.ndlp.search.CatalogSearch;
import org.ndlp.search.SearchRequest;
import org.ndlp.search.SearchResults;
import org.ndlp.search.SearchUnavailable;
import org.ndlp.shared.problem.InvalidInput;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The Wenjin search page of the reader portal: the search box and results with facets at
 * {@code /} (record pages: {@link RecordPage}).
 */
@Controller
class HomePage {

	private final CatalogSearch search;

	HomePage(CatalogSearch search) {
		this.search = search;
	}

	@GetMapping("/")
	String home(@RequestParam(required = false) String q, @RequestParam(required = false) List<String> filter,
			@RequestParam(required = false) String sort, @RequestParam(defaultValue = "1") int page, Model model) {
		model.addAttribute("q", q);
		model.addAttribute("filters", (filter != null) ? filter : List.of());
		model.addAttribute("sort", (sort != null) ? sort : "relevance");
		if (q == null && filter == null) {
			return "home";
		}
		try {
			SearchResults results = this.search.search(new SearchRequest(q, null, filter, sort, page, 20, null));
			model.addAttribute("results", results);
			model.addAttribute("page", page);
		}
		catch (InvalidInput | SearchUnavailable ex) {
			model.addAttribute("searchError", ex.getMessage());
		}
		return "home";
	}

}
