package org.regroup.rest.exports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.regroup.domain.DayProblem;
import org.regroup.domain.FocusKind;
import org.regroup.domain.Skill;
import org.regroup.domain.Space;
import org.regroup.domain.Staff;
import org.regroup.domain.StaffRole;
import org.regroup.domain.Student;
import org.regroup.domain.plan.BlockPlan;
import org.regroup.domain.plan.SessionPlan;

/**
 * A published day as a OneRoster 1.1 CSV export (bulk), for systems that read rosters: every session (one group in
 * one block) is a class of the day, its adult and students are enrolled in it. Files: {@code manifest.csv},
 * {@code orgs.csv} (the school), {@code academicSessions.csv} (the day, as a term), {@code courses.csv} (one course
 * for all of the school's sessions), {@code classes.csv} and {@code enrollments.csv}. No {@code users.csv}: people
 * are named by their {@code sourcedId}, which the SIS already has, and no name leaves Regroup this way.
 * {@code status} and {@code dateLastModified} are empty, as OneRoster 1.1 has them in a bulk file.
 */
public final class OneRosterDay {

    static final List<String> ORGS = List.of("sourcedId", "status", "dateLastModified", "name", "type",
            "identifier", "parentSourcedId");
    static final List<String> ACADEMIC_SESSIONS = List.of("sourcedId", "status", "dateLastModified", "title", "type",
            "startDate", "endDate", "parentSourcedId", "schoolYear");
    static final List<String> COURSES = List.of("sourcedId", "status", "dateLastModified", "schoolYearSourcedId",
            "title", "courseCode", "grades", "orgSourcedId", "subjects", "subjectCodes");
    static final List<String> CLASSES = List.of("sourcedId", "status", "dateLastModified", "title", "grades",
            "courseSourcedId", "classCode", "classType", "location", "schoolSourcedId", "termSourcedIds", "subjects",
            "subjectCodes", "periods");
    static final List<String> ENROLLMENTS = List.of("sourcedId", "status", "dateLastModified", "classSourcedId",
            "schoolSourcedId", "userSourcedId", "role", "primary", "beginDate", "endDate");

    /** The files OneRoster 1.1 lists in a manifest, and which of them this export holds. */
    private static final List<String> MANIFEST_FILES = List.of("academicSessions", "categories", "classes",
            "classResources", "courses", "courseResources", "demographics", "enrollments", "lineItems", "orgs",
            "resources", "results", "users");
    private static final List<String> WRITTEN = List.of("academicSessions", "classes", "courses", "enrollments",
            "orgs");

    private OneRosterDay() {
    }

    /** What was written, by id: how many classes and enrollments (for the command's output). */
    public record Export(Map<String, byte[]> files, int classes, int enrollments) {

        /** The files as a zip, its entries in a fixed order and dated {@code at} (the same day, the same bytes). */
        public byte[] zip(java.time.Instant at) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                for (Map.Entry<String, byte[]> f : files.entrySet()) {
                    ZipEntry entry = new ZipEntry(f.getKey());
                    entry.setTime(at.toEpochMilli());
                    zip.putNextEntry(entry);
                    zip.write(f.getValue());
                    zip.closeEntry();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toByteArray();
        }
    }

    /**
     * The export of the published day.
     *
     * @param orgSourcedId the school's {@code sourcedId} in the SIS (null: the org the school was imported from, else
     *                     the school's Regroup id)
     */
    public static Export of(PublishedDay day, String orgSourcedId) {
        String school = day.schoolId();
        LocalDate date = day.date();
        DayProblem problem = day.problem().get();
        String imported = problem.school() == null ? null : problem.school().sourcedId();
        String org = orgSourcedId != null && !orgSourcedId.isBlank() ? orgSourcedId
                : imported != null ? imported : school;
        Map<String, Student> students = new HashMap<>();
        problem.students().forEach(s -> students.putIfAbsent(s.id(), s));
        Map<String, Staff> staff = new HashMap<>();
        problem.staff().forEach(s -> staff.putIfAbsent(s.id(), s));
        Map<String, Space> spaces = new HashMap<>();
        problem.spaces().forEach(s -> spaces.putIfAbsent(s.id(), s));
        Map<String, Skill> skills = new HashMap<>();
        problem.skills().forEach(s -> skills.putIfAbsent(s.id(), s));
        String term = SourcedIds.day(school, date);
        String course = SourcedIds.course(school);

        List<List<String>> classes = new ArrayList<>();
        List<List<String>> enrollments = new ArrayList<>();
        for (BlockPlan block : day.plan().blocks()) {
            for (SessionPlan session : block.sessions()) {
                if (session.students().isEmpty()) {
                    continue; // a catch-all nobody was sent to: no class to roster
                }
                String klass = SourcedIds.klass(school, date, block.blockId(), session.id());
                TreeSet<Integer> grades = new TreeSet<>();
                session.students().forEach(seat -> {
                    Student s = students.get(seat.studentId());
                    if (s != null && s.grade() != null) {
                        grades.add(s.grade());
                    }
                });
                Skill skill = session.focus() != null && session.focus().kind() == FocusKind.SKILL
                        ? skills.get(session.focus().id()) : null;
                Space space = session.spaceId() == null ? null : spaces.get(session.spaceId());
                classes.add(List.of(klass, "", "", title(block, session), gradeCodes(grades), course, session.id(),
                        "scheduled", space == null ? nonNull(session.spaceId()) : nonNull(space.name() == null
                                || space.name().isBlank() ? space.id() : space.name()), org, term,
                        skill == null || skill.strand() == null ? "" : skill.strand(), "", block.blockId()));
                if (session.staffId() != null) {
                    Staff adult = staff.get(session.staffId());
                    boolean aide = adult != null && adult.role() == StaffRole.AIDE;
                    enrollments.add(enrollment(klass, org, session.staffId(), aide ? "aide" : "teacher",
                            aide ? "false" : "true", date));
                }
                session.students().forEach(seat -> enrollments.add(enrollment(klass, org, seat.studentId(),
                        "student", "false", date)));
            }
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("manifest.csv", Csv.of(List.of("propertyName", "value"), manifest()));
        files.put("orgs.csv", Csv.of(ORGS, List.of(List.of(org, "", "", day.schoolName(), "school", school, ""))));
        files.put("academicSessions.csv", Csv.of(ACADEMIC_SESSIONS, List.of(List.of(term, "", "", date + " (Regroup "
                + "day)", "term", date.toString(), date.toString(), "", String.valueOf(schoolYear(date))))));
        files.put("courses.csv", Csv.of(COURSES, List.of(List.of(course, "", "", "", "Regroup sessions",
                "regroup-sessions", "", org, "", ""))));
        files.put("classes.csv", Csv.of(CLASSES, classes));
        files.put("enrollments.csv", Csv.of(ENROLLMENTS, enrollments));
        return new Export(files, classes.size(), enrollments.size());
    }

    /** "B2 · small-group · 3.NF.1": the block, the modality and what the group works on (when the group shares it). */
    static String title(BlockPlan block, SessionPlan session) {
        StringBuilder t = new StringBuilder(block.blockId()).append(" · ");
        t.append(session.catchAll() ? "catch-all" : nonNull(session.modality()));
        if (session.focus() != null && session.focus().id() != null) {
            t.append(" · ").append(session.focus().id());
        }
        return t.toString();
    }

    /** OneRoster grade codes: KG for 0, 01 to 13; comma-separated in one field. */
    static String gradeCodes(TreeSet<Integer> grades) {
        List<String> codes = new ArrayList<>();
        for (int g : grades) {
            codes.add(g == 0 ? "KG" : String.format("%02d", g));
        }
        return String.join(",", codes);
    }

    /** OneRoster's school year is the calendar year it ends in: a day from August on belongs to the next one. */
    static int schoolYear(LocalDate date) {
        return date.getMonthValue() >= 8 ? date.getYear() + 1 : date.getYear();
    }

    private static List<String> enrollment(String klass, String org, String user, String role, String primary,
            LocalDate date) {
        return List.of(SourcedIds.enrollment(klass, user), "", "", klass, org, user, role, primary, date.toString(),
                date.toString());
    }

    private static List<List<String>> manifest() {
        List<List<String>> m = new ArrayList<>();
        m.add(List.of("manifest.version", "1.0"));
        m.add(List.of("oneroster.version", "1.1"));
        for (String f : MANIFEST_FILES) {
            m.add(List.of("file." + f, WRITTEN.contains(f) ? "bulk" : "absent"));
        }
        m.add(List.of("source.systemName", "Regroup"));
        m.add(List.of("source.systemCode", "regroup"));
        return m;
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
