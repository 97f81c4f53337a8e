package org.ndlp.resources;

import java.math.BigDecimal;

/**
 * What a library registers: the fifteen Dublin Core elements plus the census fields. Enum
 * fields are text so that a bad value is reported against its field.
 *
 * @param library code of the building library (建设馆)
 * @param title dc:title (required)
 * @param creator dc:creator
 * @param subject dc:subject
 * @param description dc:description
 * @param publisher dc:publisher
 * @param contributor dc:contributor
 * @param date dc:date
 * @param dcType dc:type as the library wrote it
 * @param format dc:format (e.g. PDF, MP4, WARC)
 * @param identifier dc:identifier
 * @param source dc:source
 * @param language dc:language
 * @param relation dc:relation
 * @param coverage dc:coverage
 * @param rights dc:rights: rights and access conditions
 * @param resourceType census resource type ({@link ResourceType}, required)
 * @param sizeGb size in GB
 * @param itemCount number of items (pages, images, programmes, sites…)
 * @param accessUrl where readers reach it
 * @param thematic thematic database ({@link ThematicDatabase}), blank for none
 * @param yearBuilt year the resource was built (required)
 */
public record ResourceDraft(String library, String title, String creator, String subject, String description,
		String publisher, String contributor, String date, String dcType, String format, String identifier,
		String source, String language, String relation, String coverage, String rights, String resourceType,
		BigDecimal sizeGb, Long itemCount, String accessUrl, String thematic, Integer yearBuilt) {
}
