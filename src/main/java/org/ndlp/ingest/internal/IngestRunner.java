package org.ndlp.ingest.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongConsumer;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.ndlp.catalog.CatalogRecords;
import org.ndlp.catalog.IncomingRecord;
import org.ndlp.catalog.MatchSignature;
import org.ndlp.catalog.StoreOutcome;
import org.ndlp.catalog.marc.BibDescription;
import org.ndlp.catalog.marc.Holding;
import org.ndlp.catalog.marc.Iso2709Reader;
import org.ndlp.catalog.marc.Iso2709Writer;
import org.ndlp.catalog.marc.MarcEncoding;
import org.ndlp.catalog.marc.MarcJsonReader;
import org.ndlp.catalog.marc.MarcRecord;
import org.ndlp.catalog.marc.MarcSchema;
import org.ndlp.catalog.marc.MarcXmlReader;
import org.ndlp.catalog.marc.MarcXmlWriter;
import org.ndlp.catalog.marc.ReadOptions;
import org.ndlp.catalog.marc.ReadResult;
import org.ndlp.ingest.IngestJob;
import org.ndlp.ingest.IngestProperties;
import org.ndlp.ingest.Rejection;
import org.ndlp.ingest.internal.JdbcIngestJobs.Progress;
import org.ndlp.shared.LibraryCode;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one job: streams its file through the reader, turns each result into a record to
 * store or a rejection, and commits batch by batch together with the job's position, so
 * that a job interrupted anywhere resumes after its last committed batch.
 */
@Component
public class IngestRunner {

	private static final Logger log = LoggerFactory.getLogger(IngestRunner.class);

	private final JdbcIngestJobs jobs;

	private final CatalogRecords catalog;

	private final TransactionTemplate transactions;

	private final IngestProperties properties;

	private final Clock clock;

	private volatile LongConsumer afterBatch = (position) -> {
	};

	public IngestRunner(JdbcIngestJobs jobs, CatalogRecords catalog, TransactionTemplate transactions,
			IngestProperties properties, Clock clock) {
		this.jobs = jobs;
		this.catalog = catalog;
		this.transactions = transactions;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Called after each committed batch with the job's position; for progress listeners
	 * and tests.
	 */
	public void afterBatch(LongConsumer listener) {
		this.afterBatch = listener;
	}

	/**
	 * Runs (or resumes) a job this node has claimed. Describing a batch (description,
	 * match signature, holdings: a fifth of the work) runs on a second thread while the
	 * batch before it is stored; batches are still stored one at a time, in order.
	 */
	public void run(long id) {
		Progress progress = this.jobs.find(id).orElseThrow();
		IngestJob job = progress.job();
		ExecutorService describer = Executors.newSingleThreadExecutor((task) -> {
			Thread thread = new Thread(task, "ingest-describe-" + id);
			thread.setDaemon(true);
			return thread;
		});
		try (InputStream file = Files.newInputStream(Path.of(progress.filePath()));
				CountingInputStream counting = new CountingInputStream(new BufferedInputStream(file, 1 << 16));
				Stream<ReadResult> results = open(counting, job)) {
			Iterator<ReadResult> iterator = results.iterator();
			long index = 0;
			// results already committed by an earlier, interrupted run are read again but
			// not stored again
			while (index < progress.position() && iterator.hasNext()) {
				iterator.next();
				index++;
			}
			List<ReadResult> batch = new ArrayList<>(this.properties.batchSize());
			long committed = index;
			Pending pending = null;
			while (iterator.hasNext()) {
				batch.add(iterator.next());
				index++;
				if (batch.size() == this.properties.batchSize()) {
					List<ReadResult> full = batch;
					Pending next = new Pending(describer.submit(() -> prepare(job, full)), committed, index,
							counting.count());
					if (pending != null) {
						store(job, pending);
					}
					pending = next;
					committed = index;
					batch = new ArrayList<>(this.properties.batchSize());
				}
			}
			if (pending != null) {
				store(job, pending);
			}
			store(job, new Pending(CompletableFuture.completedFuture(prepare(job, batch)), committed, index,
					counting.count()));
			this.jobs.finish(id, IngestJob.COMPLETED, null, this.clock.instant());
		}
		catch (LostJob ex) {
			log.info("Ingest job {} was taken over by another runner at record {}; this runner stops", id, ex.position);
		}
		catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException ex) {
			// the file as a whole cannot be read (single broken records never get here)
			log.warn("Ingest job {} failed: {}", id, ex.getMessage());
			this.jobs.finish(id, IngestJob.FAILED, String.valueOf(ex.getMessage()), this.clock.instant());
		}
		finally {
			describer.shutdownNow();
		}
	}

	/** A batch being described: what it becomes, and where the job moves to with it. */
	private record Pending(Future<Prepared> prepared, long from, long position, long bytesRead) {
	}

	/**
	 * A batch described: the records to store and the rejections, of {@code size}
	 * results.
	 */
	private record Prepared(List<IncomingRecord> incoming, List<Rejection> rejections, int size) {
	}

	private void store(IngestJob job, Pending pending) {
		Prepared prepared;
		try {
			prepared = pending.prepared().get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while a batch was described", ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			throw new IllegalStateException(ex.getCause());
		}
		commit(job, prepared, pending.from(), pending.position(), pending.bytesRead());
	}

	/** Turns each result into a record to store or a rejection. */
	private static Prepared prepare(IngestJob job, List<ReadResult> batch) {
		List<IncomingRecord> incoming = new ArrayList<>();
		List<Rejection> rejections = new ArrayList<>();
		for (ReadResult result : batch) {
			if (result instanceof ReadResult.Malformed malformed) {
				rejections.add(new Rejection(malformed.index(), malformed.location(), malformed.recordId(),
						malformed.reason()));
			}
			else if (result instanceof ReadResult.Parsed parsed) {
				String localId = parsed.record().controlNumber().map(String::strip).orElse("");
				if (localId.isEmpty()) {
					rejections.add(new Rejection(parsed.index(), parsed.location(), null,
							"the record has no 001 (record identifier); the catalog cannot tell its versions apart"));
				}
				else {
					try {
						incoming.add(incoming(job.library(), job.syntax(), localId, parsed));
					}
					catch (IllegalArgumentException | IllegalStateException | UncheckedIOException ex) {
						// read, but too broken to write back out (e.g. a field past ISO
						// 2709's limits)
						rejections.add(new Rejection(parsed.index(), parsed.location(), localId,
								"the record cannot be stored: " + ex.getMessage()));
					}
				}
			}
		}
		return new Prepared(incoming, rejections, batch.size());
	}

	/**
	 * Stores a batch and moves the job from {@code from} to {@code position} in one
	 * transaction that first locks the job's row: of two runners that both think they own
	 * the job (a node that was only slow, not dead, and the node that took over its job),
	 * the second to commit finds the job moved on, stores nothing and stops.
	 */
	private void commit(IngestJob job, Prepared prepared, long from, long position, long bytesRead) {
		if (prepared.size() == 0) {
			return;
		}
		List<IncomingRecord> incoming = prepared.incoming();
		List<Rejection> rejections = prepared.rejections();
		this.transactions.executeWithoutResult((status) -> {
			if (!this.jobs.lockAt(job.id(), from, this.clock.instant())) {
				throw new LostJob(from);
			}
			long accepted = 0;
			long unchanged = 0;
			long deleted = 0;
			for (StoreOutcome outcome : this.catalog.storeAll(incoming)) {
				if (outcome instanceof StoreOutcome.Unchanged) {
					unchanged++;
				}
				else if (outcome instanceof StoreOutcome.Deleted) {
					deleted++;
				}
				else {
					accepted++;
				}
			}
			if (!rejections.isEmpty()) {
				this.jobs.reject(job.id(), rejections);
			}
			this.jobs.advance(job.id(), position, bytesRead, prepared.size(), accepted, unchanged, deleted,
					rejections.size(), this.clock.instant());
		});
		this.afterBatch.accept(position);
	}

	/**
	 * The record to store: ISO 2709 in its own encoding (MARC-8 records are kept as
	 * UTF-8, which the writer can always encode), XML and JSON records as MARCXML.
	 */
	static IncomingRecord incoming(LibraryCode library, String syntax, String localId, ReadResult.Parsed parsed) {
		MarcRecord record = parsed.record();
		byte[] content;
		String encoding;
		String storedSyntax;
		if ("ISO2709".equals(syntax) && parsed.source() != null) {
			// lossless: the bytes exactly as the library sent them
			content = new byte[parsed.source().remaining()];
			parsed.source().duplicate().get(content);
			encoding = parsed.encoding().name();
			storedSyntax = "ISO2709";
		}
		else if ("ISO2709".equals(syntax)) {
			MarcEncoding target = (parsed.encoding() == MarcEncoding.MARC_8) ? MarcEncoding.UTF_8 : parsed.encoding();
			content = new Iso2709Writer(OutputStream.nullOutputStream(), target).toBytes(record);
			encoding = target.name();
			storedSyntax = "ISO2709";
		}
		else {
			content = MarcXmlWriter.toXml(record).getBytes(StandardCharsets.UTF_8);
			encoding = MarcEncoding.UTF_8.name();
			storedSyntax = "MARCXML";
		}
		return new IncomingRecord(library, localId, storedSyntax, parsed.schema().name(), encoding, content,
				record.isDeleted(), record.isDeleted() ? null : signature(parsed),
				record.isDeleted() ? List.of() : Holding.of(record, parsed.schema()));
	}

	/**
	 * What clustering compares; a record whose description cannot be made is stored
	 * unclustered.
	 */
	private static MatchSignature signature(ReadResult.Parsed parsed) {
		try {
			return MatchSignature.of(BibDescription.of(parsed.record(), parsed.schema()));
		}
		catch (IllegalArgumentException | IllegalStateException ex) {
			log.debug("record {} left unclustered: {}", parsed.location(), ex.getMessage());
			return null;
		}
	}

	private static Stream<ReadResult> open(InputStream in, IngestJob job) {
		ReadOptions options = ReadOptions.DETECT;
		if (job.schemaHint() != null) {
			options = options.withSchema(MarcSchema.valueOf(job.schemaHint()));
		}
		if (job.encodingHint() != null) {
			options = options.withEncoding(MarcEncoding.of(job.encodingHint()));
		}
		return switch (job.syntax()) {
			case "MARCXML" -> MarcXmlReader.read(in, options);
			case "MARCJSON" -> MarcJsonReader.read(in, options);
			default -> Iso2709Reader.read(in, options);
		};
	}

	/** This runner no longer owns its job: another one has committed past it. */
	private static final class LostJob extends RuntimeException {

		private final long position;

		LostJob(long position) {
			super("job moved on from " + position, null, false, false);
			this.position = position;
		}

	}

}
