package org.ndlp.members;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.ndlp.shared.LibraryCode;

import static org.assertj.core.api.Assertions.assertThat;

class DeploymentStateTests {

	private static final LibraryCode GZ = LibraryCode.of("CN-440100-GZL");

	private final List<DeploymentEvent> events = new ArrayList<>();

	@Test
	void stateOnAPastDateIgnoresLaterEvents() {
		event(DeploymentEventKind.VPN_CONNECTED, "2012-03-01");
		event(DeploymentEventKind.HARDWARE_STANDARD_MET, "2012-06-01");
		event(DeploymentEventKind.VPN_DISCONNECTED, "2013-01-15");
		DeploymentState before = DeploymentState.fold(GZ, LocalDate.parse("2012-02-28"), this.events);
		DeploymentState mid = DeploymentState.fold(GZ, LocalDate.parse("2012-12-31"), this.events);
		DeploymentState after = DeploymentState.fold(GZ, LocalDate.parse("2013-06-30"), this.events);
		assertThat(before.vpnConnected()).isFalse();
		assertThat(before.hardwareStandardMet()).isFalse();
		assertThat(mid.vpnConnected()).isTrue();
		assertThat(mid.vpnConnectedSince()).isEqualTo("2012-03-01");
		assertThat(mid.hardwareStandardMet()).isTrue();
		assertThat(after.vpnConnected()).isFalse();
		assertThat(after.hardwareStandardMet()).isTrue();
	}

	@Test
	void fundsAddUpBySourceAndYear() {
		funds(FundingSource.CENTRAL, "1000000", 2011, "2011-06-01");
		funds(FundingSource.LOCAL, "800000.50", 2011, "2011-09-01");
		funds(FundingSource.CENTRAL, "500000", 2012, "2012-05-01");
		DeploymentState end2011 = DeploymentState.fold(GZ, LocalDate.parse("2011-12-31"), this.events);
		DeploymentState end2012 = DeploymentState.fold(GZ, LocalDate.parse("2012-12-31"), this.events);
		assertThat(end2011.centralFunds()).isEqualByComparingTo("1000000");
		assertThat(end2011.localFunds()).isEqualByComparingTo("800000.50");
		assertThat(end2012.centralFunds()).isEqualByComparingTo("1500000");
		assertThat(end2012.fundsByYear()).containsOnlyKeys(2011, 2012);
		assertThat(end2012.fundsByYear().get(2012).central()).isEqualByComparingTo("500000");
	}

	@Test
	void aVoidedEventNeverCountsEvenOnDatesBeforeTheCorrection() {
		DeploymentEvent wrong = system(DeploymentEventKind.SYSTEM_DEPLOYED, SoftwareSystem.WENJIN_SEARCH, "2012-04-01");
		system(DeploymentEventKind.SYSTEM_DEPLOYED, SoftwareSystem.UNIFIED_AUTHENTICATION, "2012-05-01");
		add(new DeploymentEvent(this.events.size() + 1, GZ, DeploymentEventKind.EVENT_VOIDED,
				LocalDate.parse("2013-02-01"), null, null, null, null, wrong.id(), "entered for the wrong library",
				"tester", Instant.now()));
		DeploymentState state = DeploymentState.fold(GZ, LocalDate.parse("2012-12-31"), this.events);
		assertThat(state.systems()).containsOnlyKeys(SoftwareSystem.UNIFIED_AUTHENTICATION);
	}

	@Test
	void aRetiredSystemIsNoLongerDeployed() {
		system(DeploymentEventKind.SYSTEM_DEPLOYED, SoftwareSystem.DIGITIZATION, "2012-01-01");
		system(DeploymentEventKind.SYSTEM_RETIRED, SoftwareSystem.DIGITIZATION, "2014-01-01");
		assertThat(DeploymentState.fold(GZ, LocalDate.parse("2013-01-01"), this.events).systems())
			.containsKey(SoftwareSystem.DIGITIZATION);
		assertThat(DeploymentState.fold(GZ, LocalDate.parse("2014-01-01"), this.events).systems()).isEmpty();
	}

	private DeploymentEvent event(DeploymentEventKind kind, String date) {
		return add(new DeploymentEvent(this.events.size() + 1, GZ, kind, LocalDate.parse(date), null, null, null, null,
				null, null, "tester", Instant.now()));
	}

	private DeploymentEvent system(DeploymentEventKind kind, SoftwareSystem system, String date) {
		return add(new DeploymentEvent(this.events.size() + 1, GZ, kind, LocalDate.parse(date), system, null, null,
				null, null, null, "tester", Instant.now()));
	}

	private DeploymentEvent funds(FundingSource source, String amount, int year, String date) {
		return add(new DeploymentEvent(this.events.size() + 1, GZ, DeploymentEventKind.FUNDS_RECEIVED,
				LocalDate.parse(date), null, source, new BigDecimal(amount), year, null, null, "tester",
				Instant.now()));
	}

	private DeploymentEvent add(DeploymentEvent event) {
		this.events.add(event);
		return event;
	}

}
