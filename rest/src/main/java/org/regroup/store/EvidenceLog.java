package org.regroup.store;

import static org.regroup.store.Jdbc.CHUNK;
import static org.regroup.store.Jdbc.eachRow;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The evidence log and the mastery it moves, written together so every estimate is explained by its evidence. */
public final class EvidenceLog {

    /** A student's current estimate of one skill. */
    public record MasteryRow(String skillId, double pMastery, int observations, Instant updatedAt) {
    }

    /** One logged result with the mastery before and after it. */
    public record EvidenceRow(String eventId, String studentId, String skillId, Boolean correct, Double score,
            int items, Instant observedAt, String source, Instant receivedAt, double pBefore, double pAfter) {
    }

    /** School → student → skill → mastery, as committed (see {@link #cachedMastery}). */
    private final Map<String, Map<String, Map<String, MasteryRow>>> masteryCache = new ConcurrentHashMap<>();

    private final Jdbc jdbc;

    EvidenceLog(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** A student's mastery, by skill. */
    public Map<String, MasteryRow> mastery(String schoolId, String studentId) {
        return jdbc.inTransaction(c -> masteryOf(c, schoolId, List.of(studentId)).getOrDefault(studentId, Map.of()));
    }

    /** Which of these event ids the school's evidence log already holds (a preview of an ingest). */
    public Set<String> knownEventIds(String schoolId, Collection<String> eventIds) {
        return jdbc.inTransaction(c -> knownEvents(c, schoolId, eventIds));
    }

    /** A student's evidence, oldest first (the history of their mastery). */
    public List<EvidenceRow> evidence(String schoolId, String studentId) {
        return jdbc.inTransaction(c -> {
            List<EvidenceRow> rows = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement("SELECT event_id, student_id, skill_id, correct, score, "
                    + "items, observed_at, source, received_at, p_before, p_after FROM evidence "
                    + "WHERE school_id = ? AND student_id = ? ORDER BY observed_at, event_id")) {
                q.setString(1, schoolId);
                q.setString(2, studentId);
                eachRow(q, rs -> {
                    boolean correct = rs.getBoolean(4);
                    Boolean c4 = rs.wasNull() ? null : correct;
                    double score = rs.getDouble(5);
                    Double s5 = rs.wasNull() ? null : score;
                    rows.add(new EvidenceRow(rs.getString(1), rs.getString(2), rs.getString(3), c4, s5,
                            rs.getInt(6), rs.getTimestamp(7).toInstant(), rs.getString(8),
                            rs.getTimestamp(9).toInstant(), rs.getDouble(10), rs.getDouble(11)));
                });
            }
            return rows;
        });
    }

    /**
     * Deletes the evidence observed before {@code before} (retention); returns how many rows. Mastery stays: it is
     * the current estimate, not a record of answers (the profile's history then starts later).
     */
    public int dropEvidenceBefore(Instant before) {
        int dropped = jdbc.inTransaction(c -> {
            try (PreparedStatement d = c.prepareStatement("DELETE FROM evidence WHERE observed_at < ?")) {
                d.setTimestamp(1, Timestamp.from(before));
                return d.executeUpdate();
            }
        });
        jdbc.wrote(dropped);
        return dropped;
    }

    /** Drops the cached mastery of a student whose rows were deleted (an erasure). */
    void forget(String schoolId, String studentId) {
        Map<String, Map<String, MasteryRow>> cache = masteryCache.get(schoolId);
        if (cache != null) {
            cache.remove(studentId);
        }
    }

    public long evidenceCount(String schoolId) {
        return jdbc.inTransaction(c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT COUNT(*) FROM evidence WHERE school_id = ?")) {
                q.setString(1, schoolId);
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /**
     * Work on the evidence log in one transaction: {@code work} sees which event ids are already logged and the
     * affected students' mastery, and returns the rows to write; they are written and committed together.
     */
    @SuppressWarnings("unchecked")
    public <R> R ingest(String schoolId, Collection<String> eventIds, Collection<String> studentIds,
            IngestWork<R> work) {
        Map<String, Map<String, MasteryRow>>[] written = new Map[1];
        int[] logged = new int[1];
        R result = jdbc.inTransaction(c -> {
            Set<String> known = knownEvents(c, schoolId, eventIds);
            Map<String, Map<String, MasteryRow>> mastery = cachedMastery(c, schoolId, studentIds);
            IngestWrite<R> write = work.plan(known, mastery);
            insertEvidence(c, schoolId, write.evidence());
            writeMastery(c, schoolId, write.mastery(), mastery);
            written[0] = write.mastery();
            logged[0] = write.evidence().size();
            return write.result();
        });
        jdbc.wrote(logged[0] + written[0].values().stream().mapToLong(Map::size).sum());
        // Only what was committed reaches the cache; a rolled-back batch leaves it as it was.
        Map<String, Map<String, MasteryRow>> cache = masteryCache.get(schoolId);
        written[0].forEach((student, rows) -> cache.computeIfPresent(student, (k, had) -> {
            Map<String, MasteryRow> now = new HashMap<>(had);
            now.putAll(rows);
            return now;
        }));
        return result;
    }

    /**
     * The students' mastery from the cache, reading those not in it yet: each student's whole mastery is needed for
     * their ready set, and reading it again for every batch was most of an ingest on PostgreSQL. The cache is right
     * as long as this process is the only writer of the store (one server per database).
     */
    private Map<String, Map<String, MasteryRow>> cachedMastery(Connection c, String schoolId,
            Collection<String> studentIds) throws SQLException {
        Map<String, Map<String, MasteryRow>> cache = masteryCache.computeIfAbsent(schoolId,
                k -> new ConcurrentHashMap<>());
        List<String> missing = studentIds.stream().filter(id -> !cache.containsKey(id)).toList();
        if (!missing.isEmpty()) {
            Map<String, Map<String, MasteryRow>> read = masteryOf(c, schoolId, missing);
            missing.forEach(id -> cache.put(id, Map.copyOf(read.getOrDefault(id, Map.of()))));
        }
        Map<String, Map<String, MasteryRow>> mastery = new HashMap<>();
        studentIds.forEach(id -> mastery.put(id, cache.get(id)));
        return mastery;
    }

    /** What an ingest decides to write, and what it answers. */
    public record IngestWrite<R>(List<EvidenceRow> evidence, Map<String, Map<String, MasteryRow>> mastery,
            R result) {
    }

    /** What an ingest does inside its transaction: from what is logged and known, the rows to write. */
    @FunctionalInterface
    public interface IngestWork<R> {
        IngestWrite<R> plan(Set<String> knownEventIds, Map<String, Map<String, MasteryRow>> masteryByStudent);
    }

    private Set<String> knownEvents(Connection c, String schoolId, Collection<String> eventIds) throws SQLException {
        Set<String> known = new HashSet<>();
        jdbc.forEachKey(c, "SELECT event_id FROM evidence WHERE school_id = ? AND event_id", schoolId, eventIds,
                rs -> known.add(rs.getString(1)));
        return known;
    }

    private Map<String, Map<String, MasteryRow>> masteryOf(Connection c, String schoolId,
            Collection<String> studentIds) throws SQLException {
        Map<String, Map<String, MasteryRow>> byStudent = new HashMap<>();
        jdbc.forEachKey(c, "SELECT student_id, skill_id, p_mastery, observations, updated_at FROM mastery "
                + "WHERE school_id = ? AND student_id", schoolId, studentIds,
                rs -> byStudent.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2),
                        new MasteryRow(rs.getString(2), rs.getDouble(3), rs.getInt(4),
                                rs.getTimestamp(5).toInstant())));
        return byStudent;
    }

    private static void insertEvidence(Connection c, String schoolId, List<EvidenceRow> rows) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO evidence (school_id, event_id, student_id, "
                + "skill_id, correct, score, items, observed_at, source, received_at, p_before, p_after) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int n = 0;
            for (EvidenceRow r : rows) {
                insert.setString(1, schoolId);
                insert.setString(2, r.eventId());
                insert.setString(3, r.studentId());
                insert.setString(4, r.skillId());
                insert.setObject(5, r.correct(), Types.BOOLEAN);
                insert.setObject(6, r.score(), Types.DOUBLE);
                insert.setInt(7, r.items());
                insert.setTimestamp(8, Timestamp.from(r.observedAt()));
                insert.setString(9, r.source());
                insert.setTimestamp(10, Timestamp.from(r.receivedAt()));
                insert.setDouble(11, r.pBefore());
                insert.setDouble(12, r.pAfter());
                insert.addBatch();
                if (++n % CHUNK == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
    }

    /** Updates the rows that existed, inserts the others (no MERGE: it differs between H2 and PostgreSQL). */
    private static void writeMastery(Connection c, String schoolId, Map<String, Map<String, MasteryRow>> changed,
            Map<String, Map<String, MasteryRow>> existing) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE mastery SET p_mastery = ?, observations = ?, "
                + "updated_at = ? WHERE school_id = ? AND student_id = ? AND skill_id = ?");
                PreparedStatement insert = c.prepareStatement("INSERT INTO mastery (school_id, student_id, "
                        + "skill_id, p_mastery, observations, updated_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (Map.Entry<String, Map<String, MasteryRow>> student : changed.entrySet()) {
                Map<String, MasteryRow> had = existing.getOrDefault(student.getKey(), Map.of());
                for (MasteryRow row : student.getValue().values()) {
                    if (had.containsKey(row.skillId())) {
                        update.setDouble(1, row.pMastery());
                        update.setInt(2, row.observations());
                        update.setTimestamp(3, Timestamp.from(row.updatedAt()));
                        update.setString(4, schoolId);
                        update.setString(5, student.getKey());
                        update.setString(6, row.skillId());
                        update.addBatch();
                    } else {
                        insert.setString(1, schoolId);
                        insert.setString(2, student.getKey());
                        insert.setString(3, row.skillId());
                        insert.setDouble(4, row.pMastery());
                        insert.setInt(5, row.observations());
                        insert.setTimestamp(6, Timestamp.from(row.updatedAt()));
                        insert.addBatch();
                    }
                }
            }
            update.executeBatch();
            insert.executeBatch();
        }
    }

    /** Every student's committed mastery, by student and skill (for building a day). */
    public Map<String, Map<String, Double>> allMastery(String schoolId) {
        return jdbc.inTransaction(c -> {
            Map<String, Map<String, Double>> all = new HashMap<>();
            try (PreparedStatement q = c.prepareStatement(
                    "SELECT student_id, skill_id, p_mastery FROM mastery WHERE school_id = ?")) {
                q.setString(1, schoolId);
                eachRow(q, rs -> all.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2),
                        rs.getDouble(3)));
            }
            return all;
        });
    }

    /**
     * Students with evidence logged since {@code since} that moved a skill across {@code threshold}, either way: the
     * students whose ready set may have changed.
     */
    public Set<String> crossedThreshold(String schoolId, Instant since, double threshold) {
        return jdbc.inTransaction(c -> {
            Set<String> students = new HashSet<>();
            try (PreparedStatement q = c.prepareStatement("SELECT DISTINCT student_id FROM evidence WHERE "
                    + "school_id = ? AND received_at > ? AND ((p_before < ? AND p_after >= ?) OR "
                    + "(p_before >= ? AND p_after < ?))")) {
                q.setString(1, schoolId);
                q.setTimestamp(2, Timestamp.from(since));
                for (int i = 3; i <= 6; i++) {
                    q.setDouble(i, threshold);
                }
                eachRow(q, rs -> students.add(rs.getString(1)));
            }
            return students;
        });
    }
}
