package org.ndlp.catalog;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.ndlp.catalog.internal.JdbcClusters;
import org.ndlp.catalog.internal.JdbcHoldings;
import org.ndlp.catalog.marc.BibDescription;
import org.ndlp.catalog.marc.Holding;
import org.ndlp.catalog.marc.ReadResult;
import org.ndlp.members.LibraryLevel;
import org.ndlp.members.MemberLibraries;
import org.ndlp.members.MemberLibrary;
import org.ndlp.shared.LibraryCode;
import org.ndlp.shared.problem.InvalidInput;
import org.ndlp.shared.problem.NotFound;
import org.ndlp.shared.problem.OutOfScope;
import org.ndlp.shared.security.CurrentUser;
import org.ndlp.shared.security.StaffRole;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Union records (one per work cluster) with their members and holdings, and the staff
 * decisions that split and join clusters.
 *
 * <p>
 * The display record is the most complete member, except that a record from a library of
 * higher rank (NLC, then provincial, then city) wins over one at most two elements more
 * complete: a national or provincial record is the better-checked one, but an almost
 * empty one should not be shown.
 */
@Service
public class UnionRecords {

	private final CatalogRecords records;

	private final JdbcClusters clusters;

	private final JdbcHoldings holdings;

	private final MemberLibraries libraries;

	private final Clock clock;

	public UnionRecords(CatalogRecords records, JdbcClusters clusters, JdbcHoldings holdings, MemberLibraries libraries,
			Clock clock) {
		this.records = records;
		this.clusters = clusters;
		this.holdings = holdings;
		this.libraries = libraries;
		this.clock = clock;
	}

	/**
	 * The union record with this id; a member record's id leads to its cluster (so the
	 * answer's id may differ: callers redirect). Empty when no live member remains.
	 */
	public Optional<UnionRecord> get(long id) {
		long clusterId = clusterOf(id).orElse(-1L);
		if (clusterId < 0) {
			return Optional.empty();
		}
		List<Long> memberIds = new ArrayList<>();
		Map<Long, String> reasons = new LinkedHashMap<>();
		List<JdbcClusters.Member> members = this.clusters.members(clusterId);
		if (members.isEmpty()) {
			// a record stored without a description to compare is its own union record
			memberIds.add(clusterId);
			reasons.put(clusterId, "not clustered (no description to compare)");
		}
		for (JdbcClusters.Member member : members) {
			memberIds.add(member.recordId());
			reasons.put(member.recordId(), member.reasons());
		}
		List<Candidate> candidates = new ArrayList<>();
		for (long memberId : memberIds) {
			Optional<SourceRecord> source = this.records.current(memberId);
			if (source.isEmpty() || source.get().deleted()) {
				continue;
			}
			Optional<ReadResult.Parsed> parsed = this.records.parse(source.get());
			BibDescription description = parsed.map((p) -> BibDescription.of(p.record(), p.schema())).orElse(null);
			MemberLibrary library = this.libraries.find(source.get().library()).orElse(null);
			candidates.add(new Candidate(source.get(), description, library, reasons.get(memberId)));
		}
		if (candidates.isEmpty()) {
			return Optional.empty();
		}
		Candidate display = display(candidates);
		List<UnionRecord.Member> view = new ArrayList<>();
		candidates.sort(Comparator.comparing((Candidate c) -> c != display).thenComparing((c) -> c.source.id()));
		for (Candidate c : candidates) {
			view.add(new UnionRecord.Member(c.source.id(), c.source.library(),
					(c.library != null) ? c.library.name() : c.source.library().value(), c.source.localId(),
					c.source.version(), c.source.schema(), c.source.syntax(), c.completeness(), c.reasons));
		}
		Map<Long, List<Holding>> held = this.holdings.of(candidates.stream().map((c) -> c.source.id()).toList());
		Map<LibraryCode, UnionRecord.LibraryHoldings> byLibrary = new LinkedHashMap<>();
		for (Candidate c : candidates) {
			UnionRecord.LibraryHoldings previous = byLibrary.get(c.source.library());
			List<Holding> list = new ArrayList<>((previous != null) ? previous.holdings() : List.of());
			list.addAll(held.getOrDefault(c.source.id(), List.of()));
			byLibrary.put(c.source.library(),
					new UnionRecord.LibraryHoldings(c.source.library(),
							(c.library != null) ? c.library.name() : c.source.library().value(),
							(c.library != null) ? c.library.provinceName() : "", list));
		}
		return Optional.of(new UnionRecord(clusterId, display.source.id(), display.reason, display.description, view,
				List.copyOf(byLibrary.values())));
	}

	/** The union record a library's record belongs to. */
	public Optional<Long> idOf(LibraryCode library, String localId) {
		return this.records.current(library, localId).flatMap((source) -> clusterOf(source.id()));
	}

	/**
	 * Moves {@code recordIds} out of their cluster into a cluster of their own, and
	 * remembers that they are apart from the records left behind. The records moved keep
	 * their versions; the group holding the cluster's id keeps it.
	 */
	@Transactional
	public long split(long clusterId, List<Long> recordIds, String note, CurrentUser user) {
		List<JdbcClusters.Member> members = this.clusters.members(clusterId);
		if (members.isEmpty()) {
			throw new NotFound("no cluster " + clusterId);
		}
		checkMayDecide(user, members);
		Set<Long> moving = new HashSet<>(recordIds);
		Set<Long> inCluster = new HashSet<>(members.stream().map(JdbcClusters.Member::recordId).toList());
		if (moving.isEmpty() || !inCluster.containsAll(moving)) {
			throw new InvalidInput("recordIds", "give one or more record ids of cluster " + clusterId);
		}
		if (moving.size() == inCluster.size()) {
			throw new InvalidInput("recordIds", "a split must leave at least one record behind");
		}
		List<Long> staying = members.stream()
			.map(JdbcClusters.Member::recordId)
			.filter((id) -> !moving.contains(id))
			.toList();
		List<Long> moved = members.stream().map(JdbcClusters.Member::recordId).filter(moving::contains).toList();
		List<Long> keepsId = moving.contains(clusterId) ? moved : staying;
		List<Long> getsNewId = moving.contains(clusterId) ? staying : moved;
		long newId = getsNewId.stream().mapToLong(Long::longValue).min().orElseThrow();
		String who = user.username();
		this.clusters.move(getsNewId, newId, "split from cluster " + clusterId + " by " + who);
		for (long a : moved) {
			for (long b : staying) {
				this.clusters.decide(a, b, "APART", who, this.clock.instant(), note);
			}
		}
		this.records.clusterChanged(members.stream().map(JdbcClusters.Member::recordId).toList());
		// the cluster the moved records are in now
		return keepsId.equals(moved) ? clusterId : newId;
	}

	/**
	 * Joins cluster {@code otherId} into cluster {@code clusterId} and remembers that
	 * their records belong together.
	 */
	@Transactional
	public void join(long clusterId, long otherId, String note, CurrentUser user) {
		if (clusterId == otherId) {
			throw new InvalidInput("clusterId", "a cluster cannot be joined with itself");
		}
		List<JdbcClusters.Member> target = this.clusters.members(clusterId);
		List<JdbcClusters.Member> other = this.clusters.members(otherId);
		if (target.isEmpty() || other.isEmpty()) {
			throw new NotFound("no cluster " + (target.isEmpty() ? clusterId : otherId));
		}
		checkMayDecide(user, target);
		checkMayDecide(user, other);
		String who = user.username();
		this.clusters.move(other.stream().map(JdbcClusters.Member::recordId).toList(), clusterId,
				"joined with cluster " + clusterId + " by " + who);
		this.clusters.decide(clusterId, otherId, "TOGETHER", who, this.clock.instant(), note);
		List<Long> touched = new ArrayList<>(target.stream().map(JdbcClusters.Member::recordId).toList());
		other.forEach((m) -> touched.add(m.recordId()));
		this.records.clusterChanged(touched);
	}

	private Optional<Long> clusterOf(long recordId) {
		Optional<JdbcClusters.Member> member = this.clusters.member(recordId);
		if (member.isPresent()) {
			return Optional.of(member.get().clusterId());
		}
		return this.records.current(recordId).map(SourceRecord::id);
	}

	/**
	 * National admins decide on any cluster; other staff on clusters that hold a record
	 * of their library (provincial admins: of a library in their province). Clusters span
	 * libraries, so a cataloguer's decision is recorded with their name.
	 */
	private void checkMayDecide(CurrentUser user, List<JdbcClusters.Member> members) {
		if (user.isNationalAdmin()) {
			return;
		}
		for (JdbcClusters.Member member : members) {
			Optional<SourceRecord> source = this.records.current(member.recordId());
			if (source.isEmpty()) {
				continue;
			}
			LibraryCode library = source.get().library();
			if (library.equals(user.library())) {
				return;
			}
			if (user.role() == StaffRole.PROVINCIAL_ADMIN) {
				Optional<MemberLibrary> found = this.libraries.find(library);
				if (found.isPresent() && found.get().level() != LibraryLevel.NATIONAL
						&& user.region().sameProvinceAs(found.get().regionCode())) {
					return;
				}
			}
		}
		throw new OutOfScope(user.username() + " may only split or join clusters that hold a record of "
				+ ((user.role() == StaffRole.PROVINCIAL_ADMIN) ? "a library of its province" : "its own library"));
	}

	private static Candidate display(List<Candidate> candidates) {
		int best = candidates.stream().mapToInt(Candidate::completeness).max().orElse(0);
		Candidate chosen = candidates.stream()
			.filter((c) -> c.completeness() >= best - 2)
			.max(Comparator.comparingInt(Candidate::rank)
				.thenComparingInt(Candidate::completeness)
				.thenComparing((c) -> -c.source.id()))
			.orElseThrow();
		String level = (chosen.library != null) ? chosen.library.level().nameEn().toLowerCase() : "unknown";
		chosen.reason = (chosen.completeness() == best)
				? "most complete record (" + best + " of 13 elements), from a " + level + " library"
				: "record of a " + level + " library, " + chosen.completeness() + " of 13 elements (most complete: "
						+ best + ")";
		return chosen;
	}

	static int completeness(BibDescription d) {
		if (d == null) {
			return 0;
		}
		int n = 0;
		n += present(d.title()) + present(d.responsibility()) + present(d.edition()) + present(d.place())
				+ present(d.publisher()) + present(d.year()) + present(d.extent());
		n += (d.creators().isEmpty() ? 0 : 1) + (d.isbns().isEmpty() && d.issns().isEmpty() ? 0 : 1)
				+ (d.languages().isEmpty() ? 0 : 1) + (d.clc().isEmpty() ? 0 : 1) + (d.subjects().isEmpty() ? 0 : 1)
				+ (d.series().isEmpty() ? 0 : 1);
		return n;
	}

	private static int present(String value) {
		return (value != null && !value.isBlank()) ? 1 : 0;
	}

	private static final class Candidate {

		private final SourceRecord source;

		private final BibDescription description;

		private final MemberLibrary library;

		private final String reasons;

		private final int completeness;

		private String reason;

		Candidate(SourceRecord source, BibDescription description, MemberLibrary library, String reasons) {
			this.source = source;
			this.description = description;
			this.library = library;
			this.reasons = (reasons != null) ? reasons : "";
			this.completeness = UnionRecords.completeness(description);
		}

		int completeness() {
			return this.completeness;
		}

		int rank() {
			if (this.library == null) {
				return 0;
			}
			return switch (this.library.level()) {
				case NATIONAL -> 3;
				case PROVINCIAL -> 2;
				case CITY -> 1;
				case COUNTY -> 0;
			};
		}

	}

}
