package org.regroup.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import org.regroup.domain.DayProblem;
import org.regroup.domain.Student;
import org.regroup.domain.io.Json;
import org.regroup.domain.plan.Kpis;
import org.regroup.domain.plan.Plan;
import org.regroup.domain.plan.PlanStatus;

/**
 * Schools, mastery and the evidence log over plain JDBC: portable SQL for H2 and PostgreSQL. Each public method is
 * one transaction, committed before it returns: what it acknowledges is on disk.
 */
public final class SchoolStore {

    /** A school as stored: its standing data (a day problem without the day). */
    public record SchoolRecord(String id, String name, DayProblem standing, Instant createdAt) {
    }

    /** A student's current estimate of one skill. */
    public record MasteryRow(String skillId, double pMastery, int observations, Instant updatedAt) {
    }

    /** One logged result with the mastery before and after it. */
    public record EvidenceRow(String eventId, String studentId, String skillId, Boolean correct, Double score,
            int items, Instant observedAt, String source, Instant receivedAt, double pBefore, double pAfter) {
    }

    /** A school id that is already taken. */
    public static final class SchoolExistsException extends RuntimeException {
        SchoolExistsException(String id) {
            super("school '" + id + "' already exists");
        }
    }

    /* Plan statuses as SQL literals, from the one enum that defines them. */
    private static final String SQL_DRAFT = sql(PlanStatus.DRAFT);
    private static final String SQL_PUBLISHED = sql(PlanStatus.PUBLISHED);
    private static final String SQL_SOLVING = sql(PlanStatus.SOLVING);
    private static final String SQL_INTERRUPTED = sql(PlanStatus.INTERRUPTED);

    private static String sql(PlanStatus status) {
        return "'" + status.wire() + "'";
    }

    /** Rows per JDBC batch. */
    private static final int CHUNK = 500;

    private final DataSource db;
    /** Standing data does not change once stored (no endpoint changes it yet); a change must drop its entry. */
    private final Map<String, SchoolRecord> schools = new java.util.concurrent.ConcurrentHashMap<>();
    /** School → student → skill → mastery, as committed (see {@link #cachedMastery}). */
    private final Map<String, Map<String, Map<String, MasteryRow>>> masteryCache =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** H2 looks keys up one by one, PostgreSQL all at once (see {@link #forEachKey}). */
    private final boolean perKeyLookups;

    public SchoolStore(Database database) {
        this(database.dataSource(), database.isH2());
    }

    /** PostgreSQL only: H2's key-by-key lookups do not depend on statistics. */
    private final PlannerStatistics statistics;

    SchoolStore(DataSource db, boolean perKeyLookups) {
        this.db = db;
        this.perKeyLookups = perKeyLookups;
        this.statistics = perKeyLookups ? null : new PlannerStatistics(db);
    }

    private void wrote(long rows) {
        if (statistics != null) {
            statistics.wrote(rows);
        }
    }

    /** Creates a school from its standing data; each student's mastery in it becomes their starting estimate. */
    public void createSchool(String id, String name, DayProblem standing) {
        Instant now = Instant.now();
        inTransaction(c -> {
            try (PreparedStatement exists = c.prepareStatement("SELECT 1 FROM school WHERE id = ?")) {
                exists.setString(1, id);
                try (ResultSet rs = exists.executeQuery()) {
                    if (rs.next()) {
                        throw new SchoolExistsException(id);
                    }
                }
            }
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO school (id, name, standing, created_at, updated_at) VALUES (?, ?, ?, ?, ?)")) {
                insert.setString(1, id);
                insert.setString(2, name);
                insert.setString(3, json(standing));
                insert.setTimestamp(4, Timestamp.from(now));
                insert.setTimestamp(5, Timestamp.from(now));
                insert.executeUpdate();
            }
            try (PreparedStatement seed = c.prepareStatement("INSERT INTO mastery (school_id, student_id, skill_id, "
                    + "p_mastery, observations, updated_at) VALUES (?, ?, ?, ?, 0, ?)")) {
                int n = 0;
                for (Student s : standing.students()) {
                    for (Map.Entry<String, Double> m : s.mastery().entrySet()) {
                        seed.setString(1, id);
                        seed.setString(2, s.id());
                        seed.setString(3, m.getKey());
                        seed.setDouble(4, m.getValue());
                        seed.setTimestamp(5, Timestamp.from(now));
                        seed.addBatch();
                        if (++n % CHUNK == 0) {
                            seed.executeBatch();
                        }
                    }
                }
                seed.executeBatch();
            }
            return null;
        });
        wrote(standing.students().stream().mapToLong(s -> s.mastery().size()).sum());
    }

    /**
     * The school, its standing data parsed once and kept: every evidence batch needs it, and parsing a large school's
     * document costs more than the batch itself.
     */
    public Optional<SchoolRecord> school(String id) {
        SchoolRecord cached = schools.get(id);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<SchoolRecord> read = read(id);
        read.ifPresent(s -> schools.put(id, s));
        return read;
    }

    private Optional<SchoolRecord> read(String id) {
        return inTransaction(c -> {
            try (PreparedStatement q = c.prepareStatement(
                    "SELECT id, name, standing, created_at FROM school WHERE id = ?")) {
                q.setString(1, id);
                try (ResultSet rs = q.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new SchoolRecord(rs.getString(1), rs.getString(2),
                            Json.mapper().readValue(rs.getString(3), DayProblem.class),
                            rs.getTimestamp(4).toInstant()));
                } catch (IOException e) {
                    throw new UncheckedIOException("school " + id + ": stored standing data unreadable", e);
                }
            }
        });
    }

    /** Whether the database answers within two seconds (for health checks). */
    public boolean reachable() {
        try (Connection c = db.getConnection()) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    public List<String> schoolIds() {
        return inTransaction(c -> {
            List<String> ids = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement("SELECT id FROM school ORDER BY id");
                    ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        });
    }

    /** A student's mastery, by skill. */
    public Map<String, MasteryRow> mastery(String schoolId, String studentId) {
        return inTransaction(c -> masteryOf(c, schoolId, List.of(studentId)).getOrDefault(studentId, Map.of()));
    }

    /** A student's evidence, oldest first (the history of their mastery). */
    public List<EvidenceRow> evidence(String schoolId, String studentId) {
        return inTransaction(c -> {
            List<EvidenceRow> rows = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement("SELECT event_id, student_id, skill_id, correct, score, "
                    + "items, observed_at, source, received_at, p_before, p_after FROM evidence "
                    + "WHERE school_id = ? AND student_id = ? ORDER BY observed_at, event_id")) {
                q.setString(1, schoolId);
                q.setString(2, studentId);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        boolean correct = rs.getBoolean(4);
                        Boolean c4 = rs.wasNull() ? null : correct;
                        double score = rs.getDouble(5);
                        Double s5 = rs.wasNull() ? null : score;
                        rows.add(new EvidenceRow(rs.getString(1), rs.getString(2), rs.getString(3), c4, s5,
                                rs.getInt(6), rs.getTimestamp(7).toInstant(), rs.getString(8),
                                rs.getTimestamp(9).toInstant(), rs.getDouble(10), rs.getDouble(11)));
                    }
                }
            }
            return rows;
        });
    }

    public long evidenceCount(String schoolId) {
        return inTransaction(c -> {
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
        R result = inTransaction(c -> {
            Set<String> known = knownEvents(c, schoolId, eventIds);
            Map<String, Map<String, MasteryRow>> mastery = cachedMastery(c, schoolId, studentIds);
            IngestWrite<R> write = work.plan(known, mastery);
            insertEvidence(c, schoolId, write.evidence());
            writeMastery(c, schoolId, write.mastery(), mastery);
            written[0] = write.mastery();
            logged[0] = write.evidence().size();
            return write.result();
        });
        wrote(logged[0] + written[0].values().stream().mapToLong(Map::size).sum());
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
                k -> new java.util.concurrent.ConcurrentHashMap<>());
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

    @FunctionalInterface
    public interface IngestWork<R> {
        IngestWrite<R> plan(Set<String> knownEventIds, Map<String, Map<String, MasteryRow>> masteryByStudent);
    }

    /*
     * Lookups of many keys: on PostgreSQL one query with "= ANY(array)" (an index scan); on H2 key by key on the
     * primary key, because H2 does not use the index for "student_id IN (…)" behind "school_id = ?" and scanned every
     * mastery row of the school (a large school has 200,000) for each batch.
     */

    private Set<String> knownEvents(Connection c, String schoolId, Collection<String> eventIds) throws SQLException {
        Set<String> known = new HashSet<>();
        forEachKey(c, "SELECT event_id FROM evidence WHERE school_id = ? AND event_id", schoolId, eventIds,
                rs -> known.add(rs.getString(1)));
        return known;
    }

    private Map<String, Map<String, MasteryRow>> masteryOf(Connection c, String schoolId,
            Collection<String> studentIds) throws SQLException {
        Map<String, Map<String, MasteryRow>> byStudent = new HashMap<>();
        forEachKey(c, "SELECT student_id, skill_id, p_mastery, observations, updated_at FROM mastery "
                + "WHERE school_id = ? AND student_id", schoolId, studentIds,
                rs -> byStudent.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2),
                        new MasteryRow(rs.getString(2), rs.getDouble(3), rs.getInt(4),
                                rs.getTimestamp(5).toInstant())));
        return byStudent;
    }

    @FunctionalInterface
    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    /** Runs {@code select} ("… WHERE school_id = ? AND key_column") for every key, the fastest way per database. */
    private void forEachKey(Connection c, String select, String schoolId, Collection<String> keys, RowReader row)
            throws SQLException {
        List<String> distinct = new ArrayList<>(new java.util.LinkedHashSet<>(keys));
        if (!perKeyLookups) {
            try (PreparedStatement q = c.prepareStatement(select + " = ANY (?)")) {
                q.setString(1, schoolId);
                q.setArray(2, c.createArrayOf("varchar", distinct.toArray()));
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        row.read(rs);
                    }
                }
            }
            return;
        }
        try (PreparedStatement q = c.prepareStatement(select + " = ?")) {
            q.setString(1, schoolId);
            for (String key : distinct) {
                q.setString(2, key);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        row.read(rs);
                    }
                }
            }
        }
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
                insert.setObject(5, r.correct(), java.sql.Types.BOOLEAN);
                insert.setObject(6, r.score(), java.sql.Types.DOUBLE);
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

    private static String json(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- days: their inputs and their plans ----

    /** What is different about one day (attendance, absences, closures); null fields mean "nothing". */
    public record DayInput(List<String> absentStudents, List<String> absentStaff, List<String> closedSpaces) {
        public DayInput {
            absentStudents = absentStudents == null ? List.of() : List.copyOf(absentStudents);
            absentStaff = absentStaff == null ? List.of() : List.copyOf(absentStaff);
            closedSpaces = closedSpaces == null ? List.of() : List.copyOf(closedSpaces);
        }
    }

    /** A stored plan of a day: every version is kept; {@code planId} is the solve's id on the server that made it. */
    public record PlanRecord(java.time.LocalDate day, int version, PlanStatus status, String score, String planId,
            Instant createdAt, Instant updatedAt) {
    }

    public void saveDayInput(String schoolId, java.time.LocalDate day, DayInput input) {
        Instant now = Instant.now();
        inTransaction(c -> {
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE day_input SET input = ?, updated_at = ? WHERE school_id = ? AND school_day = ?")) {
                update.setString(1, json(input));
                update.setTimestamp(2, Timestamp.from(now));
                update.setString(3, schoolId);
                update.setObject(4, day);
                if (update.executeUpdate() == 0) {
                    try (PreparedStatement insert = c.prepareStatement("INSERT INTO day_input (school_id, "
                            + "school_day, input, updated_at) VALUES (?, ?, ?, ?)")) {
                        insert.setString(1, schoolId);
                        insert.setObject(2, day);
                        insert.setString(3, json(input));
                        insert.setTimestamp(4, Timestamp.from(now));
                        insert.executeUpdate();
                    }
                }
            }
            return null;
        });
    }

    public DayInput dayInput(String schoolId, java.time.LocalDate day) {
        return inTransaction(c -> {
            try (PreparedStatement q = c.prepareStatement(
                    "SELECT input FROM day_input WHERE school_id = ? AND school_day = ?")) {
                q.setString(1, schoolId);
                q.setObject(2, day);
                try (ResultSet rs = q.executeQuery()) {
                    return rs.next() ? Json.mapper().readValue(rs.getString(1), DayInput.class)
                            : new DayInput(null, null, null);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        });
    }

    /** Every student's committed mastery, by student and skill (for building a day). */
    public Map<String, Map<String, Double>> allMastery(String schoolId) {
        return inTransaction(c -> {
            Map<String, Map<String, Double>> all = new HashMap<>();
            try (PreparedStatement q = c.prepareStatement(
                    "SELECT student_id, skill_id, p_mastery FROM mastery WHERE school_id = ?")) {
                q.setString(1, schoolId);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        all.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2),
                                rs.getDouble(3));
                    }
                }
            }
            return all;
        });
    }

    /** A new version of the day's plan, marked solving; its number. */
    public int startPlan(String schoolId, java.time.LocalDate day, String planId) {
        return startPlan(schoolId, day, planId, null, null);
    }

    /**
     * As above, with how the version is made ({@code recipe}, a JSON document the caller reads back to rebuild the
     * version when its solve is resumed) and the day problem it solves ({@code problem}, the documented format: what
     * the version's analysis, alternatives and rosters are read against for as long as it is kept).
     */
    public int startPlan(String schoolId, java.time.LocalDate day, String planId, String recipe, String problem) {
        Instant now = Instant.now();
        return inTransaction(c -> {
            int version;
            try (PreparedStatement q = c.prepareStatement(
                    "SELECT COALESCE(MAX(version), 0) FROM plan WHERE school_id = ? AND school_day = ?")) {
                q.setString(1, schoolId);
                q.setObject(2, day);
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    version = rs.getInt(1) + 1;
                }
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO plan (school_id, school_day, version, "
                    + "status, job_id, plan, recipe, problem, created_at, updated_at) "
                    + "VALUES (?, ?, ?, ?, ?, NULL, ?, ?, ?, ?)")) {
                insert.setString(1, schoolId);
                insert.setObject(2, day);
                insert.setInt(3, version);
                insert.setString(4, PlanStatus.SOLVING.wire());
                insert.setString(5, planId);
                insert.setString(6, recipe);
                insert.setString(7, problem);
                insert.setTimestamp(8, Timestamp.from(now));
                insert.setTimestamp(9, Timestamp.from(now));
                insert.executeUpdate();
            }
            return version;
        });
    }

    /** The solve ended: the version becomes a draft holding the plan (documented plan format). */
    public void finishPlan(String schoolId, java.time.LocalDate day, int version, Object plan, String score) {
        updatePlan(schoolId, day, version, PlanStatus.DRAFT, score, json(plan));
    }

    /**
     * Publishes a draft (the latest when {@code version} is null); a plan published earlier that day goes back to
     * draft, so one plan per day is the published one. Returns the version published, or -1 when there is no draft.
     */
    public int publish(String schoolId, java.time.LocalDate day, Integer version) {
        return inTransaction(c -> {
            int chosen;
            try (PreparedStatement q = c.prepareStatement("SELECT MAX(version) FROM plan WHERE school_id = ? AND "
                    + "school_day = ? AND status IN (" + SQL_DRAFT + ", " + SQL_PUBLISHED + ")" + (version == null ? "" : " AND version = ?"))) {
                q.setString(1, schoolId);
                q.setObject(2, day);
                if (version != null) {
                    q.setInt(3, version);
                }
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    chosen = rs.getInt(1);
                    if (rs.wasNull()) {
                        return -1;
                    }
                }
            }
            try (PreparedStatement demote = c.prepareStatement("UPDATE plan SET status = " + SQL_DRAFT + ", updated_at = ? "
                    + "WHERE school_id = ? AND school_day = ? AND status = " + SQL_PUBLISHED);
                    PreparedStatement promote = c.prepareStatement("UPDATE plan SET status = " + SQL_PUBLISHED + ", "
                            + "updated_at = ? WHERE school_id = ? AND school_day = ? AND version = ?")) {
                Timestamp now = Timestamp.from(Instant.now());
                demote.setTimestamp(1, now);
                demote.setString(2, schoolId);
                demote.setObject(3, day);
                demote.executeUpdate();
                promote.setTimestamp(1, now);
                promote.setString(2, schoolId);
                promote.setObject(3, day);
                promote.setInt(4, chosen);
                promote.executeUpdate();
            }
            return chosen;
        });
    }

    /** The day's plans, newest first (without the plan documents). */
    public List<PlanRecord> plans(String schoolId, java.time.LocalDate day) {
        return inTransaction(c -> {
            List<PlanRecord> plans = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement("SELECT school_day, version, status, score, job_id, "
                    + "created_at, updated_at FROM plan WHERE school_id = ? AND school_day = ? "
                    + "ORDER BY version DESC")) {
                q.setString(1, schoolId);
                q.setObject(2, day);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        plans.add(new PlanRecord(rs.getObject(1, java.time.LocalDate.class), rs.getInt(2),
                                PlanStatus.of(rs.getString(3)), rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant(),
                                rs.getTimestamp(7).toInstant()));
                    }
                }
            }
            return plans;
        });
    }

    /** One stored plan document (null while solving or when interrupted). */
    public String planDocument(String schoolId, java.time.LocalDate day, int version) {
        return inTransaction(c -> {
            try (PreparedStatement q = c.prepareStatement(
                    "SELECT plan FROM plan WHERE school_id = ? AND school_day = ? AND version = ?")) {
                q.setString(1, schoolId);
                q.setObject(2, day);
                q.setInt(3, version);
                try (ResultSet rs = q.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
    }

    /** A published plan: its day, version, the plan document, and when it was published. */
    public record PublishedPlan(java.time.LocalDate day, int version, String plan, Instant publishedAt) {
    }

    /** A version of a day's plan. */
    public record PlanVersion(java.time.LocalDate day, int version) {
    }

    /** The plan published for the latest school day before {@code day}, without reading its document. */
    public Optional<PlanVersion> latestPublishedBefore(String schoolId, java.time.LocalDate day) {
        List<PlanVersion> latest = new ArrayList<>();
        eachPublishedBefore(schoolId, day, 1, "", rs -> latest.add(new PlanVersion(
                rs.getObject(1, java.time.LocalDate.class), rs.getInt(2))));
        return latest.stream().findFirst();
    }

    /** The plans published for the {@code days} school days before {@code day}, latest first (one per day). */
    public List<PublishedPlan> publishedBefore(String schoolId, java.time.LocalDate day, int days) {
        List<PublishedPlan> plans = new ArrayList<>();
        eachPublishedBefore(schoolId, day, days, ", plan, updated_at", rs -> plans.add(new PublishedPlan(
                rs.getObject(1, java.time.LocalDate.class), rs.getInt(2), rs.getString(3),
                rs.getTimestamp(4).toInstant())));
        return plans;
    }

    /** Reads the plans published before {@code day}, latest first: school day, version, then {@code moreColumns}. */
    private void eachPublishedBefore(String schoolId, java.time.LocalDate day, int days, String moreColumns,
            RowReader row) {
        inTransaction(c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT school_day, version" + moreColumns + " FROM plan "
                    + "WHERE school_id = ? AND school_day < ? AND status = " + SQL_PUBLISHED + " ORDER BY school_day DESC")) {
                q.setString(1, schoolId);
                q.setObject(2, day);
                q.setMaxRows(days);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        row.read(rs);
                    }
                }
            }
            return null;
        });
    }

    /**
     * Students with evidence logged since {@code since} that moved a skill across {@code threshold}, either way: the
     * students whose ready set may have changed.
     */
    public Set<String> crossedThreshold(String schoolId, Instant since, double threshold) {
        return inTransaction(c -> {
            Set<String> students = new HashSet<>();
            try (PreparedStatement q = c.prepareStatement("SELECT DISTINCT student_id FROM evidence WHERE "
                    + "school_id = ? AND received_at > ? AND ((p_before < ? AND p_after >= ?) OR "
                    + "(p_before >= ? AND p_after < ?))")) {
                q.setString(1, schoolId);
                q.setTimestamp(2, Timestamp.from(since));
                for (int i = 3; i <= 6; i++) {
                    q.setDouble(i, threshold);
                }
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        students.add(rs.getString(1));
                    }
                }
            }
            return students;
        });
    }

    /** A solve that ended without a plan (stopped before it started): the version is marked interrupted. */
    public void interrupt(String schoolId, java.time.LocalDate day, int version) {
        updatePlan(schoolId, day, version, PlanStatus.INTERRUPTED, null, null);
    }

    /**
     * After a restart: plans that were solving when the process stopped are marked interrupted (their solve is
     * gone). Returns how many.
     */
    public int markInterrupted() {
        return inTransaction(c -> {
            try (PreparedStatement u = c.prepareStatement("UPDATE plan SET status = " + SQL_INTERRUPTED + ", updated_at = ? "
                    + "WHERE status = " + SQL_SOLVING);
                    PreparedStatement scratch = c.prepareStatement("UPDATE scratch_plan SET status = "
                            + SQL_INTERRUPTED + ", updated_at = ? WHERE status = " + SQL_SOLVING)) {
                u.setTimestamp(1, Timestamp.from(Instant.now()));
                scratch.setTimestamp(1, Timestamp.from(Instant.now()));
                scratch.executeUpdate();
                return u.executeUpdate();
            }
        });
    }

    // ---- plans of days without a school (POST /api/plans) ----

    /** A day planned without a school, kept by the id the server handed out for it. */
    public record ScratchRecord(String id, PlanStatus status, String score, Instant createdAt, Instant updatedAt) {
    }

    /** Keeps a day submitted without a school as solving. */
    public void startScratch(String id, String problem) {
        Instant now = Instant.now();
        inTransaction(c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO scratch_plan (id, status, score, problem, "
                    + "plan, created_at, updated_at) VALUES (?, " + SQL_SOLVING + ", NULL, ?, NULL, ?, ?)")) {
                insert.setString(1, id);
                insert.setString(2, problem);
                insert.setTimestamp(3, Timestamp.from(now));
                insert.setTimestamp(4, Timestamp.from(now));
                insert.executeUpdate();
            }
            return null;
        });
    }

    /** Its solve ended (or a re-plan of it did): the plan kept is this one, a draft. */
    public void finishScratch(String id, Plan plan) {
        String document = json(plan);
        inTransaction(c -> {
            try (PreparedStatement u = c.prepareStatement("UPDATE scratch_plan SET status = " + SQL_DRAFT
                    + ", score = ?, plan = ?, updated_at = ? WHERE id = ?")) {
                u.setString(1, plan.score());
                u.setString(2, document);
                u.setTimestamp(3, Timestamp.from(Instant.now()));
                u.setString(4, id);
                u.executeUpdate();
            }
            return null;
        });
    }

    public Optional<ScratchRecord> scratch(String id) {
        return inTransaction(c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT id, status, score, created_at, updated_at FROM "
                    + "scratch_plan WHERE id = ?")) {
                q.setString(1, id);
                try (ResultSet rs = q.executeQuery()) {
                    return rs.next() ? Optional.of(scratchRecord(rs)) : Optional.empty();
                }
            }
        });
    }

    /** The latest {@code limit} days planned without a school, newest first. */
    public List<ScratchRecord> scratchPlans(int limit) {
        return inTransaction(c -> {
            List<ScratchRecord> all = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement("SELECT id, status, score, created_at, updated_at FROM "
                    + "scratch_plan ORDER BY created_at DESC")) {
                q.setMaxRows(limit);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        all.add(scratchRecord(rs));
                    }
                }
            }
            return all;
        });
    }

    private static ScratchRecord scratchRecord(ResultSet rs) throws SQLException {
        return new ScratchRecord(rs.getString(1), PlanStatus.of(rs.getString(2)), rs.getString(3),
                rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant());
    }

    /** The day a scratch plan solves, and its plan (null while it has none). */
    public String[] scratchDocuments(String id) {
        return inTransaction(c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT problem, plan FROM scratch_plan WHERE id = ?")) {
                q.setString(1, id);
                try (ResultSet rs = q.executeQuery()) {
                    return rs.next() ? new String[] {rs.getString(1), rs.getString(2)} : null;
                }
            }
        });
    }

    /** Deletes the scratch plans made before {@code before} (retention); returns how many. */
    public int dropScratchBefore(Instant before) {
        return inTransaction(c -> {
            try (PreparedStatement d = c.prepareStatement("DELETE FROM scratch_plan WHERE created_at < ? AND status <> "
                    + SQL_SOLVING)) {
                d.setTimestamp(1, Timestamp.from(before));
                return d.executeUpdate();
            }
        });
    }

    // ---- solve checkpoints and resuming ----

    /** The best plan of a version's solve as last checkpointed: when, its score and KPIs, and which solve wrote it. */
    public record Checkpoint(Instant takenAt, String score, boolean feasible, Kpis kpis, String planId) {
    }

    /**
     * Keeps {@code plan} as the checkpoint of a version while its solve {@code planId} is still solving; false (and
     * nothing written) once the version has ended or another solve took it over.
     */
    public boolean saveCheckpoint(String schoolId, java.time.LocalDate day, int version, String planId, Plan plan,
            Instant takenAt) {
        String document = json(plan);
        String kpis = json(plan.kpis());
        return inTransaction(c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT 1 FROM plan WHERE school_id = ? AND school_day = ? "
                    + "AND version = ? AND status = " + SQL_SOLVING + " AND job_id = ?")) {
                setVersion(q, schoolId, day, version);
                q.setString(4, planId);
                try (ResultSet rs = q.executeQuery()) {
                    if (!rs.next()) {
                        return false;
                    }
                }
            }
            try (PreparedStatement delete = c.prepareStatement(
                    "DELETE FROM plan_checkpoint WHERE school_id = ? AND school_day = ? AND version = ?");
                    PreparedStatement insert = c.prepareStatement("INSERT INTO plan_checkpoint (school_id, "
                            + "school_day, version, job_id, score, feasible, kpis, plan, taken_at) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                setVersion(delete, schoolId, day, version);
                delete.executeUpdate();
                setVersion(insert, schoolId, day, version);
                insert.setString(4, planId);
                insert.setString(5, plan.score());
                insert.setBoolean(6, plan.feasible());
                insert.setString(7, kpis);
                insert.setString(8, document);
                insert.setTimestamp(9, Timestamp.from(takenAt));
                insert.executeUpdate();
            }
            return true;
        });
    }

    /** The version's last checkpoint, if its solve wrote one. */
    public Optional<Checkpoint> checkpoint(String schoolId, java.time.LocalDate day, int version) {
        return inTransaction(c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT taken_at, score, feasible, kpis, job_id FROM "
                    + "plan_checkpoint WHERE school_id = ? AND school_day = ? AND version = ?")) {
                setVersion(q, schoolId, day, version);
                try (ResultSet rs = q.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new Checkpoint(rs.getTimestamp(1).toInstant(), rs.getString(2),
                            rs.getBoolean(3), Json.mapper().readValue(rs.getString(4), Kpis.class), rs.getString(5)));
                } catch (IOException e) {
                    throw new UncheckedIOException("a stored checkpoint is unreadable", e);
                }
            }
        });
    }

    /** The checkpointed plan document of a version (null when there is none). */
    public String checkpointDocument(String schoolId, java.time.LocalDate day, int version) {
        return textOf("SELECT plan FROM plan_checkpoint", schoolId, day, version);
    }

    /** How the version is made, as given to {@link #startPlan(String, java.time.LocalDate, String, String)}. */
    public String recipe(String schoolId, java.time.LocalDate day, int version) {
        return textOf("SELECT recipe FROM plan", schoolId, day, version);
    }

    /** Replaces how a version is made and the day it solves (a change its running solve took). */
    public void saveRecipe(String schoolId, java.time.LocalDate day, int version, String recipe, String problem) {
        inTransaction(c -> {
            try (PreparedStatement u = c.prepareStatement("UPDATE plan SET recipe = ?, problem = ?, updated_at = ? "
                    + "WHERE school_id = ? AND school_day = ? AND version = ?")) {
                u.setString(1, recipe);
                u.setString(2, problem);
                u.setTimestamp(3, Timestamp.from(Instant.now()));
                u.setString(4, schoolId);
                u.setObject(5, day);
                u.setInt(6, version);
                u.executeUpdate();
            }
            return null;
        });
    }

    /** The day problem a version solves (null for versions stored before it was kept). */
    public String problemDocument(String schoolId, java.time.LocalDate day, int version) {
        return textOf("SELECT problem FROM plan", schoolId, day, version);
    }

    /** Where a stored version is: its school, day and number. */
    public record VersionAddress(String schoolId, java.time.LocalDate day, int version) {
    }

    /** The stored version a solve made ({@code planId}: the id the server handed out to follow it). */
    public Optional<VersionAddress> versionOfPlan(String planId) {
        return inTransaction(c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT school_id, school_day, version FROM plan "
                    + "WHERE job_id = ? ORDER BY version DESC")) {
                q.setString(1, planId);
                try (ResultSet rs = q.executeQuery()) {
                    return rs.next() ? Optional.of(new VersionAddress(rs.getString(1),
                            rs.getObject(2, java.time.LocalDate.class), rs.getInt(3))) : Optional.empty();
                }
            }
        });
    }

    /** A school day with plans: how many versions, the latest, and the one published (null when none is). */
    public record DaySummary(java.time.LocalDate day, int versions, int latest, Integer published) {
    }

    /** The school's days that have plans, latest first. */
    public List<DaySummary> days(String schoolId) {
        return inTransaction(c -> {
            List<DaySummary> days = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement("SELECT school_day, COUNT(*), MAX(version), "
                    + "MAX(CASE WHEN status = " + SQL_PUBLISHED + " THEN version END) FROM plan WHERE school_id = ? "
                    + "GROUP BY school_day ORDER BY school_day DESC")) {
                q.setString(1, schoolId);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        int published = rs.getInt(4);
                        days.add(new DaySummary(rs.getObject(1, java.time.LocalDate.class), rs.getInt(2),
                                rs.getInt(3), rs.wasNull() ? null : published));
                    }
                }
            }
            return days;
        });
    }

    /**
     * An interrupted version solves again, as solve {@code planId}; false when the version is not interrupted (someone
     * resumed it already, or it never was).
     */
    public boolean resumePlan(String schoolId, java.time.LocalDate day, int version, String planId) {
        return inTransaction(c -> {
            try (PreparedStatement u = c.prepareStatement("UPDATE plan SET status = " + SQL_SOLVING + ", job_id = ?, "
                    + "updated_at = ? WHERE school_id = ? AND school_day = ? AND version = ? "
                    + "AND status = " + SQL_INTERRUPTED)) {
                u.setString(1, planId);
                u.setTimestamp(2, Timestamp.from(Instant.now()));
                u.setString(3, schoolId);
                u.setObject(4, day);
                u.setInt(5, version);
                return u.executeUpdate() == 1;
            }
        });
    }

    private String textOf(String select, String schoolId, java.time.LocalDate day, int version) {
        return inTransaction(c -> {
            try (PreparedStatement q = c.prepareStatement(select
                    + " WHERE school_id = ? AND school_day = ? AND version = ?")) {
                setVersion(q, schoolId, day, version);
                try (ResultSet rs = q.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
    }

    private static void setVersion(PreparedStatement s, String schoolId, java.time.LocalDate day, int version)
            throws SQLException {
        s.setString(1, schoolId);
        s.setObject(2, day);
        s.setInt(3, version);
    }

    /** Moves a solving version to {@code status} (a version no longer solving is left as it is). */
    private void updatePlan(String schoolId, java.time.LocalDate day, int version, PlanStatus status, String score,
            String plan) {
        if (!PlanStatus.SOLVING.mayBecome(status)) {
            throw new IllegalArgumentException("a solving version cannot become " + status.wire());
        }
        inTransaction(c -> {
            try (PreparedStatement u = c.prepareStatement("UPDATE plan SET status = ?, score = ?, plan = ?, "
                    + "updated_at = ? WHERE school_id = ? AND school_day = ? AND version = ? AND status = ?")) {
                u.setString(1, status.wire());
                u.setString(2, score);
                u.setString(3, plan);
                u.setTimestamp(4, Timestamp.from(Instant.now()));
                u.setString(5, schoolId);
                u.setObject(6, day);
                u.setInt(7, version);
                u.setString(8, PlanStatus.SOLVING.wire());
                u.executeUpdate();
            }
            return null;
        });
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    private <T> T inTransaction(Work<T> work) {
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

    /** A database failure: the caller answers 503 and nothing was committed. */
    public static final class StoreException extends RuntimeException {
        StoreException(String message, SQLException cause) {
            super(message, cause);
        }
    }
}
