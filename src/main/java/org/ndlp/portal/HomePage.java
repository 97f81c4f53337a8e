package org.ndlp.portal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ndlp.members.MemberLibraries;
import org.ndlp.members.MemberLibrary;
import org.ndlp.search.CatalogSearch;
import org.ndlp.search.SearchRequest;
import org.ndlp.search.SearchResults;
import org.ndlp.search.SearchUnavailable;
import org.ndlp.search.UnionRecord;
import org.ndlp.shared.LibraryCode;
import org.ndlp.shared.problem.InvalidInput;
import org.ndlp.shared.problem.NotFound;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The Wenjin search pages of the reader portal: the search box and results with facets at
 * {@code /}, a union record with its holding libraries at {@code /records/{id}}.
 */
@Controller
class HomePage {

	private final CatalogSearch search;

	private final MemberLibraries libraries;

	HomePage(CatalogSearch search, MemberLibraries libraries) {
		this.search = search;
		this.libraries = libraries;
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

	@GetMapping("/records/{id}")
	String record(@PathVariable String id, Model model) {
		if (!id.matches("\\d{1,19}")) {
			throw new NotFound("no union record " + id);
		}
		UnionRecord record = this.search.record(id).orElseThrow(() -> new NotFound("no union record " + id));
		// holding libraries grouped by province
		Map<String, List<MemberLibrary>> byProvince = new LinkedHashMap<>();
		for (String code : record.libraries()) {
			this.libraries.find(LibraryCode.of(code))
				.ifPresent((library) -> byProvince
					.computeIfAbsent(library.provinceName(), (p) -> new java.util.ArrayList<>())
					.add(library));
		}
		model.addAttribute("record", record);
		model.addAttribute("holdings", byProvince);
		return "record";
	}

}
