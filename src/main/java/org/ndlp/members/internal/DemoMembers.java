package org.ndlp.members.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.ndlp.members.DeploymentEventKind;
import org.ndlp.members.DeploymentHistory;
import org.ndlp.members.FundingSource;
import org.ndlp.members.LibraryTransfer;
import org.ndlp.members.LibraryTransfer.Format;
import org.ndlp.members.LibraryTransfer.ImportReport;
import org.ndlp.members.MemberLibraries;
import org.ndlp.members.NewDeploymentEvent;
import org.ndlp.members.SoftwareSystem;
import org.ndlp.shared.LibraryCode;
import org.ndlp.shared.NdlpProperties;
import org.ndlp.shared.RegionCode;
import org.ndlp.shared.security.CurrentUser;
import org.ndlp.shared.security.StaffRole;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Loads demo city libraries and deployment history when {@code ndlp.demo-data} is true,
 * once: a database that already holds the first demo library is left alone. The libraries
 * go through the same import as an uploaded file.
 */
@Component
@Order(10)
class DemoMembers implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoMembers.class);

	private static final String RECORDER = "demo-data";

	private final NdlpProperties properties;

	private final MemberLibraries libraries;

	private final LibraryTransfer transfer;

	private final DeploymentHistory history;

	DemoMembers(NdlpProperties properties, MemberLibraries libraries, LibraryTransfer transfer,
			DeploymentHistory history) {
		this.properties = properties;
		this.libraries = libraries;
		this.transfer = transfer;
		this.history = history;
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		if (!this.properties.demoData() || this.libraries.find(LibraryCode.of("CN-440100-GZL")).isPresent()) {
			return;
		}
		CurrentUser loader = new CurrentUser(RECORDER, StaffRole.NATIONAL_ADMIN, LibraryCode.NLC,
				RegionCode.of("110108"));
		ImportReport report;
		try (InputStream in = new ClassPathResource("demo/libraries.csv").getInputStream()) {
			report = this.transfer.importFile(in, Format.CSV, loader);
		}
		if (!report.imported()) {
			throw new IllegalStateException("demo libraries do not import: " + report.errors());
		}
		int events = 0;
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(
				new ClassPathResource("demo/deployment-events.csv").getInputStream(), StandardCharsets.UTF_8))) {
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				String[] f = line.split(",", -1);
				this.history.recordAs(RECORDER, LibraryCode.of(f[0]),
						new NewDeploymentEvent(DeploymentEventKind.valueOf(f[1]), LocalDate.parse(f[2]),
								f[3].isEmpty() ? null : SoftwareSystem.valueOf(f[3]),
								f[4].isEmpty() ? null : FundingSource.valueOf(f[4]),
								f[5].isEmpty() ? null : new BigDecimal(f[5]),
								f[6].isEmpty() ? null : Integer.valueOf(f[6]), null, f[7].isEmpty() ? null : f[7]));
				events++;
			}
		}
		log.info("Loaded demo data: {} city libraries, {} deployment events", report.created(), events);
	}

}
