package org.regroup.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

import javax.sql.DataSource;

import org.regroup.domain.io.Json;

/** The JDBC all parts of the store share (transactions, key lookups, statistics), so each part keeps only its SQL. */
final class Jdbc {

    /** Rows per JDBC batch. */
    static final int CHUNK = 500;

    private final DataSource db;
    /** H2 looks keys up one by one, PostgreSQL all at once (see {@link #forEachKey}). */
    private final boolean perKeyLookups;
    /** PostgreSQL only: H2's key-by-key lookups do not depend on statistics. */
    private final PlannerStatistics statistics;

    Jdbc(DataSource db, boolean perKeyLookups) {
        this.db = db;
        this.perKeyLookups = perKeyLookups;
        this.statistics = perKeyLookups ? null : new PlannerStatistics(db);
    }

    /** {@code rows} rows were committed to the evidence or mastery table. */
    void wrote(long rows) {
        if (statistics != null) {
            statistics.wrote(rows);
        }
    }

    /**
     * Whether the database answers a read of the store's own tables within two seconds (for health checks): a pooled
     * connection can be "valid" while the database behind it has failed (H2 after an out-of-memory commit).
     */
    boolean reachable() {
        try (Connection c = db.getConnection(); PreparedStatement q = c.prepareStatement(
                "SELECT COUNT(*) FROM school WHERE id = ?")) {
            q.setQueryTimeout(2);
            q.setString(1, "");
            try (ResultSet rs = q.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            return false;
        }
    }

    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** Told each transaction's time in nanoseconds (metrics); nothing by default. */
    private volatile java.util.function.LongConsumer timer = nanos -> { };

    void timeTransactions(java.util.function.LongConsumer nanos) {
        this.timer = nanos;
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    <T> T inTransaction(Work<T> work) {
        long start = System.nanoTime();
        try {
            return transaction(work);
        } finally {
            timer.accept(System.nanoTime() - start);
        }
    }

    private <T> T transaction(Work<T> work) {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("the store failed", e);
        }
    }

    @FunctionalInterface
    interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    /** Hands every row of {@code q}'s result to {@code row}. */
    static void eachRow(PreparedStatement q, RowReader row) throws SQLException {
        try (ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                row.read(rs);
            }
        }
    }

    /*
     * Lookups of many keys: on PostgreSQL one query with "= ANY(array)" (an index scan); on H2 key by key on the
     * primary key, because H2 does not use the index for "student_id IN (…)" behind "school_id = ?" and scanned every
     * mastery row of the school (a large school has 200,000) for each batch.
     */

    /** Runs {@code select} ("… WHERE school_id = ? AND key_column") for every key, the fastest way per database. */
    void forEachKey(Connection c, String select, String schoolId, Collection<String> keys, RowReader row)
            throws SQLException {
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(keys));
        if (!perKeyLookups) {
            try (PreparedStatement q = c.prepareStatement(select + " = ANY (?)")) {
                q.setString(1, schoolId);
                q.setArray(2, c.createArrayOf("varchar", distinct.toArray()));
                eachRow(q, row);
            }
            return;
        }
        try (PreparedStatement q = c.prepareStatement(select + " = ?")) {
            q.setString(1, schoolId);
            for (String key : distinct) {
                q.setString(2, key);
                eachRow(q, row);
            }
        }
    }

    /**
     * A LIKE pattern ({@code ESCAPE '!'}) for text containing {@code text}: a cheap first filter of JSON documents
     * before they are parsed (the caller checks what it finds).
     */
    static String containing(String text) {
        return "%" + text.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }

    /** A value as the JSON document the store keeps. */
    static String json(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
