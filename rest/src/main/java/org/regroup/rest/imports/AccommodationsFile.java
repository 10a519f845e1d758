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
            FileFields.change(f, "minStaffLedBlocks", x.minStaffLedBlocks(), y.minStaffLedBlocks());
            FileFields.change(f, "oneToOneMinutes", x.oneToOneMinutes(), y.oneToOneMinutes());
            FileFields.change(f, "noOffSite", x.noOffSite(), y.noOffSite());
            FileFields.change(f, "quietSpace", x.quietSpace(), y.quietSpace());
            FileFields.change(f, "maxOnlineBlocks", x.maxOnlineBlocks(), y.maxOnlineBlocks());
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
                return s.withAccommodations(a);
            }).toList();
            return d.withStudents(students);
        }

        @Override
        public String jsonList() {
            return "students";
        }


        @Override
        public void check(DayProblem standing, List<SetupImport.Entry<Needs>> entries, String file,
                Problems problems) {
            FileFields.known(file, entries, Needs::studentId, "student", FileFields.studentIds(standing), "student",
                    problems);
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
            String id = FileFields.id(file, row, "student", "student", seen, problems);
            if (id == null) {
                continue;
            }
            int before = problems.errors().size();
            Integer staffLed = FileFields.count(file, row, "minStaffLedBlocks", id, 0, problems);
            Integer oneToOne = FileFields.count(file, row, "oneToOneMinutes", id, 0, problems);
            Integer online = FileFields.count(file, row, "maxOnlineBlocks", id, 0, problems);
            boolean noOffSite = FileFields.yes(file, row, "noOffSite", id, problems);
            boolean quiet = FileFields.yes(file, row, "quietSpace", id, problems);
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
}
