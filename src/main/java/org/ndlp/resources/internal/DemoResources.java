package org.ndlp.resources.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.ndlp.members.MemberLibraries;
import org.ndlp.members.MemberLibrary;
import org.ndlp.resources.Resource;
import org.ndlp.resources.ResourceStatus;
import org.ndlp.resources.ResourceType;
import org.ndlp.resources.ThematicDatabase;
import org.ndlp.resources.internal.JdbcResources.Declaration;
import org.ndlp.shared.LibraryCode;
import org.ndlp.shared.NdlpProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The deck's end-2012 registration census as per-record demo data, made by a
 * deterministic generator (no data file): 11 provincial and 22 city libraries registered
 * over 90,000 entries (one entry = one registration record, ADR 0016), published in 2011
 * and 2012, plus each library's 2011 and 2012 declarations (a few below 80%) and a
 * handful of 2013 registrations waiting for review. Loaded once, in JDBC batches, when
 * {@code ndlp.demo-data} is on.
 */
@Component
@Order(18)
class DemoResources implements ApplicationRunner {

	static final String RECORDER = "demo-data";

	/** The provincial libraries that had registered by end 2012. */
	static final List<String> PROVINCIAL = List.of("CN-440000-PL", "CN-330000-PL", "CN-110000-PL", "CN-310000-PL",
			"CN-320000-PL", "CN-370000-PL", "CN-510000-PL", "CN-420000-PL", "CN-210000-PL", "CN-350000-PL",
			"CN-430000-PL");

	/** The city libraries that had registered by end 2012. */
	static final List<String> CITY = List.of("CN-440100-GZL", "CN-440300-SZL", "CN-330100-HZL", "CN-330200-NBL",
			"CN-210200-DLL", "CN-320500-SZL", "CN-510100-CDL", "CN-370200-QDL", "CN-350200-XML", "CN-420100-WHL",
			"CN-610100-XAL", "CN-430100-CSL", "CN-137100-D01", "CN-147100-D01", "CN-157100-D01", "CN-227100-D01",
			"CN-237100-D01", "CN-347100-D01", "CN-367100-D01", "CN-417100-D01", "CN-457100-D01", "CN-537100-D01");

	private static final Logger log = LoggerFactory.getLogger(DemoResources.class);

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private static final int BATCH = 2000;

	private static final String[] SUBJECTS = { "地方史", "民俗", "名人", "古籍", "方志", "老照片", "讲座", "非遗", "戏曲", "少儿", "经济",
			"旅游" };

	private static final ResourceType[] TYPES = { ResourceType.TEXT, ResourceType.TEXT, ResourceType.IMAGE,
			ResourceType.IMAGE, ResourceType.VIDEO, ResourceType.AUDIO, ResourceType.DATABASE, ResourceType.WEB_ARCHIVE,
			ResourceType.MULTIMEDIA };

	private static final String[] FORMATS = { "PDF", "PDF", "JPEG", "TIFF", "MP4", "MP3", "MDB", "WARC", "HTML" };

	private final NdlpProperties properties;

	private final MemberLibraries libraries;

	private final JdbcResources resources;

	private final TransactionTemplate transactions;

	private final boolean censusOnFeed;

	DemoResources(NdlpProperties properties, MemberLibraries libraries, JdbcResources resources,
			TransactionTemplate transactions,
			@Value("${ndlp.resources.demo-census-on-feed:true}") boolean censusOnFeed) {
		this.censusOnFeed = censusOnFeed;
		this.properties = properties;
		this.libraries = libraries;
		this.resources = resources;
		this.transactions = transactions;
	}

	@Override
	public void run(ApplicationArguments args) {
		// the declarations are stored last: without them an earlier load was interrupted
		if (!this.properties.demoData() || this.resources.anyDeclaredBy(RECORDER)) {
			return;
		}
		long started = System.nanoTime();
		this.transactions.executeWithoutResult((status) -> this.resources.deleteRegisteredBy(RECORDER));
		List<Declaration> declarations = new ArrayList<>();
		Map<String, String> provinces = new HashMap<>();
		List<String> all = new ArrayList<>(PROVINCIAL);
		all.addAll(CITY);
		int total = 0;
		for (int i = 0; i < all.size(); i++) {
			MemberLibrary library = this.libraries.get(LibraryCode.of(all.get(i)));
			provinces.put(library.code().value(), library.regionCode().provincePrefix());
			int index = i;
			// one transaction per library: H2 slows down under one 90,000-row transaction
			total += this.transactions.execute((status) -> load(library, index, declarations));
		}
		this.transactions.executeWithoutResult((status) -> {
			List<JdbcResources.Row> pending = new ArrayList<>();
			// a few 2013 registrations of Guangzhou and Guangdong waiting for review
			for (String code : List.of("CN-440100-GZL", "CN-440100-GZL", "CN-440300-SZL", "CN-440000-PL")) {
				MemberLibrary library = this.libraries.get(LibraryCode.of(code));
				pending.add(new JdbcResources.Row(pending(library, pending.size()), "44", library.level().name()));
			}
			this.resources.insertBatch(pending);
			this.resources.declareBatch(declarations, provinces, RECORDER,
					LocalDate.of(2013, 1, 15).atStartOfDay(CHINA).toInstant());
		});
		log.info("Loaded demo registrations: {} entries from {} provincial and {} city libraries in {} ms", total,
				PROVINCIAL.size(), CITY.size(), (System.nanoTime() - started) / 1_000_000);
	}

	private int load(MemberLibrary library, int i, List<Declaration> declarations) {
		String province = library.regionCode().provincePrefix();
		boolean provincial = i < PROVINCIAL.size();
		// provincial libraries registered more: 3,600-4,499 entries, city libraries
		// 1,710-2,509
		int count = provincial ? 3600 + (i * 373) % 900 : 1710 + (i * 211) % 800;
		List<JdbcResources.Row> batch = new ArrayList<>(BATCH);
		long[] items = new long[2];
		BigDecimal[] gb = { BigDecimal.ZERO, BigDecimal.ZERO };
		for (int n = 0; n < count; n++) {
			Resource r = resource(library, i, n, count);
			batch.add(new JdbcResources.Row(r, province, library.level().name()));
			if (r.yearBuilt() >= 2011) {
				items[r.yearBuilt() - 2011] += r.itemCount();
				gb[r.yearBuilt() - 2011] = gb[r.yearBuilt() - 2011].add(r.sizeGb());
			}
			if (batch.size() == BATCH) {
				this.resources.insertBatch(batch);
				batch.clear();
			}
		}
		this.resources.insertBatch(batch);
		if (this.censusOnFeed) {
			// search and identifiers follow the feed: the census becomes searchable and
			// gets identifiers in the background (tests switch this off: 90,000
			// identifiers
			// and index entries per test context buy nothing)
			this.resources.feedPublishedOf(RECORDER, library.code());
		}
		for (int y = 0; y < 2; y++) {
			// most libraries registered 85-100% of what they declared; every fifth stayed
			// below 80%
			int percent = (i % 5 == 3) ? 55 + (i * 7) % 20 : 85 + (i * 3) % 16;
			long declaredItems = items[y] * 100 / percent;
			BigDecimal declaredGb = gb[y].multiply(BigDecimal.valueOf(100))
				.divide(BigDecimal.valueOf(percent), 3, java.math.RoundingMode.HALF_UP);
			declarations.add(new Declaration(library.code().value(), 2011 + y, declaredItems, declaredGb));
		}
		return count;
	}

	private static Resource resource(MemberLibrary library, int libraryIndex, int n, int count) {
		int k = libraryIndex * 7919 + n;
		ResourceType type = TYPES[k % TYPES.length];
		String subject = SUBJECTS[(k / 3) % SUBJECTS.length];
		ThematicDatabase thematic = ThematicDatabase.values()[(k / 7) % ThematicDatabase.values().length];
		// a tenth built before the project, the rest in 2011 and 2012
		int year = (n % 10 == 0) ? 2008 + (n / 10) % 3 : (n % 2 == 0) ? 2011 : 2012;
		// published in order through 2011 and 2012: n-th of count on day n * 730 / count
		LocalDate day = LocalDate.of(2011, 1, 1).plusDays((long) n * 730 / count);
		if (year == 2012 && day.getYear() < 2012) {
			day = day.plusYears(1);
		}
		day = day.isAfter(LocalDate.of(2012, 12, 31)) ? LocalDate.of(2012, 12, 31) : day;
		Instant at = day.atTime(10, 0).atZone(CHINA).toInstant();
		long items = 1 + (k * 37L) % 400;
		BigDecimal gb = BigDecimal.valueOf(1 + (k * 53L) % 5000, 2);
		boolean sparse = k % 6 == 0;
		String title = library.name() + subject + type.nameZh() + "资源 第" + (n + 1) + "号";
		return new Resource(0, library.code(), title, sparse ? null : library.name(), subject,
				sparse ? null : library.name() + "自建" + subject + "数字资源", sparse ? null : library.name(), null,
				String.valueOf(year), null, FORMATS[k % FORMATS.length], null, null, "chi", null,
				library.provinceName(), sparse ? null : "馆内免费浏览", type, gb, items,
				sparse ? null
						: "https://demo.ndlp.example/" + library.code().value().toLowerCase(java.util.Locale.ROOT) + "/"
								+ (n + 1),
				thematic, year, ResourceStatus.PUBLISHED, null, RECORDER, at, null, RECORDER, at, at, at, List.of(), 0);
	}

	private static Resource pending(MemberLibrary library, int n) {
		Instant at = LocalDate.of(2013, 3, 1 + n).atTime(9, 0).atZone(CHINA).toInstant();
		String title = library.name() + "2013年新建特色资源（待审核）" + (n + 1);
		return new Resource(0, library.code(), title, library.name(), "地方文献", null, null, null, "2013", null, "PDF",
				null, null, "chi", null, null, null, ResourceType.TEXT, BigDecimal.TEN, 100L, null,
				ThematicDatabase.LOCAL_DOCUMENTS, 2013, ResourceStatus.PENDING, null, null, null, null, RECORDER, at,
				at, null, List.of(), 0);
	}

}
