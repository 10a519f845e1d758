package org.regroup.rest.district;

import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.serializer.JacksonSerializer;
import com.github.kagkarlsson.scheduler.task.Task;
import org.regroup.domain.io.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's part of the cluster's job engine (db-scheduler, on the store's database): it runs due jobs on its own
 * threads — one per core it gives to solving — while it can reach the database, heartbeats the jobs it runs, and runs
 * again the jobs of nodes whose heartbeats stopped. Nodes share nothing but the database; any node schedules.
 */
public final class JobEngine implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JobEngine.class);

    /**
     * How this node takes part.
     *
     * @param node             its name in the cluster (the jobs it runs are marked with it)
     * @param threads          jobs it runs at once (a solve each: the cores it gives to jobs)
     * @param heartbeat        how often it tells the database its jobs still run
     * @param missedHeartbeats after this many missed heartbeats a job is a dead node's, and another node runs it
     * @param polling          how often it looks for due jobs (a new job is also looked for at once on this node)
     */
    public record Settings(String node, int threads, Duration heartbeat, int missedHeartbeats, Duration polling) {

        /**
         * A node dead for 2 s × 4 = 8 s is noticed by a peer within another 4 s (db-scheduler looks for dead jobs
         * every two heartbeats) and its jobs run within a second more: about 13 s, inside the 30 s the district
         * allows.
         */
        public static Settings of(String node, int threads) {
            return new Settings(node, threads, Duration.ofSeconds(2), 4, Duration.ofSeconds(1));
        }

        /** How long after its last heartbeat a node's job is run again elsewhere (at most, plus a poll). */
        public Duration takeOverWithin() {
            return heartbeat.multipliedBy(missedHeartbeats + 2L);
        }
    }

    private final Settings settings;
    private final Scheduler scheduler;

    public JobEngine(DataSource database, Settings settings, List<Task<?>> tasks) {
        this.settings = settings;
        this.scheduler = Scheduler.create(database, tasks)
                .schedulerName(new SchedulerName.Fixed(settings.node()))
                .threads(settings.threads())
                .heartbeatInterval(settings.heartbeat())
                .missedHeartbeatsLimit(settings.missedHeartbeats())
                .pollingInterval(settings.polling())
                .enableImmediateExecution()
                .enablePriority()
                .alwaysPersistTimestampInUTC() // the columns hold the zone; this also holds on H2
                .serializer(new JacksonSerializer(Json.mapper()))
                // A stop waits this long for the jobs running here: they stop their solves and are run again
                // elsewhere (see SchoolMornings), so it is short.
                .shutdownMaxWait(Duration.ofSeconds(20))
                .build();
    }

    public void start() {
        scheduler.start();
        LOG.info("job engine: node {} runs up to {} job(s) at once; a dead node's jobs are taken over within {}",
                settings.node(), settings.threads(), settings.takeOverWithin().toSeconds() + " s");
    }

    public Settings settings() {
        return settings;
    }

    /** Schedules jobs (from any node: the database is the queue). */
    public SchedulerClient client() {
        return scheduler;
    }

    /** Started and not stopping: it takes jobs (while the database answers). */
    public boolean running() {
        return scheduler.getSchedulerState().isStarted() && !scheduler.getSchedulerState().isShuttingDown();
    }

    /** Jobs running on this node now. */
    public int executing() {
        return scheduler.getCurrentlyExecuting().size();
    }

    /** Stops taking jobs; the jobs running here stop their solves and are left for other nodes. */
    @Override
    public void close() {
        scheduler.stop();
    }
}
