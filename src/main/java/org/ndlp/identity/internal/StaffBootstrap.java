package org.ndlp.identity.internal;

import java.security.SecureRandom;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.ndlp.identity.StaffAccounts;
import org.ndlp.members.MemberLibraries;
import org.ndlp.shared.LibraryCode;
import org.ndlp.shared.NdlpProperties;
import org.ndlp.shared.security.StaffRole;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Makes sure a national administrator {@code admin} exists, with the password from
 * {@code NDLP_ADMIN_PASSWORD} or, when that is unset, a generated one printed once in the
 * log. In the demo shape it also adds one staff account per role for the demo libraries.
 */
@Component
@Order(20)
class StaffBootstrap implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(StaffBootstrap.class);

	private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

	/**
	 * Demo accounts: username, role, library (created only when their library exists).
	 */
	private static final List<String[]> DEMO = List.of(
			new String[] { "gd-admin", StaffRole.PROVINCIAL_ADMIN.name(), "CN-440000-PL", "广东省馆管理员" },
			new String[] { "zj-admin", StaffRole.PROVINCIAL_ADMIN.name(), "CN-330000-PL", "浙江馆管理员" },
			new String[] { "gz-admin", StaffRole.LIBRARY_ADMIN.name(), "CN-440100-GZL", "广州图书馆管理员" },
			new String[] { "gz-cataloger", StaffRole.CATALOGER.name(), "CN-440100-GZL", "广州图书馆编目员" });

	private final StaffAccounts accounts;

	private final Environment environment;

	private final NdlpProperties properties;

	private final MemberLibraries libraries;

	StaffBootstrap(StaffAccounts accounts, Environment environment, NdlpProperties properties,
			MemberLibraries libraries) {
		this.accounts = accounts;
		this.environment = environment;
		this.properties = properties;
		this.libraries = libraries;
	}

	@Override
	public void run(ApplicationArguments args) {
		String given = this.environment.getProperty("NDLP_ADMIN_PASSWORD");
		if (this.accounts.find("admin").isEmpty()) {
			String password = (given != null && !given.isBlank()) ? given : generate();
			this.accounts.create("admin", password, "国家中心管理员", StaffRole.NATIONAL_ADMIN, LibraryCode.NLC);
			if (given == null || given.isBlank()) {
				log.warn("Created national administrator 'admin' with generated password: {}  "
						+ "(set NDLP_ADMIN_PASSWORD to choose it; shown only this once)", password);
			}
			else {
				log.info("Created national administrator 'admin' with the password from NDLP_ADMIN_PASSWORD");
			}
		}
		if (this.properties.demoData()) {
			createDemoAccounts((given != null && !given.isBlank()) ? given : null);
		}
	}

	private void createDemoAccounts(String given) {
		String password = null;
		for (String[] demo : DEMO) {
			LibraryCode library = LibraryCode.of(demo[2]);
			if (this.accounts.find(demo[0]).isPresent() || this.libraries.find(library).isEmpty()) {
				continue;
			}
			if (password == null) {
				password = (given != null) ? given : generate();
			}
			this.accounts.create(demo[0], password, demo[3], StaffRole.valueOf(demo[1]), library);
		}
		if (password != null) {
			log.warn("Created demo staff accounts gd-admin, zj-admin, gz-admin, gz-cataloger with password: {}",
					(given != null) ? "(the one in NDLP_ADMIN_PASSWORD)" : password);
		}
	}

	private static String generate() {
		SecureRandom random = new SecureRandom();
		StringBuilder password = new StringBuilder();
		for (int i = 0; i < 20; i++) {
			password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return password.toString();
	}

}
