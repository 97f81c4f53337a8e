package org.ndlp.members;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.ndlp.members.DeploymentSummary.Tally;
import org.ndlp.members.internal.JdbcDeploymentEvents;
import org.ndlp.shared.LibraryCode;
import org.ndlp.shared.problem.InvalidInput;
import org.ndlp.shared.security.CurrentUser;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each library's dated deployment history (append-only) and the state it gives on any
 * date, per library and summed by level and province.
 */
@Service
public class DeploymentHistory {

	private static final int FIRST_YEAR = 2000;

	private final JdbcDeploymentEvents events;

	private final MemberLibraries libraries;

	private final Clock clock;

	public DeploymentHistory(JdbcDeploymentEvents events, MemberLibraries libraries, Clock clock) {
		this.events = events;
		this.libraries = libraries;
		this.clock = clock;
	}

	/** Every event of the library, oldest first. */
	public List<DeploymentEvent> events(LibraryCode code) {
		this.libraries.get(code);
		return this.events.of(code);
	}

	/** The library's deployment on a date. */
	public DeploymentState stateOf(LibraryCode code, LocalDate asOf) {
		this.libraries.get(code);
		return DeploymentState.fold(code, asOf, this.events.of(code));
	}

	/**
	 * Records an event for a library the user may administer; checks the fields its kind
	 * needs.
	 */
	@Transactional
	public DeploymentEvent record(LibraryCode code, NewDeploymentEvent event, CurrentUser user) {
		MemberLibrary library = this.libraries.get(code);
		this.libraries.checkMayAdminister(user, library);
		return this.events.append(check(code, event, user.username()));
	}

	/**
	 * Records an event without a signed-in user, for loaders of reference and demo data.
	 * @param recordedBy the name the history shows
	 */
	@Transactional
	public DeploymentEvent recordAs(String recordedBy, LibraryCode code, NewDeploymentEvent event) {
		this.libraries.get(code);
		return this.events.append(check(code, event, recordedBy));
	}

	/**
	 * Every library with its deployment on a date, in registry order (level, region,
	 * code).
	 */
	public List<LibraryDeployment> states(LocalDate asOf) {
		Map<LibraryCode, List<DeploymentEvent>> byLibrary = this.events.upTo(asOf)
			.stream()
			.collect(Collectors.groupingBy(DeploymentEvent::library));
		return this.libraries.search(LibraryQuery.ALL)
			.stream()
			.map((library) -> new LibraryDeployment(library,
					DeploymentState.fold(library.code(), asOf, byLibrary.getOrDefault(library.code(), List.of()))))
			.toList();
	}

	/** Deployment counts of all libraries on a date: total, by level, by province. */
	public DeploymentSummary summary(LocalDate asOf) {
		Counter total = new Counter("ALL", "全国");
		Map<LibraryLevel, Counter> byLevel = new EnumMap<>(LibraryLevel.class);
		for (LibraryLevel level : LibraryLevel.values()) {
			byLevel.put(level, new Counter(level.name(), level.nameZh()));
		}
		Map<String, Counter> byProvince = new TreeMap<>();
		for (LibraryDeployment entry : states(asOf)) {
			MemberLibrary library = entry.library();
			total.add(entry.state());
			byLevel.get(library.level()).add(entry.state());
			if (library.level() != LibraryLevel.NATIONAL) {
				String prefix = library.regionCode().provincePrefix();
				byProvince.computeIfAbsent(prefix, (key) -> new Counter(key, library.provinceName()))
					.add(entry.state());
			}
		}
		return new DeploymentSummary(asOf, total.tally(), byLevel.values().stream().map(Counter::tally).toList(),
				byProvince.values().stream().map(Counter::tally).toList());
	}

	private DeploymentEvent check(LibraryCode code, NewDeploymentEvent event, String recordedBy) {
		if (event.kind() == null) {
			throw new InvalidInput("kind", "kind is required");
		}
		LocalDate today = LocalDate.now(this.clock);
		LocalDate effectiveOn = event.effectiveOn();
		if (effectiveOn == null) {
			if (event.kind() != DeploymentEventKind.EVENT_VOIDED) {
				throw new InvalidInput("effectiveOn", "effectiveOn (the date it happened, YYYY-MM-DD) is required");
			}
			effectiveOn = today;
		}
		if (effectiveOn.isAfter(today)) {
			throw new InvalidInput("effectiveOn", "effectiveOn " + effectiveOn + " is in the future");
		}
		SoftwareSystem system = null;
		FundingSource source = null;
		BigDecimal amount = null;
		Integer year = null;
		Long voids = null;
		switch (event.kind()) {
			case SYSTEM_DEPLOYED, SYSTEM_RETIRED -> {
				if (event.system() == null) {
					throw new InvalidInput("system", event.kind() + " needs the software system");
				}
				system = event.system();
			}
			case FUNDS_RECEIVED -> {
				if (event.fundingSource() == null) {
					throw new InvalidInput("fundingSource", "FUNDS_RECEIVED needs fundingSource CENTRAL or LOCAL");
				}
				if (event.amount() == null || event.amount().signum() <= 0) {
					throw new InvalidInput("amount", "FUNDS_RECEIVED needs a positive amount in yuan");
				}
				if (event.amount().scale() > 2) {
					throw new InvalidInput("amount", "amount has more than two decimals (fen)");
				}
				source = event.fundingSource();
				amount = event.amount();
				year = checkYear(event.fiscalYear(), today);
			}
			case PLATFORM_PLANNED -> year = checkYear(event.fiscalYear(), today);
			case EVENT_VOIDED -> {
				if (event.voidsEventId() == null) {
					throw new InvalidInput("voidsEventId", "a correction names the event it voids");
				}
				DeploymentEvent target = this.events.find(event.voidsEventId())
					.filter((found) -> found.library().equals(code))
					.orElseThrow(() -> new InvalidInput("voidsEventId",
							"library " + code + " has no event " + event.voidsEventId()));
				if (target.kind() == DeploymentEventKind.EVENT_VOIDED) {
					throw new InvalidInput("voidsEventId", "a correction cannot be voided; record the event again");
				}
				boolean alreadyVoided = this.events.of(code)
					.stream()
					.anyMatch((other) -> target.id() == ((other.voidsEventId() != null) ? other.voidsEventId() : -1));
				if (alreadyVoided) {
					throw new InvalidInput("voidsEventId", "event " + target.id() + " is already voided");
				}
				voids = target.id();
			}
			default -> {
				// the other kinds need only a date
			}
		}
		String note = (event.note() != null && !event.note().isBlank()) ? event.note().strip() : null;
		if (note != null && note.length() > 1000) {
			throw new InvalidInput("note", "note is longer than 1000 characters");
		}
		return new DeploymentEvent(0, code, event.kind(), effectiveOn, system, source, amount, year, voids, note,
				recordedBy, this.clock.instant());
	}

	private static Integer checkYear(Integer year, LocalDate today) {
		if (year == null || year < FIRST_YEAR || year > today.getYear() + 5) {
			throw new InvalidInput("fiscalYear", "fiscalYear must be a year between " + FIRST_YEAR + " and "
					+ (today.getYear() + 5) + ", got " + year);
		}
		return year;
	}

	/** Accumulates one tally. */
	private static final class Counter {

		private final String key;

		private final String label;

		private int libraries;

		private int planned;

		private int completed;

		private int standard;

		private int vpn;

		private final Map<SoftwareSystem, Integer> systems = new EnumMap<>(SoftwareSystem.class);

		private BigDecimal central = BigDecimal.ZERO;

		private BigDecimal local = BigDecimal.ZERO;

		Counter(String key, String label) {
			this.key = key;
			this.label = label;
		}

		void add(DeploymentState state) {
			this.libraries++;
			this.planned += (state.platformPlannedYear() != null) ? 1 : 0;
			this.completed += (state.platformCompletedOn() != null) ? 1 : 0;
			this.standard += state.hardwareStandardMet() ? 1 : 0;
			this.vpn += state.vpnConnected() ? 1 : 0;
			state.systems().keySet().forEach((system) -> this.systems.merge(system, 1, Integer::sum));
			this.central = this.central.add(state.centralFunds());
			this.local = this.local.add(state.localFunds());
		}

		Tally tally() {
			Map<SoftwareSystem, Integer> all = new LinkedHashMap<>();
			for (SoftwareSystem system : SoftwareSystem.values()) {
				all.put(system, this.systems.getOrDefault(system, 0));
			}
			return new Tally(this.key, this.label, this.libraries, this.planned, this.completed, this.standard,
					this.vpn, all, this.central, this.local);
		}

	}

}
