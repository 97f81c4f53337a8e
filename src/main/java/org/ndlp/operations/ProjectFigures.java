package org.ndlp.operations;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;

import org.ndlp.catalog.CatalogContributions;
import org.ndlp.catalog.CatalogContributions.Contribution;
import org.ndlp.members.DeploymentHistory;
import org.ndlp.members.DeploymentState;
import org.ndlp.members.DeploymentState.YearFunds;
import org.ndlp.members.LibraryDeployment;
import org.ndlp.members.LibraryLevel;
import org.ndlp.members.MemberLibrary;
import org.ndlp.members.SoftwareSystem;
import org.ndlp.operations.Overview.LevelFigures;
import org.ndlp.operations.Overview.Money;
import org.ndlp.operations.Overview.PlanYear;
import org.ndlp.operations.Overview.Press;
import org.ndlp.operations.Overview.SystemUse;
import org.ndlp.resources.RegistrationRatios;
import org.ndlp.shared.LibraryCode;
import org.ndlp.shared.RegionCode;
import org.ndlp.shared.problem.InvalidInput;
import org.ndlp.shared.problem.OutOfScope;
import org.ndlp.shared.security.CurrentUser;
import org.ndlp.shared.security.StaffRole;

import org.springframework.stereotype.Service;

/**
 * Every dashboard figure, computed on request from per-library records at any date: the
 * nation (national tier), one province (provincial tier) and the comparison tables.
 */
@Service
public class ProjectFigures {

	private static final int FIRST_YEAR = 2011;

	private final DeploymentHistory history;

	private final ProjectActivities activities;

	private final RegistrationRatios registrations;

	private final CatalogContributions contributions;

	public ProjectFigures(DeploymentHistory history, ProjectActivities activities, RegistrationRatios registrations,
			CatalogContributions contributions) {
		this.history = history;
		this.activities = activities;
		this.registrations = registrations;
		this.contributions = contributions;
	}

	/**
	 * The province a user may see: national admins any province or the nation
	 * ({@code null}); provincial admins only their own; other roles none.
	 */
	public String scope(CurrentUser user, String requested) {
		String province = blank(requested) ? null : requested.strip();
		if (province != null && (province.length() != 2 || RegionCode.provinceName(province).isEmpty())) {
			throw new InvalidInput("province",
					"province is a two-digit GB/T 2260 prefix such as 44, got: " + requested);
		}
		if (user.isNationalAdmin()) {
			return province;
		}
		if (user.role() == StaffRole.PROVINCIAL_ADMIN) {
			String own = user.region().provincePrefix();
			if (province != null && !province.equals(own)) {
				throw new OutOfScope(user.username() + " sees the figures of province " + own + " only");
			}
			return own;
		}
		throw new OutOfScope("the project dashboards are for the national and provincial centres");
	}

	/** The figures of the nation ({@code province == null}) or a province on a date. */
	public Overview overview(LocalDate asOf, String province) {
		List<LibraryDeployment> states = inScope(asOf, province);
		Map<LibraryLevel, int[]> counts = new EnumMap<>(LibraryLevel.class);
		Map<LibraryLevel, BigDecimal[]> funds = new EnumMap<>(LibraryLevel.class);
		Map<LibraryLevel, SortedMap<Integer, int[]>> plans = new EnumMap<>(LibraryLevel.class);
		Map<SoftwareSystem, int[]> systems = new EnumMap<>(SoftwareSystem.class);
		SortedMap<Integer, YearFunds> byYear = new TreeMap<>();
		int vpn = 0;
		int withCentral = 0;
		BigDecimal central = BigDecimal.ZERO;
		BigDecimal local = BigDecimal.ZERO;
		for (LibraryDeployment entry : states) {
			LibraryLevel level = entry.library().level();
			DeploymentState state = entry.state();
			int[] c = counts.computeIfAbsent(level, (key) -> new int[6]);
			BigDecimal[] f = funds.computeIfAbsent(level,
					(key) -> new BigDecimal[] { BigDecimal.ZERO, BigDecimal.ZERO });
			c[0]++;
			c[1] += (state.platformPlannedYear() != null) ? 1 : 0;
			c[2] += (state.platformCompletedOn() != null) ? 1 : 0;
			c[3] += state.hardwareStandardMet() ? 1 : 0;
			c[4] += state.vpnConnected() ? 1 : 0;
			c[5] += (state.centralFunds().signum() > 0) ? 1 : 0;
			f[0] = f[0].add(state.centralFunds());
			f[1] = f[1].add(state.localFunds());
			if (state.platformPlannedYear() != null) {
				int[] plan = plans.computeIfAbsent(level, (key) -> new TreeMap<>())
					.computeIfAbsent(state.platformPlannedYear(), (key) -> new int[2]);
				plan[0]++;
				plan[1] += (state.platformCompletedOn() != null) ? 1 : 0;
			}
			for (SoftwareSystem system : state.systems().keySet()) {
				systems.computeIfAbsent(system, (key) -> new int[LibraryLevel.values().length])[level.ordinal()]++;
			}
			state.fundsByYear()
				.forEach((year, money) -> byYear.merge(year, money,
						(a, b) -> new YearFunds(a.central().add(b.central()), a.local().add(b.local()))));
			vpn += state.vpnConnected() ? 1 : 0;
			withCentral += (state.centralFunds().signum() > 0) ? 1 : 0;
			central = central.add(state.centralFunds());
			local = local.add(state.localFunds());
		}
		List<LevelFigures> levels = new ArrayList<>();
		counts.forEach((level, c) -> levels.add(new LevelFigures(level, level.nameZh(), c[0], c[1], c[2], c[3], c[4],
				c[5], funds.get(level)[0], funds.get(level)[1])));
		List<PlanYear> planYears = new ArrayList<>();
		plans.forEach((level, years) -> years
			.forEach((year, p) -> planYears.add(new PlanYear(level, year, p[0], p[1], percent(p[1], p[0])))));
		List<SystemUse> uses = new ArrayList<>();
		for (SoftwareSystem system : SoftwareSystem.values()) {
			int[] n = systems.getOrDefault(system, new int[LibraryLevel.values().length]);
			uses.add(new SystemUse(system, system.nameZh(), system.mandatory(), n[0], n[1], n[2], n[3],
					n[0] + n[1] + n[2] + n[3]));
		}
		return new Overview(asOf, province, scopeName(province), states.size(), levels, planYears, vpn, uses,
				new Money(central, local, withCentral, byYear), training(asOf, province), press(asOf, province),
				this.registrations.figures(asOf, province), catalog(asOf, states));
	}

	private Overview.CatalogFigures catalog(LocalDate asOf, List<LibraryDeployment> states) {
		Map<String, Contribution> byLibrary = this.contributions.byLibrary(asOf);
		Map<LibraryLevel, Integer> byLevel = new EnumMap<>(LibraryLevel.class);
		Contribution total = Contribution.NONE;
		int libraries = 0;
		for (LibraryDeployment entry : states) {
			Contribution contribution = byLibrary.get(entry.library().code().value());
			if (contribution != null && contribution.records() > 0) {
				libraries++;
				byLevel.merge(entry.library().level(), 1, Integer::sum);
				total = total.plus(contribution);
			}
		}
		return new Overview.CatalogFigures(libraries, byLevel, total);
	}

	/** One library's union-catalog contribution on a date (the library tier). */
	public Contribution contribution(LibraryCode code, LocalDate asOf) {
		return this.contributions.byLibrary(asOf).getOrDefault(code.value(), Contribution.NONE);
	}

	/**
	 * One row per province (national tier) with the main figures, for comparison across
	 * units.
	 */
	public List<UnitRow> provinces(LocalDate asOf) {
		Map<String, List<LibraryDeployment>> byProvince = new TreeMap<>();
		for (LibraryDeployment entry : this.history.states(asOf)) {
			if (entry.library().level() != LibraryLevel.NATIONAL) {
				byProvince.computeIfAbsent(entry.library().regionCode().provincePrefix(), (key) -> new ArrayList<>())
					.add(entry);
			}
		}
		Contributions contributed = contributed(asOf, null);
		List<UnitRow> rows = new ArrayList<>();
		byProvince.forEach((prefix, entries) -> rows
			.add(row(prefix, RegionCode.provinceName(prefix).orElse(prefix), null, entries, contributed)));
		return rows;
	}

	/** One row per library of a province (provincial tier). */
	public List<UnitRow> libraries(LocalDate asOf, String province) {
		Contributions contributed = contributed(asOf, province);
		return inScope(asOf, province).stream()
			.map((entry) -> row(entry.library().code().value(), entry.library().name(), entry.library().level().name(),
					List.of(entry), contributed))
			.toList();
	}

	/**
	 * The main figures at the end of each year from the project's start to the date's
	 * year.
	 */
	public List<TrendPoint> trend(LocalDate asOf, String province) {
		List<TrendPoint> points = new ArrayList<>();
		for (int year = FIRST_YEAR; year <= asOf.getYear(); year++) {
			LocalDate end = (year == asOf.getYear()) ? asOf : LocalDate.of(year, 12, 31);
			UnitRow all = row("ALL", scopeName(province), null, inScope(end, province), Contributions.NONE);
			points.add(new TrendPoint(year, end, all.platformCompleted(), all.hardwareStandardMet(), all.vpnConnected(),
					all.centralFunds(), all.localFunds()));
		}
		return points;
	}

	private List<LibraryDeployment> inScope(LocalDate asOf, String province) {
		Predicate<MemberLibrary> keep = (province == null) ? (library) -> true
				: (library) -> library.level() != LibraryLevel.NATIONAL
						&& library.regionCode().provincePrefix().equals(province);
		return this.history.states(asOf).stream().filter((entry) -> keep.test(entry.library())).toList();
	}

	private Overview.Training training(LocalDate asOf, String province) {
		List<TrainingSession> sessions = this.activities.sessions(asOf.withDayOfYear(1), asOf, province);
		int national = 0;
		int nationalAttendees = 0;
		int attendees = 0;
		for (TrainingSession session : sessions) {
			attendees += session.attendees();
			if (session.level() == TrainingLevel.NATIONAL) {
				national++;
				nationalAttendees += session.attendees();
			}
		}
		return new Overview.Training(sessions.size(), national, attendees, nationalAttendees);
	}

	private Press press(LocalDate asOf, String province) {
		List<PressReport> reports = this.activities.reports(asOf.withDayOfYear(1), asOf, province);
		int central = (int) reports.stream().filter((report) -> report.outletLevel() == OutletLevel.CENTRAL).count();
		int about = (int) reports.stream().filter((report) -> Boolean.TRUE.equals(report.aboutProject())).count();
		return new Press(reports.size(), central, reports.size() - central, about);
	}

	private Contributions contributed(LocalDate asOf, String province) {
		return new Contributions(this.contributions.byLibrary(asOf),
				this.registrations.entriesByLibrary(asOf, province));
	}

	/** Catalog and registration figures by library code, for comparison rows. */
	private record Contributions(Map<String, Contribution> catalog, Map<String, Long> registered) {

		static final Contributions NONE = new Contributions(Map.of(), Map.of());

	}

	private static UnitRow row(String key, String name, String level, List<LibraryDeployment> entries,
			Contributions contributed) {
		long records = 0;
		long unique = 0;
		long registered = 0;
		int completed = 0;
		int standard = 0;
		int vpn = 0;
		int systems = 0;
		BigDecimal central = BigDecimal.ZERO;
		BigDecimal local = BigDecimal.ZERO;
		for (LibraryDeployment entry : entries) {
			DeploymentState state = entry.state();
			completed += (state.platformCompletedOn() != null) ? 1 : 0;
			standard += state.hardwareStandardMet() ? 1 : 0;
			vpn += state.vpnConnected() ? 1 : 0;
			systems += state.systems().size();
			central = central.add(state.centralFunds());
			local = local.add(state.localFunds());
			String code = entry.library().code().value();
			Contribution contribution = contributed.catalog().getOrDefault(code, Contribution.NONE);
			records += contribution.records();
			unique += contribution.unique();
			registered += contributed.registered().getOrDefault(code, 0L);
		}
		return new UnitRow(key, name, level, entries.size(), completed, standard, vpn, systems, central, local, records,
				unique, registered);
	}

	private static String scopeName(String province) {
		return (province == null) ? "全国" : RegionCode.provinceName(province).orElse(province);
	}

	static int percent(int part, int whole) {
		if (whole == 0) {
			return 0;
		}
		return BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 0, RoundingMode.HALF_UP).intValue();
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}
