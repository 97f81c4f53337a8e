package org.ndlp.identifiers;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.ndlp.catalog.CatalogChange;
import org.ndlp.catalog.CatalogRecords;
import org.ndlp.catalog.SourceRecord;
import org.ndlp.catalog.marc.BibDescription;
import org.ndlp.identifiers.internal.JdbcIdentifiers;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Follows the catalog's change feed and mints an identifier for every union record (work
 * cluster; its id is the cluster id) as it appears, in batches; the feed position is kept
 * in {@code cdoi_follower} and committed with each batch, and its row is locked while a
 * batch runs so two nodes never mint the same batch. When every record of a cluster is
 * deleted, the union record's identifier becomes a tombstone.
 */
@Service
public class UnionRecordMinter extends FeedMinter {

	/** {@link Identifier#targetKind()} of union records. */
	public static final String UNION_RECORD = "UNION_RECORD";

	static final String FOLLOWER = "catalog-union-records";

	private final CatalogRecords catalog;

	private final Identifiers identifiers;

	private final JdbcIdentifiers store;

	private final IdentifierProperties properties;

	private final Clock clock;

	private final String publicBaseUrl;

	public UnionRecordMinter(CatalogRecords catalog, Identifiers identifiers, JdbcIdentifiers store,
			TransactionTemplate transactions, IdentifierProperties properties, Clock clock,
			@Value("${ndlp.public-base-url:http://localhost:8080}") String publicBaseUrl) {
		super(transactions, "union record identifiers");
		this.catalog = catalog;
		this.identifiers = identifiers;
		this.store = store;
		this.properties = properties;
		this.clock = clock;
		this.publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
	}

	/** Where a union record's page is. */
	public String location(long clusterId) {
		return this.publicBaseUrl + "/records/" + clusterId;
	}

	@Scheduled(fixedDelayString = "${ndlp.identifiers.follow-interval:PT5S}", initialDelayString = "PT3S")
	void scheduled() {
		follow();
	}

	@Override
	int batch() {
		long position = this.store.lockPosition(FOLLOWER);
		List<CatalogChange> changes = this.catalog.changesAfter(position, this.properties.followBatch());
		if (changes.isEmpty()) {
			return 0;
		}
		// the batch's clusters and their records' current versions: two queries, not two
		// per
		// change
		List<Long> changed = changes.stream().map(CatalogChange::recordId).distinct().toList();
		Map<Long, List<Long>> clusters = this.catalog.clustersOf(changed);
		Map<Long, Long> clusterOf = new HashMap<>();
		clusters.forEach((clusterId, members) -> members.forEach((member) -> clusterOf.put(member, clusterId)));
		Set<Long> read = new HashSet<>(changed);
		clusters.values().forEach(read::addAll);
		Map<Long, SourceRecord> current = this.catalog.current(read);
		Map<String, Long> upserts = new LinkedHashMap<>();
		Map<String, Long> deletes = new LinkedHashMap<>();
		for (CatalogChange change : changes) {
			Long cluster = clusterOf.get(change.recordId());
			List<Long> members = (cluster != null) ? clusters.get(cluster) : List.of();
			String target = Long.toString((cluster != null) ? cluster : change.recordId());
			if ("DELETE".equals(change.kind())) {
				if (members.stream().allMatch((member) -> deleted(current.get(member)))) {
					deletes.put(target, change.recordId());
					upserts.remove(target);
				}
			}
			else {
				upserts.putIfAbsent(target, change.recordId());
				deletes.remove(target);
			}
		}
		List<MintRequest> requests = new ArrayList<>();
		Set<String> known = this.identifiers.targetsWithIdentifiers(UNION_RECORD, new ArrayList<>(upserts.keySet()));
		upserts.keySet()
			.stream()
			.filter((target) -> !known.contains(target))
			.forEach((target) -> requests
				.add(MintRequest.forTarget(this.properties.unionPrefix(), CdoiType.UR, UNION_RECORD, target,
						title(current.get(Long.parseLong(target))), location(Long.parseLong(target)))));
		this.identifiers.mintTargets(requests, "system");
		if (!deletes.isEmpty()) {
			this.identifiers.tombstoneTargets(UNION_RECORD, new ArrayList<>(deletes.keySet()),
					"union record deleted: every library withdrew its record", "system");
		}
		this.store.savePosition(FOLLOWER, changes.get(changes.size() - 1).seq(), this.clock.instant());
		return changes.size();
	}

	private static boolean deleted(SourceRecord record) {
		return record == null || record.deleted();
	}

	/** The title of the cluster's first record, as the union record's label. */
	private String title(SourceRecord first) {
		try {
			return Optional.ofNullable(first)
				.flatMap(this.catalog::parse)
				.map((parsed) -> BibDescription.of(parsed.record(), parsed.schema()).title())
				.orElse(null);
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

}
