package org.regroup.rest.imports;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.regroup.domain.DayProblem;
import org.regroup.domain.Qualification;
import org.regroup.domain.Staff;
import org.regroup.domain.io.oneroster.CsvTable;
import org.regroup.domain.io.oneroster.Problems;

/**
 * {@code qualifications.csv} (docs/import.md): what each adult may lead, one qualification a record (an adult with
 * several has several records). The file is all of the school's qualifications: an adult it does not list has none.
 */
final class QualificationsFile {

    /** One adult's qualifications. */
    record Held(String staffId, List<Qualification> qualifications) {
    }

    static final Set<String> COLUMNS = Set.of("staff", "strand", "minGrade", "maxGrade");
    private static final Set<String> REQUIRED = Collections.unmodifiableSet(new LinkedHashSet<>(
            List.of("staff", "strand")));

    static final SetupImport.Section<Held> SECTION = new SetupImport.Section<>() {
        @Override
        public List<SetupImport.Entry<Held>> read(String file, byte[] bytes, Problems problems) {
            return QualificationsFile.read(file, bytes, problems);
        }

        @Override
        public List<Held> current(DayProblem standing) {
            return standing.staff().stream().filter(s -> s.qualifications() != null && !s.qualifications().isEmpty())
                    .map(s -> new Held(s.id(), s.qualifications())).toList();
        }

        @Override
        public String id(Held held) {
            return held.staffId();
        }

        @Override
        public Held kept(Held had, Held now) {
            return now;
        }

        @Override
        public List<String> fields(Held a, Held b) {
            return List.of("qualifications " + words(a.qualifications()) + " → " + words(b.qualifications()));
        }

        @Override
        public DayProblem with(DayProblem d, List<Held> held) {
            Map<String, List<Qualification>> by = new HashMap<>();
            held.forEach(h -> by.put(h.staffId(), h.qualifications()));
            List<Staff> staff = d.staff().stream().map(s -> {
                List<Qualification> q = by.getOrDefault(s.id(), List.of());
                if (q.equals(s.qualifications() == null ? List.of() : s.qualifications())) {
                    return s;
                }
                return s.withQualifications(q);
            }).toList();
            return d.withStaff(staff);
        }

        @Override
        public String jsonList() {
            return "staff";
        }


        @Override
        public String column(String field) {
            return field.equals("qualifications") ? "strand" : field;
        }

        @Override
        public void check(DayProblem standing, List<SetupImport.Entry<Held>> entries, String file,
                Problems problems) {
            FileFields.known(file, entries, Held::staffId, "staff", FileFields.staffIds(standing), "staff member",
                    problems);
            Set<String> strands = new HashSet<>();
            standing.skills().forEach(s -> strands.add(s.strand()));
            for (SetupImport.Entry<Held> e : entries) {
                for (Qualification q : e.record().qualifications()) {
                    if (strands.stream().noneMatch(s -> s.equals(q.strand()) || s.startsWith(q.strand() + "/"))) {
                        problems.error(file, e.line(), "strand", e.record().staffId(), "no skill of the school is in "
                                + "strand '" + q.strand() + "'");
                    }
                }
            }
        }
    };

    private QualificationsFile() {
    }

    private static String words(List<Qualification> qs) {
        return qs.isEmpty() ? "none" : String.join("; ", qs.stream().map(q -> q.strand() + " " + FileFields.gradeWord(q.minGrade())
                + "–" + FileFields.gradeWord(q.maxGrade())).toList());
    }

    /** One entry per adult, at the line of their first record; each record's faults at its own line. */
    static List<SetupImport.Entry<Held>> read(String file, byte[] bytes, Problems problems) {
        CsvTable table = CsvTable.read(file, bytes, REQUIRED, COLUMNS, "columns a qualifications file does not "
                + "define, ignored: ", problems);
        if (!REQUIRED.stream().allMatch(table::hasColumn)) {
            return List.of();
        }
        Map<String, Long> firstLine = new LinkedHashMap<>();
        Map<String, List<Qualification>> held = new LinkedHashMap<>();
        Map<String, Long> seen = new HashMap<>();
        for (CsvTable.Row row : table.rows()) {
            String id = row.get("staff");
            if (id == null) {
                problems.error(file, row.line(), "staff", null, "missing: the adult's id");
                continue;
            }
            String strand = row.get("strand");
            if (strand == null) {
                problems.error(file, row.line(), "strand", id, "missing: the strand of skills they may lead (math)");
                continue;
            }
            strand = strand.toLowerCase(Locale.ROOT);
            int before = problems.errors().size();
            Integer min = FileFields.grade(file, row, "minGrade", id, problems);
            Integer max = FileFields.grade(file, row, "maxGrade", id, problems);
            if (min != null && max != null && min > max) {
                problems.error(file, row.line(), "maxGrade", id, "grade " + FileFields.gradeWord(max) + " is below minGrade "
                        + FileFields.gradeWord(min));
            }
            if (problems.errors().size() > before) {
                continue;
            }
            Qualification q = new Qualification(strand, min, max);
            Long first = seen.putIfAbsent(id + "\u001f" + q, row.line());
            if (first != null) {
                problems.error(file, row.line(), "strand", id, "the same qualification is also on line " + first);
                continue;
            }
            firstLine.putIfAbsent(id, row.line());
            held.computeIfAbsent(id, k -> new ArrayList<>()).add(q);
        }
        List<SetupImport.Entry<Held>> entries = new ArrayList<>();
        held.forEach((id, qs) -> entries.add(new SetupImport.Entry<>(firstLine.get(id),
                new Held(id, List.copyOf(qs)))));
        return entries;
    }
}
