package org.ndlp.oaipmh.internal;

import java.time.Duration;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.ndlp.oaipmh.HarvestProperties;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * db-scheduler (core, wired by hand: its Boot 3 starter does nothing on Boot 4) runs one
 * recurring task that harvests the due sources. db-scheduler picks each execution on one
 * node of a cluster; the conditional claim of each source keeps a manual run and a
 * scheduled one apart.
 */
@Component
class HarvestScheduling implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(HarvestScheduling.class);

	static final String TABLE = "harvest_scheduled_tasks";

	/**
	 * Heartbeats an execution may miss before db-scheduler declares it dead and revives
	 * it on another (or a restarted) node.
	 */
	static final int MISSED_HEARTBEATS = 4;

	private final DataSource dataSource;

	private final Harvester harvester;

	private final HarvestProperties properties;

	private Scheduler scheduler;

	HarvestScheduling(DataSource dataSource, Harvester harvester, HarvestProperties properties) {
		this.dataSource = dataSource;
		this.harvester = harvester;
		this.properties = properties;
	}

	@Override
	public synchronized void start() {
		if (!this.properties.enabled() || this.scheduler != null) {
			return;
		}
		RecurringTask<Void> task = Tasks.recurring("oai-harvest-due", FixedDelay.of(this.properties.pollInterval()))
			.execute((instance, context) -> this.harvester.runDue());
		this.scheduler = Scheduler.create(this.dataSource)
			.tableName(TABLE)
			.startTasks(task)
			.threads(1)
			.pollingInterval(this.properties.pollInterval())
			.heartbeatInterval(heartbeatInterval(this.properties.staleAfter()))
			.missedHeartbeatsLimit(MISSED_HEARTBEATS)
			.build();
		this.scheduler.start();
		log.info("OAI-PMH harvest scheduler started (every {})", this.properties.pollInterval());
	}

	/**
	 * db-scheduler's heartbeat, so that a node killed during a harvest releases the task
	 * after {@code stale-after}, as it releases the source. With db-scheduler's defaults
	 * (a heartbeat every 5 minutes, dead after 6 missed) the killed node's execution of
	 * {@code oai-harvest-due} stayed picked for 30 minutes and no source of the cluster
	 * was harvested in that time.
	 */
	static Duration heartbeatInterval(Duration staleAfter) {
		Duration heartbeat = staleAfter.dividedBy(MISSED_HEARTBEATS);
		return (heartbeat.compareTo(Duration.ofMillis(100)) < 0) ? Duration.ofMillis(100) : heartbeat;
	}

	@Override
	public synchronized void stop() {
		if (this.scheduler != null) {
			this.scheduler.stop();
			this.scheduler = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.scheduler != null;
	}

}
