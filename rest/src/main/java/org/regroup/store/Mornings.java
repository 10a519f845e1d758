package org.regroup.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A district's mornings: each school's part (what the district asked, how it ended) and every run of its job, by
 * which node. The jobs themselves are db-scheduler's (its {@code scheduled_tasks} table); this is what readers see.
 */
public final class Mornings {

    /** How a school's part of the morning stands. */
    public enum Status {
        /** Not started, or between runs (a node died; another takes it). */
        WAITING("waiting"),
        SOLVING("solving"),
        /** Planned and published. */
        PUBLISHED("published"),
        /** Planned and left as a draft for the school to publish. */
        DRAFTED("drafted"),
        /** No workable plan by the deadline: the last published plan carried forward to the day, repaired. */
        CARRIED_FORWARD("carried-forward"),
        /** Neither a plan nor one to carry forward (a school never planned before whose day could not be solved). */
        FAILED("failed");

        private final String wire;

        Status(String wire) {
            this.wire = wire;
        }

        @com.fasterxml.jackson.annotation.JsonValue
        public String wire() {
            return wire;
        }

        public boolean ended() {
            return this != WAITING && this != SOLVING;
        }

        static Status of(String wire) {
            for (Status s : values()) {
                if (s.wire.equals(wire)) {
                    return s;
                }
            }
            throw new IllegalArgumentException("unknown morning status " + wire);
        }
    }

    /**
     * One school's part of a morning.
     *
     * @param version the plan version it is solving or made (null before its first run)
     * @param note    for the scheduler: why it was carried forward, failed, or left a draft (ids only)
     * @param node    the node that runs or ran it last
     */
    public record SchoolMorning(LocalDate day, String schoolId, int priority, Instant deadline, Duration timeLimit,
            boolean autoPublish, Status status, Integer version, String score, String note, String node, int attempts,
            Instant createdAt, Instant updatedAt) {
    }

    /** One run of a school's job; {@code endedAt} null: its node died during it, or it is running. */
    public record Attempt(LocalDate day, String schoolId, int attempt, String node, Instant startedAt, Instant endedAt,
            String outcome) {
    }

    /** What the district asks of one school. */
    public record Ask(String schoolId, int priority, Instant deadline, Duration timeLimit, boolean autoPublish) {
    }

    private final Jdbc jdbc;

    Mornings(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Adds the schools not yet in the morning of {@code day} (a morning asked for again keeps what it has); returns
     * those added.
     */
    public List<String> add(LocalDate day, List<Ask> asks) {
        Instant now = Instant.now();
        return jdbc.inTransaction(c -> {
            List<String> added = new ArrayList<>();
            try (PreparedStatement exists = c.prepareStatement("SELECT 1 FROM morning_school WHERE morning_day = ? "
                    + "AND school_id = ?");
                    PreparedStatement insert = c.prepareStatement("INSERT INTO morning_school (morning_day, school_id, "
                            + "priority, deadline, time_limit_ms, auto_publish, status, attempts, created_at, "
                            + "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?)")) {
                for (Ask ask : asks) {
                    exists.setObject(1, day);
                    exists.setString(2, ask.schoolId());
                    try (ResultSet rs = exists.executeQuery()) {
                        if (rs.next()) {
                            continue;
                        }
                    }
                    insert.setObject(1, day);
                    insert.setString(2, ask.schoolId());
                    insert.setInt(3, ask.priority());
                    insert.setTimestamp(4, Timestamp.from(ask.deadline()));
                    insert.setLong(5, ask.timeLimit().toMillis());
                    insert.setBoolean(6, ask.autoPublish());
                    insert.setString(7, Status.WAITING.wire());
                    insert.setTimestamp(8, Timestamp.from(now));
                    insert.setTimestamp(9, Timestamp.from(now));
                    insert.executeUpdate();
                    added.add(ask.schoolId());
                }
            }
            return added;
        });
    }

    /** The schools of the morning of {@code day}, by priority (highest first), then id. */
    public List<SchoolMorning> schools(LocalDate day) {
        return jdbc.inTransaction(c -> {
            List<SchoolMorning> all = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement(SELECT + " WHERE morning_day = ? "
                    + "ORDER BY priority DESC, school_id")) {
                q.setObject(1, day);
                Jdbc.eachRow(q, rs -> all.add(read(rs)));
            }
            return all;
        });
    }

    public Optional<SchoolMorning> school(LocalDate day, String schoolId) {
        return jdbc.inTransaction(c -> {
            try (PreparedStatement q = c.prepareStatement(SELECT + " WHERE morning_day = ? AND school_id = ?")) {
                q.setObject(1, day);
                q.setString(2, schoolId);
                try (ResultSet rs = q.executeQuery()) {
                    return rs.next() ? Optional.of(read(rs)) : Optional.empty();
                }
            }
        });
    }

    /** A run of the school's job begins on {@code node}: the school is solving; returns the run's number. */
    public int begin(LocalDate day, String schoolId, String node) {
        Instant now = Instant.now();
        return jdbc.inTransaction(c -> {
            int attempt;
            try (PreparedStatement u = c.prepareStatement("UPDATE morning_school SET attempts = attempts + 1, "
                    + "status = ?, node = ?, updated_at = ? WHERE morning_day = ? AND school_id = ?")) {
                u.setString(1, Status.SOLVING.wire());
                u.setString(2, node);
                u.setTimestamp(3, Timestamp.from(now));
                u.setObject(4, day);
                u.setString(5, schoolId);
                if (u.executeUpdate() != 1) {
                    throw new IllegalStateException("school " + schoolId + " is not in the morning of " + day);
                }
            }
            try (PreparedStatement q = c.prepareStatement("SELECT attempts FROM morning_school WHERE morning_day = ? "
                    + "AND school_id = ?")) {
                q.setObject(1, day);
                q.setString(2, schoolId);
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    attempt = rs.getInt(1);
                }
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO morning_attempt (morning_day, school_id, "
                    + "attempt, node, started_at) VALUES (?, ?, ?, ?, ?)")) {
                insert.setObject(1, day);
                insert.setString(2, schoolId);
                insert.setInt(3, attempt);
                insert.setString(4, node);
                insert.setTimestamp(5, Timestamp.from(now));
                insert.executeUpdate();
            }
            return attempt;
        });
    }

    /** The plan version the school's job is solving now (a resumed run goes on with it). */
    public void solving(LocalDate day, String schoolId, int version) {
        jdbc.inTransaction(c -> {
            try (PreparedStatement u = c.prepareStatement("UPDATE morning_school SET version = ?, updated_at = ? "
                    + "WHERE morning_day = ? AND school_id = ?")) {
                u.setInt(1, version);
                u.setTimestamp(2, Timestamp.from(Instant.now()));
                u.setObject(3, day);
                u.setString(4, schoolId);
                u.executeUpdate();
            }
            return null;
        });
    }

    /** The school's part ended as {@code status} with {@code version} (null: none), and the run with it. */
    public void end(LocalDate day, String schoolId, int attempt, Status status, Integer version, String score,
            String note) {
        close(day, schoolId, attempt, status, status.wire(), version, score, note);
    }

    /** A run gave up without an outcome (it will be run again): the school waits. */
    public void abandon(LocalDate day, String schoolId, int attempt, String why) {
        close(day, schoolId, attempt, Status.WAITING, "abandoned", null, null, why);
    }

    /**
     * The school's part becomes {@code status} (keeping its version when {@code version} is null), and the run ends
     * with {@code outcome}.
     */
    private void close(LocalDate day, String schoolId, int attempt, Status status, String outcome, Integer version,
            String score, String note) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.inTransaction(c -> {
            try (PreparedStatement u = c.prepareStatement("UPDATE morning_school SET status = ?, "
                    + "version = COALESCE(?, version), score = ?, note = ?, updated_at = ? "
                    + "WHERE morning_day = ? AND school_id = ?");
                    PreparedStatement a = c.prepareStatement("UPDATE morning_attempt SET ended_at = ?, outcome = ? "
                            + "WHERE morning_day = ? AND school_id = ? AND attempt = ?")) {
                u.setString(1, status.wire());
                u.setObject(2, version, java.sql.Types.INTEGER);
                u.setString(3, score);
                u.setString(4, note == null ? null : note.substring(0, Math.min(note.length(), 512)));
                u.setTimestamp(5, now);
                u.setObject(6, day);
                u.setString(7, schoolId);
                u.executeUpdate();
                a.setTimestamp(1, now);
                a.setString(2, outcome);
                a.setObject(3, day);
                a.setString(4, schoolId);
                a.setInt(5, attempt);
                a.executeUpdate();
            }
            return null;
        });
    }

    /**
     * Jobs of the whole cluster waiting for a node, counted in the job engine's own table (its client would read and
     * deserialize every waiting job to count them, on every scrape of the metrics).
     */
    public int jobsWaiting() {
        return jdbc.inTransaction(c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT COUNT(*) FROM scheduled_tasks WHERE picked = FALSE");
                    ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    /** Every run of the morning's jobs, in order of start. */
    public List<Attempt> attempts(LocalDate day) {
        return jdbc.inTransaction(c -> {
            List<Attempt> all = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement("SELECT morning_day, school_id, attempt, node, started_at, "
                    + "ended_at, outcome FROM morning_attempt WHERE morning_day = ? ORDER BY started_at, school_id")) {
                q.setObject(1, day);
                Jdbc.eachRow(q, rs -> all.add(new Attempt(rs.getObject(1, LocalDate.class), rs.getString(2),
                        rs.getInt(3), rs.getString(4), rs.getTimestamp(5).toInstant(), instant(rs.getTimestamp(6)),
                        rs.getString(7))));
            }
            return all;
        });
    }

    private static final String SELECT = "SELECT morning_day, school_id, priority, deadline, time_limit_ms, "
            + "auto_publish, status, version, score, note, node, attempts, created_at, updated_at FROM morning_school";

    private static SchoolMorning read(ResultSet rs) throws SQLException {
        int version = rs.getInt(8);
        Integer v = rs.wasNull() ? null : version;
        return new SchoolMorning(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getInt(3),
                rs.getTimestamp(4).toInstant(), Duration.ofMillis(rs.getLong(5)), rs.getBoolean(6),
                Status.of(rs.getString(7)), v, rs.getString(9), rs.getString(10), rs.getString(11), rs.getInt(12),
                rs.getTimestamp(13).toInstant(), rs.getTimestamp(14).toInstant());
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
