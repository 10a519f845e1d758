package org.regroup.benchmarks.engines;

import static org.jobrunr.server.BackgroundJobServerConfiguration.usingStandardBackgroundJobServerConfiguration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import org.jobrunr.jobs.mappers.JobMapper;
import org.jobrunr.scheduling.JobScheduler;
import org.jobrunr.server.BackgroundJobServer;
import org.jobrunr.server.BackgroundJobServerConfiguration;
import org.jobrunr.server.JobActivator;
import org.jobrunr.storage.StorageProviderUtils.DatabaseOptions;
import org.jobrunr.storage.sql.postgres.PostgresStorageProvider;
import org.jobrunr.utils.mapper.JsonMapper;
import org.jobrunr.utils.mapper.jackson.JacksonJsonMapper;

/**
 * JobRunr (open-source edition) as tight as it lets itself be set: the smallest poll interval it accepts on a SQL
 * database (5 s — BackgroundJobServer refuses less) and the smallest server-timeout multiplicand (4 — less is refused
 * too), so a node is dead after 4 × 5 = 20 s without a heartbeat. Its tables are made by JobRunr itself, named with
 * the schema as table prefix ({@code schema.jobrunr_…}), as its DatabaseCreator looks for existing tables in every
 * schema of the database.
 */
final class JobRunrEngine implements Engine {

    /** The version benchmarks/pom.xml depends on (the shaded jar keeps no manifest of JobRunr's to read it from). */
    static final String VERSION = "8.1.0";
    static final Duration POLL = Duration.ofSeconds(5);
    static final int TIMEOUT_MULTIPLICAND = 4;

    @Override
    public String name() {
        return "jobrunr";
    }

    @Override
    public Duration pollInterval() {
        return POLL;
    }

    @Override
    public Duration housekeepingCycle() {
        return POLL.multipliedBy(TIMEOUT_MULTIPLICAND); // timed-out servers are looked for once per server timeout
    }

    @Override
    public String settings() {
        return "JobRunr " + VERSION + " (OSS): pollInterval "
                + POLL.toSeconds() + " s (the smallest it accepts on SQL), serverTimeoutPollIntervalMultiplicand "
                + TIMEOUT_MULTIPLICAND + " (the smallest it accepts; server timeout " + housekeepingCycle().toSeconds()
                + " s), workerCount per node as stated, interruptJobsAwaitDurationOnStopBackgroundJobServer 2 s,"
                + " default RetryFilter (10 retries, backoff 3^n s), PostgresStorageProvider with table prefix"
                + " \"<schema>.\", JacksonJsonMapper";
    }

    @Override
    public void createTables(DataSource database, String schema) throws Exception {
        try (PostgresStorageProvider storage = new PostgresStorageProvider(database, schema + ".",
                DatabaseOptions.CREATE)) {
            storage.getStorageProviderInfo(); // made by its constructor
        }
    }

    @Override
    public String trail(DataSource database, String schema, String jobId) throws Exception {
        List<String> states = new ArrayList<>();
        try (Connection c = database.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT jobAsJson FROM " + schema + ".jobrunr_jobs WHERE jobAsJson LIKE ?")) {
            s.setString(1, "%\"" + jobId + "\"%");
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    for (JsonNode state : new ObjectMapper().readTree(r.getString(1)).path("jobHistory")) {
                        String why = state.path("message").asText(state.path("reason").asText(""));
                        states.add(state.path("state").asText("?") + (why.isEmpty() ? "" : " (" + why + ")"));
                    }
                }
            }
        }
        return String.join(" → ", states);
    }

    @Override
    public Node node(String schema, String name, int threads) {
        HikariDataSource pool = Db.pool(schema, name, threads + 6);
        JsonMapper json = new JacksonJsonMapper();
        PostgresStorageProvider storage = new PostgresStorageProvider(pool, schema + ".", DatabaseOptions.SKIP_CREATE);
        storage.setJobMapper(new JobMapper(json));
        JobScheduler scheduler = new JobScheduler(storage);
        BackgroundJobServerConfiguration configuration = usingStandardBackgroundJobServerConfiguration()
                .andName(name)
                .andWorkerCount(threads)
                .andPollInterval(POLL)
                .andServerTimeoutPollIntervalMultiplicand(TIMEOUT_MULTIPLICAND)
                .andInterruptJobsAwaitDurationOnStopBackgroundJobServer(Duration.ofSeconds(2));
        JobActivator activator = new JobActivator() {
            @Override
            public <T> T activateJob(Class<T> type) {
                return type == JobRunrWork.class ? type.cast(new JobRunrWork(name)) : null;
            }
        };
        BackgroundJobServer server = new BackgroundJobServer(storage, json, activator, configuration);
        return new Node() {
            @Override
            public void start() {
                server.start();
            }

            @Override
            public void schedule(String jobId) {
                scheduler.<JobRunrWork>enqueue(work -> work.run(jobId));
            }

            @Override
            public void close() {
                server.stop();
                storage.close();
                pool.close();
            }
        };
    }
}
