package org.ndlp.operations;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.ndlp.members.MemberLibraries;
import org.ndlp.members.MemberLibrary;
import org.ndlp.operations.internal.JdbcProjectActivities;
import org.ndlp.shared.problem.InvalidInput;
import org.ndlp.shared.security.CurrentUser;

import org.springframework.stereotype.Service;

/**
 * Training sessions and press reports, recorded by staff of the organizing or reporting
 * library (or the province or nation above it) and counted by the dashboards.
 */
@Service
public class ProjectActivities {

	private final JdbcProjectActivities activities;

	private final MemberLibraries libraries;

	private final Clock clock;

	public ProjectActivities(JdbcProjectActivities activities, MemberLibraries libraries, Clock clock) {
		this.activities = activities;
		this.libraries = libraries;
		this.clock = clock;
	}

	/**
	 * Sessions held in a period, in a province (two-digit prefix) or the nation
	 * ({@code null}).
	 */
	public List<TrainingSession> sessions(LocalDate from, LocalDate to, String province) {
		return this.activities.sessions(from, to, province);
	}

	/**
	 * Press reports of a period, in a province (two-digit prefix) or the nation
	 * ({@code null}).
	 */
	public List<PressReport> reports(LocalDate from, LocalDate to, String province) {
		return this.activities.reports(from, to, province);
	}

	public TrainingSession record(TrainingSession session, CurrentUser user) {
		if (session.heldOn() == null || session.heldOn().isAfter(LocalDate.now(this.clock))) {
			throw new InvalidInput("heldOn", "heldOn must be a past date (YYYY-MM-DD)");
		}
		if (session.level() == null) {
			throw new InvalidInput("level", "level is required: NATIONAL, PROVINCIAL or LOCAL");
		}
		if (session.title() == null || session.title().isBlank()) {
			throw new InvalidInput("title", "title is required");
		}
		if (session.attendees() < 1) {
			throw new InvalidInput("attendees", "attendees must be at least 1");
		}
		MemberLibrary organizer = organizer("organizer", session.organizer(), user);
		return this.activities.insert(new TrainingSession(null, session.heldOn(), session.level(),
				session.title().strip(), organizer.code(), session.attendees(), user.username()), this.clock.instant());
	}

	public PressReport record(PressReport report, CurrentUser user) {
		if (report.publishedOn() == null || report.publishedOn().isAfter(LocalDate.now(this.clock))) {
			throw new InvalidInput("publishedOn", "publishedOn must be a past date (YYYY-MM-DD)");
		}
		if (report.outlet() == null || report.outlet().isBlank()) {
			throw new InvalidInput("outlet", "outlet is required");
		}
		if (report.outletLevel() == null) {
			throw new InvalidInput("outletLevel", "outletLevel is required: CENTRAL or LOCAL");
		}
		if (report.title() == null || report.title().isBlank()) {
			throw new InvalidInput("title", "title is required");
		}
		MemberLibrary library = organizer("library", report.library(), user);
		return this.activities.insert(
				new PressReport(null, report.publishedOn(), report.outlet().strip(), report.outletLevel(),
						report.aboutProject(), report.title().strip(), library.code(), user.username()),
				this.clock.instant());
	}

	private MemberLibrary organizer(String field, org.ndlp.shared.LibraryCode code, CurrentUser user) {
		if (code == null) {
			throw new InvalidInput(field, field + " (a library code) is required");
		}
		MemberLibrary library = this.libraries.find(code)
			.orElseThrow(() -> new InvalidInput(field, "no member library has the code " + code));
		this.libraries.checkMayAdminister(user, library);
		return library;
	}

}
