package org.regroup.store;

import static org.regroup.store.Jdbc.eachRow;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Attendance taken on a school's days: per day, block and student the last status recorded, by whom (an account id,
 * null on a server without sign-in) and when. Recording a student-block again replaces it; no history is kept.
 */
public final class AttendanceLog {

    /** One student's status in one block of a day. */
    public record Mark(LocalDate day, String blockId, String studentId, String status, String recordedBy,
            Instant recordedAt) {
    }

    private static final String COLUMNS = "school_day, block_id, student_id, status, recorded_by, recorded_at";

    private final Jdbc jdbc;

    AttendanceLog(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records the marks (each replacing the student-block's earlier one), all in one transaction. Two recorders
     * inserting the same new student-block at once collide on its key: the loser is rolled back and tried once more,
     * when it finds the row and replaces it.
     */
    public void record(String schoolId, Collection<Mark> marks) {
        try {
            write(schoolId, marks);
        } catch (StoreException e) {
            if (!(e.getCause() instanceof java.sql.SQLException sql) || !"23505".equals(sql.getSQLState())) {
                throw e;
            }
            write(schoolId, marks);
        }
    }

    private void write(String schoolId, Collection<Mark> marks) {
        jdbc.inTransaction(c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE attendance SET status = ?, recorded_by = ?, "
                    + "recorded_at = ? WHERE school_id = ? AND school_day = ? AND block_id = ? AND student_id = ?");
                    PreparedStatement insert = c.prepareStatement("INSERT INTO attendance (school_id, " + COLUMNS
                            + ") VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                for (Mark m : marks) {
                    update.setString(1, m.status());
                    update.setString(2, m.recordedBy());
                    update.setTimestamp(3, Timestamp.from(m.recordedAt()));
                    update.setString(4, schoolId);
                    update.setObject(5, m.day());
                    update.setString(6, m.blockId());
                    update.setString(7, m.studentId());
                    if (update.executeUpdate() == 0) {
                        insert.setString(1, schoolId);
                        insert.setObject(2, m.day());
                        insert.setString(3, m.blockId());
                        insert.setString(4, m.studentId());
                        insert.setString(5, m.status());
                        insert.setString(6, m.recordedBy());
                        insert.setTimestamp(7, Timestamp.from(m.recordedAt()));
                        insert.executeUpdate();
                    }
                }
            }
            return null;
        });
    }

    /** The day's marks, by block and student. */
    public List<Mark> marks(String schoolId, LocalDate day) {
        return select("WHERE school_id = ? AND school_day = ? ORDER BY block_id, student_id", schoolId, day);
    }

    /** Every mark of the student, by day and block (a student's record). */
    public List<Mark> marksOf(String schoolId, String studentId) {
        return select("WHERE school_id = ? AND student_id = ? ORDER BY school_day, block_id", schoolId, studentId);
    }

    /** Deletes the marks of school days before {@code day} (retention, with the days' plans); returns how many. */
    public int dropBefore(LocalDate day) {
        return jdbc.inTransaction(c -> {
            try (PreparedStatement d = c.prepareStatement("DELETE FROM attendance WHERE school_day < ?")) {
                d.setObject(1, day);
                return d.executeUpdate();
            }
        });
    }

    private List<Mark> select(String where, Object... values) {
        return jdbc.inTransaction(c -> {
            List<Mark> found = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement("SELECT " + COLUMNS + " FROM attendance " + where)) {
                for (int i = 0; i < values.length; i++) {
                    q.setObject(i + 1, values[i]);
                }
                eachRow(q, rs -> found.add(new Mark(rs.getObject(1, LocalDate.class), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant())));
            }
            return found;
        });
    }
}
