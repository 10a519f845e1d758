package org.regroup.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps PostgreSQL's planner statistics of the evidence and mastery tables fresh, as autovacuum's analyze would —
 * which may be off, or a minute behind. Without statistics PostgreSQL plans the duplicate check of an evidence batch
 * (a server-prepared statement, so one generic plan) as a scan of all the school's evidence through the index on
 * school and student: measured 100–425 ms per batch and growing with the log, against ~1 ms through the primary key
 * once the table is analyzed (docs/benchmarks.md). ANALYZE runs after the first {@link #FIRST} rows this process
 * writes, then each time the rows written since the last ANALYZE reach a quarter of all it has written (so at most
 * a few dozen times however large the log grows), one at a time, outside any lock an ingest holds.
 */
final class PlannerStatistics {

    private static final Logger LOG = LoggerFactory.getLogger(PlannerStatistics.class);
    static final long FIRST = 2_000;

    private final DataSource db;
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong sinceAnalyze = new AtomicLong();
    private final AtomicBoolean analyzing = new AtomicBoolean();

    PlannerStatistics(DataSource db) {
        this.db = db;
    }

    /** {@code rows} rows were committed to the evidence or mastery table. */
    void wrote(long rows) {
        long total = written.addAndGet(rows);
        long since = sinceAnalyze.addAndGet(rows);
        if (since >= Math.max(FIRST, total / 4) && analyzing.compareAndSet(false, true)) {
            try {
                sinceAnalyze.addAndGet(-since);
                analyze();
            } finally {
                analyzing.set(false);
            }
        }
    }

    void analyze() {
        long start = System.nanoTime();
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("ANALYZE evidence, mastery");
            LOG.debug("analyzed evidence and mastery in {} ms", (System.nanoTime() - start) / 1_000_000);
        } catch (SQLException e) {
            // Statistics only make lookups faster; a failed ANALYZE loses nothing.
            LOG.warn("could not analyze the evidence and mastery tables: {}", e.getMessage());
        }
    }
}
