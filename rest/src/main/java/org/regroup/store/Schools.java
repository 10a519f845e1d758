package org.regroup.store;

import static org.regroup.store.Jdbc.CHUNK;
import static org.regroup.store.Jdbc.eachRow;
import static org.regroup.store.Jdbc.json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.regroup.domain.DayProblem;
import org.regroup.domain.Student;
import org.regroup.domain.io.Json;

/** Schools, their standing data and day inputs: what a day problem is built from, apart from evidence and plans. */
public final class Schools {

    /** A school as stored: its standing data (a day problem without the day). */
    public record SchoolRecord(String id, String name, DayProblem standing, Instant createdAt) {
    }

    /** A school id that is already taken. */
    public static final class SchoolExistsException extends RuntimeException {
        SchoolExistsException(String id) {
            super("school '" + id + "' already exists");
        }
    }

    /** Standing data as committed; every change (an import, an erasure) drops its entry once committed. */
    private final Map<String, SchoolRecord> schools = new ConcurrentHashMap<>();

    private final Jdbc jdbc;

    Schools(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Creates a school from its standing data; each student's mastery in it becomes their starting estimate. */
    public void createSchool(String id, String name, DayProblem standing) {
        Instant now = Instant.now();
        jdbc.inTransaction(c -> {
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
        jdbc.wrote(standing.students().stream().mapToLong(s -> s.mastery().size()).sum());
    }

    /** The standing data changed since it was read (another import or an erasure): nothing was written. */
    public static final class StandingChangedException extends RuntimeException {
        StandingChangedException(String id) {
            super("the standing data of school '" + id + "' changed while this import was prepared; run it again");
        }
    }

    /**
     * Replaces a school's standing data in one transaction, or creates the school when {@code expected} is null (an
     * import of a new school). The people in it keep their mastery and evidence rows; people no longer in it keep
     * theirs too, until an erasure or the retention sweep: nothing but the standing document changes.
     *
     * @param expected the standing data the change was computed from (null: the school must not exist yet)
     * @throws StandingChangedException when the stored standing data is no longer {@code expected}
     * @throws SchoolExistsException    when {@code expected} is null and the school exists
     */
    public void replaceStanding(String id, String name, DayProblem expected, DayProblem standing) {
        if (expected == null) {
            createSchool(id, name, standing);
            return;
        }
        jdbc.inTransaction(c -> {
            DayProblem stored;
            try (PreparedStatement q = c.prepareStatement("SELECT standing FROM school WHERE id = ? FOR UPDATE")) {
                q.setString(1, id);
                try (ResultSet rs = q.executeQuery()) {
                    if (!rs.next()) {
                        throw new StandingChangedException(id);
                    }
                    stored = Json.mapper().readValue(rs.getString(1), DayProblem.class);
                } catch (IOException e) {
                    throw new UncheckedIOException("school " + id + ": stored standing data unreadable", e);
                }
            }
            if (!stored.equals(expected)) {
                throw new StandingChangedException(id);
            }
            try (PreparedStatement u = c.prepareStatement(
                    "UPDATE school SET standing = ?, updated_at = ? WHERE id = ?")) {
                u.setString(1, json(standing));
                u.setTimestamp(2, Timestamp.from(Instant.now()));
                u.setString(3, id);
                u.executeUpdate();
            }
            return null;
        });
        forget(id); // only once committed: the cache then holds what the store holds
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
        return jdbc.inTransaction(c -> {
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

    public List<String> schoolIds() {
        return jdbc.inTransaction(c -> {
            List<String> ids = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement("SELECT id FROM school ORDER BY id")) {
                eachRow(q, rs -> ids.add(rs.getString(1)));
            }
            return ids;
        });
    }

    /** What is different about one day (attendance, absences, closures); null fields mean "nothing". */
    public record DayInput(List<String> absentStudents, List<String> absentStaff, List<String> closedSpaces) {
        public DayInput {
            absentStudents = absentStudents == null ? List.of() : List.copyOf(absentStudents);
            absentStaff = absentStaff == null ? List.of() : List.copyOf(absentStaff);
            closedSpaces = closedSpaces == null ? List.of() : List.copyOf(closedSpaces);
        }
    }

    public void saveDayInput(String schoolId, LocalDate day, DayInput input) {
        Instant now = Instant.now();
        jdbc.inTransaction(c -> {
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

    /** A day's input as stored, with its day. */
    public record DatedInput(LocalDate day, DayInput input) {
    }

    /** The school's day inputs that list {@code studentId} as absent, by day (a student's record). */
    public List<DatedInput> dayInputsNaming(String schoolId, String studentId) {
        return jdbc.inTransaction(c -> {
            List<DatedInput> named = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement("SELECT school_day, input FROM day_input WHERE school_id = ? "
                    + "AND input LIKE ? ESCAPE '!' ORDER BY school_day")) {
                q.setString(1, schoolId);
                q.setString(2, Jdbc.containing(json(studentId)));
                eachRow(q, rs -> {
                    DayInput input = readInput(rs.getString(2));
                    if (input.absentStudents().contains(studentId)) {
                        named.add(new DatedInput(rs.getObject(1, LocalDate.class), input));
                    }
                });
            }
            return named;
        });
    }

    /** Deletes the day inputs of school days before {@code day} (retention, with the plans); returns how many. */
    public int dropDayInputsBefore(LocalDate day) {
        return jdbc.inTransaction(c -> {
            try (PreparedStatement d = c.prepareStatement("DELETE FROM day_input WHERE school_day < ?")) {
                d.setObject(1, day);
                return d.executeUpdate();
            }
        });
    }

    static DayInput readInput(String json) {
        try {
            return Json.mapper().readValue(json, DayInput.class);
        } catch (IOException e) {
            throw new UncheckedIOException("a stored day input is unreadable", e);
        }
    }

    /** Drops the parsed standing data kept for {@code id}: it was changed (an erasure). */
    void forget(String id) {
        schools.remove(id);
    }

    public DayInput dayInput(String schoolId, LocalDate day) {
        return jdbc.inTransaction(c -> {
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
}
