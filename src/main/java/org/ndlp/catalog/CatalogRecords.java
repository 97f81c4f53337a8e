package org.ndlp.catalog;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.ndlp.catalog.internal.JdbcClusters;
import org.ndlp.catalog.internal.JdbcClusters.Member;
import org.ndlp.catalog.internal.JdbcHoldings;
import org.ndlp.catalog.internal.JdbcSourceRecords;
import org.ndlp.catalog.marc.Holding;
import org.ndlp.catalog.marc.Iso2709Reader;
import org.ndlp.catalog.marc.MarcEncoding;
import org.ndlp.catalog.marc.MarcSchema;
import org.ndlp.catalog.marc.MarcXmlReader;
import org.ndlp.catalog.marc.ReadOptions;
import org.ndlp.catalog.marc.ReadResult;
import org.ndlp.shared.LibraryCode;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The union catalog's records as received: lossless and versioned. Storing is idempotent
 * (the same bytes again change nothing), a changed record becomes a new version, a
 * deletion is kept as a deleted version, and every change goes on the change feed.
 */
@Service
public class CatalogRecords {

	private final JdbcSourceRecords records;

	private final JdbcClusters clusters;

	private final JdbcHoldings holdings;

	private final Clock clock;

	public CatalogRecords(JdbcSourceRecords records, JdbcClusters clusters, JdbcHoldings holdings, Clock clock) {
		this.records = records;
		this.clusters = clusters;
		this.holdings = holdings;
		this.clock = clock;
	}

	/**
	 * Stores a batch of records in one transaction and clusters the new ones; one outcome
	 * per record, in order.
	 */
	@Transactional
	public List<StoreOutcome> storeAll(List<IncomingRecord> batch) {
		List<StoreOutcome> outcomes = this.records.storeAll(batch, this.clock.instant());
		cluster(batch, outcomes);
		Map<Long, List<Holding>> changed = new HashMap<>();
		for (int i = 0; i < batch.size(); i++) {
			StoreOutcome outcome = outcomes.get(i);
			boolean created = outcome instanceof StoreOutcome.Created;
			if ((created && !batch.get(i).holdings().isEmpty()) || outcome instanceof StoreOutcome.Updated
					|| outcome instanceof StoreOutcome.Deleted) {
				changed.put(outcome.recordId(), batch.get(i).holdings());
			}
		}
		this.holdings.replace(changed, "MARC");
		return outcomes;
	}

	/**
	 * The members of the record's cluster (itself included), each with why it joined;
	 * empty when the record is not clustered.
	 */
	public List<ClusterMember> cluster(long recordId) {
		return this.clusters.member(recordId)
			.map((member) -> this.clusters.members(member.clusterId()))
			.orElse(List.of())
			.stream()
			.map((member) -> new ClusterMember(member.recordId(), member.clusterId(), member.reasons()))
			.toList();
	}

	/**
	 * A new record joins the cluster of the first existing record of the same edition
	 * (looked up by blocking key, one query per batch) or starts its own; a changed
	 * record keeps its cluster and gets its new signature; a deleted record loses its
	 * keys so nothing joins it.
	 */
	private void cluster(List<IncomingRecord> batch, List<StoreOutcome> outcomes) {
		List<String> keys = new ArrayList<>();
		for (IncomingRecord record : batch) {
			if (record.signature() != null && !record.deleted()) {
				keys.addAll(record.signature().keys());
			}
		}
		Map<String, List<Member>> byKey = this.clusters.byKeys(keys.stream().distinct().toList());
		List<Member> created = new ArrayList<>();
		List<Member> changed = new ArrayList<>();
		List<Long> touched = new ArrayList<>();
		// the keys each record ends the batch with (a record may come more than once in a
		// batch: its last outcome counts): new heads' keys, and changed records' keys if
		// they head their cluster
		Map<Long, Member> headKeys = new LinkedHashMap<>();
		Map<Long, Member> keysIfHead = new LinkedHashMap<>();
		for (int i = 0; i < batch.size(); i++) {
			IncomingRecord record = batch.get(i);
			StoreOutcome outcome = outcomes.get(i);
			if (outcome instanceof StoreOutcome.Deleted deleted) {
				touched.add(deleted.recordId());
				headKeys.remove(deleted.recordId());
				keysIfHead.remove(deleted.recordId());
				continue;
			}
			MatchSignature signature = record.signature();
			if (signature == null || outcome instanceof StoreOutcome.Unchanged) {
				continue;
			}
			long id = outcome.recordId();
			if (outcome instanceof StoreOutcome.Updated) {
				// only a changed record has old keys to drop
				touched.add(id);
				Member member = new Member(id, 0, signature, "");
				changed.add(member);
				headKeys.remove(id);
				keysIfHead.put(id, member);
				continue;
			}
			Member match = null;
			String reason = null;
			for (String key : signature.keys()) {
				for (Member candidate : byKey.getOrDefault(key, List.of())) {
					if (match == null && candidate.recordId() != id) {
						reason = signature.sameEditionAs(candidate.signature());
						match = (reason != null) ? candidate : null;
					}
				}
			}
			Member member = (match != null)
					? new Member(id, match.clusterId(), signature, reason + " as record " + match.recordId())
					: new Member(id, id, signature, "first record of its cluster");
			created.add(member);
			if (match == null) {
				headKeys.put(id, member);
				// later records of this batch compare with the new cluster's first record
				signature.keys().forEach((key) -> byKey.computeIfAbsent(key, (k) -> new ArrayList<>()).add(member));
			}
		}
		this.clusters.insertMembers(created);
		this.clusters.updateSignatures(changed);
		// only cluster heads keep blocking keys (lookups compare with heads alone)
		this.clusters.dropKeys(touched);
		this.clusters.insertHeadKeys(List.copyOf(headKeys.values()));
		this.clusters.insertKeysIfHead(List.copyOf(keysIfHead.values()));
	}

	/**
	 * Replaces what a library's record says it holds by an ISO 20775 holdings document's
	 * holdings (the bibliographic record is not touched).
	 */
	@Transactional
	public void replaceHoldings(long recordId, List<Holding> holdings) {
		this.holdings.replace(Map.of(recordId, holdings), "ISO20775");
	}

	/**
	 * Puts records whose cluster changed (a staff split or join) on the change feed
	 * again, so that search and identifiers rebuild the union records they belong to.
	 */
	@Transactional
	public void clusterChanged(List<Long> recordIds) {
		this.records.touch(recordIds, this.clock.instant());
	}

	/**
	 * The clusters these records belong to, read in one query: cluster id to the ids of
	 * all its member records (ascending). Records that are not clustered are absent. For
	 * followers of the change feed that rebuild union records a batch at a time.
	 */
	public Map<Long, List<Long>> clustersOf(java.util.Collection<Long> recordIds) {
		return this.clusters.clustersOf(recordIds);
	}

	/**
	 * The current versions of these records, read in one query, by record id (ids the
	 * catalog does not know are absent).
	 */
	public Map<Long, SourceRecord> current(java.util.Collection<Long> recordIds) {
		return this.records.current(recordIds);
	}

	public Optional<SourceRecord> current(LibraryCode library, String localId) {
		return this.records.current(library, localId);
	}

	public Optional<SourceRecord> current(long recordId) {
		return this.records.current(recordId);
	}

	/**
	 * Reads a stored version back into a MARC record (in the encoding and syntax it was
	 * stored in); empty for a deletion or bytes that no longer parse.
	 */
	public Optional<ReadResult.Parsed> parse(SourceRecord source) {
		if (source.deleted() || source.content().length == 0) {
			return Optional.empty();
		}
		ReadOptions options = ReadOptions.DETECT.withSchema(MarcSchema.valueOf(source.schema()))
			.withEncoding(MarcEncoding.valueOf(source.encoding()));
		if ("ISO2709".equals(source.syntax())) {
			// read in place: the search follower parses every record it indexes
			Iso2709Reader reader = Iso2709Reader.iterate(source.content(), options);
			return (reader.hasNext() && reader.next() instanceof ReadResult.Parsed parsed) ? Optional.of(parsed)
					: Optional.empty();
		}
		try (Stream<ReadResult> results = MarcXmlReader.read(new ByteArrayInputStream(source.content()), options)) {
			return results.findFirst()
				.filter((result) -> result instanceof ReadResult.Parsed)
				.map((result) -> (ReadResult.Parsed) result);
		}
	}

	public List<SourceRecord> versions(long recordId) {
		return this.records.versions(recordId);
	}

	/** The change feed after {@code seq}: what a follower has not handled yet. */
	public List<CatalogChange> changesAfter(long seq, int limit) {
		return this.records.changesAfter(seq, limit);
	}

	public int countLive(LibraryCode library) {
		return this.records.countLive(library);
	}

}
