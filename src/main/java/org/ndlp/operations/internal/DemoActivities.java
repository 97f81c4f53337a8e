package org.ndlp.operations.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.ndlp.members.LibraryLevel;
import org.ndlp.members.LibraryQuery;
import org.ndlp.members.MemberLibraries;
import org.ndlp.members.MemberLibrary;
import org.ndlp.operations.OutletLevel;
import org.ndlp.operations.PressReport;
import org.ndlp.operations.TrainingLevel;
import org.ndlp.operations.TrainingSession;
import org.ndlp.shared.LibraryCode;
import org.ndlp.shared.NdlpProperties;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo training and press records matching the deck's 2012 figures: 16 national training
 * sessions with 1,536 trainees (plus a few provincial ones), and 528 press reports, 203
 * by central and 325 by local media, 66 of them about the project. The records are
 * synthetic; their counts are the deck's.
 */
@Component
@Order(15)
class DemoActivities implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoActivities.class);

	private static final String RECORDER = "demo-data";

	private final NdlpProperties properties;

	private final JdbcProjectActivities activities;

	private final MemberLibraries libraries;

	private final Clock clock;

	DemoActivities(NdlpProperties properties, JdbcProjectActivities activities, MemberLibraries libraries,
			Clock clock) {
		this.properties = properties;
		this.activities = activities;
		this.libraries = libraries;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!this.properties.demoData() || this.activities.countSessions() > 0) {
			return;
		}
		List<MemberLibrary> provincial = this.libraries
			.search(new LibraryQuery(LibraryLevel.PROVINCIAL, null, null, null));
		for (int i = 0; i < 16; i++) {
			this.activities.insert(new TrainingSession(null, LocalDate.of(2012, 3, 5).plusDays(16L * i),
					TrainingLevel.NATIONAL, "推广工程全国培训班（演示）第" + (i + 1) + "期", LibraryCode.NLC, 96, RECORDER),
					this.clock.instant());
		}
		for (int i = 0; i < 3; i++) {
			MemberLibrary organizer = provincial.get(i % provincial.size());
			this.activities.insert(new TrainingSession(null, LocalDate.of(2012, 5, 10).plusDays(30L * i),
					TrainingLevel.PROVINCIAL, organizer.name() + "推广工程培训（演示）", organizer.code(), 40 + i, RECORDER),
					this.clock.instant());
		}
		for (int i = 0; i < 528; i++) {
			boolean central = i < 203;
			boolean about = central ? i < 30 : i < 203 + 36;
			LibraryCode library = central ? LibraryCode.NLC : provincial.get(i % provincial.size()).code();
			this.activities.insert(
					new PressReport(null, LocalDate.of(2012, 1, 1).plusDays((i * 7L) % 365),
							central ? "中央媒体（演示）" : "地方媒体（演示）", central ? OutletLevel.CENTRAL : OutletLevel.LOCAL, about,
							(about ? "数字图书馆推广工程报道（演示）" : "数字图书馆报道（演示）") + (i + 1), library, RECORDER),
					this.clock.instant());
		}
		log.info("Loaded demo training sessions and press reports");
	}

}
