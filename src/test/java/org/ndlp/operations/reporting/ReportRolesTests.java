package org.ndlp.operations.reporting;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.ndlp.members.Contact;
import org.ndlp.members.LibraryLevel;
import org.ndlp.members.MemberLibrary;
import org.ndlp.shared.LibraryCode;
import org.ndlp.shared.RegionCode;
import org.ndlp.shared.security.CurrentUser;
import org.ndlp.shared.security.StaffRole;

import static org.assertj.core.api.Assertions.assertThat;

/** Who writes and who reviews a library's report. */
class ReportRolesTests {

	private static final MemberLibrary GUANGZHOU = library("CN-440100-GZL", LibraryLevel.CITY, "440100");

	private static final MemberLibrary GUANGDONG = library("CN-440000-PL", LibraryLevel.PROVINCIAL, "440000");

	private static final MemberLibrary NLC = library("CN-110000-NLC", LibraryLevel.NATIONAL, "110000");

	private static final CurrentUser GZ_ADMIN = user(StaffRole.LIBRARY_ADMIN, "CN-440100-GZL", "440100");

	private static final CurrentUser GZ_CATALOGER = user(StaffRole.CATALOGER, "CN-440100-GZL", "440100");

	private static final CurrentUser GD_ADMIN = user(StaffRole.PROVINCIAL_ADMIN, "CN-440000-PL", "440000");

	private static final CurrentUser ZJ_ADMIN = user(StaffRole.PROVINCIAL_ADMIN, "CN-330000-PL", "330000");

	private static final CurrentUser ADMIN = user(StaffRole.NATIONAL_ADMIN, "CN-110000-NLC", "110000");

	@Test
	void aLibrarysOwnStaffWriteItsReportButNotItsCataloguers() {
		assertThat(QuarterlyReports.isAuthor(GZ_ADMIN, GUANGZHOU)).isTrue();
		assertThat(QuarterlyReports.isAuthor(GZ_CATALOGER, GUANGZHOU)).isFalse();
		assertThat(QuarterlyReports.isAuthor(GD_ADMIN, GUANGZHOU)).as("the province reviews, it does not write")
			.isFalse();
		assertThat(QuarterlyReports.isAuthor(GD_ADMIN, GUANGDONG)).isTrue();
		assertThat(QuarterlyReports.isAuthor(ADMIN, NLC)).isTrue();
	}

	@Test
	void theProvinceReviewsItsCitiesAndTheNationReviewsProvincesAndItself() {
		assertThat(QuarterlyReports.isReviewer(GD_ADMIN, GUANGZHOU)).isTrue();
		assertThat(QuarterlyReports.isReviewer(ZJ_ADMIN, GUANGZHOU)).isFalse();
		assertThat(QuarterlyReports.isReviewer(GZ_ADMIN, GUANGZHOU)).isFalse();
		assertThat(QuarterlyReports.isReviewer(ADMIN, GUANGZHOU)).isFalse();
		assertThat(QuarterlyReports.isReviewer(GD_ADMIN, GUANGDONG)).as("no one approves their own").isFalse();
		assertThat(QuarterlyReports.isReviewer(ADMIN, GUANGDONG)).isTrue();
		assertThat(QuarterlyReports.isReviewer(ADMIN, NLC)).as("recording the ministry's answer").isTrue();
	}

	private static MemberLibrary library(String code, LibraryLevel level, String region) {
		return new MemberLibrary(LibraryCode.of(code), code, null, level, null, RegionCode.of(region), null,
				Contact.NONE, Instant.EPOCH, Instant.EPOCH);
	}

	private static CurrentUser user(StaffRole role, String library, String region) {
		return new CurrentUser(role.name().toLowerCase(java.util.Locale.ROOT), role, LibraryCode.of(library),
				RegionCode.of(region));
	}

}
