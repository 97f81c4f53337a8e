package org.ndlp.identifiers;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.ndlp.identifiers.internal.JdbcIdentifiers;
import org.ndlp.identifiers.internal.JdbcIdentifiers.NewIdentifier;
import org.ndlp.identifiers.internal.JdbcIdentifiers.Stored;
import org.ndlp.members.MemberLibraries;
import org.ndlp.members.MemberLibrary;
import org.ndlp.shared.LibraryCode;
import org.ndlp.shared.problem.Conflict;
import org.ndlp.shared.problem.InvalidInput;
import org.ndlp.shared.problem.OutOfScope;
import org.ndlp.shared.security.CurrentUser;
import org.ndlp.shared.security.StaffRole;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The identifier system's API: prefixes, minting (one or a batch, by staff or by other
 * modules), resolution (cached), location changes, tombstones and the audit trail. An
 * identifier is never reused: deleting leaves a tombstone that keeps the name taken.
 */
@Service
public class Identifiers {

	/** Block size of the hi/lo local-name allocator. */
	private static final int BLOCK = 1000;

	private static final int MAX_LOCATIONS = 20;

	private final JdbcIdentifiers store;

	private final MemberLibraries libraries;

	private final Clock clock;

	private final Cache<String, Optional<Identifier>> cache;

	// the resolver's common case only: handle → the one location's href, or "" when the
	// identifier is not a plain redirect (unknown, tombstone, several locations, typed)
	private final Cache<String, String> redirects;

	private final ResolutionIndex index;

	private long nextNumber;

	private long blockEnd;

	public Identifiers(JdbcIdentifiers store, MemberLibraries libraries, Clock clock, IdentifierProperties properties,
			ResolutionIndex index) {
		this.store = store;
		this.index = index;
		this.libraries = libraries;
		this.clock = clock;
		this.cache = Caffeine.newBuilder()
			.maximumSize(properties.cacheSize())
			.expireAfterWrite(properties.cacheTtl())
			.build();
		this.redirects = Caffeine.newBuilder()
			.maximumSize(properties.cacheSize())
			.expireAfterWrite(properties.cacheTtl())
			.build();
	}

	// prefixes

	/** Every allocated prefix with its owner (public). */
	public List<Prefix> prefixes() {
		return this.store.prefixes();
	}

	/** Allocates a prefix to a member library; national admins only. */
	@Transactional
	public Prefix allocatePrefix(String prefix, String library, String note, CurrentUser user) {
		if (!user.isNationalAdmin()) {
			throw new OutOfScope("only the national centre allocates prefixes");
		}
		String p = Cdoi.checkPrefix(prefix);
		LibraryCode code;
		try {
			code = LibraryCode.of(library);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInput("library", ex.getMessage());
		}
		this.libraries.get(code);
		if (this.store.prefix(p).isPresent()) {
			throw new Conflict("duplicate-prefix", "prefix", "prefix " + p + " is already allocated");
		}
		Instant now = this.clock.instant();
		this.store.insertPrefix(p, code, user.username(), now, note);
		this.store.insertEvents(List.of(new IdentifierEvent("prefix:" + p, now, user.username(), "PREFIX_ALLOCATED",
				"allocated to " + code.value() + ((note != null && !note.isBlank()) ? ": " + note : ""))));
		return this.store.prefix(p).orElseThrow();
	}

	/**
	 * Whether the user may mint under a prefix and change its identifiers: national
	 * admins everywhere, provincial admins for owners in their province, a library's own
	 * admins and cataloguers for its prefixes.
	 */
	public boolean mayManage(CurrentUser user, Prefix prefix) {
		if (user.isNationalAdmin()) {
			return true;
		}
		if (user.library().equals(prefix.library())
				&& (user.role() == StaffRole.LIBRARY_ADMIN || user.role() == StaffRole.CATALOGER)) {
			return true;
		}
		MemberLibrary owner = this.libraries.get(prefix.library());
		return user.role() == StaffRole.PROVINCIAL_ADMIN && this.libraries.mayAdminister(user, owner);
	}

	private Prefix checkMayManage(CurrentUser user, String prefix) {
		Prefix p = this.store.prefix(Cdoi.checkPrefix(prefix))
			.orElseThrow(
					() -> new InvalidInput("prefix", "prefix " + prefix + " is not allocated; see GET /api/prefixes"));
		if (!mayManage(user, p)) {
			throw new OutOfScope(user.username() + " (" + user.role() + " of " + user.library()
					+ ") may not manage identifiers under prefix " + p.prefix() + " of " + p.library());
		}
		return p;
	}

	// minting

	/** Mints or registers one identifier on a staff member's request. */
	@Transactional
	public Identifier mint(MintRequest request, CurrentUser user) {
		checkMayManage(user, request.prefix());
		return mintAll(List.of(request), user.username()).get(0);
	}

	/**
	 * Mints a batch for other modules (the catalog follower, registered resources): one
	 * identifier per request, in order, minted in a fixed number of statements. A request
	 * whose target already has an identifier gets that identifier back (minting is
	 * idempotent per target). The caller vouches for the prefix; it must be allocated.
	 */
	@Transactional
	public List<Identifier> mintAll(List<MintRequest> requests, String actor) {
		if (requests.isEmpty()) {
			return List.of();
		}
		Instant now = this.clock.instant();
		List<Cdoi> names = new ArrayList<>();
		List<NewIdentifier> fresh = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		Set<String> prefixes = new HashSet<>();
		for (MintRequest request : requests) {
			String prefix = Cdoi.checkPrefix(request.prefix());
			if (prefixes.add(prefix) && this.store.prefix(prefix).isEmpty()) {
				throw new InvalidInput("prefix", "prefix " + prefix + " is not allocated; see GET /api/prefixes");
			}
			if (request.targetKind() != null && request.targetId() != null) {
				Optional<Stored> existing = this.store.byTargets(request.targetKind(), List.of(request.targetId()))
					.values()
					.stream()
					.findFirst();
				if (existing.isPresent()) {
					names.add(existing.get().identifier().cdoi());
					continue;
				}
			}
			Cdoi cdoi = name(request, prefix);
			if (!seen.add(cdoi.handle()) || this.store.exists(cdoi)) {
				throw new Conflict("duplicate-identifier", "identifier",
						"identifier " + cdoi + " already exists (identifiers are never reused, even after deletion)");
			}
			List<Location> locations = checkLocations(request.locations());
			boolean given = request.localName() != null || request.checkedSuffix() != null;
			fresh.add(new NewIdentifier(cdoi, request.targetKind(), request.targetId(), request.title(), locations,
					actor, given ? "REGISTERED" : "MINTED", describe(locations)));
			names.add(cdoi);
		}
		this.store.insertAll(fresh, now);
		forget(fresh.stream().map((n) -> n.cdoi().handle()).toList());
		List<Identifier> result = new ArrayList<>();
		for (Cdoi cdoi : names) {
			result.add(this.store.find(cdoi).orElseThrow().identifier());
		}
		return result;
	}

	/**
	 * Mints for many targets at once, skipping targets that have an identifier already;
	 * the follower's bulk path (a fixed number of statements per batch).
	 */
	@Transactional
	public int mintTargets(List<MintRequest> requests, String actor) {
		if (requests.isEmpty()) {
			return 0;
		}
		String kind = requests.get(0).targetKind();
		List<String> ids = requests.stream().map(MintRequest::targetId).distinct().toList();
		Set<String> taken = this.store.byTargets(kind, ids).keySet();
		List<NewIdentifier> fresh = new ArrayList<>();
		Set<String> seen = new HashSet<>(taken);
		for (MintRequest request : requests) {
			if (!seen.add(request.targetId())) {
				continue;
			}
			Cdoi cdoi = name(request, Cdoi.checkPrefix(request.prefix()));
			fresh.add(new NewIdentifier(cdoi, kind, request.targetId(), request.title(),
					checkLocations(request.locations()), actor, "MINTED", describe(request.locations())));
		}
		this.store.insertAll(fresh, this.clock.instant());
		forget(fresh.stream().map((n) -> n.cdoi().handle()).toList());
		return fresh.size();
	}

	/** Tombstones the identifiers of these targets (their objects were deleted). */
	@Transactional
	public int tombstoneTargets(String kind, List<String> targetIds, String note, String actor) {
		List<Stored> live = this.store.byTargets(kind, targetIds)
			.values()
			.stream()
			.filter((s) -> !s.identifier().deleted())
			.toList();
		Instant now = this.clock.instant();
		this.store.tombstone(live.stream().map(Stored::id).toList(), note, now);
		this.store.insertEvents(live.stream()
			.map((s) -> new IdentifierEvent(s.identifier().handle(), now, actor, "TOMBSTONED", note))
			.toList());
		forget(live.stream().map((s) -> s.identifier().handle()).toList());
		return live.size();
	}

	private Cdoi name(MintRequest request, String prefix) {
		if (request.checkedSuffix() != null) {
			Cdoi cdoi = Cdoi.parse(prefix, request.checkedSuffix());
			if (request.type() != null && cdoi.type() != request.type()) {
				throw new InvalidInput("type",
						"type " + request.type().code() + " differs from the suffix's type " + cdoi.type().code());
			}
			return cdoi;
		}
		if (request.type() == null) {
			throw new InvalidInput("type", "type is required; use one of " + CdoiType.codes());
		}
		String local = (request.localName() != null && !request.localName().isBlank()) ? request.localName()
				: NoidCheck.encode(nextNumber(), 5);
		return Cdoi.of(prefix, request.type(), local);
	}

	private synchronized long nextNumber() {
		if (this.nextNumber >= this.blockEnd) {
			long block = this.store.nextBlock();
			this.nextNumber = block * BLOCK;
			this.blockEnd = this.nextNumber + BLOCK;
		}
		return this.nextNumber++;
	}

	private static List<Location> checkLocations(List<Location> locations) {
		if (locations == null || locations.isEmpty()) {
			throw new InvalidInput("locations", "at least one location (an http or https URL) is required");
		}
		if (locations.size() > MAX_LOCATIONS) {
			throw new InvalidInput("locations", "at most " + MAX_LOCATIONS + " locations");
		}
		List<Location> checked = new ArrayList<>();
		for (int i = 0; i < locations.size(); i++) {
			Location location = locations.get(i);
			String href = (location.href() != null) ? location.href().strip() : "";
			URI uri;
			try {
				uri = URI.create(href);
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidInput("locations[" + i + "].href", "not a URL: " + href);
			}
			String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
			if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || href.length() > 2000) {
				throw new InvalidInput("locations[" + i + "].href",
						"a location must be an absolute http or https URL of at most 2000 characters, got: " + href);
			}
			String mediaType = (location.mediaType() != null && !location.mediaType().isBlank())
					? location.mediaType().strip().toLowerCase(Locale.ROOT) : null;
			if (mediaType != null && !mediaType.matches("[a-z0-9.+-]+/[a-z0-9.+-]+")) {
				throw new InvalidInput("locations[" + i + "].mediaType", "not a media type: " + location.mediaType());
			}
			checked.add(new Location(i + 1, href, mediaType));
		}
		return checked;
	}

	private static String describe(List<Location> locations) {
		StringBuilder text = new StringBuilder();
		for (Location location : locations) {
			text.append((text.length() > 0) ? " | " : "")
				.append(location.index())
				.append(": ")
				.append(location.href())
				.append((location.mediaType() != null) ? " (" + location.mediaType() + ")" : "");
		}
		return text.toString();
	}

	// reading and resolving

	/** The identifier, live or tombstone, from the cache when fresh. */
	public Optional<Identifier> resolve(Cdoi cdoi) {
		return this.cache.get(cdoi.handle(), (handle) -> this.store.find(cdoi).map(Stored::identifier));
	}

	/**
	 * Where a plain {@code GET} of this identifier redirects: its one location when it is
	 * live and has exactly one location without a media type; empty otherwise (the full
	 * resolution then decides). From the node's resolution index once it is built (ADR
	 * 0030), before that from a cache of strings read with a lean query, because this is
	 * the path every resolution of a persistent link takes.
	 */
	public Optional<String> redirect(Cdoi cdoi) {
		if (this.index.ready()) {
			return Optional.ofNullable(this.index.get(cdoi.handle()));
		}
		String href = this.redirects.get(cdoi.handle(), (handle) -> this.store.redirect(handle).orElse(""));
		return href.isEmpty() ? Optional.empty() : Optional.of(href);
	}

	/**
	 * Plain redirects in this node's resolution index, or -1 while it is not built (or
	 * switched off).
	 */
	public int resolutionIndexSize() {
		return this.index.ready() ? this.index.size() : -1;
	}

	private void forget(String handle) {
		forget(List.of(handle));
	}

	private void forget(List<String> handles) {
		this.cache.invalidateAll(handles);
		this.redirects.invalidateAll(handles);
		this.index.changed(handles);
	}

	/** The identifier, or {@link UnknownIdentifier}. */
	public Identifier get(Cdoi cdoi) {
		return this.store.find(cdoi).map(Stored::identifier).orElseThrow(() -> new UnknownIdentifier(cdoi.handle()));
	}

	/** The identifier of an NDLP object, if one was minted. */
	public Optional<Identifier> ofTarget(String kind, String targetId) {
		return this.store.byTargets(kind, List.of(targetId)).values().stream().findFirst().map(Stored::identifier);
	}

	/** Which of these targets have an identifier (live or tombstone); one query. */
	public Set<String> targetsWithIdentifiers(String kind, List<String> targetIds) {
		return new HashSet<>(this.store.byTargets(kind, targetIds).keySet());
	}

	public List<Identifier> search(String q, String prefix, int offset, int limit) {
		return this.store.search(q, prefix, Math.max(offset, 0), Math.min(Math.max(limit, 1), 500));
	}

	/** Every audited change of an identifier, oldest first. */
	public List<IdentifierEvent> history(Cdoi cdoi) {
		return this.store.events(cdoi.handle());
	}

	/** Every audited change of a prefix. */
	public List<IdentifierEvent> prefixHistory(String prefix) {
		return this.store.events("prefix:" + Cdoi.checkPrefix(prefix));
	}

	// changes

	/** Replaces the locations of a live identifier. */
	@Transactional
	public Identifier setLocations(Cdoi cdoi, List<Location> locations, CurrentUser user) {
		checkMayManage(user, cdoi.prefix());
		Stored stored = this.store.find(cdoi).orElseThrow(() -> new UnknownIdentifier(cdoi.handle()));
		if (stored.identifier().deleted()) {
			throw new Conflict("identifier-deleted", null,
					"identifier " + cdoi + " was deleted; a tombstone keeps no locations to change");
		}
		List<Location> checked = checkLocations(locations);
		Instant now = this.clock.instant();
		this.store.replaceLocations(stored.id(), checked, now);
		this.store.insertEvents(List.of(new IdentifierEvent(cdoi.handle(), now, user.username(), "LOCATIONS",
				describe(stored.identifier().locations()) + " → " + describe(checked))));
		forget(cdoi.handle());
		return get(cdoi);
	}

	/** Deletes an identifier, leaving a tombstone that says what it was. */
	@Transactional
	public Identifier tombstone(Cdoi cdoi, String note, CurrentUser user) {
		checkMayManage(user, cdoi.prefix());
		Stored stored = this.store.find(cdoi).orElseThrow(() -> new UnknownIdentifier(cdoi.handle()));
		if (stored.identifier().deleted()) {
			return stored.identifier();
		}
		String reason = (note != null && !note.isBlank()) ? note.strip() : "deleted by " + user.username();
		Instant now = this.clock.instant();
		this.store.tombstone(List.of(stored.id()), reason, now);
		this.store
			.insertEvents(List.of(new IdentifierEvent(cdoi.handle(), now, user.username(), "TOMBSTONED", reason)));
		forget(cdoi.handle());
		return get(cdoi);
	}

}
