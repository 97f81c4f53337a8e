package org.ndlp.operations.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.ndlp.catalog.CatalogContributions;
import org.ndlp.members.DeploymentEvent;
import org.ndlp.members.DeploymentHistory;
import org.ndlp.members.DeploymentState;
import org.ndlp.members.LibraryLevel;
import org.ndlp.members.LibraryQuery;
import org.ndlp.members.MemberLibraries;
import org.ndlp.members.MemberLibrary;
import org.ndlp.operations.reporting.QuarterlyReport.Narrative;
import org.ndlp.operations.reporting.ReportView.Actions;
import org.ndlp.operations.reporting.ReportView.Change;
import org.ndlp.operations.reporting.ReportView.Part;
import org.ndlp.operations.reporting.SharpChangeRule.SharpChange;
import org.ndlp.resources.RegistrationRatios;
import org.ndlp.shared.LibraryCode;
import org.ndlp.shared.RegionCode;
import org.ndlp.shared.problem.Conflict;
import org.ndlp.shared.problem.InvalidInput;
import org.ndlp.shared.problem.NotFound;
import org.ndlp.shared.problem.OutOfScope;
import org.ndlp.shared.security.CurrentUser;
import org.ndlp.shared.security.StaffRole;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The quarterly reporting workflow (工作报送): a city library's report goes to its provincial
 * library, a provincial library's report (its own figures plus its approved city reports)
 * goes to NLC, and the national report (NLC's own figures plus the approved provincial
 * reports) goes to the Ministry of Culture (文化部). Reviewers return a report with comments
 * or approve it; an approved report is a locked snapshot.
 */
@Service
class QuarterlyReports {

	static final String MINISTRY = "文化部";

	private static final int MAX_TEXT = 4000;

	private static final int MAX_NOTE = 1000;

	private static final int MAX_COMMENT = 2000;

	private static final BigDecimal MAX_FIGURE = new BigDecimal("1000000000000");

	private final JdbcQuarterlyReports reports;

	private final MemberLibraries libraries;

	private final DeploymentHistory deployment;

	private final ReportingProperties properties;

	private final Clock clock;

	private final CatalogContributions contributions;

	private final RegistrationRatios registrations;

	QuarterlyReports(JdbcQuarterlyReports reports, MemberLibraries libraries, DeploymentHistory deployment,
			ReportingProperties properties, Clock clock, CatalogContributions contributions,
			RegistrationRatios registrations) {
		this.contributions = contributions;
		this.registrations = registrations;
		this.reports = reports;
		this.libraries = libraries;
		this.deployment = deployment;
		this.properties = properties;
		this.clock = clock;
	}

	/** A library's report for a quarter; an unsaved one is an empty draft. */
	ReportView view(LibraryCode code, Quarter quarter, CurrentUser user) {
		MemberLibrary library = reportingLibrary(code);
		checkMayRead(user, library);
		checkBegun(quarter);
		return assemble(library, quarter, this.reports.find(code, quarter), user);
	}

	/** Saves the library's entries into its draft (or returned) report. */
	@Transactional
	ReportView save(LibraryCode code, Quarter quarter, ReportDraft draft, CurrentUser user) {
		MemberLibrary library = reportingLibrary(code);
		checkAuthor(user, library);
		checkBegun(quarter);
		Entries entries = entries(draft);
		Optional<QuarterlyReport> stored = this.reports.find(code, quarter);
		stored.ifPresent(this::checkEditable);
		Instant now = this.clock.instant();
		long id;
		if (stored.isPresent()) {
			id = stored.get().id();
			if (!this.reports.updateNarrative(id, entries.narrative(), now)) {
				throw changedMeanwhile(library, quarter);
			}
		}
		else {
			id = create(library, quarter, entries.narrative(), user, now);
		}
		this.reports.replaceFigures(id, entries.figures(), Figures.NONE, entries.notes());
		return assemble(library, quarter, this.reports.find(code, quarter), user);
	}

	/**
	 * Sends the report up after the edit checks; freezes its prefilled figures and its
	 * aggregate.
	 */
	@Transactional
	ReportView submit(LibraryCode code, Quarter quarter, String comment, CurrentUser user) {
		MemberLibrary library = reportingLibrary(code);
		checkAuthor(user, library);
		checkBegun(quarter);
		LocalDate today = LocalDate.now(this.clock);
		if (!today.isAfter(quarter.end())) {
			throw new InvalidInput("quarter",
					quarter + " ends on " + quarter.end() + "; its report can be submitted from the day after");
		}
		Optional<QuarterlyReport> stored = this.reports.find(code, quarter);
		stored.ifPresent(this::checkEditable);
		Figures entered = stored.map(QuarterlyReport::own).orElse(Figures.NONE);
		Map<Figure, String> notes = stored.map(QuarterlyReport::notes).orElse(Map.of());
		checkComplete(entered, stored.map(QuarterlyReport::narrative).orElse(Narrative.EMPTY));
		checkChangesExplained(library, quarter, entered, notes);
		String note = text("comment", comment, MAX_COMMENT);
		// checkComplete has refused a report that was never saved
		QuarterlyReport report = stored.get();
		Figures own = entered.only((figure) -> !figure.prefilled()).plus(platformFigures(code, quarter));
		Aggregate aggregate = aggregate(library, quarter);
		this.reports.replaceFigures(report.id(), own, own.plus(aggregate.sum()), notes);
		this.reports.replaceSources(report.id(), aggregate.sources());
		transition(report, ReportStatus.SUBMITTED, note, user, library);
		return assemble(library, quarter, this.reports.find(code, quarter), user);
	}

	/** The reviewer sends a submitted report back; a comment saying why is required. */
	@Transactional
	ReportView returnReport(LibraryCode code, Quarter quarter, String comment, CurrentUser user) {
		MemberLibrary library = reportingLibrary(code);
		QuarterlyReport report = submittedForReview(library, quarter, user);
		String note = text("comment", comment, MAX_COMMENT);
		if (note == null) {
			throw new InvalidInput("comment", "a returned report needs a comment saying what to change");
		}
		transition(report, ReportStatus.RETURNED, note, user, library);
		return assemble(library, quarter, this.reports.find(code, quarter), user);
	}

	/** The reviewer accepts a submitted report, which locks it. */
	@Transactional
	ReportView approve(LibraryCode code, Quarter quarter, String comment, CurrentUser user) {
		MemberLibrary library = reportingLibrary(code);
		QuarterlyReport report = submittedForReview(library, quarter, user);
		String note = text("comment", comment, MAX_COMMENT);
		if (library.parentCode() != null) {
			// the aggregate above froze its sources when it was submitted
			this.reports.find(library.parentCode(), quarter)
				.filter((above) -> !above.status().editable())
				.ifPresent((above) -> {
					throw new Conflict("aggregate-already-submitted", null,
							"the report of " + above.library() + " for " + quarter + " is already "
									+ above.status().name().toLowerCase(java.util.Locale.ROOT)
									+ " without this one; it must be returned before this report can be approved");
				});
		}
		transition(report, ReportStatus.APPROVED, note, user, library);
		return assemble(library, quarter, this.reports.find(code, quarter), user);
	}

	/** Stored reports in the caller's scope, newest quarter first. */
	List<ReportSummary> list(Integer year, Integer quarter, ReportStatus status, String province, CurrentUser user) {
		if (quarter != null && (quarter < 1 || quarter > 4)) {
			throw new InvalidInput("quarter", "quarter must be 1 to 4, got " + quarter);
		}
		String prefix = provincePrefix(province);
		Map<LibraryCode, MemberLibrary> all = allLibraries();
		LocalDate today = LocalDate.now(this.clock);
		List<ReportSummary> found = new ArrayList<>();
		for (QuarterlyReport report : this.reports.list(year, quarter, status)) {
			MemberLibrary library = all.get(report.library());
			if (library != null && inScope(user, library, prefix)) {
				found.add(summary(library, report.quarter(), report, today));
			}
		}
		return found;
	}

	/**
	 * Libraries in the caller's scope whose report for the quarter is past its deadline
	 * and not submitted: nothing stored, a draft, or returned and not resubmitted.
	 */
	List<ReportSummary> overdue(Quarter quarter, String province, CurrentUser user) {
		String prefix = provincePrefix(province);
		LocalDate today = LocalDate.now(this.clock);
		if (!today.isAfter(quarter.dueOn(this.properties.dueDays()))) {
			return List.of();
		}
		Map<LibraryCode, QuarterlyReport> stored = this.reports.list(quarter.year(), quarter.number(), null)
			.stream()
			.collect(Collectors.toMap(QuarterlyReport::library, Function.identity()));
		List<ReportSummary> overdue = new ArrayList<>();
		for (MemberLibrary library : this.libraries.search(LibraryQuery.ALL)) {
			QuarterlyReport report = stored.get(library.code());
			if (library.level() != LibraryLevel.COUNTY && inScope(user, library, prefix)
					&& (report == null || report.status().editable())) {
				overdue.add(summary(library, quarter, report, today));
			}
		}
		return overdue;
	}

	/** Attaches a file to the library's editable report, creating the draft if needed. */
	@Transactional
	Attachment attach(LibraryCode code, Quarter quarter, String fileName, String mediaType, byte[] content,
			CurrentUser user) {
		MemberLibrary library = reportingLibrary(code);
		checkAuthor(user, library);
		checkBegun(quarter);
		Optional<QuarterlyReport> stored = this.reports.find(code, quarter);
		stored.ifPresent(this::checkEditable);
		if (content == null || content.length == 0) {
			throw new InvalidInput("file", "the file is empty");
		}
		long max = this.properties.maxAttachmentSize().toBytes();
		if (content.length > max) {
			throw new InvalidInput("file",
					"an attachment may have at most " + max + " bytes; this one has " + content.length);
		}
		Instant now = this.clock.instant();
		long id = stored.isPresent() ? stored.get().id() : create(library, quarter, Narrative.EMPTY, user, now);
		if (this.reports.attachments(id).size() >= this.properties.maxAttachments()) {
			throw new InvalidInput("file",
					"a report takes at most " + this.properties.maxAttachments() + " attachments; remove one first");
		}
		if (!this.reports.touch(id, now)) {
			throw changedMeanwhile(library, quarter);
		}
		String name = fileName(fileName);
		String type = (mediaType == null || mediaType.isBlank() || mediaType.length() > 100)
				? "application/octet-stream" : mediaType.strip();
		long attachment = this.reports.addAttachment(id, name, type, content, user.username(), now);
		return new Attachment(attachment, name, type, content.length, user.username(), now);
	}

	/** An attachment's description and bytes, for readers of the report. */
	AttachmentFile attachment(LibraryCode code, Quarter quarter, long attachmentId, CurrentUser user) {
		MemberLibrary library = reportingLibrary(code);
		checkMayRead(user, library);
		QuarterlyReport report = this.reports.find(code, quarter).orElseThrow(() -> noAttachment(attachmentId));
		Attachment attachment = this.reports.attachments(report.id())
			.stream()
			.filter((candidate) -> candidate.id() == attachmentId)
			.findFirst()
			.orElseThrow(() -> noAttachment(attachmentId));
		byte[] content = this.reports.attachmentContent(report.id(), attachmentId)
			.orElseThrow(() -> noAttachment(attachmentId));
		return new AttachmentFile(attachment, content);
	}

	/** Removes an attachment from the library's editable report. */
	@Transactional
	void detach(LibraryCode code, Quarter quarter, long attachmentId, CurrentUser user) {
		MemberLibrary library = reportingLibrary(code);
		checkAuthor(user, library);
		QuarterlyReport report = this.reports.find(code, quarter).orElseThrow(() -> noAttachment(attachmentId));
		checkEditable(report);
		if (!this.reports.deleteAttachment(report.id(), attachmentId)) {
			throw noAttachment(attachmentId);
		}
		this.reports.touch(report.id(), this.clock.instant());
	}

	/** The quarter whose reports fell due most recently (the default of lists). */
	Quarter lastDueQuarter() {
		LocalDate today = LocalDate.now(this.clock);
		Quarter quarter = Quarter.containing(today).previous();
		return today.isAfter(quarter.dueOn(this.properties.dueDays())) ? quarter : quarter.previous();
	}

	/** The prefilled figures of a library for a quarter, from its deployment history. */
	Figures platformFigures(LibraryCode code, Quarter quarter) {
		List<DeploymentEvent> events = this.deployment.events(code);
		DeploymentState end = DeploymentState.fold(code, quarter.end(), events);
		DeploymentState before = DeploymentState.fold(code, quarter.previous().end(), events);
		Map<Figure, BigDecimal> values = new EnumMap<>(Figure.class);
		values.put(Figure.HARDWARE_STANDARD, end.hardwareStandardMet() ? BigDecimal.ONE : BigDecimal.ZERO);
		values.put(Figure.VPN_CONNECTED, end.vpnConnected() ? BigDecimal.ONE : BigDecimal.ZERO);
		values.put(Figure.SYSTEMS_DEPLOYED, BigDecimal.valueOf(end.systems().size()));
		// money received in the quarter: what had arrived by its end minus what had by
		// its
		// start
		values.put(Figure.CENTRAL_FUNDS,
				end.centralFunds().subtract(before.centralFunds()).setScale(2, RoundingMode.HALF_UP));
		values.put(Figure.LOCAL_FUNDS,
				end.localFunds().subtract(before.localFunds()).setScale(2, RoundingMode.HALF_UP));
		return new Figures(values);
	}

	/**
	 * What the platform counted for figures the library enters itself, offered as the
	 * form's starting values: union-catalog records sent and resources registered in the
	 * quarter.
	 */
	Map<Figure, BigDecimal> platformSuggestions(LibraryCode code, Quarter quarter) {
		Map<Figure, BigDecimal> values = new EnumMap<>(Figure.class);
		values.put(Figure.CATALOG_RECORDS_SENT,
				BigDecimal.valueOf(this.contributions.sent(code, quarter.start(), quarter.end())));
		values.put(Figure.RESOURCES_REGISTERED,
				BigDecimal.valueOf(this.registrations.publishedBetween(code, quarter.start(), quarter.end())));
		return values;
	}

	/** Whether the user writes and submits this library's reports: its own staff. */
	static boolean isAuthor(CurrentUser user, MemberLibrary library) {
		return user.role() != StaffRole.CATALOGER && user.library().equals(library.code());
	}

	/**
	 * Whether the user reviews this library's reports: the provincial centre reviews its
	 * city libraries, NLC the provincial libraries, and NLC records the ministry's answer
	 * to the national report.
	 */
	static boolean isReviewer(CurrentUser user, MemberLibrary library) {
		return switch (library.level()) {
			case CITY, COUNTY ->
				user.role() == StaffRole.PROVINCIAL_ADMIN && user.region().sameProvinceAs(library.regionCode());
			case PROVINCIAL, NATIONAL -> user.role() == StaffRole.NATIONAL_ADMIN;
		};
	}

	private ReportView assemble(MemberLibrary library, Quarter quarter, Optional<QuarterlyReport> stored,
			CurrentUser user) {
		QuarterlyReport report = stored.orElse(null);
		ReportStatus status = (report != null) ? report.status() : ReportStatus.DRAFT;
		Figures own;
		Figures totals;
		List<Part> included;
		List<Part> missing;
		if (status.editable()) {
			Figures entered = (report != null) ? report.own().only((figure) -> !figure.prefilled()) : Figures.NONE;
			own = platformFigures(library.code(), quarter).plus(entered);
			Aggregate aggregate = aggregate(library, quarter);
			totals = own.plus(aggregate.sum());
			included = aggregate.included();
			missing = aggregate.missing();
		}
		else {
			own = report.own();
			totals = report.totals();
			included = new ArrayList<>();
			List<Long> sources = this.reports.sources(report.id());
			Map<LibraryCode, MemberLibrary> all = allLibraries();
			for (Long source : sources) {
				this.reports.byId(source)
					.ifPresent((part) -> included
						.add(new Part(part.library(), name(all, part.library()), part.status(), part.totals())));
			}
			missing = new ArrayList<>();
			for (MemberLibrary below : reportingBelow(library)) {
				if (included.stream().noneMatch((part) -> part.libraryCode().equals(below.code()))) {
					ReportStatus belowStatus = this.reports.find(below.code(), quarter)
						.map(QuarterlyReport::status)
						.orElse(null);
					missing.add(new Part(below.code(), below.name(), belowStatus, null));
				}
			}
		}
		Map<Figure, String> notes = (report != null) ? report.notes() : Map.of();
		List<Change> changes = new ArrayList<>();
		Figures previous = previousApproved(library.code(), quarter);
		for (SharpChange change : this.properties.sharpChangeRule().changes(previous, own)) {
			changes.add(new Change(change.figure().key(), change.previous(), change.current(), change.percent(),
					notes.get(change.figure()) != null));
		}
		Map<String, String> notesByKey = new LinkedHashMap<>();
		for (Figure figure : Figure.values()) {
			if (notes.get(figure) != null) {
				notesByKey.put(figure.key(), notes.get(figure));
			}
		}
		LocalDate today = LocalDate.now(this.clock);
		LocalDate due = quarter.dueOn(this.properties.dueDays());
		boolean edit = status.editable() && isAuthor(user, library);
		Actions actions = new Actions(edit, edit && today.isAfter(quarter.end()),
				status == ReportStatus.SUBMITTED && isReviewer(user, library));
		Narrative narrative = (report != null) ? report.narrative() : Narrative.EMPTY;
		return new ReportView(library.code(), library.name(), library.level(), submittedTo(library), quarter.year(),
				quarter.number(), status, report != null, due, status.editable() && today.isAfter(due), own, totals,
				notesByKey, narrative.workDone(), narrative.problems(), narrative.nextQuarterPlan(), included, missing,
				changes, (report != null) ? this.reports.attachments(report.id()) : List.of(),
				(report != null) ? this.reports.history(report.id()) : List.of(), actions,
				(report != null) ? report.updatedAt() : null, (report != null) ? report.submittedAt() : null);
	}

	/** The approved reports directly below a library for a quarter, and the others. */
	private Aggregate aggregate(MemberLibrary library, Quarter quarter) {
		List<Part> included = new ArrayList<>();
		List<Part> missing = new ArrayList<>();
		List<Long> sources = new ArrayList<>();
		List<Figures> sums = new ArrayList<>();
		for (MemberLibrary below : reportingBelow(library)) {
			Optional<QuarterlyReport> report = this.reports.find(below.code(), quarter);
			if (report.isPresent() && report.get().status() == ReportStatus.APPROVED) {
				included.add(new Part(below.code(), below.name(), ReportStatus.APPROVED, report.get().totals()));
				sources.add(report.get().id());
				sums.add(report.get().totals());
			}
			else {
				missing
					.add(new Part(below.code(), below.name(), report.map(QuarterlyReport::status).orElse(null), null));
			}
		}
		return new Aggregate(included, missing, sources, Figures.sum(sums));
	}

	/**
	 * Provincial libraries sum their city libraries; NLC sums the provincial libraries.
	 */
	private List<MemberLibrary> reportingBelow(MemberLibrary library) {
		LibraryLevel below = switch (library.level()) {
			case NATIONAL -> LibraryLevel.PROVINCIAL;
			case PROVINCIAL -> LibraryLevel.CITY;
			case CITY, COUNTY -> null;
		};
		if (below == null) {
			return List.of();
		}
		return this.libraries.children(library.code()).stream().filter((child) -> child.level() == below).toList();
	}

	private Figures previousApproved(LibraryCode code, Quarter quarter) {
		return this.reports.find(code, quarter.previous())
			.filter((report) -> report.status() == ReportStatus.APPROVED)
			.map((report) -> report.own().only((figure) -> !figure.prefilled()))
			.orElse(Figures.NONE);
	}

	private void checkComplete(Figures entered, Narrative narrative) {
		for (Figure figure : Figure.values()) {
			if (!figure.prefilled() && entered.get(figure) == null) {
				throw new InvalidInput("figures." + figure.key(),
						figure.key() + " (" + figure.nameZh() + ") is required before submission");
			}
		}
		required("workDone", narrative.workDone(), "本季度工作情况");
		required("problems", narrative.problems(), "存在问题");
		required("nextQuarterPlan", narrative.nextQuarterPlan(), "下季度工作计划");
	}

	private void checkChangesExplained(MemberLibrary library, Quarter quarter, Figures entered,
			Map<Figure, String> notes) {
		Figures previous = previousApproved(library.code(), quarter);
		for (SharpChange change : this.properties.sharpChangeRule().changes(previous, entered)) {
			if (notes.get(change.figure()) == null) {
				Integer percent = change.percent();
				throw new InvalidInput("notes." + change.figure().key(),
						change.figure().key() + " (" + change.figure().nameZh() + ") moved from "
								+ change.previous().toPlainString() + " in the approved report of " + quarter.previous()
								+ " to " + change.current().toPlainString()
								+ ((percent != null) ? " (" + ((percent > 0) ? "+" : "") + percent + "%)" : "")
								+ "; explain the change in notes." + change.figure().key());
			}
		}
	}

	private QuarterlyReport submittedForReview(MemberLibrary library, Quarter quarter, CurrentUser user) {
		checkMayRead(user, library);
		if (!isReviewer(user, library)) {
			throw new OutOfScope(user.username() + " does not review the reports of " + library.code() + "; "
					+ switch (library.level()) {
						case CITY, COUNTY -> "the provincial centre of " + library.provinceName() + " does";
						case PROVINCIAL, NATIONAL -> "the national centre does";
					});
		}
		checkBegun(quarter);
		QuarterlyReport report = this.reports.find(library.code(), quarter)
			.orElseThrow(() -> new NotFound(library.code() + " has no report for " + quarter));
		if (report.status() != ReportStatus.SUBMITTED) {
			throw new Conflict("report-not-submitted", null, "the report of " + library.code() + " for " + quarter
					+ " is " + report.status() + "; only a SUBMITTED report can be returned or approved");
		}
		return report;
	}

	private void transition(QuarterlyReport report, ReportStatus to, String comment, CurrentUser user,
			MemberLibrary library) {
		Instant now = this.clock.instant();
		if (!this.reports.changeStatus(report.id(), report.status(), to, now)) {
			throw changedMeanwhile(library, report.quarter());
		}
		this.reports.appendTransition(report.id(), report.status(), to, comment, user.username(), now);
	}

	private long create(MemberLibrary library, Quarter quarter, Narrative narrative, CurrentUser user, Instant now) {
		try {
			long id = this.reports.insert(library.code(), quarter, narrative, now);
			this.reports.appendTransition(id, null, ReportStatus.DRAFT, null, user.username(), now);
			return id;
		}
		catch (DuplicateKeyException ex) {
			throw changedMeanwhile(library, quarter);
		}
	}

	private void checkEditable(QuarterlyReport report) {
		if (report.status() == ReportStatus.APPROVED) {
			throw new Conflict("report-locked", null, "the report of " + report.library() + " for " + report.quarter()
					+ " is approved: a locked snapshot that cannot change");
		}
		if (report.status() == ReportStatus.SUBMITTED) {
			throw new Conflict("report-under-review", null, "the report of " + report.library() + " for "
					+ report.quarter() + " is submitted and awaits review; the reviewer must return it first");
		}
	}

	private void checkMayRead(CurrentUser user, MemberLibrary library) {
		if (!this.libraries.mayAdminister(user, library)) {
			throw new OutOfScope(user.username() + " (" + user.role() + " of " + user.library()
					+ ") may not see the reports of " + library.code());
		}
	}

	private void checkAuthor(CurrentUser user, MemberLibrary library) {
		checkMayRead(user, library);
		if (!isAuthor(user, library)) {
			throw new OutOfScope("only the staff of " + library.code() + " write its reports; " + user.username()
					+ " may read and review them");
		}
	}

	private void checkBegun(Quarter quarter) {
		if (quarter.start().isAfter(LocalDate.now(this.clock))) {
			throw new InvalidInput("quarter", quarter + " has not begun");
		}
	}

	private MemberLibrary reportingLibrary(LibraryCode code) {
		MemberLibrary library = this.libraries.get(code);
		if (library.level() == LibraryLevel.COUNTY) {
			throw new InvalidInput("libraryCode", "county libraries report through their city library; "
					+ "quarterly reports are kept for national, provincial and city libraries");
		}
		return library;
	}

	private String submittedTo(MemberLibrary library) {
		return switch (library.level()) {
			case NATIONAL -> MINISTRY;
			case PROVINCIAL -> this.libraries.find(LibraryCode.NLC).map(MemberLibrary::name).orElse("NLC");
			case CITY,
					COUNTY ->
				(library.parentCode() != null) ? this.libraries.find(library.parentCode())
					.map(MemberLibrary::name)
					.orElse(library.parentCode().value()) : "";
		};
	}

	private ReportSummary summary(MemberLibrary library, Quarter quarter, QuarterlyReport report, LocalDate today) {
		LocalDate due = quarter.dueOn(this.properties.dueDays());
		ReportStatus status = (report != null) ? report.status() : null;
		return new ReportSummary(library.code(), library.name(), library.level(), library.provinceName(),
				quarter.year(), quarter.number(), status, due,
				(status == null || status.editable()) && today.isAfter(due),
				(report != null) ? report.updatedAt() : null, (report != null) ? report.submittedAt() : null);
	}

	private boolean inScope(CurrentUser user, MemberLibrary library, String prefix) {
		return this.libraries.mayAdminister(user, library) && (prefix == null
				|| (library.level() != LibraryLevel.NATIONAL && library.regionCode().provincePrefix().equals(prefix)));
	}

	private Map<LibraryCode, MemberLibrary> allLibraries() {
		Map<LibraryCode, MemberLibrary> all = new HashMap<>();
		this.libraries.search(LibraryQuery.ALL).forEach((library) -> all.put(library.code(), library));
		return all;
	}

	private static String name(Map<LibraryCode, MemberLibrary> all, LibraryCode code) {
		MemberLibrary library = all.get(code);
		return (library != null) ? library.name() : code.value();
	}

	/** A province given as its two digits or any region code in it. */
	private static String provincePrefix(String province) {
		if (province == null || province.isBlank()) {
			return null;
		}
		String value = province.strip();
		try {
			return RegionCode.of((value.length() == 2) ? value + "0000" : value).provincePrefix();
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInput("province",
					"province must be a two-digit province code or a region code such " + "as 440000, got " + province);
		}
	}

	private static Entries entries(ReportDraft draft) {
		if (draft == null) {
			throw new InvalidInput("figures", "the report body is missing");
		}
		Map<Figure, BigDecimal> figures = new EnumMap<>(Figure.class);
		if (draft.figures() != null) {
			for (Map.Entry<String, BigDecimal> entry : draft.figures().entrySet()) {
				String field = "figures." + entry.getKey();
				Figure figure = Figure.byKey(entry.getKey())
					.orElseThrow(() -> new InvalidInput(field, "no report figure is called " + entry.getKey()));
				if (figure.prefilled()) {
					throw new InvalidInput(field, entry.getKey() + " is prefilled from the platform's records; "
							+ "correct the deployment history instead");
				}
				BigDecimal value = entry.getValue();
				if (value == null) {
					continue;
				}
				if (value.signum() < 0 || value.stripTrailingZeros().scale() > 0 || value.compareTo(MAX_FIGURE) >= 0) {
					throw new InvalidInput(field,
							entry.getKey() + " must be a whole number from 0, got " + value.toPlainString());
				}
				figures.put(figure, value.setScale(0, RoundingMode.UNNECESSARY));
			}
		}
		Map<Figure, String> notes = new EnumMap<>(Figure.class);
		if (draft.notes() != null) {
			for (Map.Entry<String, String> entry : draft.notes().entrySet()) {
				String field = "notes." + entry.getKey();
				Figure figure = Figure.byKey(entry.getKey())
					.orElseThrow(() -> new InvalidInput(field, "no report figure is called " + entry.getKey()));
				String note = text(field, entry.getValue(), MAX_NOTE);
				if (note != null) {
					notes.put(figure, note);
				}
			}
		}
		Narrative narrative = new Narrative(text("workDone", draft.workDone(), MAX_TEXT),
				text("problems", draft.problems(), MAX_TEXT),
				text("nextQuarterPlan", draft.nextQuarterPlan(), MAX_TEXT));
		return new Entries(new Figures(figures), notes, narrative);
	}

	private static String text(String field, String value, int max) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String stripped = value.strip();
		if (stripped.length() > max) {
			throw new InvalidInput(field, field + " is longer than " + max + " characters");
		}
		return stripped;
	}

	private static void required(String field, String value, String nameZh) {
		if (value == null || value.isBlank()) {
			throw new InvalidInput(field, field + " (" + nameZh + ") is required before submission");
		}
	}

	private static String fileName(String given) {
		String name = (given == null) ? "" : given.strip();
		// browsers of old sent the whole client path
		name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
		if (name.isEmpty()) {
			name = "attachment";
		}
		return (name.length() > 255) ? name.substring(name.length() - 255) : name;
	}

	private static Conflict changedMeanwhile(MemberLibrary library, Quarter quarter) {
		return new Conflict("report-changed", null, "the report of " + library.code() + " for " + quarter
				+ " was changed by someone else meanwhile; reload it and try again");
	}

	private static NotFound noAttachment(long id) {
		return new NotFound("the report has no attachment " + id);
	}

	/** What a save brings. */
	private record Entries(Figures figures, Map<Figure, String> notes, Narrative narrative) {
	}

	/** The approved reports below one, their ids and their summed totals. */
	private record Aggregate(List<Part> included, List<Part> missing, List<Long> sources, Figures sum) {
	}

	/**
	 * An attachment with its bytes.
	 *
	 * @param attachment its description
	 * @param content its bytes
	 */
	record AttachmentFile(Attachment attachment, byte[] content) {
	}

}
