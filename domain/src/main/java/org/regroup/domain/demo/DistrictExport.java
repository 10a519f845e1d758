package org.regroup.domain.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A synthetic OneRoster 1.1 CSV export of a small district, seeded (the same seed writes the same bytes): a district
 * org and two schools — {@code demo} (identifier) with {@code students} students in grades 1 to 5, and {@code hill},
 * a middle school with half as many in grades 6 to 8 —, a teacher per class of up to 25 in each grade and subject,
 * aides, a teacher who works in both schools, a few guardians (not imported), math and reading courses and classes, and the enrollments. Made
 * up from first principles, no record of anyone; written with Commons CSV.
 */
public final class DistrictExport {

    private static final List<String> FAMILY = List.of("Abara", "Brook", "Castillo", "Dube", "Eriksen", "Fontaine",
            "Garcia", "Haddad", "Ito", "Jensen", "Kowalski", "Lindqvist", "Mbeki", "Nakamura", "Okafor", "Patel",
            "Quispe", "Rossi", "Silva", "Tanaka", "Umarov", "Varga", "Weber", "Xu", "Yilmaz", "Zhou");
    private static final String MODIFIED = "2026-08-01T00:00:00.000Z";
    /** Students in a class: a grade of more has several sections, each with its own teacher. */
    private static final int SECTION = 25;

    private final Draw draw;
    private final Map<String, List<List<String>>> rows = new LinkedHashMap<>();
    private int enrollment;

    private DistrictExport(long seed) {
        this.draw = new Draw(seed);
    }

    /** The export's files by name (CRLF line ends, as most SIS write them). */
    public static Map<String, byte[]> files(int students, long seed) {
        return new DistrictExport(seed).build(students);
    }

    /** The export as a zip (entries dated 2026-08-01, so the bytes depend on the seed only). */
    public static byte[] zip(int students, long seed) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> f : files(students, seed).entrySet()) {
                ZipEntry entry = new ZipEntry(f.getKey());
                entry.setTime(1785542400000L);
                zip.putNextEntry(entry);
                zip.write(f.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private Map<String, byte[]> build(int students) {
        row("orgs", "dist-1", "active", MODIFIED, "Demo District (synthetic)", "district", "demo-district", "");
        row("orgs", "org-demo", "active", MODIFIED, "Demo Elementary (synthetic)", "school", "demo", "dist-1");
        row("orgs", "org-hill", "active", MODIFIED, "Hill Middle (synthetic)", "school", "hill", "dist-1");
        row("academicSessions", "as-2026", "active", MODIFIED, "2026-27", "schoolYear", "2026-08-15", "2027-06-15",
                "", "2027");
        row("academicSessions", "as-2026-t1", "active", MODIFIED, "2026-27 Fall", "term", "2026-08-15", "2026-12-20",
                "as-2026", "2027");
        school("demo", "org-demo", 1, 5, students, 2);
        school("hill", "org-hill", 6, 8, Math.max(students / 2, 3), 1);
        // a math specialist who teaches in both schools (orgSourcedIds lists two orgs)
        String both = "t-both-1";
        user(both, "org-demo,org-hill", "teacher", "");
        for (String org : List.of("demo", "hill")) {
            String klass = "cls-" + org + "-math-lab";
            row("classes", klass, "active", MODIFIED, "Math lab", org.equals("demo") ? "04,05" : "06", "crs-" + org
                    + "-math-lab", "LAB", "scheduled", "Room 9", "org-" + org, "as-2026-t1", "Math");
            row("courses", "crs-" + org + "-math-lab", "active", MODIFIED, "as-2026", "Math lab", "LAB",
                    org.equals("demo") ? "04,05" : "06", "org-" + org, "Math");
            enroll(klass, "org-" + org, both, "teacher");
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("manifest.csv", csv(List.of("propertyName", "value"), manifest()));
        files.put("orgs.csv", csv(List.of("sourcedId", "status", "dateLastModified", "name", "type", "identifier",
                "parentSourcedId"), rows.get("orgs")));
        files.put("academicSessions.csv", csv(List.of("sourcedId", "status", "dateLastModified", "title", "type",
                "startDate", "endDate", "parentSourcedId", "schoolYear"), rows.get("academicSessions")));
        files.put("users.csv", csv(List.of("sourcedId", "status", "dateLastModified", "enabledUser", "orgSourcedIds",
                "role", "username", "userIds", "givenName", "familyName", "middleName", "identifier", "email", "sms",
                "phone", "agentSourcedIds", "grades", "password"), rows.get("users")));
        files.put("courses.csv", csv(List.of("sourcedId", "status", "dateLastModified", "schoolYearSourcedId",
                "title", "courseCode", "grades", "orgSourcedId", "subjects"), rows.get("courses")));
        files.put("classes.csv", csv(List.of("sourcedId", "status", "dateLastModified", "title", "grades",
                "courseSourcedId", "classCode", "classType", "location", "schoolSourcedId", "termSourcedIds",
                "subjects"), rows.get("classes")));
        files.put("enrollments.csv", csv(List.of("sourcedId", "status", "dateLastModified", "classSourcedId",
                "schoolSourcedId", "userSourcedId", "role", "primary", "beginDate", "endDate"),
                rows.get("enrollments")));
        files.put("demographics.csv", csv(List.of("sourcedId", "status", "dateLastModified", "birthDate", "sex"),
                rows.get("demographics")));
        return files;
    }

    private List<List<String>> manifest() {
        List<List<String>> m = new ArrayList<>();
        m.add(List.of("manifest.version", "1.0"));
        m.add(List.of("oneroster.version", "1.1"));
        for (String f : List.of("academicSessions", "categories", "classes", "classResources", "courses",
                "courseResources", "demographics", "enrollments", "lineItems", "orgs", "resources", "results",
                "users")) {
            boolean here = List.of("academicSessions", "classes", "courses", "demographics", "enrollments", "orgs",
                    "users").contains(f);
            m.add(List.of("file." + f, here ? "bulk" : "absent"));
        }
        m.add(List.of("source.systemName", "Regroup synthetic district"));
        m.add(List.of("source.systemCode", "regroup-demo"));
        return m;
    }

    /** One school: its students spread over the grades, a math and a reading teacher per grade, its aides. */
    private void school(String code, String org, int fromGrade, int toGrade, int students, int aides) {
        int grades = toGrade - fromGrade + 1;
        Map<Integer, List<String>> byGrade = new LinkedHashMap<>();
        for (int i = 1; i <= students; i++) {
            int grade = fromGrade + (i - 1) * grades / students;
            String id = String.format("s-%s-%04d", code, i);
            user(id, org, "student", String.format("%02d", grade));
            byGrade.computeIfAbsent(grade, g -> new ArrayList<>()).add(id);
            if (draw.chance(0.1)) {
                user("g-" + id, org, "guardian", ""); // a guardian: not imported
            }
            row("demographics", id, "active", MODIFIED, "2017-01-01", draw.chance(0.5) ? "female" : "male");
        }
        List<String> aideIds = new ArrayList<>();
        aides = Math.max(aides, aides * students / 60); // as many per student as in the 60-student school
        for (int a = 1; a <= aides; a++) {
            String id = String.format("a-%s-%02d", code, a);
            user(id, org, "aide", "");
            aideIds.add(id);
        }
        for (int grade = fromGrade; grade <= toGrade; grade++) {
            String g = String.format("%02d", grade);
            List<String> cohort = byGrade.getOrDefault(grade, List.of());
            int sections = Math.max(1, (cohort.size() + SECTION - 1) / SECTION);
            for (String subject : List.of("Math", "Reading")) {
                String s = subject.toLowerCase(java.util.Locale.ROOT);
                String course = "crs-" + code + "-" + s + "-" + g;
                row("courses", course, "active", MODIFIED, "as-2026", subject + " " + grade, s.toUpperCase(
                        java.util.Locale.ROOT) + g, g, org, subject.equals("Math") ? "Mathematics" : "Reading");
                for (int section = 1; section <= sections; section++) {
                    String suffix = section == 1 ? "" : "-" + section;
                    String teacher = String.format("t-%s-%s-%s", code, s, g) + suffix;
                    user(teacher, org, "teacher", "");
                    String klass = "cls-" + code + "-" + s + "-" + g + suffix;
                    // a class title with a comma, quoted in the CSV
                    row("classes", klass, "active", MODIFIED, subject + ", grade " + grade, g, course, s + "-" + g
                            + suffix, "scheduled", "Room " + (grade * 10 + s.length()), org, "as-2026-t1", "");
                    enroll(klass, org, teacher, "teacher");
                    if (subject.equals("Math") && !aideIds.isEmpty()) {
                        enroll(klass, org, aideIds.get((grade + section - 1) % aideIds.size()), "aide");
                    }
                    for (int i = section - 1; i < cohort.size(); i += sections) {
                        enroll(klass, org, cohort.get(i), "student");
                    }
                }
            }
        }
    }

    private void user(String id, String orgs, String role, String grades) {
        String given = draw.oneOf(Names.FIRST);
        String family = draw.oneOf(FAMILY);
        row("users", id, "active", MODIFIED, "true", orgs, role, id, "", given, family, "", id, "", "", "", "",
                grades, "");
    }

    private void enroll(String klass, String org, String user, String role) {
        row("enrollments", String.format("e-%05d", ++enrollment), "active", MODIFIED, klass, org, user, role,
                role.equals("teacher") ? "true" : "false", "2026-08-15", "2027-06-15");
    }

    private void row(String file, String... values) {
        rows.computeIfAbsent(file, f -> new ArrayList<>()).add(List.of(values));
    }

    private static byte[] csv(List<String> header, List<List<String>> records) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CSVPrinter printer = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8),
                CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get())) {
            for (List<String> r : records == null ? List.<List<String>>of() : records) {
                printer.printRecord(r);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
