package org.ndlp.oaipmh.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntConsumer;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.ndlp.catalog.CatalogRecords;
import org.ndlp.catalog.IncomingRecord;
import org.ndlp.catalog.MatchSignature;
import org.ndlp.catalog.StoreOutcome;
import org.ndlp.catalog.marc.BibDescription;
import org.ndlp.catalog.marc.MarcXmlReader;
import org.ndlp.catalog.marc.MarcXmlWriter;
import org.ndlp.catalog.marc.ReadOptions;
import org.ndlp.catalog.marc.ReadResult;
import org.ndlp.oaipmh.HarvestProperties;
import org.ndlp.oaipmh.HarvestSource;
import org.ndlp.members.MemberLibraries;
import org.ndlp.members.MemberLibrary;
import org.ndlp.resources.DublinCoreRecord;
import org.ndlp.resources.OaiDc;
import org.ndlp.resources.ResourceRegistry;
import org.ndlp.shared.problem.ProblemException;
import org.ndlp.shared.security.CurrentUser;
import org.ndlp.shared.security.StaffRole;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one harvest of a source: ListRecords from {@code from} = the last successful run's
 * responseDate, following resumption tokens. Each page's records go into the catalog in
 * one transaction with the token that follows them (as ingest commits its file position
 * with each batch), so a run that dies resumes from its last token with nothing lost and
 * nothing doubled. Records that cannot be read are counted and listed.
 */
@Component
public class Harvester {

	private static final Logger log = LoggerFactory.getLogger(Harvester.class);

	private final JdbcHarvestSources sources;

	private final CatalogRecords catalog;

	// oai_dc sources register their records as self-built resources (资源登记)
	private final ResourceRegistry registry;

	private final MemberLibraries libraries;

	private final TransactionTemplate transactions;

	private final HarvestProperties properties;

	private final Clock clock;

	private final OaiClient client;

	private volatile IntConsumer afterPage = (page) -> {
	};

	/** A harvester of MARCXML sources only (no resource registration), for tools. */
	public Harvester(JdbcHarvestSources sources, CatalogRecords catalog, TransactionTemplate transactions,
			HarvestProperties properties, Clock clock) {
		this(sources, catalog, null, null, transactions, properties, clock);
	}

	@Autowired
	public Harvester(JdbcHarvestSources sources, CatalogRecords catalog, ResourceRegistry registry,
			MemberLibraries libraries, TransactionTemplate transactions, HarvestProperties properties, Clock clock) {
		this.registry = registry;
		this.libraries = libraries;
		this.sources = sources;
		this.catalog = catalog;
		this.transactions = transactions;
		this.properties = properties;
		this.clock = clock;
		this.client = new OaiClient(properties.attempts(), properties.backoff());
	}

	/**
	 * Called after each stored page with the run's page count (tests stop a run here).
	 */
	public void afterPage(IntConsumer listener) {
		this.afterPage = (listener != null) ? listener : (page) -> {
		};
	}

	/** Runs every due source this node can claim (the scheduler's task). */
	public void runDue() {
		Instant now = this.clock.instant();
		for (long id : this.sources.due(now, now.minus(this.properties.staleAfter()))) {
			runIfFree(id);
		}
	}

	/**
	 * Claims the source and runs it now; false when another run holds it.
	 */
	public boolean runIfFree(long id) {
		Instant now = this.clock.instant();
		if (!this.sources.claim(id, now, now.minus(this.properties.staleAfter()))) {
			return false;
		}
		run(id);
		return true;
	}

	private void run(long id) {
		JdbcHarvestSources.Row row = this.sources.find(id).orElseThrow();
		HarvestSource source = row.source();
		String token = row.token();
		String from = row.from();
		// a run is half done when a page was committed with a token to continue from
		if (token == null) {
			from = source.nextFrom();
			token = null;
			this.sources.startRun(id, from, this.clock.instant());
		}
		else {
			log.info("Harvest of source {} resumes from its last token", id);
		}
		int pages = 0;
		try {
			String responseDate = null;
			boolean more = true;
			while (more) {
				OaiClient.Page page = this.client
					.fetch(OaiClient.listRecords(source.baseUrl(), source.metadataPrefix(), source.set(), from, token));
				if (page.errorCode() != null) {
					if ("noRecordsMatch".equals(page.errorCode()) && token == null) {
						responseDate = page.responseDate();
						break;
					}
					if ("badResumptionToken".equals(page.errorCode()) && token != null) {
						// the repository forgot its token: start this run again
						log.warn("Harvest of source {}: token expired at the repository, starting over", id);
						this.sources.startRun(id, from, this.clock.instant());
						token = null;
						continue;
					}
					throw new IOException("the repository answered " + page.errorCode() + ": " + page.errorMessage());
				}
				store(source, page);
				pages++;
				if (responseDate == null) {
					responseDate = page.responseDate();
				}
				this.afterPage.accept(pages);
				token = page.token();
				more = token != null;
			}
			String first = this.sources.runResponseDate(id);
			Instant now = this.clock.instant();
			this.sources.complete(id, (first != null) ? first : responseDate, now,
					now.plus(Duration.ofMinutes(source.intervalMinutes())));
		}
		catch (IOException | RuntimeException ex) {
			log.warn("Harvest of source {} failed after {} pages: {}", id, pages, ex.getMessage());
			Instant now = this.clock.instant();
			this.sources.fail(id, String.valueOf(ex.getMessage()), now, now.plus(this.properties.retryAfter()));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.sources.fail(id, "interrupted", this.clock.instant(), this.clock.instant());
		}
	}

	/**
	 * Reads a page's MARCXML records in one pass (one parser, not one per record); null
	 * when the results do not line up one to one with the records (then each is read
	 * alone).
	 */
	private static List<ReadResult> readAll(List<OaiClient.Harvested> records) {
		if (records.isEmpty()) {
			return List.of();
		}
		ByteArrayOutputStream collection = new ByteArrayOutputStream(records.size() * 4096);
		collection.writeBytes("<collection>".getBytes(java.nio.charset.StandardCharsets.UTF_8));
		records.forEach((record) -> collection.writeBytes(record.metadata()));
		collection.writeBytes("</collection>".getBytes(java.nio.charset.StandardCharsets.UTF_8));
		try (Stream<ReadResult> results = MarcXmlReader.read(new ByteArrayInputStream(collection.toByteArray()),
				ReadOptions.DETECT)) {
			List<ReadResult> list = results.toList();
			return (list.size() == records.size()) ? list : null;
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static ReadResult readOne(OaiClient.Harvested record) {
		try (Stream<ReadResult> results = MarcXmlReader.read(new ByteArrayInputStream(record.metadata()),
				ReadOptions.DETECT)) {
			return results.findFirst().orElse(null);
		}
	}

	/**
	 * An {@code oai_dc} page from a library's own repository: each record is registered
	 * as one of the library's self-built resources (new ones wait for review like any
	 * registration; a record harvested again updates its registration; a deleted one
	 * withdraws it), in the page's transaction with the token.
	 */
	private void registerDublinCore(HarvestSource source, OaiClient.Page page) {
		List<String[]> failures = new ArrayList<>();
		List<DublinCoreRecord> records = new ArrayList<>();
		for (OaiClient.Harvested record : page.records()) {
			if (record.deleted()) {
				records.add(new DublinCoreRecord(record.identifier(), record.datestamp(), true, Map.of()));
			}
			else if (record.metadata() == null || !"dc".equals(record.element())) {
				failures.add(new String[] { record.identifier(),
						"the metadata holds no oai_dc:dc record but <" + record.element() + ">" });
			}
			else {
				try {
					List<DublinCoreRecord> read = OaiDc.read(new ByteArrayInputStream(record.metadata()));
					if (read.isEmpty()) {
						failures.add(new String[] { record.identifier(), "an empty oai_dc:dc record" });
						continue;
					}
					records.add(new DublinCoreRecord(record.identifier(), record.datestamp(), false,
							read.get(0).elements()));
				}
				catch (IllegalArgumentException ex) {
					failures.add(new String[] { record.identifier(), ex.getMessage() });
				}
			}
		}
		MemberLibrary library = this.libraries.get(source.library());
		CurrentUser harvester = new CurrentUser("harvest-" + source.id(), StaffRole.LIBRARY_ADMIN, library.code(),
				library.regionCode());
		this.transactions.executeWithoutResult((status) -> {
			long harvested = 0;
			long deleted = 0;
			for (DublinCoreRecord record : records) {
				try {
					this.registry.registerFromDublinCore(source.library(), record, harvester);
					if (record.deleted()) {
						deleted++;
					}
					else {
						harvested++;
					}
				}
				catch (ProblemException ex) {
					failures.add(new String[] { record.identifier(), ex.getMessage() });
				}
			}
			if (!failures.isEmpty()) {
				this.sources.addFailures(source.id(), failures, this.clock.instant());
			}
			this.sources.advance(source.id(), page.token(), page.responseDate(), harvested, deleted, failures.size(),
					this.clock.instant());
		});
	}

	private void store(HarvestSource source, OaiClient.Page page) {
		if ("oai_dc".equals(source.metadataPrefix()) && this.registry != null) {
			registerDublinCore(source, page);
			return;
		}
		List<IncomingRecord> incoming = new ArrayList<>();
		List<String[]> failures = new ArrayList<>();
		Map<String, String> localIds = new LinkedHashMap<>();
		List<String> deletions = page.records()
			.stream()
			.filter(OaiClient.Harvested::deleted)
			.map(OaiClient.Harvested::identifier)
			.toList();
		Map<String, String> known = deletions.isEmpty() ? Map.of() : this.sources.localIds(source.id(), deletions);
		List<OaiClient.Harvested> marc = new ArrayList<>();
		for (OaiClient.Harvested record : page.records()) {
			if (record.deleted()) {
				String localId = known.get(record.identifier());
				if (localId != null) {
					String schema = this.catalog.current(source.library(), localId)
						.map((current) -> current.schema())
						.orElse("MARC21");
					incoming.add(new IncomingRecord(source.library(), localId, "MARCXML", schema, "UTF_8", new byte[0],
							true));
				}
				// a deletion of a record never harvested deletes nothing
			}
			else if (record.metadata() == null) {
				failures.add(new String[] { record.identifier(), "the record has no metadata" });
			}
			else if (!"record".equals(record.element())) {
				failures.add(new String[] { record.identifier(), "the metadata holds no MARCXML record but <"
						+ record.element() + "> (is " + source.metadataPrefix() + " MARCXML?)" });
			}
			else {
				marc.add(record);
			}
		}
		List<ReadResult> results = readAll(marc);
		for (int i = 0; i < marc.size(); i++) {
			OaiClient.Harvested record = marc.get(i);
			try {
				ReadResult result = (results != null) ? results.get(i) : readOne(record);
				if (result instanceof ReadResult.Parsed parsed) {
					String localId = parsed.record().controlNumber().map(String::strip).orElse("");
					if (localId.isEmpty()) {
						failures.add(new String[] { record.identifier(), "the record has no 001" });
						continue;
					}
					ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
					try (MarcXmlWriter writer = new MarcXmlWriter(bytes)) {
						writer.write(parsed.record());
					}
					boolean deleted = parsed.record().isDeleted();
					incoming.add(new IncomingRecord(source.library(), localId, "MARCXML", parsed.schema().name(),
							"UTF_8", bytes.toByteArray(), deleted,
							deleted ? null : MatchSignature.of(BibDescription.of(parsed.record(), parsed.schema()))));
					localIds.put(record.identifier(), localId);
				}
				else if (result instanceof ReadResult.Malformed malformed) {
					failures.add(new String[] { record.identifier(), malformed.reason() });
				}
				else {
					failures.add(new String[] { record.identifier(), "the metadata holds no MARCXML record" });
				}
			}
			catch (RuntimeException ex) {
				failures.add(new String[] { record.identifier(), "unreadable: " + ex.getMessage() });
			}
		}
		this.transactions.executeWithoutResult((status) -> {
			long harvested = 0;
			long deleted = 0;
			for (StoreOutcome outcome : this.catalog.storeAll(incoming)) {
				if (outcome instanceof StoreOutcome.Deleted) {
					deleted++;
				}
				else {
					harvested++;
				}
			}
			if (!failures.isEmpty()) {
				this.sources.addFailures(source.id(), failures, this.clock.instant());
			}
			this.sources.remember(source.id(), localIds);
			this.sources.advance(source.id(), page.token(), page.responseDate(), harvested, deleted, failures.size(),
					this.clock.instant());
		});
		if (!failures.isEmpty()) {
			log.info(String.format(Locale.ROOT, "Harvest of source %d: %d records of a page failed", source.id(),
					failures.size()));
		}
	}

}
