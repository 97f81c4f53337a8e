package org.ndlp.operations.web;

import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.ndlp.catalog.CatalogContributions;
import org.ndlp.members.DeploymentHistory;
import org.ndlp.members.DeploymentState;
import org.ndlp.members.MemberLibraries;
import org.ndlp.members.MemberLibrary;
import org.ndlp.operations.Overview;
import org.ndlp.operations.PressReport;
import org.ndlp.operations.ProjectActivities;
import org.ndlp.operations.ProjectFigures;
import org.ndlp.operations.TrainingSession;
import org.ndlp.operations.TrendPoint;
import org.ndlp.operations.UnitRow;
import org.ndlp.resources.RegistrationRatios;
import org.ndlp.shared.LibraryCode;
import org.ndlp.shared.problem.InvalidInput;
import org.ndlp.shared.problem.OutOfScope;
import org.ndlp.shared.security.CurrentUser;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every dashboard figure over REST. National admins see the nation and any province;
 * provincial admins their province; any staff member its own library's tier.
 */
@RestController
@RequestMapping("/api/v1/operations")
@Tag(name = "Operations (运行管理)")
class OperationsApi {

	private final ProjectFigures figures;

	private final ProjectActivities activities;

	private final MemberLibraries libraries;

	private final DeploymentHistory history;

	private final RegistrationRatios registrations;

	OperationsApi(ProjectFigures figures, ProjectActivities activities, MemberLibraries libraries,
			DeploymentHistory history, RegistrationRatios registrations) {
		this.figures = figures;
		this.activities = activities;
		this.libraries = libraries;
		this.history = history;
		this.registrations = registrations;
	}

	@GetMapping("/overview")
	@Operation(summary = "The project's figures for the nation or a province on a date",
			description = "National admins: nation (no province) or any province; provincial admins: their own "
					+ "province. Training and press count the calendar year up to asOf.")
	Overview overview(@RequestParam(required = false) String province,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
		return this.figures.overview(date(asOf), this.figures.scope(user(), province));
	}

	@GetMapping("/provinces")
	@Operation(summary = "One row per province, for comparison across provinces", description = "National admins.")
	List<UnitRow> provinces(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
		if (this.figures.scope(user(), null) != null) {
			throw new OutOfScope("only the national centre compares provinces");
		}
		return this.figures.provinces(date(asOf));
	}

	@GetMapping("/provinces/{province}/libraries")
	@Operation(summary = "One row per library of a province",
			description = "National admins; provincial admins for their province.")
	List<UnitRow> libraries(@PathVariable String province,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
		return this.figures.libraries(date(asOf), this.figures.scope(user(), province));
	}

	@GetMapping("/trend")
	@Operation(summary = "Main figures at the end of each year since 2011, for the nation or a province",
			description = "As for the overview.")
	List<TrendPoint> trend(@RequestParam(required = false) String province,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
		return this.figures.trend(date(asOf), this.figures.scope(user(), province));
	}

	@GetMapping("/libraries/{code}")
	@Operation(summary = "The library tier: one library's deployment on a date",
			description = "Its own staff, and admins whose scope covers it.")
	DeploymentState library(@PathVariable String code,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
		MemberLibrary library = this.libraries.get(code(code));
		CurrentUser user = user();
		if (!user.library().equals(library.code()) && !this.libraries.mayAdminister(user, library)) {
			throw new OutOfScope(user.username() + " may not see library " + library.code());
		}
		return this.history.stateOf(library.code(), date(asOf));
	}

	@GetMapping("/libraries/{code}/registrations")
	@Operation(summary = "The library tier: one library's resource registrations and ratio for the date's year",
			description = "Its own staff, and admins whose scope covers it.")
	RegistrationRatios.LibraryRatio libraryRegistrations(@PathVariable String code,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
		MemberLibrary library = this.libraries.get(code(code));
		CurrentUser user = user();
		if (!user.library().equals(library.code()) && !this.libraries.mayAdminister(user, library)) {
			throw new OutOfScope(user.username() + " may not see library " + library.code());
		}
		return this.registrations.library(library.code(), date(asOf));
	}

	@GetMapping("/libraries/{code}/catalog")
	@Operation(summary = "The library tier: one library's union-catalog contribution on a date",
			description = "Records live on the date, records of works no other library sent, holdings and copies. "
					+ "Its own staff, and admins whose scope covers it.")
	CatalogContributions.Contribution libraryCatalog(@PathVariable String code,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
		MemberLibrary library = this.libraries.get(code(code));
		CurrentUser user = user();
		if (!user.library().equals(library.code()) && !this.libraries.mayAdminister(user, library)) {
			throw new OutOfScope(user.username() + " may not see library " + library.code());
		}
		return this.figures.contribution(library.code(), date(asOf));
	}

	@PostMapping("/training-sessions")
	@Operation(summary = "Record a training session", description = "Staff whose scope covers the organizer.")
	ResponseEntity<TrainingSession> recordSession(@RequestBody TrainingSession session) {
		TrainingSession stored = this.activities.record(session, user());
		return ResponseEntity.created(URI.create("/api/v1/operations/training-sessions/" + stored.id())).body(stored);
	}

	@GetMapping("/training-sessions")
	@Operation(summary = "Training sessions of a period", description = "As for the overview.")
	List<TrainingSession> sessions(@RequestParam(required = false) String province,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		return this.activities.sessions(from, to, this.figures.scope(user(), province));
	}

	@PostMapping("/press-reports")
	@Operation(summary = "Record a press report", description = "Staff whose scope covers the reporting library.")
	ResponseEntity<PressReport> recordReport(@RequestBody PressReport report) {
		PressReport stored = this.activities.record(report, user());
		return ResponseEntity.created(URI.create("/api/v1/operations/press-reports/" + stored.id())).body(stored);
	}

	@GetMapping("/press-reports")
	@Operation(summary = "Press reports of a period", description = "As for the overview.")
	List<PressReport> reports(@RequestParam(required = false) String province,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		return this.activities.reports(from, to, this.figures.scope(user(), province));
	}

	static LocalDate date(LocalDate asOf) {
		// the project's dates are China's: the day a figure counts to ends at midnight in
		// Beijing
		return (asOf != null) ? asOf : LocalDate.now(ZoneId.of("Asia/Shanghai"));
	}

	static CurrentUser user() {
		return CurrentUser.require();
	}

	private static LibraryCode code(String value) {
		try {
			return LibraryCode.of(value);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInput("code", ex.getMessage());
		}
	}

}
