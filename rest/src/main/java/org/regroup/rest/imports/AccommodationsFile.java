package org.regroup.rest.imports;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.regroup.domain.Accommodations;
import org.regroup.domain.DayProblem;
import org.regroup.domain.Student;
import org.regroup.domain.io.oneroster.CsvTable;
import org.regroup.domain.io.oneroster.Problems;

/**
 * {@code accommodations.csv} (docs/import.md): every student who has accommodations, one a record. A student the
 * file does not list has none: the file is all of the school's accommodations.
 */
final class AccommodationsFile {

    /** One student's accommodations. */
    record Needs(String studentId, Accommodations accommodations) {
    }

    static final Set<String> COLUMNS = Set.of("student", "minStaffLedBlocks", "oneToOneMinutes", "noOffSite",
            "quietSpace", "maxOnlineBlocks");
    private static final Set<String> REQUIRED = Collections.unmodifiableSet(new LinkedHashSet<>(List.of("student")));

    static final SetupImport.Section<Needs> SECTION = new SetupImport.Section<>() {
        @Override
        public List<SetupImport.Entry<Needs>> read(String file, byte[] bytes, Problems problems) {
            return AccommodationsFile.read(file, bytes, problems);
        }

        @Override
        public List<Needs> current(DayProblem standing) {
            return standing.students().stream().filter(s -> s.accommodations() != null && s.accommodations().any())
                    .map(s -> new Needs(s.id(), s.accommodations())).toList();
        }

        @Override
        public String id(Needs needs) {
            return needs.studentId();
        }

        @Override
        public Needs kept(Needs had, Needs now) {
            return now;
        }

        @Override
        public List<String> fields(Needs a, Needs b) {
            Accommodations x = a.accommodations();
            Accommodations y = b.accommodations();
            List<String> f = new ArrayList<>();
            SpacesFile.change(f, "minStaffLedBlocks", x.minStaffLedBlocks(), y.minStaffLedBlocks());
            SpacesFile.change(f, "oneToOneMinutes", x.oneToOneMinutes(), y.oneToOneMinutes());
            SpacesFile.change(f, "noOffSite", x.noOffSite(), y.noOffSite());
            SpacesFile.change(f, "quietSpace", x.quietSpace(), y.quietSpace());
            SpacesFile.change(f, "maxOnlineBlocks", x.maxOnlineBlocks(), y.maxOnlineBlocks());
            return f;
        }

        @Override
        public DayProblem with(DayProblem d, List<Needs> needs) {
            Map<String, Accommodations> by = new HashMap<>();
            needs.forEach(n -> by.put(n.studentId(), n.accommodations()));
            List<Student> students = d.students().stream().map(s -> {
                Accommodations a = by.get(s.id());
                if (a == null && (s.accommodations() == null || !s.accommodations().any())) {
                    return s; // had none, has none: left as it is
                }
                return new Student(s.id(), s.name(), s.grade(), s.advisorId(), s.mastery(), s.goals(), s.interests(),
                        s.prefersModalities(), s.avoidsModalities(), a, s.keepApart(), s.peers(), s.absent(),
                        s.presentBlocks(), s.commitments());
            }).toList();
            return new DayProblem(d.format(), d.version(), d.id(), d.date(), d.school(), d.blocks(), d.skills(),
                    d.prerequisites(), d.modalities(), d.activities(), d.staff(), d.spaces(), students, d.requests(),
                    d.weights());
        }

        @Override
        public String jsonList() {
            return "students";
        }

        @Override
        public String idAt(DayProblem standing, int index) {
            return index < standing.students().size() ? standing.students().get(index).id() : null;
        }

        @Override
        public void check(DayProblem standing, List<SetupImport.Entry<Needs>> entries, String file,
                Problems problems) {
            Set<String> students = new HashSet<>();
            standing.students().forEach(s -> students.add(s.id()));
            for (SetupImport.Entry<Needs> e : entries) {
                if (!students.contains(e.record().studentId())) {
                    problems.error(file, e.line(), "student", e.record().studentId(), "no student '"
                            + e.record().studentId() + "' in the school");
                }
            }
        }
    };

    private AccommodationsFile() {
    }

    static List<SetupImport.Entry<Needs>> read(String file, byte[] bytes, Problems problems) {
        CsvTable table = CsvTable.read(file, bytes, REQUIRED, COLUMNS, "columns an accommodations file does not "
                + "define, ignored: ", problems);
        if (!table.hasColumn("student")) {
            return List.of();
        }
        List<SetupImport.Entry<Needs>> lines = new ArrayList<>();
        Map<String, Long> seen = new HashMap<>();
        for (CsvTable.Row row : table.rows()) {
            String id = row.get("student");
            if (id == null) {
                problems.error(file, row.line(), "student", null, "missing: the student's id");
                continue;
            }
            Long first = seen.putIfAbsent(id, row.line());
            if (first != null) {
                problems.error(file, row.line(), "student", id, "student '" + id + "' is also on line " + first);
                continue;
            }
            int before = problems.errors().size();
            Integer staffLed = count(file, row, "minStaffLedBlocks", id, problems);
            Integer oneToOne = count(file, row, "oneToOneMinutes", id, problems);
            Integer online = count(file, row, "maxOnlineBlocks", id, problems);
            boolean noOffSite = yes(file, row, "noOffSite", id, problems);
            boolean quiet = yes(file, row, "quietSpace", id, problems);
            if (problems.errors().size() > before) {
                continue;
            }
            Accommodations a = new Accommodations(staffLed, oneToOne, noOffSite, quiet, online);
            if (!a.any()) {
                problems.warning(file, row.line(), null, id, "no accommodation given: the student has none");
                continue;
            }
            lines.add(new SetupImport.Entry<>(row.line(), new Needs(id, a)));
        }
        return lines;
    }

    private static Integer count(String file, CsvTable.Row row, String column, String id, Problems problems) {
        String text = row.get(column);
        if (text == null) {
            return null;
        }
        try {
            int n = Integer.parseInt(text);
            if (n >= 0 && n <= 100_000) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.error(file, row.line(), column, id, "'" + (text.length() > 40 ? text.substring(0, 40) + "…" : text)
                + "' is not a whole number of at least 0");
        return null;
    }

    /** A yes/no field: true/false, yes/no, 1/0, or empty (no). */
    private static boolean yes(String file, CsvTable.Row row, String column, String id, Problems problems) {
        String text = row.get(column);
        if (text == null) {
            return false;
        }
        switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1":
                return true;
            case "false", "no", "0":
                return false;
            default:
                problems.error(file, row.line(), column, id, "'" + (text.length() > 40 ? text.substring(0, 40) + "…"
                        : text) + "' is not true or false (yes/no, 1/0)");
                return false;
        }
    }
}
