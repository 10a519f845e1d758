package org.regroup.rest.exports;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import org.regroup.domain.InputError;
import org.regroup.domain.InvalidInputException;
import org.regroup.domain.plan.BlockPlan;
import org.regroup.domain.plan.SessionPlan;
import org.regroup.store.AttendanceLog;

/**
 * Attendance taken on a published day: who was present in their group, block by block. A sheet (one block's marks)
 * is checked against the published plan before anything is recorded: the block must be one of the day's, each
 * student seated in a group in it, each status one of {@link #STATUSES}. Who may mark whom is the caller's
 * {@code mayMark} (a teacher: the students in the groups they lead that block).
 */
public final class Attendance {

    /** The statuses a mark may have. */
    public static final List<String> STATUSES = List.of("present", "absent", "tardy", "excused");

    /** The body of {@code PUT …/attendance}: one block's marks. */
    public record Sheet(String block, List<MarkIn> marks) {
    }

    public record MarkIn(String student, String status) {
    }

    /** A student's status in a block as recorded, with the class the OneRoster export gives their group. */
    public record MarkView(String block, LocalTime start, LocalTime end, String student, String classSourcedId,
            String status, String recordedBy, Instant recordedAt) {
    }

    /** The day's attendance as a reader may see it. */
    public record View(String schoolId, LocalDate date, int version, List<MarkView> marks) {
    }

    /** A mark for a student the caller may not mark (a teacher, for a student outside their groups). */
    public static final class NotYoursException extends RuntimeException {
        NotYoursException(String message) {
            super(message);
        }
    }

    /** At most this many marks in one sheet (a block's groups hold far fewer students). */
    public static final int MAX_MARKS = 5000;

    private Attendance() {
    }

    /**
     * The sheet's marks, checked against the published day.
     *
     * @param mayMark  whether the caller may mark this student in this block
     * @param recorder the account recording them (null on a server without sign-in)
     * @throws InvalidInputException every problem with its JSON path ({@code $.marks[2].status})
     * @throws NotYoursException     a student the caller may not mark (checked once the sheet is valid)
     */
    public static List<AttendanceLog.Mark> check(PublishedDay day, Sheet sheet, Predicate<String> mayMark,
            String recorder, Instant at) {
        List<InputError> errors = new ArrayList<>();
        Seating seating = new Seating(day.plan());
        String block = sheet.block();
        boolean knownBlock = seating.block(block).isPresent();
        if (block == null || block.isBlank()) {
            errors.add(new InputError("$.block", "required: the block the marks are for (B1…)"));
        } else if (!knownBlock) {
            errors.add(new InputError("$.block", "no block '" + shortened(block) + "' in the published plan of "
                    + day.date() + " (blocks: " + String.join(", ", day.plan().blocks().stream()
                            .map(BlockPlan::blockId).toList()) + ")"));
        }
        List<MarkIn> marks = sheet.marks();
        if (marks == null || marks.isEmpty()) {
            errors.add(new InputError("$.marks", "required: at least one {\"student\": …, \"status\": …}"));
            marks = List.of();
        } else if (marks.size() > MAX_MARKS) {
            errors.add(new InputError("$.marks", "at most " + MAX_MARKS + " marks at once, were " + marks.size()));
            marks = List.of();
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < marks.size(); i++) {
            MarkIn m = marks.get(i);
            String path = "$.marks[" + i + "]";
            if (m == null) {
                errors.add(new InputError(path, "a mark is {\"student\": …, \"status\": …}"));
                continue;
            }
            if (m.student() == null || m.student().isBlank()) {
                errors.add(new InputError(path + ".student", "required"));
            } else {
                Integer first = seen.putIfAbsent(m.student(), i);
                if (first != null) {
                    errors.add(new InputError(path + ".student", "student '" + shortened(m.student())
                            + "' is also marked at $.marks[" + first + "]"));
                } else if (knownBlock && seating.session(block, m.student()).isEmpty()) {
                    errors.add(new InputError(path + ".student", "student '" + shortened(m.student()) + "' is in "
                            + "no group in block " + block + " of the published plan"));
                }
            }
            if (m.status() == null || !STATUSES.contains(m.status())) {
                errors.add(new InputError(path + ".status", m.status() == null ? "required: one of "
                        + String.join(", ", STATUSES) : "'" + shortened(m.status()) + "' is not one of "
                        + String.join(", ", STATUSES)));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("attendance", errors);
        }
        List<AttendanceLog.Mark> out = new ArrayList<>();
        for (MarkIn m : marks) {
            if (!mayMark.test(m.student())) {
                throw new NotYoursException("a teacher takes attendance only for the students in the groups they "
                        + "lead; student " + m.student() + " is not in yours in block " + block + " of the "
                        + "published plan of " + day.date());
            }
            out.add(new AttendanceLog.Mark(day.date(), block, m.student(), m.status(), recorder, at));
        }
        return out;
    }

    /** The marks as readers see them: with the block's times and the class of the student's group. */
    public static View view(PublishedDay day, List<AttendanceLog.Mark> marks) {
        Seating seating = new Seating(day.plan());
        List<MarkView> views = new ArrayList<>();
        for (AttendanceLog.Mark m : marks) {
            Optional<BlockPlan> block = seating.block(m.blockId());
            Optional<SessionPlan> session = seating.session(m.blockId(), m.studentId());
            views.add(new MarkView(m.blockId(), block.map(BlockPlan::start).orElse(null),
                    block.map(BlockPlan::end).orElse(null), m.studentId(),
                    session.map(s -> SourcedIds.klass(day.schoolId(), day.date(), m.blockId(), s.id())).orElse(null),
                    m.status(), m.recordedBy(), m.recordedAt()));
        }
        return new View(day.schoolId(), day.date(), day.version(), views);
    }

    /** Whether the adult leads the student's group in the block of the published day. */
    public static Predicate<AttendanceLog.Mark> ledBy(PublishedDay day, String staffId) {
        Seating seating = new Seating(day.plan());
        return m -> seating.leads(staffId, m.blockId(), m.studentId());
    }

    /** Whether the adult leads the student's group in this block of the published day. */
    public static Predicate<String> ledBy(PublishedDay day, String staffId, String blockId) {
        Seating seating = new Seating(day.plan());
        return student -> seating.leads(staffId, blockId, student);
    }

    /** The students the sheet names (for the audit log), whatever else is wrong with it. */
    public static Set<String> studentsOf(Sheet sheet) {
        Set<String> ids = new LinkedHashSet<>();
        if (sheet != null && sheet.marks() != null) {
            sheet.marks().stream().filter(m -> m != null && m.student() != null && !m.student().isBlank()
                    && m.student().length() <= 64).forEach(m -> ids.add(m.student()));
        }
        return ids;
    }

    private static String shortened(String text) {
        return text.length() <= 40 ? text : text.substring(0, 30) + "…";
    }
}
