package org.ndlp.catalog;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import org.ndlp.catalog.internal.JdbcContributions;
import org.ndlp.shared.LibraryCode;

import org.springframework.stereotype.Service;

/**
 * What each member library has contributed to the union catalog (联合编目贡献) on a date: its
 * live bibliographic records, how many of them no other library has sent (records only it
 * describes), and its holdings. The operations dashboards count these per library,
 * province and nation.
 */
@Service
public class CatalogContributions {

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private final JdbcContributions contributions;

	private final Clock clock;

	public CatalogContributions(JdbcContributions contributions, Clock clock) {
		this.contributions = contributions;
		this.clock = clock;
	}

	/**
	 * One library's contribution.
	 *
	 * @param records bibliographic records live on the date (sent and not withdrawn)
	 * @param unique of those, records in a work cluster no other library contributes to
	 * (today's clusters)
	 * @param holdings holding statements today (call number and location per record)
	 * @param copies copies those statements count (today)
	 */
	public record Contribution(long records, long unique, long holdings, long copies) {

		public static final Contribution NONE = new Contribution(0, 0, 0, 0);

		public Contribution plus(Contribution other) {
			return new Contribution(this.records + other.records, this.unique + other.unique,
					this.holdings + other.holdings, this.copies + other.copies);
		}

	}

	/**
	 * Contributions by library code on a date (end of that day, China time). Records are
	 * counted as of the date from their version history; clusters and holdings are kept
	 * only as they are now, so for a past date they count today's state of the records
	 * live then. Libraries that contributed nothing are absent.
	 */
	public Map<String, Contribution> byLibrary(LocalDate asOf) {
		Instant end = asOf.plusDays(1).atStartOfDay(CHINA).toInstant();
		boolean current = !end.isBefore(this.clock.instant());
		return this.contributions.byLibrary(current ? null : end);
	}

	/**
	 * Records (versions: new, changed or withdrawn) a library sent from the start of one
	 * day to the end of another, China time: what its quarterly report calls 上传联合目录数据.
	 */
	public long sent(LibraryCode library, LocalDate from, LocalDate to) {
		return this.contributions.sent(library.value(), from.atStartOfDay(CHINA).toInstant(),
				to.plusDays(1).atStartOfDay(CHINA).toInstant());
	}

}
