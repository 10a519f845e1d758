package org.regroup.store;

import static org.regroup.store.Jdbc.eachRow;
import static org.regroup.store.Jdbc.json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.type.TypeReference;
import org.regroup.domain.Goal;
import org.regroup.domain.RequestPriority;
import org.regroup.domain.io.Json;

/**
 * What students own of their path: the goals they set with their advisor (one set per student, replacing the standing
 * data's) and the requests for a session on a day made by them, their guardians or staff. Who set or asked is kept as
 * an account id and role, never a name.
 */
public final class StudentPaths {

    /** A student's goals as set, by whom (account id, role) and when. */
    public record GoalSet(String studentId, List<Goal> goals, String setByAccount, String setByRole, Instant setAt) {
    }

    /**
     * A request for a session on {@code day}; {@code requestedBy} is what the plan says asked, {@code accountId} and
     * {@code role} the account that sent it.
     */
    public record DayRequest(String id, LocalDate day, String studentId, String blockId, String focus,
            String modality, String staffId, RequestPriority priority, String requestedBy, String note,
            String accountId, String role, Instant createdAt) {
    }

    private static final TypeReference<List<Goal>> GOALS = new TypeReference<>() {
    };
    private static final String REQUEST_COLUMNS = "id, school_day, student_id, block_id, focus, modality, staff_id, "
            + "priority, requested_by, note, account_id, role, created_at";

    private final Jdbc jdbc;

    StudentPaths(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Sets (replaces) the student's goals. */
    public GoalSet setGoals(String schoolId, String studentId, List<Goal> goals, String accountId, String role,
            Instant at) {
        jdbc.inTransaction(c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE student_goals SET goals = ?, set_by_account = "
                    + "?, set_by_role = ?, set_at = ? WHERE school_id = ? AND student_id = ?")) {
                update.setString(1, json(goals));
                update.setString(2, accountId);
                update.setString(3, role);
                update.setTimestamp(4, Timestamp.from(at));
                update.setString(5, schoolId);
                update.setString(6, studentId);
                if (update.executeUpdate() == 0) {
                    try (PreparedStatement insert = c.prepareStatement("INSERT INTO student_goals (school_id, "
                            + "student_id, goals, set_by_account, set_by_role, set_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                        insert.setString(1, schoolId);
                        insert.setString(2, studentId);
                        insert.setString(3, json(goals));
                        insert.setString(4, accountId);
                        insert.setString(5, role);
                        insert.setTimestamp(6, Timestamp.from(at));
                        insert.executeUpdate();
                    }
                }
            }
            return null;
        });
        return new GoalSet(studentId, List.copyOf(goals), accountId, role, at);
    }

    /** The goals the student set, if they did. */
    public Optional<GoalSet> goals(String schoolId, String studentId) {
        return jdbc.inTransaction(c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT student_id, goals, set_by_account, set_by_role, "
                    + "set_at FROM student_goals WHERE school_id = ? AND student_id = ?")) {
                q.setString(1, schoolId);
                q.setString(2, studentId);
                try (ResultSet rs = q.executeQuery()) {
                    return rs.next() ? Optional.of(goalSet(rs)) : Optional.<GoalSet>empty();
                }
            }
        });
    }

    /** Every goal set of the school, by student (a day is planned with them). */
    public Map<String, GoalSet> allGoals(String schoolId) {
        return jdbc.inTransaction(c -> {
            Map<String, GoalSet> all = new HashMap<>();
            try (PreparedStatement q = c.prepareStatement("SELECT student_id, goals, set_by_account, set_by_role, "
                    + "set_at FROM student_goals WHERE school_id = ?")) {
                q.setString(1, schoolId);
                eachRow(q, rs -> all.put(rs.getString(1), goalSet(rs)));
            }
            return all;
        });
    }

    public void addRequest(String schoolId, DayRequest r) {
        jdbc.inTransaction(c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO day_request (" + REQUEST_COLUMNS
                    + ", school_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, r.id());
                insert.setObject(2, r.day());
                insert.setString(3, r.studentId());
                insert.setString(4, r.blockId());
                insert.setString(5, r.focus());
                insert.setString(6, r.modality());
                insert.setString(7, r.staffId());
                insert.setString(8, wire(r.priority()));
                insert.setString(9, r.requestedBy());
                insert.setString(10, r.note());
                insert.setString(11, r.accountId());
                insert.setString(12, r.role());
                insert.setTimestamp(13, Timestamp.from(r.createdAt()));
                insert.setString(14, schoolId);
                insert.executeUpdate();
            }
            return null;
        });
    }

    /** The day's requests, oldest first. */
    public List<DayRequest> requests(String schoolId, LocalDate day) {
        return select("WHERE school_id = ? AND school_day = ? ORDER BY created_at, id", schoolId, day);
    }

    /** Every request about the student, by day (a student's record). */
    public List<DayRequest> requestsFor(String schoolId, String studentId) {
        return select("WHERE school_id = ? AND student_id = ? ORDER BY school_day, created_at, id", schoolId,
                studentId);
    }

    public Optional<DayRequest> request(String schoolId, String id) {
        return select("WHERE school_id = ? AND id = ?", schoolId, id).stream().findFirst();
    }

    /** Withdraws (deletes) a request; false when there was none. */
    public boolean withdraw(String schoolId, String id) {
        return jdbc.inTransaction(c -> {
            try (PreparedStatement d = c.prepareStatement("DELETE FROM day_request WHERE school_id = ? AND id = ?")) {
                d.setString(1, schoolId);
                d.setString(2, id);
                return d.executeUpdate() > 0;
            }
        });
    }

    /** Deletes the requests for school days before {@code day} (retention, with the day inputs); returns how many. */
    public int dropRequestsBefore(LocalDate day) {
        return jdbc.inTransaction(c -> {
            try (PreparedStatement d = c.prepareStatement("DELETE FROM day_request WHERE school_day < ?")) {
                d.setObject(1, day);
                return d.executeUpdate();
            }
        });
    }

    private List<DayRequest> select(String where, Object... values) {
        return jdbc.inTransaction(c -> {
            List<DayRequest> found = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement("SELECT " + REQUEST_COLUMNS + " FROM day_request "
                    + where)) {
                for (int i = 0; i < values.length; i++) {
                    q.setObject(i + 1, values[i]);
                }
                eachRow(q, rs -> found.add(new DayRequest(rs.getString(1), rs.getObject(2, LocalDate.class),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                        priority(rs.getString(8)), rs.getString(9), rs.getString(10), rs.getString(11),
                        rs.getString(12), rs.getTimestamp(13).toInstant())));
            }
            return found;
        });
    }

    private static GoalSet goalSet(ResultSet rs) throws SQLException {
        try {
            return new GoalSet(rs.getString(1), Json.mapper().readValue(rs.getString(2), GOALS), rs.getString(3),
                    rs.getString(4), rs.getTimestamp(5).toInstant());
        } catch (IOException e) {
            throw new UncheckedIOException("stored goals unreadable", e);
        }
    }

    /** A rung as the formats write it ("admin-required"). */
    private static String wire(RequestPriority p) {
        return p.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    private static RequestPriority priority(String wire) {
        return RequestPriority.valueOf(wire.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
    }
}
