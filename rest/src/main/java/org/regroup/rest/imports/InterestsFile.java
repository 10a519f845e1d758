package org.regroup.rest.imports;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.regroup.domain.DayProblem;
import org.regroup.domain.io.oneroster.CsvTable;
import org.regroup.domain.io.oneroster.Problems;

/**
 * {@code interests.csv} (docs/import.md): what each student is interested in, the words activities are tagged with.
 * The file is all of the school's interests: a student it does not list has none.
 */
final class InterestsFile {

    /** One student's interests. */
    record Likes(String studentId, List<String> interests) {
    }

    static final Set<String> COLUMNS = Set.of("student", "interests");
    private static final Set<String> REQUIRED = Collections.unmodifiableSet(new LinkedHashSet<>(
            List.of("student", "interests")));

    static final SetupImport.Section<Likes> SECTION = new SetupImport.Section<>() {
        @Override
        public List<SetupImport.Entry<Likes>> read(String file, byte[] bytes, Problems problems) {
            return InterestsFile.read(file, bytes, problems);
        }

        @Override
        public List<Likes> current(DayProblem standing) {
            return standing.students().stream().filter(s -> !s.interests().isEmpty())
                    .map(s -> new Likes(s.id(), s.interests())).toList();
        }

        @Override
        public String id(Likes likes) {
            return likes.studentId();
        }

        @Override
        public Likes kept(Likes had, Likes now) {
            return now;
        }

        @Override
        public List<String> fields(Likes a, Likes b) {
            return List.of("interests " + String.join(";", a.interests()) + " → " + String.join(";", b.interests()));
        }

        @Override
        public DayProblem with(DayProblem d, List<Likes> likes) {
            Map<String, List<String>> by = new HashMap<>();
            likes.forEach(l -> by.put(l.studentId(), l.interests()));
            return d.withStudents(d.students().stream().map(s -> {
                List<String> interests = by.getOrDefault(s.id(), List.of());
                return interests.equals(s.interests()) ? s : s.withInterests(interests);
            }).toList());
        }

        @Override
        public String jsonList() {
            return "students";
        }


        /** Students must be the school's; an interest no activity is tagged with is only a warning. */
        @Override
        public void check(DayProblem standing, List<SetupImport.Entry<Likes>> entries, String file,
                Problems problems) {
            FileFields.known(file, entries, Likes::studentId, "student", FileFields.studentIds(standing), "student",
                    problems);
            Set<String> tags = new HashSet<>();
            standing.activities().forEach(a -> tags.addAll(a.tags()));
            Set<String> said = new HashSet<>();
            for (SetupImport.Entry<Likes> e : entries) {
                for (String interest : e.record().interests()) {
                    if (!tags.contains(interest) && said.add(interest)) {
                        problems.warning(file, e.line(), "interests", e.record().studentId(), "no activity of the "
                                + "school is tagged '" + FileFields.clip(interest) + "' (yet): it matches nothing");
                    }
                }
            }
        }
    };

    private InterestsFile() {
    }

    static List<SetupImport.Entry<Likes>> read(String file, byte[] bytes, Problems problems) {
        CsvTable table = CsvTable.read(file, bytes, REQUIRED, COLUMNS, "columns an interests file does not define, "
                + "ignored: ", problems);
        if (!REQUIRED.stream().allMatch(table::hasColumn)) {
            return List.of();
        }
        List<SetupImport.Entry<Likes>> lines = new ArrayList<>();
        Map<String, Long> seen = new HashMap<>();
        for (CsvTable.Row row : table.rows()) {
            String id = FileFields.id(file, row, "student", "student", seen, problems);
            if (id == null) {
                continue;
            }
            List<String> interests = FileFields.list(row, "interests");
            if (interests.isEmpty()) {
                problems.warning(file, row.line(), "interests", id, "no interest given: the student has none");
                continue;
            }
            lines.add(new SetupImport.Entry<>(row.line(), new Likes(id, interests)));
        }
        return lines;
    }
}
