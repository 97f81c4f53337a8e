package org.ndlp.resources;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.ndlp.shared.LibraryCode;

/**
 * A registered self-built resource: Dublin Core, census fields and where it stands in
 * review.
 *
 * @param id the registration's number
 * @param library the building library
 * @param title dc:title
 * @param creator dc:creator
 * @param subject dc:subject
 * @param description dc:description
 * @param publisher dc:publisher
 * @param contributor dc:contributor
 * @param date dc:date
 * @param dcType dc:type
 * @param format dc:format
 * @param identifier dc:identifier
 * @param source dc:source
 * @param language dc:language
 * @param relation dc:relation
 * @param coverage dc:coverage
 * @param rights dc:rights (rights and access conditions)
 * @param resourceType census resource type
 * @param sizeGb size in GB
 * @param itemCount number of items
 * @param accessUrl where readers reach it
 * @param thematic thematic database
 * @param yearBuilt year built
 * @param status review status
 * @param reviewComment the reviewer's last comment
 * @param reviewedBy who reviewed last
 * @param reviewedAt when
 * @param sourceId the OAI identifier when harvested, else {@code null}
 * @param registeredBy who registered it
 * @param registeredAt when
 * @param updatedAt last change
 * @param publishedAt when it was (last) published
 * @param duplicates possible duplicates flagged at registration (empty in lists)
 * @param duplicateCount how many were flagged
 */
public record Resource(long id, LibraryCode library, String title, String creator, String subject, String description,
		String publisher, String contributor, String date, String dcType, String format, String identifier,
		String source, String language, String relation, String coverage, String rights, ResourceType resourceType,
		BigDecimal sizeGb, Long itemCount, String accessUrl, ThematicDatabase thematic, int yearBuilt,
		ResourceStatus status, String reviewComment, String reviewedBy, Instant reviewedAt, String sourceId,
		String registeredBy, Instant registeredAt, Instant updatedAt, Instant publishedAt, List<Duplicate> duplicates,
		int duplicateCount) {

	/** How complete the metadata is, with what is missing. */
	@JsonProperty("quality")
	public Quality quality() {
		return Quality.of(this);
	}

	/** The same resource with its flagged duplicates. */
	public Resource withDuplicates(List<Duplicate> found) {
		return new Resource(this.id, this.library, this.title, this.creator, this.subject, this.description,
				this.publisher, this.contributor, this.date, this.dcType, this.format, this.identifier, this.source,
				this.language, this.relation, this.coverage, this.rights, this.resourceType, this.sizeGb,
				this.itemCount, this.accessUrl, this.thematic, this.yearBuilt, this.status, this.reviewComment,
				this.reviewedBy, this.reviewedAt, this.sourceId, this.registeredBy, this.registeredAt, this.updatedAt,
				this.publishedAt, List.copyOf(found), found.size());
	}

}
