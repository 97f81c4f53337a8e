package org.ndlp.identifiers;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.ndlp.catalog.CatalogChange;
import org.ndlp.catalog.CatalogRecords;
import org.ndlp.catalog.ClusterMember;
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
public class UnionRecordMinter {

	/** {@link Identifier#targetKind()} of union records. */
	public static final String UNION_RECORD = "UNION_RECORD";

	static final String FOLLOWER = "catalog-union-records";

	private static final Logger log = LoggerFactory.getLogger(UnionRecordMinter.class);

	private final CatalogRecords catalog;

	private final Identifiers identifiers;

	private final JdbcIdentifiers store;

	private final TransactionTemplate transactions;

	private final IdentifierProperties properties;

	private final Clock clock;

	private final String publicBaseUrl;

	public UnionRecordMinter(CatalogRecords catalog, Identifiers identifiers, JdbcIdentifiers store,
			TransactionTemplate transactions, IdentifierProperties properties, Clock clock,
			@Value("${ndlp.public-base-url:http://localhost:8080}") String publicBaseUrl) {
		this.catalog = catalog;
		this.identifiers = identifiers;
		this.store = store;
		this.transactions = transactions;
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
		try {
			catchUp();
		}
		catch (RuntimeException ex) {
			// the feed waits; the next run resumes from the committed position
			log.warn("Minting union record identifiers failed; will retry: {}", ex.toString());
		}
	}

	/** Handles the whole feed up to now, batch by batch; returns changes handled. */
	public synchronized int catchUp() {
		int total = 0;
		while (true) {
			Integer handled = this.transactions.execute((status) -> batch());
			if (handled == null || handled == 0) {
				return total;
			}
			total += handled;
		}
	}

	private int batch() {
		long position = this.store.lockPosition(FOLLOWER);
		List<CatalogChange> changes = this.catalog.changesAfter(position, this.properties.followBatch());
		if (changes.isEmpty()) {
			return 0;
		}
		Map<String, Long> upserts = new LinkedHashMap<>();
		Map<String, Long> deletes = new LinkedHashMap<>();
		for (CatalogChange change : changes) {
			List<ClusterMember> members = this.catalog.cluster(change.recordId());
			long clusterId = members.isEmpty() ? change.recordId() : members.get(0).clusterId();
			String target = Long.toString(clusterId);
			if ("DELETE".equals(change.kind())) {
				if (members.stream().allMatch((m) -> deleted(m.recordId())) || members.isEmpty()) {
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
		java.util.Set<String> known = this.identifiers.targetsWithIdentifiers(UNION_RECORD,
				new ArrayList<>(upserts.keySet()));
		upserts.keySet()
			.stream()
			.filter((target) -> !known.contains(target))
			.forEach((target) -> requests.add(MintRequest.forTarget(this.properties.unionPrefix(), CdoiType.UR,
					UNION_RECORD, target, title(Long.parseLong(target)), location(Long.parseLong(target)))));
		this.identifiers.mintTargets(requests, "system");
		if (!deletes.isEmpty()) {
			this.identifiers.tombstoneTargets(UNION_RECORD, new ArrayList<>(deletes.keySet()),
					"union record deleted: every library withdrew its record", "system");
		}
		this.store.savePosition(FOLLOWER, changes.get(changes.size() - 1).seq(), this.clock.instant());
		return changes.size();
	}

	private boolean deleted(long recordId) {
		return this.catalog.current(recordId).map(SourceRecord::deleted).orElse(true);
	}

	/** The title of the cluster's first record, as the union record's label. */
	private String title(long clusterId) {
		try {
			return this.catalog.current(clusterId)
				.flatMap(this.catalog::parse)
				.map((parsed) -> BibDescription.of(parsed.record(), parsed.schema()).title())
				.orElse(null);
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

}
