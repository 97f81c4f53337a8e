package org.ndlp.search.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.solr.common.SolrInputDocument;

import org.ndlp.members.MemberLibraries;
import org.ndlp.resources.Resource;
import org.ndlp.resources.ResourceChange;
import org.ndlp.resources.ResourceRegistry;

import org.springframework.stereotype.Component;

/**
 * Documents for registered digital resources (the metadata repository): one per published
 * resource, id {@code res-<id>}, kind {@code resource}, in the same fields as union
 * records so that one query finds both; the resource type (image, video, web archive…) is
 * the {@code resourceType} facet value, the building library the {@code library} facet.
 */
@Component
class ResourceDocuments {

	static final String PREFIX = "res-";

	private final ResourceRegistry registry;

	private final MemberLibraries libraries;

	ResourceDocuments(ResourceRegistry registry, MemberLibraries libraries) {
		this.registry = registry;
		this.libraries = libraries;
	}

	/** What the changes mean for the index: documents to add and ids to delete. */
	UnionRecordDocuments.Changes forChanges(List<ResourceChange> changes) {
		Map<Long, Boolean> latest = new LinkedHashMap<>();
		changes.forEach((change) -> latest.put(change.resourceId(), !"DELETE".equals(change.kind())));
		List<SolrInputDocument> add = new ArrayList<>();
		List<String> delete = new ArrayList<>();
		latest.forEach((id, live) -> {
			Optional<Resource> resource = live ? this.registry.published(id) : Optional.empty();
			if (resource.isPresent()) {
				add.add(document(resource.get()));
			}
			else {
				delete.add(PREFIX + id);
			}
		});
		return new UnionRecordDocuments.Changes(add, delete);
	}

	private SolrInputDocument document(Resource r) {
		SolrInputDocument doc = new SolrInputDocument();
		doc.setField("id", PREFIX + r.id());
		doc.setField("kind", "resource");
		if (r.accessUrl() != null && !r.accessUrl().isBlank()) {
			doc.setField("url", r.accessUrl());
		}
		UnionRecordDocuments.addText(doc, "title", r.title());
		addText(doc, "creator", r.creator());
		addText(doc, "publisher", r.publisher());
		addText(doc, "subject", r.subject());
		if (r.language() != null && !r.language().isBlank()) {
			doc.addField("language", r.language().strip().toLowerCase(Locale.ROOT));
		}
		doc.setField("resourceType", r.resourceType().name());
		doc.setField("year", r.yearBuilt());
		String initials = Pinyin.initials(r.title());
		add(doc, "title_initials", initials);
		add(doc, "title_pinyin", Pinyin.full(r.title()));
		String sortKey = Pinyin.full(r.title());
		doc.setField("titleSort", (sortKey.isEmpty() ? r.title() : sortKey).toLowerCase(Locale.ROOT));
		doc.addField("library", r.library().value());
		this.libraries.find(r.library()).ifPresent((library) -> doc.addField("province", library.provinceName()));
		doc.setField("holdingCount", 1);
		return doc;
	}

	private static void addText(SolrInputDocument doc, String name, String value) {
		if (value != null && !value.isBlank()) {
			UnionRecordDocuments.addText(doc, name, value.strip());
		}
	}

	private static void add(SolrInputDocument doc, String field, String value) {
		if (value != null && !value.isBlank()) {
			doc.addField(field, value.strip());
		}
	}

}
