package org.ndlp.resources;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.ndlp.members.LibraryLevel;
import org.ndlp.members.MemberLibraries;
import org.ndlp.members.MemberLibrary;
import org.ndlp.resources.internal.JdbcResources;
import org.ndlp.resources.internal.JdbcResources.Declaration;
import org.ndlp.resources.internal.JdbcResources.Totals;
import org.ndlp.shared.LibraryCode;
import org.ndlp.shared.RegionCode;
import org.ndlp.shared.problem.InvalidInput;
import org.ndlp.shared.problem.OutOfScope;
import org.ndlp.shared.security.CurrentUser;
import org.ndlp.shared.security.StaffRole;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The 80% rule (每年登记不少于80%): each library declares what it built in a year (items and
 * GB); its registration ratio is the items (and GB) of its published registrations built
 * that year over its declaration. A province's and the nation's ratios are the sums of
 * their libraries' registrations over the sums of their declarations.
 */
@Service
public class RegistrationRatios {

	/** The rule's threshold, in percent. */
	public static final BigDecimal THRESHOLD = BigDecimal.valueOf(80);

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private final JdbcResources resources;

	private final MemberLibraries libraries;

	private final Clock clock;

	public RegistrationRatios(JdbcResources resources, MemberLibraries libraries, Clock clock) {
		this.resources = resources;
		this.libraries = libraries;
		this.clock = clock;
	}

	/**
	 * Registered against declared, for one library or a sum of libraries.
	 *
	 * @param declaredItems items declared
	 * @param declaredGb GB declared
	 * @param records published registration records
	 * @param registeredItems their items
	 * @param registeredGb their GB
	 * @param itemsPercent registered / declared items in percent (one decimal), or
	 * {@code null} without a declaration
	 * @param gbPercent registered / declared GB in percent, or {@code null}
	 * @param below80 whether a declared figure is registered below 80%
	 */
	public record Ratio(long declaredItems, BigDecimal declaredGb, long records, long registeredItems,
			BigDecimal registeredGb, BigDecimal itemsPercent, BigDecimal gbPercent, boolean below80) {

		static Ratio of(long declaredItems, BigDecimal declaredGb, long records, long items, BigDecimal gb) {
			BigDecimal ip = percent(BigDecimal.valueOf(items), BigDecimal.valueOf(declaredItems));
			BigDecimal gp = percent(gb, declaredGb);
			boolean below = (ip != null && ip.compareTo(THRESHOLD) < 0) || (gp != null && gp.compareTo(THRESHOLD) < 0);
			return new Ratio(declaredItems, declaredGb, records, items, gb, ip, gp, below);
		}

		private static BigDecimal percent(BigDecimal part, BigDecimal whole) {
			if (whole == null || whole.signum() == 0) {
				return null;
			}
			return part.multiply(BigDecimal.valueOf(100)).divide(whole, 1, RoundingMode.HALF_UP);
		}

	}

	/**
	 * One library's line.
	 *
	 * @param code the library
	 * @param name its name
	 * @param level its level
	 * @param province its province prefix
	 * @param ratio its figures
	 */
	public record LibraryRatio(String code, String name, LibraryLevel level, String province, Ratio ratio) {
	}

	/**
	 * One province's line (national view).
	 *
	 * @param province the prefix
	 * @param name its name
	 * @param libraries libraries with a declaration or a registration
	 * @param ratio the sums
	 */
	public record ProvinceRatio(String province, String name, int libraries, Ratio ratio) {
	}

	/**
	 * The ratios of a year in a scope.
	 *
	 * @param year the year built
	 * @param asOf registrations published by this date count
	 * @param province the province prefix, or {@code null} for the nation
	 * @param scopeName 全国, the province, or the library
	 * @param total the scope's sums
	 * @param provinces one line per province (national scope only)
	 * @param libraries one line per library with a declaration or a registration
	 */
	public record RatioReport(int year, LocalDate asOf, String province, String scopeName, Ratio total,
			List<ProvinceRatio> provinces, List<LibraryRatio> libraries) {
	}

	/**
	 * The registration figures of the operations dashboard on a date.
	 *
	 * @param entries registered entries: published registration records (any year built)
	 * @param librariesRegistering libraries with at least one
	 * @param nationalLibraries of those, the national library (0 or 1)
	 * @param provincialLibraries of those, provincial libraries
	 * @param cityLibraries of those, city libraries
	 * @param countyLibraries of those, county libraries
	 * @param items items of the entries
	 * @param sizeGb their GB
	 * @param year the date's year
	 * @param ratio that year's registration ratio in the scope
	 * @param librariesBelow80 libraries of the scope whose ratio that year is below 80%
	 */
	public record Figures(long entries, int librariesRegistering, int nationalLibraries, int provincialLibraries,
			int cityLibraries, int countyLibraries, long items, BigDecimal sizeGb, int year, Ratio ratio,
			int librariesBelow80) {
	}

	/** Records a library's declaration for a year (replacing an earlier one). */
	@Transactional
	public void declare(LibraryCode code, int year, long items, BigDecimal sizeGb, CurrentUser user) {
		MemberLibrary library = this.libraries.get(code);
		if (!this.libraries.mayAdminister(user, library)) {
			throw new OutOfScope(user.username() + " may not declare for library " + code);
		}
		int thisYear = LocalDate.now(this.clock.withZone(CHINA)).getYear();
		if (year < 2011 || year > thisYear) {
			throw new InvalidInput("year", "declarations start with the project in 2011, up to " + thisYear);
		}
		if (items < 0) {
			throw new InvalidInput("items", "items must be zero or more");
		}
		if (sizeGb == null || sizeGb.signum() < 0) {
			throw new InvalidInput("sizeGb", "sizeGb is required and must be zero or more");
		}
		this.resources.declare(new Declaration(code.value(), year, items, sizeGb.setScale(3, RoundingMode.HALF_UP)),
				library.regionCode().provincePrefix(), user.username(), this.clock.instant());
	}

	/**
	 * The province a user may see ratios of: national admins the nation ({@code null}) or
	 * any province; provincial admins their own; others only their library (answered as
	 * their province, the report then filtered to their library).
	 */
	public String scope(CurrentUser user, String requested) {
		String province = (requested == null || requested.isBlank()) ? null : requested.strip();
		if (province != null && (province.length() != 2 || RegionCode.provinceName(province).isEmpty())) {
			throw new InvalidInput("province",
					"province is a two-digit GB/T 2260 prefix such as 44, got: " + requested);
		}
		if (user.isNationalAdmin()) {
			return province;
		}
		String own = user.region().provincePrefix();
		if (province != null && !province.equals(own)) {
			throw new OutOfScope(user.username() + " sees the ratios of province " + own + " only");
		}
		return own;
	}

	/**
	 * The ratios of a year as the user may see them, counting registrations published by
	 * now.
	 */
	public RatioReport report(int year, String province, CurrentUser user) {
		String scope = scope(user, province);
		RatioReport report = report(year, LocalDate.now(this.clock.withZone(CHINA)), scope);
		if (user.isNationalAdmin() || user.role() == StaffRole.PROVINCIAL_ADMIN) {
			return report;
		}
		List<LibraryRatio> own = report.libraries()
			.stream()
			.filter((line) -> line.code().equals(user.library().value()))
			.toList();
		Ratio total = own.isEmpty() ? Ratio.of(0, BigDecimal.ZERO, 0, 0, BigDecimal.ZERO) : own.get(0).ratio();
		return new RatioReport(year, report.asOf(), scope, user.library().value(), total, List.of(), own);
	}

	/**
	 * The ratios of a year in a scope (no user check: the caller has scoped it).
	 * @param year the year built
	 * @param asOf count registrations published by the end of this day
	 * @param province a province prefix, or {@code null} for the nation
	 */
	public RatioReport report(int year, LocalDate asOf, String province) {
		Instant end = asOf.plusDays(1).atStartOfDay(CHINA).toInstant().minusNanos(1);
		Map<String, Totals> registered = this.resources.published(province, year, end);
		Map<String, Declaration> declared = new HashMap<>();
		for (Declaration declaration : this.resources.declarations(province, year)) {
			declared.put(declaration.library(), declaration);
		}
		TreeSet<String> codes = new TreeSet<>(registered.keySet());
		codes.addAll(declared.keySet());
		List<LibraryRatio> lines = new ArrayList<>();
		Map<String, long[]> provinceCounts = new TreeMap<>();
		Map<String, BigDecimal[]> provinceGb = new TreeMap<>();
		long[] all = new long[4];
		BigDecimal[] allGb = { BigDecimal.ZERO, BigDecimal.ZERO };
		for (String code : codes) {
			MemberLibrary library = this.libraries.find(LibraryCode.of(code)).orElse(null);
			if (library == null) {
				continue;
			}
			Declaration d = declared.get(code);
			Totals t = registered.get(code);
			long dItems = (d != null) ? d.items() : 0;
			BigDecimal dGb = (d != null) ? d.sizeGb() : BigDecimal.ZERO;
			long records = (t != null) ? t.records() : 0;
			long items = (t != null) ? t.items() : 0;
			BigDecimal gb = (t != null) ? t.gb() : BigDecimal.ZERO;
			String prefix = library.regionCode().provincePrefix();
			lines.add(new LibraryRatio(code, library.name(), library.level(), prefix,
					Ratio.of(dItems, dGb, records, items, gb)));
			long[] pc = provinceCounts.computeIfAbsent(prefix, (k) -> new long[5]);
			BigDecimal[] pg = provinceGb.computeIfAbsent(prefix,
					(k) -> new BigDecimal[] { BigDecimal.ZERO, BigDecimal.ZERO });
			pc[0] += dItems;
			pc[1] += records;
			pc[2] += items;
			pc[3]++;
			pg[0] = pg[0].add(dGb);
			pg[1] = pg[1].add(gb);
			all[0] += dItems;
			all[1] += records;
			all[2] += items;
			allGb[0] = allGb[0].add(dGb);
			allGb[1] = allGb[1].add(gb);
		}
		List<ProvinceRatio> provinces = new ArrayList<>();
		if (province == null) {
			provinceCounts.forEach((prefix, pc) -> provinces
				.add(new ProvinceRatio(prefix, RegionCode.provinceName(prefix).orElse(prefix), (int) pc[3],
						Ratio.of(pc[0], provinceGb.get(prefix)[0], pc[1], pc[2], provinceGb.get(prefix)[1]))));
		}
		String scopeName = (province == null) ? "全国" : RegionCode.provinceName(province).orElse(province);
		return new RatioReport(year, asOf, province, scopeName, Ratio.of(all[0], allGb[0], all[1], all[2], allGb[1]),
				provinces, lines);
	}

	/**
	 * The registration figures of the nation ({@code province == null}) or a province on
	 * a date: entries published by then, the libraries registering by level, and the
	 * ratio of the date's year.
	 */
	public Figures figures(LocalDate asOf, String province) {
		Instant end = asOf.plusDays(1).atStartOfDay(CHINA).toInstant().minusNanos(1);
		Map<String, Totals> published = this.resources.published(province, null, end);
		long entries = 0;
		long items = 0;
		BigDecimal gb = BigDecimal.ZERO;
		Map<LibraryLevel, Integer> byLevel = new EnumMap<>(LibraryLevel.class);
		for (Totals totals : published.values()) {
			entries += totals.records();
			items += totals.items();
			gb = gb.add(totals.gb());
			byLevel.merge(LibraryLevel.valueOf(totals.level()), 1, Integer::sum);
		}
		RatioReport year = report(asOf.getYear(), asOf, province);
		int below = (int) year.libraries().stream().filter((line) -> line.ratio().below80()).count();
		return new Figures(entries, published.size(), byLevel.getOrDefault(LibraryLevel.NATIONAL, 0),
				byLevel.getOrDefault(LibraryLevel.PROVINCIAL, 0), byLevel.getOrDefault(LibraryLevel.CITY, 0),
				byLevel.getOrDefault(LibraryLevel.COUNTY, 0), items, gb, asOf.getYear(), year.total(), below);
	}

	/**
	 * Registered entries published by a date and not withdrawn, by library code, for the
	 * nation ({@code province == null}) or a province; libraries without any are absent.
	 */
	public Map<String, Long> entriesByLibrary(LocalDate asOf, String province) {
		Instant end = asOf.plusDays(1).atStartOfDay(CHINA).toInstant().minusNanos(1);
		Map<String, Long> entries = new TreeMap<>();
		this.resources.published(province, null, end).forEach((code, totals) -> entries.put(code, totals.records()));
		return entries;
	}

	/**
	 * Entries of a library published from the start of one day to the end of another (net
	 * of withdrawals in that time): what its quarterly report calls 登记自建资源.
	 */
	public long publishedBetween(LibraryCode code, LocalDate from, LocalDate to) {
		String province = this.libraries.get(code).regionCode().provincePrefix();
		long before = entriesByLibrary(from.minusDays(1), province).getOrDefault(code.value(), 0L);
		return Math.max(0, entriesByLibrary(to, province).getOrDefault(code.value(), 0L) - before);
	}

	/** One library's registration figures on a date (the library tier). */
	public LibraryRatio library(LibraryCode code, LocalDate asOf) {
		MemberLibrary library = this.libraries.get(code);
		RatioReport report = report(asOf.getYear(), asOf, library.regionCode().provincePrefix());
		return report.libraries()
			.stream()
			.filter((line) -> line.code().equals(code.value()))
			.findFirst()
			.orElse(new LibraryRatio(code.value(), library.name(), library.level(),
					library.regionCode().provincePrefix(), Ratio.of(0, BigDecimal.ZERO, 0, 0, BigDecimal.ZERO)));
	}

}
