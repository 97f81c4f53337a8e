package org.ndlp.identifiers;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.ndlp.identifiers.internal.JdbcIdentifiers;
import org.ndlp.resources.Resource;
import org.ndlp.resources.ResourceChange;
import org.ndlp.resources.ResourceRegistry;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Follows the registered resources' change feed (published and withdrawn resources) and
 * mints an identifier for each published resource under the union prefix (the NLC runs
 * the metadata repository), pointing at the resource's access URL — the digital object
 * itself — or, without one, at its page. A withdrawn resource's identifier becomes a
 * tombstone. Batched, position committed with each batch, row-locked like
 * {@link UnionRecordMinter}.
 */
@Service
public class ResourceMinter extends FeedMinter {

	/** {@link Identifier#targetKind()} of registered resources. */
	public static final String RESOURCE = "RESOURCE";

	static final String FOLLOWER = "published-resources";

	private final ResourceRegistry registry;

	private final Identifiers identifiers;

	private final JdbcIdentifiers store;

	private final IdentifierProperties properties;

	private final Clock clock;

	private final String publicBaseUrl;

	public ResourceMinter(ResourceRegistry registry, Identifiers identifiers, JdbcIdentifiers store,
			TransactionTemplate transactions, IdentifierProperties properties, Clock clock,
			@Value("${ndlp.public-base-url:http://localhost:8080}") String publicBaseUrl) {
		super(transactions, "resource identifiers");
		this.registry = registry;
		this.identifiers = identifiers;
		this.store = store;
		this.properties = properties;
		this.clock = clock;
		this.publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
	}

	@Scheduled(fixedDelayString = "${ndlp.identifiers.follow-interval:PT5S}", initialDelayString = "PT4S")
	void scheduled() {
		follow();
	}

	/** The CDOI resource type of a registered resource's type. */
	static CdoiType type(org.ndlp.resources.ResourceType type) {
		return switch (type) {
			case IMAGE -> CdoiType.IM;
			case AUDIO -> CdoiType.AU;
			case VIDEO -> CdoiType.VD;
			case DATABASE -> CdoiType.DB;
			default -> CdoiType.OT;
		};
	}

	@Override
	int batch() {
		long position = this.store.lockPosition(FOLLOWER);
		List<ResourceChange> changes = this.registry.changesAfter(position, this.properties.followBatch());
		if (changes.isEmpty()) {
			return 0;
		}
		Map<String, Boolean> latest = new LinkedHashMap<>();
		for (ResourceChange change : changes) {
			latest.put(Long.toString(change.resourceId()), !"DELETE".equals(change.kind()));
		}
		List<String> upserts = latest.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toList();
		List<String> deletes = latest.entrySet().stream().filter((e) -> !e.getValue()).map(Map.Entry::getKey).toList();
		Set<String> known = this.identifiers.targetsWithIdentifiers(RESOURCE, upserts);
		List<MintRequest> requests = new ArrayList<>();
		for (String target : upserts) {
			if (known.contains(target)) {
				continue;
			}
			Optional<Resource> resource = this.registry.published(Long.parseLong(target));
			resource.ifPresent((r) -> requests.add(MintRequest.forTarget(this.properties.unionPrefix(),
					type(r.resourceType()), RESOURCE, target, r.title(), location(r))));
		}
		this.identifiers.mintTargets(requests, "system");
		if (!deletes.isEmpty()) {
			this.identifiers.tombstoneTargets(RESOURCE, deletes, "registered resource withdrawn", "system");
		}
		this.store.savePosition(FOLLOWER, changes.get(changes.size() - 1).seq(), this.clock.instant());
		return changes.size();
	}

	private String location(Resource resource) {
		String url = resource.accessUrl();
		if (url != null && (url.startsWith("http://") || url.startsWith("https://"))) {
			return url;
		}
		return this.publicBaseUrl + "/resources/" + resource.id();
	}

}
