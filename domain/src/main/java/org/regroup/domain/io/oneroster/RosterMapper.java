package org.regroup.domain.io.oneroster;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.regroup.domain.Qualification;
import org.regroup.domain.StaffRole;
import org.regroup.domain.io.Limits;
import org.regroup.domain.io.oneroster.Manifest.Mode;
import org.regroup.domain.io.oneroster.OneRosterExport.ClassRow;
import org.regroup.domain.io.oneroster.OneRosterExport.Course;
import org.regroup.domain.io.oneroster.OneRosterExport.Enrollment;
import org.regroup.domain.io.oneroster.OneRosterExport.Org;
import org.regroup.domain.io.oneroster.OneRosterExport.User;
import org.regroup.domain.roster.ImportedRoster;

/**
 * One school's people out of a OneRoster export: the users of its org whose role is student (with their grade),
 * teacher or aide (with their name), each under their {@code sourcedId}; and from the classes of that school the
 * teachers and aides are enrolled in, the qualifications those suggest (the class's or its course's subject, over its
 * grades). Users of other orgs, other roles (parents, administrators…) and records to be deleted are left out.
 */
public final class RosterMapper {

    /** The school org imported, and its people. */
    public record Mapped(Org org, ImportedRoster roster) {
    }

    /** What an id in an address may hold: no separators of paths or of the command line's lists. */
    private static final java.util.regex.Pattern ADDRESSABLE = java.util.regex.Pattern.compile("[^/\\\\\\s\\p{Cntrl}]+");

    private final OneRosterExport export;
    private final Problems problems;

    private RosterMapper(OneRosterExport export, Problems problems) {
        this.export = export;
        this.problems = problems;
    }

    /**
     * @param orgKey   the school org: its sourcedId or identifier
     * @param explicit whether the caller named the org (else the only school org of the export will do)
     */
    public static Mapped map(OneRosterExport export, String orgKey, boolean explicit, Problems problems) {
        return new RosterMapper(export, problems).map(orgKey, explicit);
    }

    /** A display name: the (preferred) given name and the family name's initial, "Ana M."; null when neither. */
    static String displayName(User u) {
        String given = u.preferredGivenName() != null ? u.preferredGivenName() : u.givenName();
        String family = u.familyName();
        String initial = family == null ? "" : new String(Character.toChars(family.codePointAt(0))) + ".";
        String name = ((given == null ? "" : given) + " " + initial).strip();
        return name.isEmpty() ? null : name;
    }

    private Mapped map(String orgKey, boolean explicit) {
        Org org = org(orgKey, explicit);
        if (org == null) {
            return null;
        }
        String orgId = org.sourcedId();
        Map<String, ClassRow> classes = new HashMap<>();
        export.classes().forEach(c -> classes.put(c.sourcedId(), c));
        Map<String, Course> courses = new HashMap<>();
        export.courses().forEach(c -> courses.put(c.sourcedId(), c));
        Map<String, String> roles = roles(orgId);

        Mode usersMode = export.mode("users");
        ImportedRoster.Mode mode = switch (usersMode) {
            case BULK -> ImportedRoster.Mode.ALL;
            case DELTA -> ImportedRoster.Mode.CHANGES;
            case ABSENT -> ImportedRoster.Mode.NONE;
        };
        Map<String, User> users = new HashMap<>();
        export.users().forEach(u -> users.put(u.sourcedId(), u));
        Map<String, List<Enrollment>> enrollmentsOf = new HashMap<>();
        for (Enrollment e : export.enrollments()) {
            if (!e.deleted()) {
                enrollmentsOf.computeIfAbsent(e.userSourcedId(), k -> new ArrayList<>()).add(e);
            }
            if (e.userSourcedId() != null && usersMode == Mode.BULK && !users.containsKey(e.userSourcedId())) {
                problems.warning(e.row().file(), e.row().line(), "userSourcedId", e.sourcedId(), "no user "
                        + e.userSourcedId() + " in users.csv: the enrollment is ignored");
            }
        }

        List<ImportedRoster.ImportedStudent> students = new ArrayList<>();
        List<ImportedRoster.ImportedStaff> staff = new ArrayList<>();
        Set<String> removed = new TreeSet<>();
        for (User u : export.users()) {
            String role = export.manifest().v12() ? roles.get(u.sourcedId())
                    : u.orgSourcedIds().contains(orgId) ? u.role() : null;
            if (!u.deleted() && role == null && export.manifest().v12() && export.mode("roles") == Mode.DELTA) {
                problems.warning(u.row().file(), u.row().line(), null, u.sourcedId(), "this delta has no role for "
                        + "the user: left as they are");
                continue;
            }
            if (u.deleted() || role == null) {
                removed.add(u.sourcedId()); // to be deleted, or no longer of this school: gone if they were here
                continue;
            }
            if (!role.equals("student") && !role.equals("teacher") && !role.equals("aide")) {
                removed.add(u.sourcedId());
                continue;
            }
            if (u.sourcedId().length() > Limits.STUDENT_ID) {
                problems.error(u.row().file(), u.row().line(), "sourcedId", clip(u.sourcedId()), "a sourcedId "
                        + "becomes the person's id here, which is at most " + Limits.STUDENT_ID + " characters");
                continue;
            }
            if (!ADDRESSABLE.matcher(u.sourcedId()).matches()) {
                problems.error(u.row().file(), u.row().line(), "sourcedId", clip(u.sourcedId()), "a sourcedId "
                        + "becomes the person's id in addresses (…/students/{id}): no '/', '\\', spaces or control "
                        + "characters");
                continue;
            }
            if (role.equals("student")) {
                Integer grade = grade(u, enrollmentsOf.getOrDefault(u.sourcedId(), List.of()), classes, orgId);
                if (grade != null) {
                    students.add(new ImportedRoster.ImportedStudent(u.sourcedId(), displayName(u), grade));
                } else {
                    removed.add(u.sourcedId());
                }
            } else {
                staff.add(new ImportedRoster.ImportedStaff(u.sourcedId(), displayName(u),
                        role.equals("teacher") ? StaffRole.TEACHER : StaffRole.AIDE));
            }
        }
        Set<String> adults = new HashSet<>();
        staff.forEach(s -> adults.add(s.id()));
        List<ImportedRoster.Suggestion> suggestions = suggestions(adults, classes, courses, orgId);
        if (mode != ImportedRoster.Mode.CHANGES) {
            removed.clear();
        }
        return new Mapped(org, new ImportedRoster(mode, students, staff, removed, suggestions));
    }

    /** The school org: by sourcedId, else by identifier, else (when not named) the export's only school. */
    private Org org(String key, boolean explicit) {
        List<Org> schools = export.orgs().stream().filter(o -> !o.deleted() && "school".equals(o.type())).toList();
        if (export.mode("orgs") == Mode.ABSENT) {
            if (!explicit) {
                problems.error("orgs.csv", null, null, null, "the export has no orgs.csv to find school " + key
                        + " in: name the school's org sourcedId (--org / ?org=)");
                return null;
            }
            problems.warning("orgs.csv", null, null, null, "the export has no orgs.csv: the school org is taken to "
                    + "be the one with sourcedId " + key);
            return new Org(new CsvTable.Row("orgs.csv", 0, Map.of()), key, false, null, "school", null);
        }
        for (Org o : schools) {
            if (o.sourcedId().equals(key)) {
                return o;
            }
        }
        List<Org> byIdentifier = schools.stream().filter(o -> key.equals(o.identifier())).toList();
        if (byIdentifier.size() == 1) {
            return byIdentifier.get(0);
        }
        if (!explicit && schools.size() == 1) {
            problems.warning("orgs.csv", schools.get(0).row().line(), "sourcedId", schools.get(0).sourcedId(),
                    "no school org is " + key + "; the export's only school is imported");
            return schools.get(0);
        }
        StringBuilder listed = new StringBuilder();
        schools.forEach(o -> listed.append(listed.isEmpty() ? "" : ", ").append(o.sourcedId())
                .append(o.identifier() == null ? "" : " (identifier " + o.identifier() + ")"));
        problems.error("orgs.csv", null, null, null, "no org of type school has sourcedId or identifier '" + key
                + "'" + (schools.isEmpty() ? "; the export has no school org" : "; its schools are " + listed)
                + (explicit ? "" : " (name one with --org / ?org=)"));
        return null;
    }

    /** 1.2: each user's role in the org (student first, then teacher, then aide, then any other). */
    private Map<String, String> roles(String orgId) {
        Map<String, String> roles = new LinkedHashMap<>();
        if (!export.manifest().v12()) {
            return roles;
        }
        if (export.mode("roles") == Mode.ABSENT && export.mode("users") != Mode.ABSENT) {
            problems.error("roles.csv", null, null, null, "a OneRoster 1.2 export with users.csv needs roles.csv: it "
                    + "says who is a student, teacher or aide of which org");
        }
        Set<String> known = new HashSet<>();
        export.users().forEach(u -> known.add(u.sourcedId()));
        for (OneRosterExport.RoleRow r : export.roles()) {
            if (r.userSourcedId() != null && !known.contains(r.userSourcedId())
                    && export.mode("users") == Mode.BULK) {
                problems.warning(r.row().file(), r.row().line(), "userSourcedId", r.sourcedId(), "no user "
                        + r.userSourcedId() + " in users.csv: the role is ignored");
            }
            if (r.deleted() || !orgId.equals(r.orgSourcedId()) || r.role() == null) {
                continue;
            }
            roles.merge(r.userSourcedId(), r.role(), (a, b) -> rank(a) <= rank(b) ? a : b);
        }
        return roles;
    }

    private static int rank(String role) {
        return switch (role) {
            case "student" -> 0;
            case "teacher" -> 1;
            case "aide" -> 2;
            default -> 3;
        };
    }

    /** The student's grade: their own (users.csv grades), else the one grade all their classes here share. */
    private Integer grade(User u, List<Enrollment> enrollments, Map<String, ClassRow> classes, String orgId) {
        CsvTable.Row row = u.row();
        if (!u.grades().isEmpty()) {
            Set<Integer> levels = new TreeSet<>();
            boolean notPlanned = false;
            for (String code : u.grades()) {
                GradeCodes.Grade g = GradeCodes.parse(code);
                if (!g.valid()) {
                    problems.error(row.file(), row.line(), "grades", u.sourcedId(), "'" + clip(code) + "' is not a "
                            + "OneRoster grade (KG, 01 to 13, or PK, TK, IT, PR, PS, UG, Other)");
                    return null;
                }
                notPlanned |= g.notPlanned();
                if (g.level() != null) {
                    levels.add(g.level());
                }
            }
            if (levels.isEmpty() && notPlanned) {
                problems.warning(row.file(), row.line(), "grades", u.sourcedId(), "grade " + String.join(",",
                        u.grades()) + " is not a K-12 grade planned here: the student is not imported");
                return null;
            }
            if (levels.size() > 1) {
                problems.warning(row.file(), row.line(), "grades", u.sourcedId(), "several grades (" + String.join(",",
                        u.grades()) + "): the lowest, " + levels.iterator().next() + ", is taken");
            }
            return levels.iterator().next();
        }
        Set<Integer> fromClasses = new TreeSet<>();
        for (Enrollment e : enrollments) {
            ClassRow c = classes.get(e.classSourcedId());
            if (c != null && orgId.equals(c.schoolSourcedId())) {
                c.grades().stream().map(GradeCodes::parse).filter(g -> g.level() != null)
                        .forEach(g -> fromClasses.add(g.level()));
            }
        }
        if (fromClasses.size() == 1) {
            return fromClasses.iterator().next();
        }
        problems.error(row.file(), row.line(), "grades", u.sourcedId(), "the student has no grade (and their "
                + "classes do not agree on one): give one, such as 03 or KG");
        return null;
    }

    /** Per adult and strand, the grades of the classes of this school they teach or assist. */
    private List<ImportedRoster.Suggestion> suggestions(Set<String> adults, Map<String, ClassRow> classes,
            Map<String, Course> courses, String orgId) {
        Map<String, Integer[]> ranges = new LinkedHashMap<>();
        Map<String, Set<String>> from = new LinkedHashMap<>();
        for (Enrollment e : export.enrollments()) {
            if (e.deleted() || !adults.contains(e.userSourcedId()) || e.classSourcedId() == null) {
                continue;
            }
            ClassRow c = classes.get(e.classSourcedId());
            if (c == null) {
                problems.warning(e.row().file(), e.row().line(), "classSourcedId", e.sourcedId(), "no class "
                        + e.classSourcedId() + " in classes.csv: the enrollment suggests nothing");
                continue;
            }
            if (c.deleted() || !orgId.equals(c.schoolSourcedId())) {
                continue;
            }
            Course course = c.courseSourcedId() == null ? null : courses.get(c.courseSourcedId());
            List<String> subjects = !c.subjects().isEmpty() ? c.subjects()
                    : course != null ? course.subjects() : List.of();
            List<String> grades = !c.grades().isEmpty() ? c.grades() : course != null ? course.grades() : List.of();
            if (subjects.isEmpty()) {
                continue; // no subject: nothing to suggest (a homeroom, say)
            }
            Integer min = null;
            Integer max = null;
            for (String code : grades) {
                Integer level = GradeCodes.parse(code).level();
                if (level != null) {
                    min = min == null ? level : Math.min(min, level);
                    max = max == null ? level : Math.max(max, level);
                }
            }
            for (String strand : new TreeSet<>(subjects.stream().map(RosterMapper::strand).toList())) {
                String key = e.userSourcedId() + "\u0000" + strand;
                Integer[] range = ranges.get(key);
                if (range == null) {
                    ranges.put(key, new Integer[] {min, max});
                } else {
                    range[0] = range[0] == null || min == null ? null : Math.min(range[0], min);
                    range[1] = range[1] == null || max == null ? null : Math.max(range[1], max);
                }
                from.computeIfAbsent(key, k -> new TreeSet<>()).add(c.sourcedId());
            }
        }
        List<ImportedRoster.Suggestion> suggestions = new ArrayList<>();
        ranges.forEach((key, range) -> {
            String[] parts = key.split("\u0000", 2);
            suggestions.add(new ImportedRoster.Suggestion(parts[0], new Qualification(parts[1], range[0], range[1]),
                    List.copyOf(from.get(key))));
        });
        return suggestions;
    }

    /**
     * A subject as a skill strand: any kind of mathematics is {@code math} (the strand of the bundled skill graph);
     * English, reading and ELA are {@code ela}; others in lower case with dashes ("Social Studies" → social-studies).
     */
    public static String strand(String subject) {
        String s = subject.strip().toLowerCase(java.util.Locale.ROOT);
        if (s.contains("math") || s.equals("algebra") || s.equals("geometry")) {
            return "math";
        }
        if (s.equals("ela") || s.contains("english") || s.contains("reading") || s.contains("language arts")) {
            return "ela";
        }
        return s.replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    private static String clip(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }
}
