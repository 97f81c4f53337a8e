package org.ndlp.catalog;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import com.ibm.icu.text.Transliterator;
import org.junit.jupiter.api.Test;

import org.ndlp.catalog.marc.BibDescription;
import org.ndlp.catalog.marc.Creator;
import org.ndlp.catalog.marc.Isbn;
import org.ndlp.catalog.marc.Iso2709Reader;
import org.ndlp.catalog.marc.MarcXmlReader;
import org.ndlp.catalog.marc.ReadResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Cluster quality on a labelled pair set built from real records in ../shared/data (see
 * docs/modules/catalog.md, "Cluster quality"): pairs that describe the same edition
 * (CNMARC and its UNIMARC rendering; CNMARC and a MARC 21 crosswalk with a traditional
 * title and an ISBN-10; a MARC 21 record and a noisy copy — upper case, full-width
 * letters, ISBN-13, ISBD punctuation; a real duplicate pair of the dp2 MARC 21 sample)
 * and pairs that must stay apart (a second edition; another year without an ISBN; volume
 * 2; different works with the same title in the UVA file). A pair is predicted "same"
 * when the two records share a blocking key and the scored comparison says so, as in the
 * catalog. Prints precision and recall; false merges fail the test.
 */
class ClusterQualityTests {

	private static final Path DATA = Path.of("..", "shared", "data");

	private static final Path UVA = DATA.resolve("solrmarc/test/data/records/uva_001_2000.mrc");

	private static final Path DP2 = DATA.resolve("dp2-sru/dp2Catalog/SRU");

	private static final Transliterator TRADITIONAL = Transliterator.getInstance("Simplified-Traditional");

	record Pair(String category, BibDescription a, BibDescription b, boolean same) {
	}

	@Test
	void precisionAndRecallOnTheLabelledPairs() throws Exception {
		assumeTrue(Files.isRegularFile(UVA) && Files.isDirectory(DP2), "../shared/data is absent");
		List<Pair> pairs = labelledPairs();
		Map<String, int[]> byCategory = new java.util.TreeMap<>();
		int tp = 0;
		int fp = 0;
		int fn = 0;
		int tn = 0;
		List<String> falseMerges = new ArrayList<>();
		for (Pair pair : pairs) {
			MatchSignature a = MatchSignature.of(pair.a());
			MatchSignature b = MatchSignature.of(pair.b());
			Set<String> shared = new HashSet<>(a.keys());
			shared.retainAll(b.keys());
			boolean predicted = !shared.isEmpty() && a.compare(b).same();
			int[] counts = byCategory.computeIfAbsent(pair.category(), (k) -> new int[2]);
			counts[0]++;
			if (predicted == pair.same()) {
				counts[1]++;
			}
			if (predicted && pair.same()) {
				tp++;
			}
			else if (predicted) {
				fp++;
				falseMerges.add(pair.category() + ": " + pair.a().title() + " / " + pair.b().title() + " — "
						+ a.compare(b).reasons());
			}
			else if (pair.same()) {
				fn++;
				System.out.println("  missed: " + pair.category() + ": " + pair.a().title() + " / " + pair.b().title()
						+ " — " + a.compare(b).reasons() + " keys " + a.keys() + " " + b.keys());
			}
			else {
				tn++;
			}
		}
		double precision = tp / (double) Math.max(1, tp + fp);
		double recall = tp / (double) Math.max(1, tp + fn);
		System.out.printf(Locale.ROOT,
				"cluster quality: %d labelled pairs (%d same, %d different): "
						+ "precision %.4f, recall %.4f (tp %d, fp %d, fn %d, tn %d)%n",
				pairs.size(), tp + fn, fp + tn, precision, recall, tp, fp, fn, tn);
		byCategory.forEach((category, counts) -> System.out.printf(Locale.ROOT, "  %-40s %4d pairs, %4d right%n",
				category, counts[0], counts[1]));
		assertThat(tp + fn).as("same-edition pairs").isGreaterThan(500);
		assertThat(fp + tn).as("different-edition pairs").isGreaterThan(500);
		assertThat(falseMerges).as("false merges").isEmpty();
		assertThat(recall).isGreaterThan(0.95);
	}

	private static List<Pair> labelledPairs() throws Exception {
		List<Pair> pairs = new ArrayList<>();
		List<ReadResult.Parsed> cnmarc = read(DP2.resolve("sample_cnmarcxml.xml"), MarcXmlReader::read);
		Map<String, ReadResult.Parsed> unimarc = new HashMap<>();
		read(DP2.resolve("sample_unimarcxml.xml"), MarcXmlReader::read)
			.forEach((p) -> unimarc.put(p.record().controlNumber().orElseThrow(), p));
		for (ReadResult.Parsed p : cnmarc) {
			BibDescription cn = describe(p);
			ReadResult.Parsed uni = unimarc.get(p.record().controlNumber().orElseThrow());
			if (uni != null) {
				pairs.add(new Pair("same: CNMARC / UNIMARC rendering", cn, describe(uni), true));
			}
			if (!cn.isbns().isEmpty()) {
				pairs.add(new Pair("same: CNMARC / MARC 21, traditional", cn, crosswalk(cn), true));
			}
		}
		List<ReadResult.Parsed> dp2Marc21 = read(DP2.resolve("sample_marcxml.xml"), MarcXmlReader::read);
		for (int i = 0; i < dp2Marc21.size(); i++) {
			for (int j = i + 1; j < dp2Marc21.size(); j++) {
				BibDescription a = describe(dp2Marc21.get(i));
				BibDescription b = describe(dp2Marc21.get(j));
				if (!a.isbns().isEmpty() && a.isbns().equals(b.isbns())) {
					// two records of one library for one book (a real duplicate)
					pairs.add(new Pair("same: real duplicate in dp2 MARC 21", a, b, true));
				}
			}
		}
		List<BibDescription> uva = read(UVA, Iso2709Reader::read).stream()
			.map(ClusterQualityTests::describe)
			.filter((d) -> d.title() != null && !MatchSignature.normalize(d.title()).isEmpty())
			.toList();
		for (int i = 0; i < uva.size(); i++) {
			BibDescription d = uva.get(i);
			if (i % 2 == 0) {
				pairs.add(new Pair("same: MARC 21 / noisy copy", d, noisy(d), true));
			}
			if (i % 3 == 0) {
				String other = MatchSignature.normalize(d.edition()).equals("2nded") ? "3rd ed." : "2nd ed.";
				pairs.add(new Pair("apart: another edition", d, withEdition(d, other), false));
			}
			if (i % 3 == 1 && d.year() != null && !d.year().isBlank()) {
				pairs.add(new Pair("apart: another year, no ISBN", d, laterWithoutIsbn(d), false));
			}
			if (i % 3 == 2) {
				pairs.add(new Pair("apart: volume 2", d, volume(d, "v. 2"), false));
			}
		}
		// different works that happen to share a title in one library's catalogue
		Map<String, List<BibDescription>> byTitle = new HashMap<>();
		uva.forEach(
				(d) -> byTitle.computeIfAbsent(MatchSignature.normalize(d.title()), (k) -> new ArrayList<>()).add(d));
		byTitle.values().forEach((same) -> {
			for (int i = 0; i < same.size(); i++) {
				for (int j = i + 1; j < same.size(); j++) {
					MatchSignature a = MatchSignature.of(same.get(i));
					MatchSignature b = MatchSignature.of(same.get(j));
					boolean differ = !a.year().equals(b.year()) || !a.creatorKey().equals(b.creatorKey());
					if (differ) {
						pairs.add(new Pair("apart: same title, other work (UVA)", same.get(i), same.get(j), false));
					}
				}
			}
		});
		return pairs;
	}

	private static BibDescription describe(ReadResult.Parsed parsed) {
		return BibDescription.of(parsed.record(), parsed.schema());
	}

	private static List<ReadResult.Parsed> read(Path file, Function<InputStream, Stream<ReadResult>> reader)
			throws Exception {
		try (InputStream in = Files.newInputStream(file)) {
			return reader.apply(in)
				.filter(ReadResult.Parsed.class::isInstance)
				.map(ReadResult.Parsed.class::cast)
				.toList();
		}
	}

	/**
	 * The same book as a MARC 21 library would describe it: traditional title, ISBN-10.
	 */
	private static BibDescription crosswalk(BibDescription d) {
		return copy(d, TRADITIONAL.transliterate(d.title()), d.creators(), d.edition(), d.year(), d.isbns());
	}

	/** Upper case, full-width Latin letters and digits, ISBD punctuation run on. */
	private static BibDescription noisy(BibDescription d) {
		StringBuilder title = new StringBuilder();
		for (char c : d.title().toUpperCase(Locale.ROOT).toCharArray()) {
			title.append((c >= '!' && c <= '~') ? (char) (c - '!' + '\uFF01') : c);
		}
		title.append(" :");
		return copy(d, title.toString(), d.creators(), d.edition(), d.year(), d.isbns());
	}

	private static BibDescription withEdition(BibDescription d, String edition) {
		return copy(d, d.title(), d.creators(), edition, d.year(), d.isbns());
	}

	private static BibDescription laterWithoutIsbn(BibDescription d) {
		String year = MatchSignature.of(d).year();
		String later = year.isEmpty() ? "1901" : String.valueOf(Integer.parseInt(year) + 3);
		return copy(d, d.title(), d.creators(), d.edition(), later, List.of());
	}

	private static BibDescription volume(BibDescription d, String volume) {
		return copy(d, d.title() + ". " + volume, d.creators(), d.edition(), d.year(), d.isbns());
	}

	private static BibDescription copy(BibDescription d, String title, List<Creator> creators, String edition,
			String year, List<Isbn> isbns) {
		return new BibDescription(d.schema(), d.localId(), d.type(), title, d.titleRomanized(), d.otherTitle(),
				d.parallelTitles(), d.responsibility(), creators, edition, d.place(), d.publisher(), year, isbns,
				d.issns(), d.languages(), d.clc(), d.subjects(), d.series(), d.extent());
	}

}
