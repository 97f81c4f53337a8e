package org.ndlp.members;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import org.ndlp.shared.LibraryCode;

/**
 * A library's deployment on a date, folded from its events up to and including that date.
 * Voided events are left out whenever the correction was recorded: the state shows what
 * is now known to have been true then.
 *
 * @param library the library
 * @param asOf the date
 * @param platformPlannedYear the year its platform was planned for, if any
 * @param platformCompletedOn when its platform was completed, if it was
 * @param hardwareStandardMet whether its hardware met the configuration standard
 * @param hardwareStandardSince since when (if met)
 * @param vpnConnected whether it was on the VPN
 * @param vpnConnectedSince since when (if connected)
 * @param systems the software systems in service, each with the date it went live
 * @param centralFunds central money received (yuan)
 * @param localFunds local money received (yuan)
 * @param fundsByYear money by fiscal year: central, local
 */
public record DeploymentState(LibraryCode library, LocalDate asOf, Integer platformPlannedYear,
		LocalDate platformCompletedOn, boolean hardwareStandardMet, LocalDate hardwareStandardSince,
		boolean vpnConnected, LocalDate vpnConnectedSince, Map<SoftwareSystem, LocalDate> systems,
		BigDecimal centralFunds, BigDecimal localFunds, SortedMap<Integer, YearFunds> fundsByYear) {

	/**
	 * Money of one fiscal year.
	 *
	 * @param central central money (yuan)
	 * @param local local money (yuan)
	 */
	public record YearFunds(BigDecimal central, BigDecimal local) {

		YearFunds add(FundingSource source, BigDecimal amount) {
			return (source == FundingSource.CENTRAL) ? new YearFunds(this.central.add(amount), this.local)
					: new YearFunds(this.central, this.local.add(amount));
		}

	}

	/** Folds the events of one library (in any order) into its state on {@code asOf}. */
	public static DeploymentState fold(LibraryCode library, LocalDate asOf, List<DeploymentEvent> events) {
		Set<Long> voided = new HashSet<>();
		for (DeploymentEvent event : events) {
			if (event.kind() == DeploymentEventKind.EVENT_VOIDED && event.voidsEventId() != null) {
				voided.add(event.voidsEventId());
			}
		}
		Integer plannedYear = null;
		LocalDate completedOn = null;
		LocalDate standardSince = null;
		LocalDate vpnSince = null;
		Map<SoftwareSystem, LocalDate> systems = new EnumMap<>(SoftwareSystem.class);
		BigDecimal central = BigDecimal.ZERO;
		BigDecimal local = BigDecimal.ZERO;
		SortedMap<Integer, YearFunds> byYear = new TreeMap<>();
		List<DeploymentEvent> ordered = events.stream()
			.filter((event) -> !event.effectiveOn().isAfter(asOf) && !voided.contains(event.id()))
			.sorted(Comparator.comparing(DeploymentEvent::effectiveOn).thenComparingLong(DeploymentEvent::id))
			.toList();
		for (DeploymentEvent event : ordered) {
			switch (event.kind()) {
				case PLATFORM_PLANNED -> plannedYear = event.fiscalYear();
				case PLATFORM_COMPLETED -> completedOn = (completedOn != null) ? completedOn : event.effectiveOn();
				case HARDWARE_STANDARD_MET ->
					standardSince = (standardSince != null) ? standardSince : event.effectiveOn();
				case HARDWARE_STANDARD_LOST -> standardSince = null;
				case VPN_CONNECTED -> vpnSince = (vpnSince != null) ? vpnSince : event.effectiveOn();
				case VPN_DISCONNECTED -> vpnSince = null;
				case SYSTEM_DEPLOYED -> systems.putIfAbsent(event.system(), event.effectiveOn());
				case SYSTEM_RETIRED -> systems.remove(event.system());
				case FUNDS_RECEIVED -> {
					if (event.fundingSource() == FundingSource.CENTRAL) {
						central = central.add(event.amount());
					}
					else {
						local = local.add(event.amount());
					}
					byYear.merge(event.fiscalYear(),
							new YearFunds(BigDecimal.ZERO, BigDecimal.ZERO).add(event.fundingSource(), event.amount()),
							(a, b) -> new YearFunds(a.central().add(b.central()), a.local().add(b.local())));
				}
				case EVENT_VOIDED -> {
					// already applied above
				}
				default -> throw new IllegalStateException("unknown event kind " + event.kind());
			}
		}
		return new DeploymentState(library, asOf, plannedYear, completedOn, standardSince != null, standardSince,
				vpnSince != null, vpnSince, systems, central, local, byYear);
	}

}
