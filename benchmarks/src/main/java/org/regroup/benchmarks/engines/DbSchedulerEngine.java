package org.regroup.benchmarks.engines;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.zaxxer.hikari.HikariDataSource;

/**
 * db-scheduler as the project runs it (rest's JobEngine): heartbeat 2 s, dead after 4 missed heartbeats, polling 1 s,
 * immediate execution, priorities; a one-time task whose instance id is the job id.
 */
final class DbSchedulerEngine implements Engine {

    static final Duration HEARTBEAT = Duration.ofSeconds(2);
    static final int MISSED_HEARTBEATS = 4;
    static final Duration POLLING = Duration.ofSeconds(1);

    /** scheduled_tasks as rest/src/main/resources/db/migration/V9__district_morning.sql makes it. */
    private static final String[] DDL = {
        """
        CREATE TABLE scheduled_tasks (
            task_name            TEXT                     NOT NULL,
            task_instance        TEXT                     NOT NULL,
            task_data            BYTEA,
            execution_time       TIMESTAMP WITH TIME ZONE NOT NULL,
            picked               BOOLEAN                  NOT NULL,
            picked_by            TEXT,
            last_success         TIMESTAMP WITH TIME ZONE,
            last_failure         TIMESTAMP WITH TIME ZONE,
            consecutive_failures INT,
            last_heartbeat       TIMESTAMP WITH TIME ZONE,
            version              BIGINT                   NOT NULL,
            priority             SMALLINT,
            PRIMARY KEY (task_name, task_instance)
        )""",
        "CREATE INDEX execution_time_idx ON scheduled_tasks (execution_time)",
        "CREATE INDEX last_heartbeat_idx ON scheduled_tasks (last_heartbeat)",
        "CREATE INDEX priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC)"
    };

    @Override
    public String name() {
        return "db-scheduler";
    }

    @Override
    public Duration pollInterval() {
        return POLLING;
    }

    @Override
    public Duration housekeepingCycle() {
        return HEARTBEAT.multipliedBy(2); // db-scheduler looks for dead executions every two heartbeats
    }

    @Override
    public String settings() {
        return "db-scheduler " + version() + ": heartbeatInterval "
                + HEARTBEAT.toSeconds() + " s, missedHeartbeatsLimit " + MISSED_HEARTBEATS + " (dead after "
                + HEARTBEAT.multipliedBy(MISSED_HEARTBEATS).toSeconds() + " s; dead executions looked for every "
                + housekeepingCycle().toSeconds() + " s), pollingInterval " + POLLING.toSeconds()
                + " s, enableImmediateExecution, enablePriority, default polling strategy (fetch-and-lock-on-execute),"
                + " OneTimeTask (a dead execution is revived: rescheduled now)";
    }

    private static String version() {
        Properties pom = new Properties();
        try (InputStream in = Scheduler.class.getResourceAsStream(
                "/META-INF/maven/com.github.kagkarlsson/db-scheduler/pom.properties")) {
            if (in != null) {
                pom.load(in);
            }
        } catch (IOException e) {
            // the version is only for the report
        }
        return pom.getProperty("version", "(version unknown)");
    }

    @Override
    public void createTables(DataSource database, String schema) throws SQLException {
        try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
            for (String ddl : DDL) {
                s.execute(ddl);
            }
        }
    }

    @Override
    public Node node(String schema, String name, int threads) {
        HikariDataSource pool = Db.pool(schema, name, threads + 4);
        OneTimeTask<Void> task = Tasks.oneTime("probe-job")
                .execute((instance, context) -> {
                    try {
                        Work.run(name, instance.getId());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
        Scheduler scheduler = Scheduler.create(pool, task)
                .schedulerName(new SchedulerName.Fixed(name))
                .threads(threads)
                .heartbeatInterval(HEARTBEAT)
                .missedHeartbeatsLimit(MISSED_HEARTBEATS)
                .pollingInterval(POLLING)
                .enableImmediateExecution()
                .enablePriority()
                .shutdownMaxWait(Duration.ofSeconds(2))
                .build();
        return new Node() {
            @Override
            public void start() {
                scheduler.start();
            }

            @Override
            public void schedule(String jobId) {
                scheduler.schedule(task.instance(jobId), Instant.now());
            }

            @Override
            public void close() {
                scheduler.stop();
                pool.close();
            }
        };
    }
}
