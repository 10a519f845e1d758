package org.regroup.rest.imports;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.regroup.domain.DayProblem;
import org.regroup.domain.Student;
import org.regroup.domain.io.oneroster.CsvTable;
import org.regroup.domain.io.oneroster.Problems;

/**
 * {@code keep-apart.csv} (docs/import.md): pairs of students who are never to share a group, one pair a record, in
 * either order. The file is all of the school's pairs: a pair it does not list is no longer kept apart. No reason is
 * read or kept — it is the school's to know, not the file's.
 */
final class KeepApartFile {

    /** A pair of students, the lesser id first. */
    record Pair(String first, String second) {

        static Pair of(String a, String b) {
            return a.compareTo(b) <= 0 ? new Pair(a, b) : new Pair(b, a);
        }

        String id() {
            return first + " + " + second;
        }
    }

    static final Set<String> COLUMNS = Set.of("student", "apartFrom");
    private static final Set<String> REQUIRED = Collections.unmodifiableSet(new LinkedHashSet<>(
            List.of("student", "apartFrom")));

    static final SetupImport.Section<Pair> SECTION = new SetupImport.Section<>() {
        @Override
        public List<SetupImport.Entry<Pair>> read(String file, byte[] bytes, Problems problems) {
            return KeepApartFile.read(file, bytes, problems);
        }

        /** Every pair the students name, whichever of the two names it. */
        @Override
        public List<Pair> current(DayProblem standing) {
            Set<Pair> pairs = new LinkedHashSet<>();
            for (Student s : standing.students()) {
                s.keepApart().forEach(other -> pairs.add(Pair.of(s.id(), other)));
            }
            return List.copyOf(pairs);
        }

        @Override
        public String id(Pair pair) {
            return pair.id();
        }

        @Override
        public Pair kept(Pair had, Pair now) {
            return now;
        }

        @Override
        public List<String> fields(Pair a, Pair b) {
            return List.of(); // a pair is there or not: nothing of it can change
        }

        /** Each student names everyone they are kept apart from, so the pair reads the same from both sides. */
        @Override
        public DayProblem with(DayProblem d, List<Pair> pairs) {
            Map<String, Set<String>> apart = new HashMap<>();
            for (Pair p : pairs) {
                apart.computeIfAbsent(p.first(), k -> new TreeSet<>()).add(p.second());
                apart.computeIfAbsent(p.second(), k -> new TreeSet<>()).add(p.first());
            }
            return d.withStudents(d.students().stream().map(s -> {
                List<String> others = List.copyOf(apart.getOrDefault(s.id(), Set.of()));
                return new TreeSet<>(s.keepApart()).equals(new TreeSet<>(others)) ? s : s.withKeepApart(others);
            }).toList());
        }

        @Override
        public String jsonList() {
            return "students";
        }

        /** The validator's {@code $.students[i]} is a student, not a pair: reported at its JSON path. */
        @Override
        public String idAt(DayProblem standing, int index) {
            return null;
        }

        @Override
        public void check(DayProblem standing, List<SetupImport.Entry<Pair>> entries, String file,
                Problems problems) {
            Set<String> students = FileFields.studentIds(standing);
            for (SetupImport.Entry<Pair> e : entries) {
                for (String id : List.of(e.record().first(), e.record().second())) {
                    if (!students.contains(id)) {
                        problems.error(file, e.line(), null, e.record().id(), "no student '" + id + "' in the school");
                    }
                }
            }
        }
    };

    private KeepApartFile() {
    }

    static List<SetupImport.Entry<Pair>> read(String file, byte[] bytes, Problems problems) {
        CsvTable table = CsvTable.read(file, bytes, REQUIRED, COLUMNS, "columns a keep-apart file does not define, "
                + "ignored: ", problems);
        if (!REQUIRED.stream().allMatch(table::hasColumn)) {
            return List.of();
        }
        List<SetupImport.Entry<Pair>> lines = new ArrayList<>();
        Map<Pair, Long> seen = new HashMap<>();
        for (CsvTable.Row row : table.rows()) {
            String a = row.get("student");
            String b = row.get("apartFrom");
            if (a == null || b == null) {
                problems.error(file, row.line(), a == null ? "student" : "apartFrom", a, "missing: a pair names two "
                        + "students");
                continue;
            }
            if (a.equals(b)) {
                problems.error(file, row.line(), "apartFrom", a, "a student cannot be kept apart from themselves");
                continue;
            }
            Pair pair = Pair.of(a, b);
            Long first = seen.putIfAbsent(pair, row.line());
            if (first != null) {
                problems.error(file, row.line(), "apartFrom", pair.id(), "the same pair is also on line " + first);
                continue;
            }
            lines.add(new SetupImport.Entry<>(row.line(), pair));
        }
        return lines;
    }
}
