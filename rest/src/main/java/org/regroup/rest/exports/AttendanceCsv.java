package org.regroup.rest.exports;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * A day's attendance as a CSV file an SIS imports: one record per student and block marked, ids only (the student's
 * and the class's {@code sourcedId}s, the recording account's id), no names. Columns in docs/export.md.
 */
public final class AttendanceCsv {

    public static final List<String> HEADER = List.of("date", "block", "start", "end", "studentSourcedId",
            "classSourcedId", "status", "recordedBy", "recordedAt");

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private AttendanceCsv() {
    }

    public static byte[] of(Attendance.View view) {
        List<List<String>> records = new ArrayList<>();
        for (Attendance.MarkView m : view.marks()) {
            records.add(List.of(view.date().toString(), m.block(), m.start() == null ? "" : TIME.format(m.start()),
                    m.end() == null ? "" : TIME.format(m.end()), m.student(), nonNull(m.classSourcedId()),
                    m.status(), nonNull(m.recordedBy()), m.recordedAt().toString()));
        }
        return Csv.of(HEADER, records);
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
