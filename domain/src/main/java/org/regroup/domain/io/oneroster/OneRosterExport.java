package org.regroup.domain.io.oneroster;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.regroup.domain.io.oneroster.Manifest.Mode;

/**
 * The parts of a OneRoster 1.1 or 1.2 CSV export a school's day is planned from, read and checked: orgs, users (with
 * 1.2's roles), classes, courses, enrollments, and academic sessions (checked, not used). Every record keeps the line
 * it was read from, so what is wrong with it later can still say where.
 */
public record OneRosterExport(Manifest manifest, List<Org> orgs, List<User> users, List<RoleRow> roles,
        List<ClassRow> classes, List<Course> courses, List<Enrollment> enrollments, List<String> notRead,
        Map<String, Mode> modes) {

    /** An org: {@code type} school, district, department… */
    public record Org(CsvTable.Row row, String sourcedId, boolean deleted, String name, String type,
            String identifier) {
    }

    /** A user; in 1.1 with {@code role} and {@code orgSourcedIds}, in 1.2 those come from roles.csv. */
    public record User(CsvTable.Row row, String sourcedId, boolean deleted, String role, List<String> orgSourcedIds,
            String givenName, String familyName, String preferredGivenName, List<String> grades) {
    }

    /** 1.2: a user's role in an org. */
    public record RoleRow(CsvTable.Row row, String sourcedId, boolean deleted, String userSourcedId, String role,
            String orgSourcedId) {
    }

    public record ClassRow(CsvTable.Row row, String sourcedId, boolean deleted, String title, List<String> grades,
            String courseSourcedId, String schoolSourcedId, List<String> subjects) {
    }

    public record Course(CsvTable.Row row, String sourcedId, boolean deleted, String title, List<String> grades,
            List<String> subjects) {
    }

    public record Enrollment(CsvTable.Row row, String sourcedId, boolean deleted, String classSourcedId,
            String userSourcedId, String role) {
    }

    private static final Set<String> COMMON = Set.of("sourcedId", "status", "dateLastModified");
    private static final Set<String> ORGS = with("name", "type", "identifier", "parentSourcedId", "metadata");
    private static final Set<String> SESSIONS = with("title", "type", "startDate", "endDate", "parentSourcedId",
            "schoolYear");
    private static final Set<String> USERS = with("enabledUser", "orgSourcedIds", "role", "username", "userIds",
            "givenName", "familyName", "middleName", "identifier", "email", "sms", "phone", "agentSourcedIds",
            "grades", "password", "userMasterIdentifier", "resourceSourcedIds", "preferredGivenName",
            "preferredMiddleName", "preferredFamilyName", "primaryOrgSourcedId", "pronouns", "metadata");
    private static final Set<String> ROLES = with("userSourcedId", "roleType", "role", "beginDate", "endDate",
            "orgSourcedId", "userProfileSourcedId");
    private static final Set<String> CLASSES = with("title", "grades", "grade", "courseSourcedId", "classCode",
            "classType", "location", "schoolSourcedId", "termSourcedIds", "subjects", "subjectCodes", "periods",
            "resourceSourcedIds", "metadata");
    private static final Set<String> COURSES = with("schoolYearSourcedId", "title", "courseCode", "grades",
            "orgSourcedId", "subjects", "subjectCodes", "resourceSourcedIds", "metadata");
    private static final Set<String> ENROLLMENTS = with("classSourcedId", "schoolSourcedId", "userSourcedId", "role",
            "primary", "beginDate", "endDate", "metadata");

    /** Files of OneRoster a day is not planned from, and why they are left alone. */
    public static final Map<String, String> IGNORED = Map.of(
            "demographics.csv", "not needed to plan a day (birth dates, sex, ethnicity): not imported",
            "userprofiles.csv", "credentials for other applications: not imported",
            "lineitems.csv", "gradebook: not imported here",
            "results.csv", "gradebook: not imported here",
            "categories.csv", "gradebook: not imported here",
            "resources.csv", "learning resources: not imported",
            "classresources.csv", "learning resources: not imported",
            "courseresources.csv", "learning resources: not imported");

    private static Set<String> with(String... columns) {
        Set<String> all = new java.util.HashSet<>(COMMON);
        all.addAll(List.of(columns));
        return Set.copyOf(all);
    }

    /** Reads and checks the export; errors and warnings go to {@code problems}. Null only without a manifest. */
    public static OneRosterExport read(ExportFiles files, Problems problems) {
        Manifest manifest = Manifest.read(files, problems);
        if (manifest == null || manifest.version() == null || problems.hasErrors()) {
            return null;
        }
        boolean v12 = manifest.v12();
        Reader r = new Reader(files, manifest, problems);
        List<Org> orgs = r.table("orgs", Set.of("sourcedId", "name", "type"), ORGS).stream()
                .map(row -> new Org(row, row.get("sourcedId"), r.deleted(row), row.get("name"), lower(row.get("type")),
                        row.get("identifier")))
                .toList();
        r.table("academicSessions", Set.of("sourcedId"), SESSIONS); // checked (ids, columns); a day is one date
        List<User> users = r.table("users", v12 ? Set.of("sourcedId", "givenName", "familyName")
                : Set.of("sourcedId", "role", "orgSourcedIds", "givenName", "familyName"), USERS).stream()
                .map(row -> new User(row, row.get("sourcedId"), r.deleted(row), lower(row.get("role")),
                        row.list("orgSourcedIds"), row.get("givenName"), row.get("familyName"),
                        row.get("preferredGivenName"), row.list("grades")))
                .toList();
        List<RoleRow> roles = !v12 ? List.of() : r.table("roles", Set.of("sourcedId", "userSourcedId", "role",
                "orgSourcedId"), ROLES).stream()
                .map(row -> new RoleRow(row, row.get("sourcedId"), r.deleted(row), row.get("userSourcedId"),
                        lower(row.get("role")), row.get("orgSourcedId")))
                .toList();
        List<ClassRow> classes = r.table("classes", Set.of("sourcedId", "schoolSourcedId"), CLASSES).stream()
                .map(row -> new ClassRow(row, row.get("sourcedId"), r.deleted(row), row.get("title"),
                        row.values().containsKey("grades") ? row.list("grades") : row.list("grade"),
                        row.get("courseSourcedId"), row.get("schoolSourcedId"), row.list("subjects")))
                .toList();
        List<Course> courses = r.table("courses", Set.of("sourcedId"), COURSES).stream()
                .map(row -> new Course(row, row.get("sourcedId"), r.deleted(row), row.get("title"),
                        row.list("grades"), row.list("subjects")))
                .toList();
        List<Enrollment> enrollments = r.table("enrollments", Set.of("sourcedId", "classSourcedId", "userSourcedId",
                "role"), ENROLLMENTS).stream()
                .map(row -> new Enrollment(row, row.get("sourcedId"), r.deleted(row), row.get("classSourcedId"),
                        row.get("userSourcedId"), lower(row.get("role"))))
                .toList();
        List<String> notRead = files.names().stream().filter(IGNORED::containsKey).toList();
        return new OneRosterExport(manifest, orgs, users, roles, classes, courses, enrollments, notRead, Map.copyOf(r.modes));
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    /** Reads one file as the manifest says, checking what every file shares: ids, duplicates, status. */
    private static final class Reader {
        private final ExportFiles files;
        private final Manifest manifest;
        private final Problems problems;
        /** How each file read was held: the manifest's word, bulk for a file it does not list. */
        private final Map<String, Mode> modes = new HashMap<>();

        Reader(ExportFiles files, Manifest manifest, Problems problems) {
            this.files = files;
            this.manifest = manifest;
            this.problems = problems;
        }

        List<CsvTable.Row> table(String kind, Set<String> required, Set<String> known) {
            String file = kind + ".csv";
            String key = kind.toLowerCase(Locale.ROOT);
            byte[] bytes = files.get(file);
            Mode mode = manifest.mode(key);
            modes.put(key, bytes == null ? Mode.ABSENT : mode == Mode.ABSENT && !manifest.files().containsKey(key)
                    ? Mode.BULK : mode);
            if (bytes == null) {
                if (mode != Mode.ABSENT) {
                    problems.error(Manifest.FILE, null, null, null, "the manifest says file." + kind + " is "
                            + mode.wire() + " but the export has no " + file);
                }
                return List.of();
            }
            if (mode == Mode.ABSENT) {
                if (manifest.files().containsKey(key)) {
                    problems.warning(file, null, null, null, "the manifest says file." + kind + " is absent: the "
                            + "file is not read");
                    return List.of();
                }
                problems.warning(file, null, null, null, "the manifest does not list file." + kind + ": read as "
                        + "bulk");
            }
            CsvTable table = CsvTable.read(file, bytes, required, known, problems);
            Map<String, Long> seen = new HashMap<>();
            List<CsvTable.Row> rows = new ArrayList<>();
            for (CsvTable.Row row : table.rows()) {
                String id = row.get("sourcedId");
                if (id == null) {
                    if (required.contains("sourcedId") && table.hasColumn("sourcedId")) {
                        problems.error(file, row.line(), "sourcedId", null, "the record has no sourcedId");
                    }
                    continue;
                }
                Long first = seen.putIfAbsent(id, row.line());
                if (first != null) {
                    problems.error(file, row.line(), "sourcedId", id, "sourcedId " + id + " is also on line "
                            + first + "; each record has its own");
                    continue;
                }
                String status = row.get("status");
                if (status != null && !status.equalsIgnoreCase("active") && !status.equalsIgnoreCase("tobedeleted")
                        && !status.equalsIgnoreCase("inactive")) {
                    problems.error(file, row.line(), "status", id, "status must be active or tobedeleted, was '"
                            + status + "'");
                }
                rows.add(row);
            }
            return rows;
        }

        /** To be deleted; or OneRoster 1.0's "inactive", which exports still write: not there either way. */
        boolean deleted(CsvTable.Row row) {
            return "tobedeleted".equalsIgnoreCase(row.get("status")) || "inactive".equalsIgnoreCase(row.get("status"));
        }
    }

    /** How the export holds {@code kind} ({@code users}…): absent when it has no such file. */
    public Mode mode(String kind) {
        return modes.getOrDefault(kind.toLowerCase(Locale.ROOT), Mode.ABSENT);
    }
}
