package org.regroup.store;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The append-only audit log of student records: who read or wrote which students' records, when and from where.
 * Ids only, never names or mastery values. Rows are inserted, read, and deleted past the retention period; never
 * changed.
 */
public final class AuditLog {

    /** Whole-school reads (a plan, the standing data) name every student: recorded as this instead of a list. */
    public static final String EVERY_STUDENT = "*";

    /**
     * One entry. {@code studentIds}: the students whose records were read or written, or {@link #EVERY_STUDENT};
     * {@code action}: the operation ({@code GET /api/schools/{school}/days/{date}/students/{studentId}}).
     */
    public record Entry(long id, Instant at, String accountId, String role, String action, String schoolId,
            List<String> studentIds, String remote, int status) {
    }

    private final Jdbc jdbc;

    AuditLog(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public void append(Instant at, String accountId, String role, String action, String schoolId,
            List<String> studentIds, String remote, int status) {
        jdbc.inTransaction(c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO audit_event (at, account_id, role, action, "
                    + "school_id, student_ids, remote, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setTimestamp(1, Timestamp.from(at));
                insert.setString(2, accountId);
                insert.setString(3, role);
                insert.setString(4, action);
                insert.setString(5, schoolId);
                insert.setString(6, " " + String.join(" ", studentIds) + " ");
                insert.setString(7, remote);
                insert.setInt(8, status);
                insert.executeUpdate();
            }
            return null;
        });
    }

    /**
     * Entries newest first: of {@code schoolId} (every school when null), naming {@code studentId} (or every student,
     * {@code *}) when given, from {@code from} on, at most {@code limit}.
     */
    public List<Entry> query(String schoolId, String studentId, Instant from, int limit) {
        return jdbc.inTransaction(c -> {
            StringBuilder sql = new StringBuilder("SELECT id, at, account_id, role, action, school_id, student_ids, "
                    + "remote, status FROM audit_event WHERE at >= ?");
            if (schoolId != null) {
                sql.append(" AND school_id = ?");
            }
            if (studentId != null) {
                sql.append(" AND (student_ids LIKE ? OR student_ids = ' * ')");
            }
            sql.append(" ORDER BY id DESC");
            List<Entry> entries = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement(sql.toString())) {
                int i = 1;
                q.setTimestamp(i++, Timestamp.from(from));
                if (schoolId != null) {
                    q.setString(i++, schoolId);
                }
                if (studentId != null) {
                    q.setString(i, "% " + studentId.replace("%", "").replace("_", "\\_") + " %");
                }
                q.setMaxRows(limit);
                Jdbc.eachRow(q, rs -> entries.add(entry(rs)));
            }
            return entries;
        });
    }

    /**
     * The entries of {@code schoolId} that name {@code studentId} itself (not whole-school reads), oldest first: what
     * a student's record lists.
     */
    public List<Entry> naming(String schoolId, String studentId) {
        return jdbc.inTransaction(c -> {
            List<Entry> entries = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement("SELECT id, at, account_id, role, action, school_id, "
                    + "student_ids, remote, status FROM audit_event WHERE school_id = ? AND student_ids LIKE ? "
                    + "ESCAPE '!' ORDER BY id")) {
                q.setString(1, schoolId);
                q.setString(2, Jdbc.containing(" " + studentId + " "));
                Jdbc.eachRow(q, rs -> entries.add(entry(rs)));
            }
            return entries;
        });
    }

    private static Entry entry(java.sql.ResultSet rs) throws java.sql.SQLException {
        String ids = rs.getString(7).trim();
        return new Entry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), ids.isEmpty() ? List.of() : List.of(ids.split(" ")),
                rs.getString(8), rs.getInt(9));
    }

    /** Deletes the entries older than {@code before} (retention); returns how many. */
    public int dropBefore(Instant before) {
        return jdbc.inTransaction(c -> {
            try (PreparedStatement d = c.prepareStatement("DELETE FROM audit_event WHERE at < ?")) {
                d.setTimestamp(1, Timestamp.from(before));
                return d.executeUpdate();
            }
        });
    }
}
