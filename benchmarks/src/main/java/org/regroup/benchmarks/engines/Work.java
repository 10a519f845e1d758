package org.regroup.benchmarks.engines;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

/**
 * What every probe job does, whichever engine runs it: it notes when it started (in this JVM, for the latencies, and
 * in the schema's {@code probe_execution} table, for the runs-twice and overlap counts), does its work, and notes its
 * end. The job's id says what it is: {@code tp-…} sleeps the throughput work, {@code long-…} sleeps 10 minutes (or
 * until the probe releases it), any other returns at once.
 */
public final class Work {

    static final String THROUGHPUT = "tp-";
    static final String LONG = "long-";

    static final String DDL = """
            CREATE TABLE probe_execution (
                id         BIGSERIAL PRIMARY KEY,
                job_id     TEXT        NOT NULL,
                node       TEXT        NOT NULL,
                started_at TIMESTAMPTZ NOT NULL,
                ended_at   TIMESTAMPTZ
            )""";

    private static volatile DataSource database;
    private static volatile long workMillis = 50;
    private static volatile CountDownLatch release = new CountDownLatch(1);
    private static final Map<String, CompletableFuture<Long>> STARTS = new ConcurrentHashMap<>();
    private static final Map<String, CompletableFuture<Long>> ENDS = new ConcurrentHashMap<>();

    private Work() {
    }

    /** Before a run: where executions are recorded, how long a throughput job works; forgets the last run. */
    static void reset(DataSource recordTo, long throughputWorkMillis) {
        database = recordTo;
        workMillis = throughputWorkMillis;
        release = new CountDownLatch(1);
        STARTS.clear();
        ENDS.clear();
    }

    /** Lets the long jobs running in this JVM end. */
    static void releaseLongJobs() {
        release.countDown();
    }

    /** When (System.nanoTime) the job first started in this JVM. */
    static CompletableFuture<Long> started(String jobId) {
        return STARTS.computeIfAbsent(jobId, k -> new CompletableFuture<>());
    }

    /** When (System.nanoTime) the job first ended in this JVM. */
    static CompletableFuture<Long> ended(String jobId) {
        return ENDS.computeIfAbsent(jobId, k -> new CompletableFuture<>());
    }

    /** The job itself, run by node {@code node}. */
    public static void run(String node, String jobId) throws InterruptedException {
        long startNanos = System.nanoTime();
        started(jobId).complete(startNanos);
        long execution = record("INSERT INTO probe_execution (job_id, node, started_at) VALUES (?, ?, clock_timestamp())"
                + " RETURNING id", jobId, node);
        try {
            if (jobId.startsWith(LONG)) {
                release.await(10, TimeUnit.MINUTES);
            } else if (jobId.startsWith(THROUGHPUT)) {
                Thread.sleep(workMillis);
            }
        } finally {
            record("UPDATE probe_execution SET ended_at = clock_timestamp() WHERE id = ? RETURNING id", execution);
            ended(jobId).complete(System.nanoTime());
        }
    }

    private static long record(String sql, Object... parameters) {
        try (Connection c = database.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not record a job execution", e);
        }
    }

    static void createTable(DataSource recordTo) throws SQLException {
        try (Connection c = recordTo.getConnection(); Statement s = c.createStatement()) {
            s.execute(DDL);
        }
    }
}
