package org.regroup.rest.imports;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.regroup.domain.DayProblem;
import org.regroup.domain.Goal;
import org.regroup.domain.Skill;
import org.regroup.domain.Student;
import org.regroup.domain.io.oneroster.CsvTable;
import org.regroup.domain.io.oneroster.Problems;

/**
 * {@code goals.csv} (docs/import.md): the students' standing goals, one goal a record (a student with several has
 * several records). The file is all of the school's standing goals: a student it does not list has none. Goals a
 * student and their advisor set in Regroup ({@code PUT …/students/{id}/goals}) come before these, as always.
 */
final class GoalsFile {

    /** One student's goals, and the line each came from (not part of what is compared). */
    record Aims(String studentId, List<Goal> goals, List<Long> lines) {

        @Override
        public boolean equals(Object o) {
            return o instanceof Aims a && a.studentId.equals(studentId) && a.goals.equals(goals);
        }

        @Override
        public int hashCode() {
            return Objects.hash(studentId, goals);
        }
    }

    static final Set<String> COLUMNS = Set.of("student", "skill", "strand", "priority");
    private static final Set<String> REQUIRED = Collections.unmodifiableSet(new LinkedHashSet<>(List.of("student")));

    static final SetupImport.Section<Aims> SECTION = new SetupImport.Section<>() {
        @Override
        public List<SetupImport.Entry<Aims>> read(String file, byte[] bytes, Problems problems) {
            return GoalsFile.read(file, bytes, problems);
        }

        @Override
        public List<Aims> current(DayProblem standing) {
            return standing.students().stream().filter(s -> !s.goals().isEmpty())
                    .map(s -> new Aims(s.id(), s.goals(), List.of())).toList();
        }

        @Override
        public String id(Aims aims) {
            return aims.studentId();
        }

        @Override
        public Aims kept(Aims had, Aims now) {
            return now;
        }

        @Override
        public List<String> fields(Aims a, Aims b) {
            return List.of("goals " + words(a.goals()) + " → " + words(b.goals()));
        }

        @Override
        public DayProblem with(DayProblem d, List<Aims> aims) {
            Map<String, List<Goal>> by = new HashMap<>();
            aims.forEach(a -> by.put(a.studentId(), a.goals()));
            return d.withStudents(d.students().stream().map(s -> {
                List<Goal> goals = by.getOrDefault(s.id(), List.of());
                return goals.equals(s.goals()) ? s : s.withGoals(goals);
            }).toList());
        }

        @Override
        public String jsonList() {
            return "students";
        }


        @Override
        public String column(String field) {
            return field.equals("goals") ? "skill" : field;
        }

        /** Each goal's skill or strand is the school's, checked at the goal's own line. */
        @Override
        public void check(DayProblem standing, List<SetupImport.Entry<Aims>> entries, String file,
                Problems problems) {
            FileFields.known(file, entries, Aims::studentId, "student", FileFields.studentIds(standing), "student",
                    problems);
            Set<String> skills = standing.skills().stream().map(Skill::id).collect(Collectors.toSet());
            for (SetupImport.Entry<Aims> e : entries) {
                Aims a = e.record();
                for (int i = 0; i < a.goals().size(); i++) {
                    Goal g = a.goals().get(i);
                    if (g.skill() != null && !skills.contains(g.skill())) {
                        problems.error(file, a.lines().get(i), "skill", a.studentId(), "no skill '" + g.skill()
                                + "' in the school's skill map");
                    } else if (g.strand() != null && standing.skills().stream().noneMatch(g::matches)) {
                        problems.error(file, a.lines().get(i), "strand", a.studentId(), "no skill of the school is "
                                + "in strand '" + g.strand() + "'");
                    }
                }
            }
        }
    };

    private GoalsFile() {
    }

    private static String words(List<Goal> goals) {
        return goals.isEmpty() ? "none" : goals.stream().map(g -> (g.skill() != null ? g.skill() : "strand "
                + g.strand()) + (g.priority() == null ? "" : " (priority " + g.priority() + ")"))
                .collect(Collectors.joining("; "));
    }

    /** One entry per student, at the line of their first goal; each record's faults at its own line. */
    static List<SetupImport.Entry<Aims>> read(String file, byte[] bytes, Problems problems) {
        CsvTable table = CsvTable.read(file, bytes, REQUIRED, COLUMNS, "columns a goals file does not define, "
                + "ignored: ", problems);
        if (!table.hasColumn("student")) {
            return List.of();
        }
        if (!table.hasColumn("skill") && !table.hasColumn("strand")) {
            problems.error(file, 1L, "skill", null, "missing column: a goal names a skill (column skill) or a strand "
                    + "(column strand)");
            return List.of();
        }
        Map<String, List<Goal>> goals = new LinkedHashMap<>();
        Map<String, List<Long>> lines = new HashMap<>();
        Map<String, Long> seen = new HashMap<>();
        for (CsvTable.Row row : table.rows()) {
            String id = row.get("student");
            if (id == null) {
                problems.error(file, row.line(), "student", null, "missing: the student's id");
                continue;
            }
            String skill = row.get("skill");
            String strand = row.get("strand");
            if ((skill == null) == (strand == null)) {
                problems.error(file, row.line(), skill == null ? "skill" : "strand", id, "a goal names either a "
                        + "skill or a strand" + (skill == null ? "" : ", not both"));
                continue;
            }
            Integer priority = FileFields.count(file, row, "priority", id, 1, problems);
            if (priority == null && row.get("priority") != null) {
                continue;
            }
            Goal goal = new Goal(skill, strand, priority);
            Long first = seen.putIfAbsent(id + "\u001f" + (skill != null ? "skill " + skill : "strand " + strand),
                    row.line());
            if (first != null) {
                problems.error(file, row.line(), skill != null ? "skill" : "strand", id, "the same goal is also on "
                        + "line " + first);
                continue;
            }
            goals.computeIfAbsent(id, k -> new ArrayList<>()).add(goal);
            lines.computeIfAbsent(id, k -> new ArrayList<>()).add(row.line());
        }
        List<SetupImport.Entry<Aims>> entries = new ArrayList<>();
        goals.forEach((id, g) -> entries.add(new SetupImport.Entry<>(lines.get(id).get(0),
                new Aims(id, List.copyOf(g), List.copyOf(lines.get(id))))));
        return entries;
    }
}
