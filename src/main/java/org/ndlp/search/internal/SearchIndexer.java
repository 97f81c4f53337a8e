package org.ndlp.search.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;

import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.common.SolrInputDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.ndlp.catalog.CatalogChange;
import org.ndlp.catalog.CatalogRecords;
import org.ndlp.resources.ResourceChange;
import org.ndlp.resources.ResourceRegistry;
import org.ndlp.shared.NdlpProperties;
import org.ndlp.shared.problem.Conflict;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Follows the catalog's change feed into Solr in batches and remembers its position in
 * the database, so a crash or a Solr outage only delays the index: catalog writes never
 * wait for Solr. Also runs the full rebuild into a new index that is swapped in at the
 * end, so search has no gap.
 */
@Component
public class SearchIndexer implements SmartLifecycle {

	static final String FOLLOWER = "search";

	/** The follower of the registered resources' change feed. */
	static final String RESOURCES = "search-resources";

	private static final Duration LEASE = Duration.ofSeconds(30);

	// a leader renews its lease (a database write) when a third of it has passed, not on
	// every batch
	private static final Duration RENEW_AFTER = LEASE.dividedBy(3);

	// fewer documents than this per thread are sent by the follower's own thread
	private static final int MIN_PART = 50;

	private static final Logger log = LoggerFactory.getLogger(SearchIndexer.class);

	private final CatalogRecords catalog;

	private final UnionRecordDocuments documents;

	private final ResourceRegistry registry;

	private final ResourceDocuments resourceDocuments;

	private final JdbcIndexPosition position;

	private final SolrShape solr;

	private final SearchProperties.Indexer settings;

	// the follower and the rebuild's final catch-up and swap never run together
	private final ReentrantLock indexLock = new ReentrantLock();

	private final AtomicReference<String> lastError = new AtomicReference<>();

	private final AtomicReference<Reindex> reindex = new AtomicReference<>();

	// when this node last started a rebuild because the index refused the schema
	private final AtomicReference<Instant> lastSchemaRebuild = new AtomicReference<>();

	private static final Duration SCHEMA_REBUILD_PAUSE = Duration.ofMinutes(10);

	private ScheduledExecutorService follower;

	// threads that send parts of one batch to Solr at once (created when first needed)
	private ExecutorService senders;

	// collections written to since their last commit (the live one and a rebuild target)
	private final Set<String> uncommitted = ConcurrentHashMap.newKeySet();

	private volatile long lastCommit = System.nanoTime();

	private volatile long lastCommitTook;

	// this node, as the holder of the follower's lease
	private final String node;

	private volatile boolean leading;

	// System.nanoTime() of this node's last successful lease renewal
	private volatile long renewedAt;

	/** An indexer of the catalog only (no registered resources), for tools and tests. */
	SearchIndexer(CatalogRecords catalog, UnionRecordDocuments documents, JdbcIndexPosition position, SolrShape solr,
			SearchProperties properties) {
		this(catalog, documents, null, null, position, solr, properties, UUID.randomUUID().toString());
	}

	@Autowired
	SearchIndexer(CatalogRecords catalog, UnionRecordDocuments documents, ResourceRegistry registry,
			ResourceDocuments resourceDocuments, JdbcIndexPosition position, SolrShape solr,
			SearchProperties properties, NdlpProperties ndlp) {
		this(catalog, documents, registry, resourceDocuments, position, solr, properties, node(ndlp));
	}

	private SearchIndexer(CatalogRecords catalog, UnionRecordDocuments documents, ResourceRegistry registry,
			ResourceDocuments resourceDocuments, JdbcIndexPosition position, SolrShape solr,
			SearchProperties properties, String node) {
		this.node = node;
		this.catalog = catalog;
		this.documents = documents;
		this.registry = registry;
		this.resourceDocuments = resourceDocuments;
		this.position = position;
		this.solr = solr;
		this.settings = properties.indexer();
	}

	/**
	 * Where the follower stands.
	 *
	 * @param position the last change-feed sequence number in the index
	 * @param caughtUp whether nothing newer was waiting at the last look
	 * @param lastError the last Solr failure, {@code null} after a successful batch
	 * @param reindex the last full rebuild, or {@code null}
	 */
	public record Status(long position, boolean caughtUp, String lastError, Reindex reindex) {
	}

	/**
	 * A full rebuild's progress.
	 *
	 * @param state RUNNING, DONE or FAILED
	 * @param startedAt when it started
	 * @param finishedAt when it ended, or {@code null}
	 * @param changes change-feed entries read so far
	 * @param documents documents written so far
	 * @param seq the last sequence number read
	 * @param error why it failed, or {@code null}
	 */
	public record Reindex(String state, Instant startedAt, Instant finishedAt, long changes, long documents, long seq,
			String error) {

		boolean running() {
			return "RUNNING".equals(this.state);
		}

		Reindex progress(long moreChanges, long moreDocuments, long newSeq) {
			return new Reindex(this.state, this.startedAt, null, this.changes + moreChanges,
					this.documents + moreDocuments, newSeq, null);
		}

		Reindex end(String endState, String why) {
			return new Reindex(endState, this.startedAt, Instant.now(), this.changes, this.documents, this.seq, why);
		}

	}

	public Status status() {
		long seq = this.position.get(FOLLOWER);
		// caught up = searchable: the position is stored before the commit that makes
		// its batch visible
		boolean caughtUp = this.catalog.changesAfter(seq, 1).isEmpty() && !this.uncommitted.contains(this.solr.live());
		return new Status(seq, caughtUp, this.lastError.get(), this.reindex.get());
	}

	/** Handles everything on the feed now; false when Solr failed (tried again later). */
	public boolean catchUp() {
		this.indexLock.lock();
		try {
			if (!lead()) {
				// another node follows the feeds into the shared index
				return true;
			}
			if (rebuilding() && isSchemaRefusal(this.lastError.get())) {
				// the live index refuses documents until the rebuild replaces it
				return false;
			}
			long seq = this.position.get(FOLLOWER);
			if (seq == 0 && !this.position.exists(FOLLOWER)) {
				// a new database: whatever the index holds belongs to another one
				this.solr.client().deleteByQuery(this.solr.live(), "*:*");
				this.position.set(FOLLOWER, 0);
				this.position.set(RESOURCES, 0);
			}
			long resourceSeq = (this.registry != null) ? this.position.get(RESOURCES) : 0;
			Positions positions = new Positions(seq, resourceSeq);
			// one batch of each feed in turn, so that records a library sends now do not
			// wait behind a large registration census (or the other way round)
			while (true) {
				boolean progressed = false;
				List<CatalogChange> changes = this.catalog.changesAfter(seq, this.settings.batchSize());
				if (!changes.isEmpty()) {
					apply(this.solr.live(), changes);
					seq = changes.get(changes.size() - 1).seq();
					progressed = true;
				}
				if (this.registry != null) {
					List<ResourceChange> resources = this.registry.changesAfter(resourceSeq, this.settings.batchSize());
					if (!resources.isEmpty()) {
						applyResources(this.solr.live(), resources);
						resourceSeq = resources.get(resources.size() - 1).seq();
						progressed = true;
					}
				}
				if (!progressed) {
					commitLive(positions, seq, resourceSeq);
					return true;
				}
				this.lastError.set(null);
				if (System.nanoTime() - this.lastCommit > commitPause(this.settings.commitInterval(),
						this.lastCommitTook)) {
					commitLive(positions, seq, resourceSeq);
				}
				if (!lead()) {
					commitLive(positions, seq, resourceSeq);
					return true;
				}
			}
		}
		catch (Exception ex) {
			String message = ex.getClass().getSimpleName() + ": " + ex.getMessage();
			if (!message.equals(this.lastError.getAndSet(message))) {
				log.warn("Search index is behind the catalog, will retry: {}", message);
			}
			if (refusesSchema(ex)) {
				rebuildForSchema();
			}
			return false;
		}
		finally {
			this.indexLock.unlock();
		}
	}

	/**
	 * Whether Solr refused documents because the live index was built with another schema
	 * (Lucene keeps a field's index options, norms and doc values for the life of an
	 * index: a new release that changes them cannot add to an old index).
	 */
	static boolean refusesSchema(Throwable failure) {
		for (Throwable t = failure; t != null; t = (t.getCause() == t) ? null : t.getCause()) {
			if (isSchemaRefusal(t.getMessage())) {
				return true;
			}
		}
		return false;
	}

	// Lucene's words: cannot change field "x" from index options=… to inconsistent …
	private static boolean isSchemaRefusal(String message) {
		return message != null && message.contains("cannot change") && message.contains("inconsistent");
	}

	/**
	 * Starts a full rebuild with the current schema (the old index answers searches until
	 * the new one is swapped in), at most once every {@link #SCHEMA_REBUILD_PAUSE}.
	 */
	private void rebuildForSchema() {
		if (rebuilding()) {
			return;
		}
		Instant now = Instant.now();
		Instant last = this.lastSchemaRebuild.get();
		if (last != null && last.plus(SCHEMA_REBUILD_PAUSE).isAfter(now)) {
			return;
		}
		this.lastSchemaRebuild.set(now);
		log.warn("The search index was built with an older schema and refuses new documents: rebuilding it "
				+ "with the current one; searches use the old index until the new one is swapped in");
		try {
			startReindex();
		}
		catch (Conflict alreadyRunning) {
			// started by an administrator meanwhile
		}
	}

	private boolean rebuilding() {
		Reindex current = this.reindex.get();
		return current != null && current.running();
	}

	/**
	 * A node's name as lease holder: its host and data folder, so that a node that
	 * restarts takes its own lease back at once (two running nodes never share a data
	 * folder).
	 */
	static String node(NdlpProperties ndlp) {
		String host;
		try {
			host = InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			host = "localhost";
		}
		String name = host + ":" + ndlp.home().toAbsolutePath().normalize();
		return (name.length() > 200) ? name.substring(name.length() - 200) : name;
	}

	/**
	 * Whether this node follows the feeds now: several nodes share one database and one
	 * SolrCloud index, and only the holder of the lease writes (renewed on every pass and
	 * batch).
	 */
	private boolean lead() {
		long now = System.nanoTime();
		if (this.leading && now - this.renewedAt < RENEW_AFTER.toNanos()) {
			// renewed moments ago for LEASE: no other node can have taken it since
			return true;
		}
		boolean lead = this.position.lead(FOLLOWER, this.node, Instant.now(), LEASE);
		if (lead) {
			this.renewedAt = now;
		}
		if (lead != this.leading) {
			this.leading = lead;
			log.info(lead ? "This node now follows the catalog into the search index"
					: "Another node follows the catalog into the search index");
		}
		return lead;
	}

	private int apply(String collection, List<CatalogChange> changes) throws Exception {
		return write(collection, this.documents.forRecords(changes.stream().map(CatalogChange::recordId).toList()));
	}

	private int applyResources(String collection, List<ResourceChange> changes) throws Exception {
		return write(collection, this.resourceDocuments.forChanges(changes));
	}

	private int write(String collection, UnionRecordDocuments.Changes work) throws Exception {
		SolrClient client = this.solr.client();
		List<SolrInputDocument> add = work.add();
		int parts = Math.min(this.settings.threads(), add.size() / MIN_PART);
		if (parts > 1) {
			// the documents have distinct ids, so their parts may go in any order
			List<Future<?>> sent = new ArrayList<>();
			int size = (add.size() + parts - 1) / parts;
			for (int from = 0; from < add.size(); from += size) {
				List<SolrInputDocument> part = add.subList(from, Math.min(add.size(), from + size));
				sent.add(senders().submit(() -> client.add(collection, part)));
			}
			for (Future<?> part : sent) {
				try {
					part.get();
				}
				catch (ExecutionException ex) {
					throw (ex.getCause() instanceof Exception cause) ? cause : ex;
				}
			}
		}
		else if (!add.isEmpty()) {
			client.add(collection, add);
		}
		if (!work.delete().isEmpty()) {
			client.deleteById(collection, work.delete());
		}
		this.uncommitted.add(collection);
		return work.add().size();
	}

	private synchronized ExecutorService senders() {
		if (this.senders == null) {
			AtomicInteger number = new AtomicInteger();
			this.senders = Executors.newFixedThreadPool(this.settings.threads(), (task) -> {
				Thread thread = new Thread(task, "search-index-" + number.incrementAndGet());
				thread.setDaemon(true);
				return thread;
			});
		}
		return this.senders;
	}

	/**
	 * Makes what was written searchable now (a soft commit opening a new searcher). The
	 * follower commits at most about once a second while it catches up, and always when
	 * it has caught up: opening a searcher per batch cost more than the batch. Written
	 * but not yet committed documents are safe in Solr's update log.
	 */
	private void commit(String collection) throws Exception {
		if (this.uncommitted.contains(collection)) {
			long start = System.nanoTime();
			this.solr.client().commit(collection, true, true, true);
			// only now: a failed commit leaves the collection to commit on the next pass
			this.uncommitted.remove(collection);
			this.lastCommit = System.nanoTime();
			this.lastCommitTook = this.lastCommit - start;
		}
	}

	/**
	 * Stores the follower's positions, then commits the live index. The positions are
	 * stored only here, once per commit rather than once per batch (each is a database
	 * commit): documents sent after the stored position are in Solr's update log, and a
	 * follower that stops before its next commit sends them again (adds replace).
	 */
	private void commitLive(Positions stored, long seq, long resourceSeq) throws Exception {
		if (seq != stored.seq) {
			this.position.set(FOLLOWER, seq);
			stored.seq = seq;
		}
		if (resourceSeq != stored.resourceSeq) {
			this.position.set(RESOURCES, resourceSeq);
			stored.resourceSeq = resourceSeq;
		}
		commit(this.solr.live());
	}

	/** The positions last stored by one pass of the follower. */
	private static final class Positions {

		long seq;

		long resourceSeq;

		Positions(long seq, long resourceSeq) {
			this.seq = seq;
			this.resourceSeq = resourceSeq;
		}

	}

	/**
	 * How long the follower waits between commits while it catches up: the configured
	 * interval, or five times the last commit if that is longer, so that opening and
	 * warming searchers (ADR 0033: per-value facet sets, ~0.2 s at a million documents)
	 * never takes more than a sixth of a bulk load.
	 */
	static long commitPause(Duration interval, long lastCommitNanos) {
		return Math.max(interval.toNanos(), 5 * lastCommitNanos);
	}

	/** Starts a full rebuild into a new index; fails if one is running. */
	public synchronized Reindex startReindex() {
		Reindex current = this.reindex.get();
		if (rebuilding()) {
			throw new Conflict("reindex-running", null,
					"a full reindex is already running (started " + current.startedAt() + ")");
		}
		Reindex started = new Reindex("RUNNING", Instant.now(), null, 0, 0, 0, null);
		this.reindex.set(started);
		Thread thread = new Thread(this::rebuild, "search-reindex");
		thread.setDaemon(true);
		thread.start();
		return started;
	}

	private void rebuild() {
		String target = null;
		try {
			target = this.solr.createRebuildTarget();
			long seq = copy(target, 0);
			long resourceSeq = copyResources(target, 0);
			merge(target);
			this.indexLock.lock();
			try {
				// what arrived meanwhile, then the swap, with the follower paused
				seq = copy(target, seq);
				resourceSeq = copyResources(target, resourceSeq);
				this.solr.swapIn(target);
				target = null;
				this.position.set(FOLLOWER, seq);
				this.position.set(RESOURCES, resourceSeq);
			}
			finally {
				this.indexLock.unlock();
			}
			this.reindex.updateAndGet((r) -> r.end("DONE", null));
			log.info("Search reindex done: {}", this.reindex.get());
		}
		catch (Exception ex) {
			log.warn("Search reindex failed", ex);
			this.reindex.updateAndGet((r) -> r.end("FAILED", ex.getClass().getSimpleName() + ": " + ex.getMessage()));
			if (target != null) {
				try {
					this.solr.drop(target);
				}
				catch (RuntimeException dropFailure) {
					log.warn("Could not drop the unfinished index {}", target, dropFailure);
				}
			}
		}
	}

	/**
	 * Merges a rebuilt index into {@code rebuild-segments} segments before it is swapped
	 * in (ADR 0040): every searched word is looked up in every segment, and a million
	 * records written in batches make about fifteen. Runs before the swap, while the old
	 * index still answers; what the catch-up adds afterwards stays in small segments for
	 * the merge policy.
	 */
	private void merge(String target) throws Exception {
		int segments = this.settings.rebuildSegments();
		if (segments > 0) {
			long start = System.nanoTime();
			this.solr.client().optimize(target, true, true, segments);
			log.info("Search reindex merged {} into {} segment(s) in {} ms", target, segments,
					(System.nanoTime() - start) / 1_000_000);
		}
	}

	private long copy(String target, long from) throws Exception {
		long seq = from;
		while (true) {
			List<CatalogChange> changes = this.catalog.changesAfter(seq, this.settings.batchSize());
			if (changes.isEmpty()) {
				commit(target);
				return seq;
			}
			int written = apply(target, changes);
			long last = changes.get(changes.size() - 1).seq();
			seq = last;
			this.reindex.updateAndGet((r) -> r.progress(changes.size(), written, last));
		}
	}

	private long copyResources(String target, long from) throws Exception {
		long seq = from;
		if (this.registry == null) {
			return seq;
		}
		while (true) {
			List<ResourceChange> changes = this.registry.changesAfter(seq, this.settings.batchSize());
			if (changes.isEmpty()) {
				commit(target);
				return seq;
			}
			int written = applyResources(target, changes);
			long last = changes.get(changes.size() - 1).seq();
			seq = last;
			this.reindex.updateAndGet((r) -> r.progress(changes.size(), written, r.seq()));
		}
	}

	@Override
	public void start() {
		if (!this.settings.enabled()) {
			return;
		}
		this.follower = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "search-indexer");
			thread.setDaemon(true);
			return thread;
		});
		long interval = Math.max(10, this.settings.pollInterval().toMillis());
		this.follower.scheduleWithFixedDelay(this::catchUp, 0, interval, TimeUnit.MILLISECONDS);
	}

	@Override
	public void stop() {
		if (this.follower != null) {
			this.follower.shutdownNow();
			try {
				this.follower.awaitTermination(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			this.follower = null;
		}
		synchronized (this) {
			if (this.senders != null) {
				this.senders.shutdownNow();
				this.senders = null;
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.follower != null;
	}

}
