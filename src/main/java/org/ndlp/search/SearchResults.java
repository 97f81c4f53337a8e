package org.ndlp.search;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * One page of union records.
 *
 * @param total how many union records match
 * @param page the page number, or {@code null} when paging by cursor
 * @param size hits per page
 * @param nextCursor the cursor for the next page when paging by cursor
 * @param hits the union records of this page
 * @param facets counts by resource type, language, year, CLC top class, holding library
 * and province
 * @param didYouMean a corrected query when the spelling looks wrong, or {@code null}
 * @param solrTime Solr's own time for this answer in milliseconds ({@code QTime}); not
 * part of the JSON answer: {@code GET /api/v1/search} sends it as a {@code Server-Timing}
 * header, so that what the application adds can be told apart
 */
public record SearchResults(long total, Integer page, int size, String nextCursor, List<Hit> hits,
		Map<String, List<FacetValue>> facets, String didYouMean, @JsonIgnore int solrTime) {

	/**
	 * One union record (a work cluster).
	 *
	 * @param id the union record id (the cluster id)
	 * @param title its title
	 * @param creators persons and bodies
	 * @param year year of publication, or {@code null}
	 * @param libraries codes of the libraries that hold it
	 * @param holdingCount how many library records it unites
	 * @param highlight matched parts of title and creators, {@code <em>} marked
	 * @param kind {@code record} (a union record; its page is {@code /records/{id}}) or
	 * {@code resource} (a registered digital resource of the metadata repository)
	 * @param url where a resource is reached (its access URL), {@code null} for records
	 */
	public record Hit(String id, String title, List<String> creators, Integer year, List<String> libraries,
			int holdingCount, Map<String, List<String>> highlight, String kind, String url) {
	}

	/**
	 * A facet value and its count.
	 *
	 * @param value the value to filter on
	 * @param label its display name where it differs (CLC top class names), else
	 * {@code null}
	 * @param count matching union records
	 */
	public record FacetValue(String value, String label, long count) {
	}

}
