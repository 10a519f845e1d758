package org.regroup.store;

import static org.regroup.store.Jdbc.eachRow;
import static org.regroup.store.Jdbc.json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.regroup.domain.DayProblem;
import org.regroup.domain.Student;
import org.regroup.domain.io.Json;
import org.regroup.domain.plan.PlanStatus;

/**
 * Erasing one student's record from a school, in one transaction: their mastery and evidence rows, their entry in
 * the standing data, their absences in day inputs, the goals they set, the requests for their days, their attendance,
 * their calendar feeds, their own accounts and their guardians' links to them; and every stored document naming them
 * (plans, checkpoints, recipes, the days they solve, the school's days planned without a school) rewritten by the
 * caller's {@link Rewrite}. The audit log is not touched: it is the record of the erasure.
 */
public final class Erasure {

    /** How the caller makes each kind of stored data forget the student (school logic stays out of the store). */
    public interface Rewrite {
        /** The standing data without the student. */
        DayProblem standing(DayProblem standing);

        /** A day's input without the student. */
        Schools.DayInput dayInput(Schools.DayInput input);

        /** A stored JSON document (plan, day problem, recipe) no longer naming the student; as it was when it did not. */
        String document(String json);
    }

    /** What an erasure deleted and rewrote, by kind (rows). */
    public record Erased(int mastery, int evidence, int dayInputs, int planVersions, int checkpoints,
            int scratchPlans, int accounts, int guardianLinks, int goals, int dayRequests, int attendance,
            int calendarFeeds) {
    }

    /** A version of the school's days, or a day it planned without a school, is still solving: try once it ends. */
    public static final class StillSolvingException extends RuntimeException {
        StillSolvingException(String message) {
            super(message);
        }
    }

    private static final String SQL_SOLVING = "'" + PlanStatus.SOLVING.wire() + "'";

    private final Jdbc jdbc;
    private final Schools schools;
    private final EvidenceLog evidence;

    Erasure(Jdbc jdbc, Schools schools, EvidenceLog evidence) {
        this.jdbc = jdbc;
        this.schools = schools;
        this.evidence = evidence;
    }

    /**
     * Erases the student; empty (and nothing changed) when the school has no such student.
     *
     * @throws StillSolvingException while a solve of the school runs (it would write the student back)
     */
    public Optional<Erased> erase(String schoolId, String studentId, Rewrite rewrite) {
        Optional<Erased> erased = jdbc.inTransaction(c -> {
            DayProblem standing = lockedStanding(c, schoolId);
            Student student = standing == null ? null : standing.students().stream()
                    .filter(s -> s.id().equals(studentId)).findFirst().orElse(null);
            if (student == null) {
                return Optional.empty();
            }
            refuseWhileSolving(c, schoolId);
            List<String> likes = new ArrayList<>(List.of(Jdbc.containing(json(studentId))));
            if (student.name() != null && !student.name().isBlank()) {
                String quoted = json(student.name());
                likes.add(Jdbc.containing(quoted.substring(1, quoted.length() - 1)));
            }
            update(c, "UPDATE school SET standing = ?, updated_at = ? WHERE id = ?",
                    json(rewrite.standing(standing)), Timestamp.from(Instant.now()), schoolId);
            int mastery = update(c, "DELETE FROM mastery WHERE school_id = ? AND student_id = ?", schoolId,
                    studentId);
            int evidenceRows = update(c, "DELETE FROM evidence WHERE school_id = ? AND student_id = ?", schoolId,
                    studentId);
            int goals = update(c, "DELETE FROM student_goals WHERE school_id = ? AND student_id = ?", schoolId,
                    studentId);
            int dayRequests = update(c, "DELETE FROM day_request WHERE school_id = ? AND student_id = ?", schoolId,
                    studentId);
            int attendance = update(c, "DELETE FROM attendance WHERE school_id = ? AND student_id = ?", schoolId,
                    studentId);
            int dayInputs = dayInputs(c, schoolId, studentId, likes.get(0), rewrite);
            int versions = rewrite(c, "plan", new String[] {"plan", "recipe", "problem"},
                    "school_id = ? AND school_day = ? AND version = ?", schoolId, likes, rewrite);
            int checkpoints = rewrite(c, "plan_checkpoint", new String[] {"plan"},
                    "school_id = ? AND school_day = ? AND version = ?", schoolId, likes, rewrite);
            int scratch = rewrite(c, "scratch_plan", new String[] {"problem", "plan"}, "id = ?", schoolId, likes,
                    rewrite);
            int links = update(c, "DELETE FROM account_student WHERE student_id = ? AND account_id IN "
                    + "(SELECT id FROM account WHERE school_id = ?)", studentId, schoolId);
            int accounts = deleteOwnAccounts(c, schoolId, studentId);
            int feeds = update(c, "DELETE FROM calendar_feed WHERE school_id = ? AND person_kind = '"
                    + CalendarFeeds.Kind.STUDENT.wire() + "' AND person_id = ?", schoolId, studentId);
            return Optional.of(new Erased(mastery, evidenceRows, dayInputs, versions, checkpoints, scratch, accounts,
                    links, goals, dayRequests, attendance, feeds));
        });
        // Only once committed: the caches then hold what the store holds.
        erased.ifPresent(e -> {
            schools.forget(schoolId);
            evidence.forget(schoolId, studentId);
        });
        return erased;
    }

    /** The school's standing data, its row locked until the erasure commits (two erasures of a school queue). */
    private static DayProblem lockedStanding(Connection c, String schoolId) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT standing FROM school WHERE id = ? FOR UPDATE")) {
            q.setString(1, schoolId);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? Json.mapper().readValue(rs.getString(1), DayProblem.class) : null;
            } catch (IOException e) {
                throw new UncheckedIOException("school " + schoolId + ": stored standing data unreadable", e);
            }
        }
    }

    private static void refuseWhileSolving(Connection c, String schoolId) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT (SELECT COUNT(*) FROM plan WHERE school_id = ? AND "
                + "status = " + SQL_SOLVING + ") + (SELECT COUNT(*) FROM scratch_plan WHERE owner_school = ? AND "
                + "status = " + SQL_SOLVING + ")")) {
            q.setString(1, schoolId);
            q.setString(2, schoolId);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    throw new StillSolvingException("a plan of school " + schoolId + " is solving; erase once it "
                            + "has ended (or stop it)");
                }
            }
        }
    }

    private static int dayInputs(Connection c, String schoolId, String studentId, String like, Rewrite rewrite)
            throws SQLException {
        List<LocalDate> days = new ArrayList<>();
        List<String> inputs = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("SELECT school_day, input FROM day_input WHERE school_id = ? "
                + "AND input LIKE ? ESCAPE '!'")) {
            q.setString(1, schoolId);
            q.setString(2, like);
            eachRow(q, rs -> {
                Schools.DayInput input = Schools.readInput(rs.getString(2));
                if (input.absentStudents().contains(studentId)) {
                    days.add(rs.getObject(1, LocalDate.class));
                    inputs.add(json(rewrite.dayInput(input)));
                }
            });
        }
        for (int i = 0; i < days.size(); i++) {
            update(c, "UPDATE day_input SET input = ? WHERE school_id = ? AND school_day = ?", inputs.get(i),
                    schoolId, days.get(i));
        }
        return days.size();
    }

    /**
     * Rewrites the {@code columns} of the school's rows of {@code table} that may name the student (or hold their
     * name), one row at a time; returns how many rows changed.
     */
    private static int rewrite(Connection c, String table, String[] columns, String key, String schoolId,
            List<String> likes, Rewrite rewrite) throws SQLException {
        boolean scratch = table.equals("scratch_plan");
        String keyColumns = scratch ? "id" : "school_day, version";
        List<String> matches = new ArrayList<>();
        for (String column : columns) {
            for (int i = 0; i < likes.size(); i++) {
                matches.add(column + " LIKE ? ESCAPE '!'");
            }
        }
        List<Object[]> keys = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("SELECT " + keyColumns + " FROM " + table + " WHERE "
                + (scratch ? "owner_school" : "school_id") + " = ? AND (" + String.join(" OR ", matches) + ")")) {
            int i = 1;
            q.setString(i++, schoolId);
            for (int col = 0; col < columns.length; col++) {
                for (String like : likes) {
                    q.setString(i++, like);
                }
            }
            eachRow(q, rs -> keys.add(scratch ? new Object[] {rs.getString(1)}
                    : new Object[] {schoolId, rs.getObject(1, LocalDate.class), rs.getInt(2)}));
        }
        String columnList = String.join(", ", columns);
        // plans and days planned without a school say they changed (readers' ETags follow it); checkpoints have no such time
        boolean touch = !table.equals("plan_checkpoint");
        String assignments = String.join(", ", java.util.Arrays.stream(columns).map(col -> col + " = ?").toList())
                + (touch ? ", updated_at = ?" : "");
        int changed = 0;
        for (Object[] k : keys) {
            String[] before = new String[columns.length];
            try (PreparedStatement q = c.prepareStatement("SELECT " + columnList + " FROM " + table + " WHERE " + key)) {
                bind(q, 1, k);
                try (ResultSet rs = q.executeQuery()) {
                    if (!rs.next()) {
                        continue;
                    }
                    for (int col = 0; col < columns.length; col++) {
                        before[col] = rs.getString(col + 1);
                    }
                }
            }
            Object[] after = new Object[columns.length];
            boolean any = false;
            for (int col = 0; col < columns.length; col++) {
                after[col] = before[col] == null ? null : rewrite.document(before[col]);
                any |= before[col] != null && !before[col].equals(after[col]);
            }
            if (any) {
                try (PreparedStatement u = c.prepareStatement("UPDATE " + table + " SET " + assignments + " WHERE "
                        + key)) {
                    bind(u, 1, after);
                    if (touch) {
                        u.setTimestamp(columns.length + 1, Timestamp.from(Instant.now()));
                    }
                    bind(u, columns.length + (touch ? 2 : 1), k);
                    u.executeUpdate();
                }
                changed++;
            }
        }
        return changed;
    }

    /** The student's own accounts (role student, their id), with their tokens and sessions. */
    private static int deleteOwnAccounts(Connection c, String schoolId, String studentId) throws SQLException {
        String own = "(SELECT id FROM account WHERE school_id = ? AND role = '" + Role.STUDENT.wire()
                + "' AND person_id = ?)";
        update(c, "DELETE FROM api_token WHERE account_id IN " + own, schoolId, studentId);
        update(c, "DELETE FROM web_session WHERE account_id IN " + own, schoolId, studentId);
        update(c, "DELETE FROM account_student WHERE account_id IN " + own, schoolId, studentId);
        return update(c, "DELETE FROM account WHERE school_id = ? AND role = '" + Role.STUDENT.wire()
                + "' AND person_id = ?", schoolId, studentId);
    }

    private static int update(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement u = c.prepareStatement(sql)) {
            bind(u, 1, values);
            return u.executeUpdate();
        }
    }

    private static void bind(PreparedStatement s, int from, Object[] values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            if (v instanceof String || v == null) {
                s.setString(from + i, (String) v);
            } else if (v instanceof Integer n) {
                s.setInt(from + i, n);
            } else {
                s.setObject(from + i, v);
            }
        }
    }
}
