package org.regroup.rest.imports;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.regroup.domain.DayProblem;
import org.regroup.domain.Staff;
import org.regroup.domain.io.oneroster.CsvTable;
import org.regroup.domain.io.oneroster.Problems;

/**
 * {@code staff.csv} (docs/import.md): how each adult works, which OneRoster does not say — the modalities they may
 * lead, how many blocks and students they take, off-site supervision, cost a day. An adult the file does not list
 * works by their role's defaults.
 */
final class StaffFile {

    /** How one adult works; {@code modalities} null is their role's defaults. */
    record Work(String staffId, List<String> modalities, Integer maxTeachingBlocks, Integer maxStudents,
            boolean maySuperviseOffSite, Double costPerDay) {

        static Work of(Staff s) {
            return new Work(s.id(), s.modalities(), s.maxTeachingBlocks(), s.maxStudents(), s.maySuperviseOffSite(),
                    s.costPerDay());
        }

        boolean byDefault() {
            return modalities == null && maxTeachingBlocks == null && maxStudents == null && !maySuperviseOffSite
                    && costPerDay == null;
        }
    }

    static final Set<String> COLUMNS = Set.of("staff", "modalities", "maxTeachingBlocks", "maxStudents",
            "maySuperviseOffSite", "costPerDay");
    private static final Set<String> REQUIRED = Collections.unmodifiableSet(new LinkedHashSet<>(List.of("staff")));

    static final SetupImport.Section<Work> SECTION = new SetupImport.Section<>() {
        @Override
        public List<SetupImport.Entry<Work>> read(String file, byte[] bytes, Problems problems) {
            return StaffFile.read(file, bytes, problems);
        }

        @Override
        public List<Work> current(DayProblem standing) {
            return standing.staff().stream().map(Work::of).filter(w -> !w.byDefault()).toList();
        }

        @Override
        public String id(Work work) {
            return work.staffId();
        }

        @Override
        public Work kept(Work had, Work now) {
            return now;
        }

        @Override
        public List<String> fields(Work a, Work b) {
            List<String> f = new ArrayList<>();
            FileFields.change(f, "modalities", modalities(a), modalities(b));
            FileFields.change(f, "maxTeachingBlocks", a.maxTeachingBlocks(), b.maxTeachingBlocks());
            FileFields.change(f, "maxStudents", a.maxStudents(), b.maxStudents());
            FileFields.change(f, "maySuperviseOffSite", a.maySuperviseOffSite(), b.maySuperviseOffSite());
            FileFields.change(f, "costPerDay", a.costPerDay(), b.costPerDay());
            return f;
        }

        @Override
        public DayProblem with(DayProblem d, List<Work> works) {
            Map<String, Work> by = new HashMap<>();
            works.forEach(w -> by.put(w.staffId(), w));
            return d.withStaff(d.staff().stream().map(s -> {
                Work w = by.getOrDefault(s.id(), new Work(s.id(), null, null, null, false, null));
                return w.equals(Work.of(s)) ? s : s.withWork(w.modalities(), w.maxTeachingBlocks(), w.maxStudents(),
                        w.maySuperviseOffSite(), w.costPerDay());
            }).toList());
        }

        @Override
        public String jsonList() {
            return "staff";
        }


        @Override
        public void check(DayProblem standing, List<SetupImport.Entry<Work>> entries, String file,
                Problems problems) {
            FileFields.known(file, entries, Work::staffId, "staff", FileFields.staffIds(standing), "staff member",
                    problems);
        }
    };

    private StaffFile() {
    }

    private static String modalities(Work w) {
        return w.modalities() == null ? "role defaults" : String.join(";", w.modalities());
    }

    static List<SetupImport.Entry<Work>> read(String file, byte[] bytes, Problems problems) {
        CsvTable table = CsvTable.read(file, bytes, REQUIRED, COLUMNS, "columns a staff file does not define, "
                + "ignored: ", problems);
        if (!table.hasColumn("staff")) {
            return List.of();
        }
        List<SetupImport.Entry<Work>> lines = new ArrayList<>();
        Map<String, Long> seen = new HashMap<>();
        for (CsvTable.Row row : table.rows()) {
            String id = FileFields.id(file, row, "staff", "staff member", seen, problems);
            if (id == null) {
                continue;
            }
            int before = problems.errors().size();
            Integer blocks = FileFields.count(file, row, "maxTeachingBlocks", id, 0, problems);
            Integer students = FileFields.count(file, row, "maxStudents", id, 1, problems);
            boolean offSite = FileFields.yes(file, row, "maySuperviseOffSite", id, problems);
            Double cost = FileFields.amount(file, row, "costPerDay", id, problems);
            if (problems.errors().size() > before) {
                continue;
            }
            List<String> modalities = FileFields.list(row, "modalities");
            Work w = new Work(id, modalities.isEmpty() ? null : modalities, blocks, students, offSite, cost);
            if (w.byDefault()) {
                problems.warning(file, row.line(), null, id, "nothing given: the adult works by their role's "
                        + "defaults");
                continue;
            }
            lines.add(new SetupImport.Entry<>(row.line(), w));
        }
        return lines;
    }
}
