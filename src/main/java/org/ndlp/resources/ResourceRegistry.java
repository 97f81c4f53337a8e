package org.ndlp.resources;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ndlp.members.LibraryLevel;
import org.ndlp.members.MemberLibraries;
import org.ndlp.members.MemberLibrary;
import org.ndlp.resources.internal.JdbcResources;
import org.ndlp.resources.internal.JdbcResources.Filter;
import org.ndlp.resources.internal.JdbcResources.Row;
import org.ndlp.resources.internal.ResourceKeys;
import org.ndlp.shared.LibraryCode;
import org.ndlp.shared.problem.Conflict;
import org.ndlp.shared.problem.InvalidInput;
import org.ndlp.shared.problem.NotFound;
import org.ndlp.shared.problem.OutOfScope;
import org.ndlp.shared.security.CurrentUser;
import org.ndlp.shared.security.StaffRole;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registry of self-built resources: registration (form, bulk, oai_dc harvest) with
 * possible duplicates flagged at once, review by the provincial library (a provincial or
 * national library's registrations by the NLC), publication on the change feed, and
 * withdrawal.
 *
 * <p>
 * Scope: staff register and edit their own library's resources only (national admins any
 * library's); provincial admins see their province and review its city and county
 * libraries' registrations; national admins see everything and review provincial and
 * national registrations (and may review any).
 */
@Service
public class ResourceRegistry {

	/** Kind of a change-feed entry: published (or republished). */
	public static final String UPSERT = "UPSERT";

	/** Kind of a change-feed entry: no longer in the repository. */
	public static final String DELETE = "DELETE";

	private static final Pattern YEAR = Pattern.compile("(1[89]\\d\\d|20\\d\\d)");

	private static final int MAX_PAGE = 500;

	private final JdbcResources resources;

	private final MemberLibraries libraries;

	private final Clock clock;

	public ResourceRegistry(JdbcResources resources, MemberLibraries libraries, Clock clock) {
		this.resources = resources;
		this.libraries = libraries;
		this.clock = clock;
	}

	/**
	 * What a registration produced.
	 *
	 * @param resource the stored resource, with its flagged duplicates
	 * @param created whether it is new (false: an existing harvested record was updated
	 * or unchanged)
	 */
	public record Registered(Resource resource, boolean created) {
	}

	/** Registers one resource for review; possible duplicates are flagged at once. */
	@Transactional
	public Resource register(ResourceDraft draft, CurrentUser user) {
		Checked checked = check(draft, user, null, null);
		return store(checked);
	}

	/**
	 * Registers a resource harvested as {@code oai_dc} from a library's own repository
	 * (the OAI-PMH harvester calls this). A record already harvested under the same OAI
	 * identifier is updated, and goes back to review when it changed; a deleted record is
	 * withdrawn.
	 * @param library the library whose repository was harvested
	 * @param record the record
	 * @param harvester the account the harvest runs as (in scope of the library)
	 * @return the stored resource, or {@code null} for a deleted record never registered
	 */
	@Transactional
	public Registered registerFromDublinCore(LibraryCode library, DublinCoreRecord record, CurrentUser harvester) {
		if (record.identifier() == null || record.identifier().isBlank()) {
			throw new InvalidInput("identifier", "a harvested record needs its OAI identifier");
		}
		Resource existing = this.resources.findBySource(library, record.identifier()).orElse(null);
		if (record.deleted()) {
			if (existing != null && existing.status() != ResourceStatus.WITHDRAWN) {
				checkRegistrant(harvester, existing);
				setStatus(existing, ResourceStatus.WITHDRAWN, "deleted in the library's repository", harvester);
				return new Registered(get(existing.id(), harvester), false);
			}
			return new Registered(existing, false);
		}
		ResourceDraft draft = fromDublinCore(library, record, this.clock.instant());
		if (existing == null) {
			Checked checked = check(draft, harvester, null, record.identifier());
			return new Registered(store(checked), true);
		}
		return new Registered(update(existing.id(), draft, harvester), false);
	}

	/** Maps Dublin Core to a draft; census fields that DC lacks stay empty. */
	public static ResourceDraft fromDublinCore(LibraryCode library, DublinCoreRecord dc, Instant now) {
		String url = null;
		for (String identifier : dc.all("identifier")) {
			if (identifier.startsWith("http://") || identifier.startsWith("https://")) {
				url = identifier;
				break;
			}
		}
		// dc:date is often the content's date (a 1930s photograph), not when the library
		// built the resource: a year from 1949 on is taken, else the header's datestamp,
		// else the harvest's year
		int year = now.atZone(ZoneId.of("Asia/Shanghai")).getYear();
		for (String value : new String[] { dc.first("date"), dc.datestamp() }) {
			Matcher m = (value != null) ? YEAR.matcher(value) : null;
			if (m != null && m.find() && Integer.parseInt(m.group(1)) >= 1949 && Integer.parseInt(m.group(1)) <= year) {
				year = Integer.parseInt(m.group(1));
				break;
			}
		}
		return new ResourceDraft(library.value(), dc.first("title"), dc.joined("creator"), dc.joined("subject"),
				dc.first("description"), dc.joined("publisher"), dc.joined("contributor"), dc.first("date"),
				dc.joined("type"), dc.joined("format"), dc.joined("identifier"), dc.joined("source"),
				dc.joined("language"), dc.joined("relation"), dc.joined("coverage"), dc.joined("rights"),
				typeOf(dc.all("type"), dc.joined("format")).name(), null, null, url, null, year);
	}

	/** The census type a DCMI type (or a format) suggests. */
	static ResourceType typeOf(List<String> dcTypes, String format) {
		for (String value : dcTypes) {
			String t = value.toLowerCase(Locale.ROOT).replace(" ", "");
			if (t.contains("movingimage") || t.contains("video") || t.contains("视频")) {
				return ResourceType.VIDEO;
			}
			if (t.contains("sound") || t.contains("audio") || t.contains("音频")) {
				return ResourceType.AUDIO;
			}
			if (t.contains("image") || t.contains("图")) {
				return ResourceType.IMAGE;
			}
			if (t.contains("dataset") || t.contains("database") || t.contains("数据库")) {
				return ResourceType.DATABASE;
			}
			if (t.contains("text") || t.contains("文")) {
				return ResourceType.TEXT;
			}
		}
		String f = (format != null) ? format.toLowerCase(Locale.ROOT) : "";
		if (f.contains("warc")) {
			return ResourceType.WEB_ARCHIVE;
		}
		if (f.startsWith("video") || f.contains("mp4")) {
			return ResourceType.VIDEO;
		}
		return (f.contains("pdf") || f.startsWith("text")) ? ResourceType.TEXT : ResourceType.OTHER;
	}

	/**
	 * Changes a registration (its registrant's library only) while it is pending or
	 * returned, or after publication: it then goes back to review and leaves the
	 * repository (a DELETE on the feed) until approved again. Unchanged content changes
	 * nothing.
	 */
	@Transactional
	public Resource update(long id, ResourceDraft draft, CurrentUser user) {
		Resource existing = find(id);
		checkRegistrant(user, existing);
		if (existing.status() == ResourceStatus.WITHDRAWN) {
			throw new Conflict("resource-withdrawn", null, "resource " + id + " was withdrawn; register it anew");
		}
		Checked checked = check(draft, user, existing, existing.sourceId());
		if (!checked.resource().library().equals(existing.library())) {
			throw new InvalidInput("library", "a registration's building library cannot change");
		}
		if (sameContent(existing, checked.resource())) {
			return get(id, user);
		}
		Instant now = this.clock.instant();
		Resource r = checked.resource();
		Resource updated = new Resource(id, r.library(), r.title(), r.creator(), r.subject(), r.description(),
				r.publisher(), r.contributor(), r.date(), r.dcType(), r.format(), r.identifier(), r.source(),
				r.language(), r.relation(), r.coverage(), r.rights(), r.resourceType(), r.sizeGb(), r.itemCount(),
				r.accessUrl(), r.thematic(), r.yearBuilt(), ResourceStatus.PENDING, existing.reviewComment(),
				existing.reviewedBy(), existing.reviewedAt(), existing.sourceId(), existing.registeredBy(),
				existing.registeredAt(), now, existing.publishedAt(), List.of(), 0);
		this.resources.update(updated, checked.province(), checked.level());
		if (existing.status() == ResourceStatus.PUBLISHED) {
			this.resources.change(id, DELETE, now);
		}
		this.resources.replaceDuplicates(id, this.resources.findSimilar(updated.library(),
				ResourceKeys.titleKey(updated.title()), ResourceKeys.urlKey(updated.accessUrl()), id));
		return get(id, user);
	}

	/** Approves a pending registration: it is published and goes on the change feed. */
	@Transactional
	public Resource approve(long id, String comment, CurrentUser reviewer) {
		Resource existing = find(id);
		checkReviewer(reviewer, existing);
		if (existing.status() != ResourceStatus.PENDING) {
			throw new Conflict("not-pending", "status",
					"only a pending registration can be approved; resource " + id + " is " + existing.status());
		}
		setStatus(existing, ResourceStatus.PUBLISHED, blankToNull(comment), reviewer);
		return get(id, reviewer);
	}

	/** Returns a pending registration to its library with comments (required). */
	@Transactional
	public Resource returnWithComments(long id, String comment, CurrentUser reviewer) {
		Resource existing = find(id);
		checkReviewer(reviewer, existing);
		if (existing.status() != ResourceStatus.PENDING) {
			throw new Conflict("not-pending", "status",
					"only a pending registration can be returned; resource " + id + " is " + existing.status());
		}
		if (comment == null || comment.isBlank()) {
			throw new InvalidInput("comment", "say what the library must fix");
		}
		setStatus(existing, ResourceStatus.RETURNED, comment.strip(), reviewer);
		return get(id, reviewer);
	}

	/**
	 * Withdraws a registration (its library's staff or a reviewer); a published one
	 * leaves the repository (DELETE on the feed).
	 */
	@Transactional
	public Resource withdraw(long id, CurrentUser user) {
		Resource existing = find(id);
		if (!isRegistrant(user, existing) && !mayReview(user, existing)) {
			throw new OutOfScope(user.username() + " may not withdraw resource " + id);
		}
		if (existing.status() != ResourceStatus.WITHDRAWN) {
			setStatus(existing, ResourceStatus.WITHDRAWN, null, user);
		}
		return get(id, user);
	}

	/** A registration in the user's scope, with its flagged duplicates. */
	public Resource get(long id, CurrentUser user) {
		Resource resource = find(id);
		if (!maySee(user, resource)) {
			throw new OutOfScope(user.username() + " may not see resource " + id);
		}
		return resource.withDuplicates(this.resources.duplicates(id));
	}

	/**
	 * A page of registrations in the user's scope.
	 * @param query the filters
	 * @param user who asks
	 * @return the page
	 */
	public ResourcePage list(ResourceQuery query, CurrentUser user) {
		Filter filter = filter(query, user, false);
		return new ResourcePage(this.resources.count(filter), filter.offset(), filter.limit(),
				this.resources.list(filter));
	}

	/** Pending registrations the user may review, oldest last. */
	public ResourcePage reviewQueue(ResourceQuery query, CurrentUser user) {
		Filter filter = filter(query, user, true);
		return new ResourcePage(this.resources.count(filter), filter.offset(), filter.limit(),
				this.resources.list(filter));
	}

	/**
	 * The change feed: published ({@code UPSERT}) and withdrawn or re-opened
	 * ({@code DELETE}) resources after a sequence number, in order. Followers remember
	 * the last {@code seq} they handled.
	 */
	public List<ResourceChange> changesAfter(long seq, int limit) {
		return this.resources.changesAfter(seq, Math.max(1, Math.min(limit, 10_000)));
	}

	/** The last sequence number of the change feed, 0 when it is empty. */
	public long latestSeq() {
		return this.resources.latestSeq();
	}

	/** A published resource by id for feed followers (no scope: published is public). */
	public java.util.Optional<Resource> published(long id) {
		return this.resources.find(id).filter((r) -> r.status() == ResourceStatus.PUBLISHED);
	}

	/** Whether the user may review this registration. */
	public boolean mayReview(CurrentUser user, Resource resource) {
		LibraryLevel level = levelOf(resource);
		if (user.isNationalAdmin()) {
			return true;
		}
		if (user.role() != StaffRole.PROVINCIAL_ADMIN) {
			return false;
		}
		String province = this.resources.scopeOf(resource.id()).map((s) -> s[0]).orElse("");
		return (level == LibraryLevel.CITY || level == LibraryLevel.COUNTY)
				&& user.region().provincePrefix().equals(province);
	}

	/** Whether the user belongs to the registering library (or is a national admin). */
	public boolean isRegistrant(CurrentUser user, Resource resource) {
		return user.isNationalAdmin() || user.library().equals(resource.library());
	}

	boolean maySee(CurrentUser user, Resource resource) {
		if (user.isNationalAdmin() || user.library().equals(resource.library())) {
			return true;
		}
		return user.role() == StaffRole.PROVINCIAL_ADMIN && this.resources.scopeOf(resource.id())
			.map((s) -> s[0].equals(user.region().provincePrefix()))
			.orElse(false);
	}

	/**
	 * A draft checked against the field rules and the user's scope; the first field at
	 * fault fails with {@link InvalidInput} (or {@link OutOfScope}).
	 *
	 * @param resource the resource to store (id 0, pending)
	 * @param province its library's province prefix
	 * @param level its library's level name
	 */
	record Checked(Resource resource, String province, String level) {
	}

	Checked check(ResourceDraft d, CurrentUser user, Resource existing, String sourceId) {
		if (d == null) {
			throw new InvalidInput("body", "a resource is required");
		}
		LibraryCode code;
		try {
			code = blank(d.library()) ? user.library() : LibraryCode.of(d.library());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInput("library", ex.getMessage());
		}
		MemberLibrary library = this.libraries.find(code)
			.orElseThrow(() -> new InvalidInput("library", "no member library has the code " + code));
		if (!user.isNationalAdmin() && !user.library().equals(code)) {
			throw new OutOfScope(user.username() + " registers resources of " + user.library() + " only, not " + code);
		}
		String title = text("title", d.title(), 500);
		if (title == null) {
			throw new InvalidInput("title", "title (题名) is required");
		}
		if (blank(d.resourceType())) {
			throw new InvalidInput("resourceType", "resource type (资源类型) is required");
		}
		ResourceType type;
		ThematicDatabase thematic;
		try {
			type = ResourceType.parse(d.resourceType());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInput("resourceType", ex.getMessage());
		}
		try {
			thematic = ThematicDatabase.parse(d.thematic());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInput("thematic", ex.getMessage());
		}
		int thisYear = this.clock.instant().atZone(ZoneId.of("Asia/Shanghai")).getYear();
		if (d.yearBuilt() == null) {
			throw new InvalidInput("yearBuilt", "year built (建设年份) is required");
		}
		if (d.yearBuilt() < 1949 || d.yearBuilt() > thisYear) {
			throw new InvalidInput("yearBuilt", "year built must lie between 1949 and " + thisYear);
		}
		if (d.sizeGb() != null && (d.sizeGb().signum() < 0 || d.sizeGb().compareTo(new BigDecimal("1e10")) >= 0)) {
			throw new InvalidInput("sizeGb", "size (GB) must be zero or more");
		}
		if (d.itemCount() != null && d.itemCount() < 0) {
			throw new InvalidInput("itemCount", "item count must be zero or more");
		}
		String url = text("accessUrl", d.accessUrl(), 1000);
		if (url != null && !url.matches("(?i)https?://\\S+")) {
			throw new InvalidInput("accessUrl", "access URL must be an http(s) address, got: " + url);
		}
		Instant now = this.clock.instant();
		BigDecimal size = (d.sizeGb() != null) ? d.sizeGb().setScale(3, java.math.RoundingMode.HALF_UP) : null;
		Resource resource = new Resource(0, code, title, text("creator", d.creator(), 500),
				text("subject", d.subject(), 500), text("description", d.description(), 4000),
				text("publisher", d.publisher(), 500), text("contributor", d.contributor(), 500),
				text("date", d.date(), 100), text("dcType", d.dcType(), 100), text("format", d.format(), 200),
				text("identifier", d.identifier(), 500), text("source", d.source(), 500),
				text("language", d.language(), 50), text("relation", d.relation(), 500),
				text("coverage", d.coverage(), 500), text("rights", d.rights(), 1000), type, size, d.itemCount(), url,
				thematic, d.yearBuilt(), ResourceStatus.PENDING, null, null, null, sourceId, user.username(), now, now,
				null, List.of(), 0);
		return new Checked(resource, library.regionCode().provincePrefix(), library.level().name());
	}

	/** Stores a checked registration and flags its possible duplicates. */
	Resource store(Checked checked) {
		Resource r = checked.resource();
		long id = this.resources.insert(new Row(r, checked.province(), checked.level()));
		List<Duplicate> duplicates = this.resources.findSimilar(r.library(), ResourceKeys.titleKey(r.title()),
				ResourceKeys.urlKey(r.accessUrl()), id);
		this.resources.replaceDuplicates(id, duplicates);
		return this.resources.find(id).orElseThrow().withDuplicates(this.resources.duplicates(id));
	}

	private void setStatus(Resource existing, ResourceStatus status, String comment, CurrentUser user) {
		Instant now = this.clock.instant();
		this.resources.review(existing.id(), status, comment, user.username(), now);
		if (status == ResourceStatus.PUBLISHED) {
			this.resources.change(existing.id(), UPSERT, now);
		}
		else if (existing.status() == ResourceStatus.PUBLISHED) {
			this.resources.change(existing.id(), DELETE, now);
		}
	}

	private Resource find(long id) {
		return this.resources.find(id).orElseThrow(() -> new NotFound("no registered resource " + id));
	}

	private void checkRegistrant(CurrentUser user, Resource resource) {
		if (!isRegistrant(user, resource)) {
			throw new OutOfScope(user.username() + " may change resources of " + user.library() + " only");
		}
	}

	private void checkReviewer(CurrentUser user, Resource resource) {
		if (!mayReview(user, resource)) {
			LibraryLevel level = levelOf(resource);
			throw new OutOfScope((level == LibraryLevel.CITY || level == LibraryLevel.COUNTY)
					? "registrations of " + resource.library() + " are reviewed by its provincial library"
					: "registrations of provincial libraries and the NLC are reviewed by the national centre");
		}
	}

	private LibraryLevel levelOf(Resource resource) {
		return this.resources.scopeOf(resource.id()).map((s) -> LibraryLevel.valueOf(s[1])).orElseThrow();
	}

	private Filter filter(ResourceQuery q, CurrentUser user, boolean queue) {
		LibraryCode library = null;
		if (!blank(q.library())) {
			try {
				library = LibraryCode.of(q.library());
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidInput("library", ex.getMessage());
			}
		}
		String province = blank(q.province()) ? null : q.province().strip();
		List<String> levels = null;
		if (user.isNationalAdmin()) {
			// the national centre's own queue: provincial and national registrations
			levels = (queue && !q.allLevels()) ? List.of("PROVINCIAL", "NATIONAL") : null;
		}
		else if (user.role() == StaffRole.PROVINCIAL_ADMIN) {
			String own = user.region().provincePrefix();
			if (province != null && !province.equals(own)) {
				throw new OutOfScope(user.username() + " sees the registrations of province " + own + " only");
			}
			province = own;
			levels = queue ? List.of("CITY", "COUNTY") : null;
		}
		else {
			if (queue) {
				throw new OutOfScope("registrations are reviewed by the provincial libraries and the national centre");
			}
			if (library != null && !library.equals(user.library())) {
				throw new OutOfScope(user.username() + " sees the registrations of " + user.library() + " only");
			}
			library = user.library();
		}
		ResourceStatus status = queue ? ResourceStatus.PENDING : q.status();
		int limit = Math.max(1, Math.min(q.size(), MAX_PAGE));
		return new Filter(library, province, status, levels, blank(q.q()) ? null : q.q().strip(),
				Math.max(0, q.page()) * limit, limit);
	}

	private static boolean sameContent(Resource a, Resource b) {
		return Objects.equals(a.title(), b.title()) && Objects.equals(a.creator(), b.creator())
				&& Objects.equals(a.subject(), b.subject()) && Objects.equals(a.description(), b.description())
				&& Objects.equals(a.publisher(), b.publisher()) && Objects.equals(a.contributor(), b.contributor())
				&& Objects.equals(a.date(), b.date()) && Objects.equals(a.dcType(), b.dcType())
				&& Objects.equals(a.format(), b.format()) && Objects.equals(a.identifier(), b.identifier())
				&& Objects.equals(a.source(), b.source()) && Objects.equals(a.language(), b.language())
				&& Objects.equals(a.relation(), b.relation()) && Objects.equals(a.coverage(), b.coverage())
				&& Objects.equals(a.rights(), b.rights()) && a.resourceType() == b.resourceType()
				&& sameNumber(a.sizeGb(), b.sizeGb()) && Objects.equals(a.itemCount(), b.itemCount())
				&& Objects.equals(a.accessUrl(), b.accessUrl()) && a.thematic() == b.thematic()
				&& a.yearBuilt() == b.yearBuilt();
	}

	private static boolean sameNumber(BigDecimal a, BigDecimal b) {
		return (a == null) ? b == null : b != null && a.compareTo(b) == 0;
	}

	private static String text(String field, String value, int max) {
		if (blank(value)) {
			return null;
		}
		String v = value.strip();
		if (v.length() > max) {
			throw new InvalidInput(field, field + " is longer than " + max + " characters");
		}
		return v;
	}

	private static String blankToNull(String value) {
		return blank(value) ? null : value.strip();
	}

	static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}
