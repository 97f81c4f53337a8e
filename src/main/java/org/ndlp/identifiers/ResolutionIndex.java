package org.ndlp.identifiers;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.ndlp.identifiers.internal.JdbcIdentifiers;
import org.ndlp.identifiers.internal.JdbcIdentifiers.EventRef;
import org.ndlp.identifiers.internal.RedirectTable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Every plain redirect of the store (a live identifier with one location and no media
 * type: what {@code GET /id/{prefix}/{suffix}} answers with its 302) held in memory on
 * this node, so that resolving any of them reads no database page (ADR 0030).
 * <p>
 * Built in the background after start-up (until then the resolver reads through its
 * cache); kept current by this node's own changes once their transaction commits, and by
 * following the audit table {@code cdoi_event}, where every change of every node is
 * written in the change's own transaction: each {@code follow-interval} the rows after
 * the last one seen are read and their handles read again. An id skipped in that sequence
 * (a transaction still open on another node) is looked for again until it appears or for
 * a minute. Another node's change therefore shows within about {@code follow-interval}.
 */
@Component
class ResolutionIndex {

	private static final Log log = LogFactory.getLog(ResolutionIndex.class);

	/** Identifier rows read per statement while building. */
	private static final int BUILD_STEP = 20_000;

	private static final int EVENTS_PER_READ = 10_000;

	/** More changed handles than this at once: build the index again instead. */
	private static final int REBUILD_ABOVE = 200_000;

	private final int rebuildAbove;

	private static final Duration GAP_PATIENCE = Duration.ofMinutes(1);

	private static final int MAX_GAPS = 10_000;

	private final JdbcIdentifiers store;

	private final IdentifierProperties properties;

	private final Clock clock;

	private volatile RedirectTable table;

	private long lastEvent;

	// audit ids skipped by the sequence, with when they were first missed
	private final Map<Long, Instant> gaps = new LinkedHashMap<>();

	private ScheduledExecutorService follower;

	// one refresh at a time: a slower, older read must not overwrite a newer one
	private final Object refreshLock = new Object();

	@Autowired
	ResolutionIndex(JdbcIdentifiers store, IdentifierProperties properties, Clock clock) {
		this(store, properties, clock, REBUILD_ABOVE);
	}

	ResolutionIndex(JdbcIdentifiers store, IdentifierProperties properties, Clock clock, int rebuildAbove) {
		this.rebuildAbove = rebuildAbove;
		this.store = store;
		this.properties = properties;
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		if (!this.properties.resolutionIndex() || this.follower != null) {
			return;
		}
		this.follower = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "cdoi-resolution-index");
			thread.setDaemon(true);
			return thread;
		});
		this.follower.scheduleWithFixedDelay(this::followQuietly, 0,
				Math.max(this.properties.indexFollowInterval().toMillis(), 10), TimeUnit.MILLISECONDS);
	}

	@jakarta.annotation.PreDestroy
	void stop() {
		if (this.follower != null) {
			this.follower.shutdownNow();
		}
	}

	/** Whether the index holds every plain redirect (built, and being followed). */
	boolean ready() {
		return this.table != null;
	}

	/** The href of this handle's plain redirect; null when it has none (or not ready). */
	String get(String handle) {
		RedirectTable current = this.table;
		return (current != null) ? current.get(handle) : null;
	}

	/** Plain redirects held. */
	int size() {
		RedirectTable current = this.table;
		return (current != null) ? current.size() : 0;
	}

	/**
	 * This node changed these identifiers: read them again once the current transaction
	 * commits (at once without one), so that this node resolves its own change at once.
	 */
	void changed(Collection<String> handles) {
		if (this.table == null || handles.isEmpty()) {
			return;
		}
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			List<String> copy = List.copyOf(handles);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					refresh(copy);
				}
			});
		}
		else {
			refresh(handles);
		}
	}

	private void followQuietly() {
		try {
			follow();
		}
		catch (RuntimeException ex) {
			// the database may be unreachable for a while: the index keeps its last state
			log.warn("resolution index: could not follow identifier changes (" + ex.getMessage() + ")");
		}
	}

	/**
	 * Builds the index when there is none, else reads the changes since the last look.
	 */
	synchronized void follow() {
		if (this.table == null) {
			build();
		}
		catchUp();
	}

	private void build() {
		long started = System.nanoTime();
		// changes made while building are read again by the catch-up that follows
		long position = this.store.maxEventId();
		long maxId = this.store.maxIdentifierId();
		RedirectTable built = new RedirectTable();
		for (long from = 0; from < maxId; from += BUILD_STEP) {
			this.store.plainRedirects(from, Math.min(from + BUILD_STEP, maxId), built::put);
		}
		this.lastEvent = position;
		this.gaps.clear();
		this.table = built;
		log.info(String.format("resolution index: %,d plain redirects in %,d KiB, built in %d ms", built.size(),
				built.memoryBytes() / 1024, (System.nanoTime() - started) / 1_000_000));
	}

	private void catchUp() {
		Instant now = this.clock.instant();
		Set<String> handles = new LinkedHashSet<>();
		if (!this.gaps.isEmpty()) {
			List<Long> missed = new ArrayList<>(this.gaps.keySet());
			for (int from = 0; from < missed.size(); from += 1000) {
				for (EventRef found : this.store.events(missed.subList(from, Math.min(missed.size(), from + 1000)))) {
					this.gaps.remove(found.id());
					handles.add(found.subject());
				}
			}
			this.gaps.values().removeIf((since) -> since.plus(GAP_PATIENCE).isBefore(now));
		}
		List<EventRef> events;
		do {
			events = this.store.eventsAfter(this.lastEvent, EVENTS_PER_READ);
			for (EventRef event : events) {
				if (event.id() - this.lastEvent - 1 > MAX_GAPS) {
					rebuild();
					return;
				}
				for (long missed = this.lastEvent + 1; missed < event.id(); missed++) {
					this.gaps.put(missed, now);
				}
				this.lastEvent = event.id();
				handles.add(event.subject());
			}
			if (handles.size() > this.rebuildAbove || this.gaps.size() > MAX_GAPS) {
				rebuild();
				return;
			}
		}
		while (events.size() == EVENTS_PER_READ);
		handles.removeIf((subject) -> subject.startsWith("prefix:"));
		refresh(handles);
	}

	/**
	 * Too much changed to read handle by handle: build anew while the current table goes
	 * on answering; this node's changes refreshed into the old table meanwhile are read
	 * again by the catch-up from the position taken before the build.
	 */
	private void rebuild() {
		build();
		catchUp();
	}

	private void refresh(Collection<String> handles) {
		if (this.table == null || handles.isEmpty()) {
			// being built for the first time: the catch-up after the build reads these
			return;
		}
		synchronized (this.refreshLock) {
			RedirectTable current = this.table;
			if (current == null) {
				return;
			}
			Map<String, String> plain = this.store.plainRedirects(handles);
			for (String handle : handles) {
				String href = plain.get(handle);
				if (href != null) {
					current.put(handle, href);
				}
				else {
					current.remove(handle);
				}
			}
		}
	}

}
