package org.ndlp.operations;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

import org.ndlp.catalog.CatalogContributions.Contribution;
import org.ndlp.members.DeploymentState.YearFunds;
import org.ndlp.members.LibraryLevel;
import org.ndlp.members.SoftwareSystem;
import org.ndlp.resources.RegistrationRatios;

/**
 * The project's figures for the nation or one province on a date, computed from
 * per-library records (deployment history, training sessions, press reports).
 *
 * @param asOf the date
 * @param province the two-digit province prefix, or {@code null} for the nation
 * @param scopeName 全国 or the province's name
 * @param libraries member libraries in scope
 * @param levels figures per level
 * @param plans platform construction plan and completion per level and plan year
 * @param vpnConnected libraries on the VPN
 * @param systems libraries running each software system, by level
 * @param money project money received
 * @param training training sessions of the calendar year up to the date
 * @param press press reports of the calendar year up to the date
 * @param registrations registered self-built resources (资源登记) published by the date, the
 * libraries registering by level, and the registration ratio of the date's year
 */
public record Overview(LocalDate asOf, String province, String scopeName, int libraries, List<LevelFigures> levels,
		List<PlanYear> plans, int vpnConnected, List<SystemUse> systems, Money money, Training training, Press press,
		RegistrationRatios.Figures registrations, CatalogFigures catalog) {

	/** The figures of one level, or {@code null} when the scope has no such level. */
	public LevelFigures level(LibraryLevel level) {
		return this.levels.stream().filter((figures) -> figures.level() == level).findFirst().orElse(null);
	}

	/**
	 * Figures of one level.
	 *
	 * @param level the level
	 * @param nameZh its Chinese name
	 * @param libraries libraries of that level
	 * @param platformPlanned libraries whose platform is in a plan
	 * @param platformCompleted libraries whose platform is completed
	 * @param hardwareStandardMet libraries whose hardware meets the configuration
	 * standard
	 * @param vpnConnected libraries on the VPN
	 * @param withCentralFunds libraries that received central money
	 * @param centralFunds central money received (yuan)
	 * @param localFunds local money received (yuan)
	 */
	public record LevelFigures(LibraryLevel level, String nameZh, int libraries, int platformPlanned,
			int platformCompleted, int hardwareStandardMet, int vpnConnected, int withCentralFunds,
			BigDecimal centralFunds, BigDecimal localFunds) {
	}

	/**
	 * A construction plan year (计划 vs 完成): libraries of a level planned for that year and
	 * how many of them had completed their platform by the date.
	 *
	 * @param level the level
	 * @param year the plan year
	 * @param planned libraries planned
	 * @param done of those, completed
	 * @param percent done / planned, rounded to a whole percent
	 */
	public record PlanYear(LibraryLevel level, int year, int planned, int done, int percent) {
	}

	/**
	 * Where a software system runs.
	 *
	 * @param system the system
	 * @param nameZh its Chinese name
	 * @param mandatory whether the configuration standard requires it
	 * @param national at the national library
	 * @param provincial at provincial libraries
	 * @param city at city libraries
	 * @param county at county libraries
	 * @param total everywhere in scope
	 */
	public record SystemUse(SoftwareSystem system, String nameZh, boolean mandatory, int national, int provincial,
			int city, int county, int total) {
	}

	/**
	 * Money received.
	 *
	 * @param central central money (yuan)
	 * @param local local money (yuan)
	 * @param librariesWithCentral libraries that received central money
	 * @param byYear money by fiscal year
	 */
	public record Money(BigDecimal central, BigDecimal local, int librariesWithCentral,
			SortedMap<Integer, YearFunds> byYear) {
	}

	/**
	 * Training of the calendar year up to the date.
	 *
	 * @param sessions all sessions
	 * @param nationalSessions national sessions
	 * @param attendees people trained in all sessions
	 * @param nationalAttendees people trained in national sessions
	 */
	public record Training(int sessions, int nationalSessions, int attendees, int nationalAttendees) {
	}

	/**
	 * Press reports of the calendar year up to the date.
	 *
	 * @param reports all reports
	 * @param central by central media
	 * @param local by local media
	 * @param aboutProject about the promotion project itself
	 */
	public record Press(int reports, int central, int local, int aboutProject) {
	}

	/**
	 * What the libraries in scope contributed to the union catalog by the date.
	 *
	 * @param libraries libraries with at least one live record
	 * @param byLevel libraries contributing, by level
	 * @param total records, unique records, holdings and copies summed
	 */
	public record CatalogFigures(int libraries, Map<LibraryLevel, Integer> byLevel, Contribution total) {
	}

}
