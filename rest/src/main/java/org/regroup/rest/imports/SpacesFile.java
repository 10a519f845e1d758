package org.regroup.rest.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.regroup.domain.DayProblem;
import org.regroup.domain.Space;
import org.regroup.domain.SpaceKind;
import org.regroup.domain.io.oneroster.CsvTable;
import org.regroup.domain.io.oneroster.Problems;

/**
 * {@code spaces.csv} (docs/import.md, "School setup files"): one space a record, read into the school's spaces, each
 * with the line it came from. The file's own faults are found here; the school's validator checks the rest.
 */
final class SpacesFile {

    static final Set<String> COLUMNS = Set.of("id", "name", "kind", "capacity", "features", "maxGroups",
            "travelMinutes");
    private static final Set<String> REQUIRED = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(
            List.of("id", "kind", "capacity")));

    static final SetupImport.Section<Space> SECTION = new SetupImport.Section<>() {
        @Override
        public List<SetupImport.Entry<Space>> read(String file, byte[] bytes, Problems problems) {
            return SpacesFile.read(file, bytes, problems);
        }

        @Override
        public List<Space> current(DayProblem standing) {
            return standing.spaces();
        }

        @Override
        public String id(Space space) {
            return space.id();
        }

        @Override
        public Space kept(Space had, Space now) {
            // when a space is open is set in Regroup, day by day, not by the file
            return now.withAvailableBlocks(had.availableBlocks());
        }

        @Override
        public List<String> fields(Space a, Space b) {
            List<String> f = new ArrayList<>();
            if (!Objects.equals(a.name(), b.name())) {
                f.add("name");
            }
            if (a.kind() != b.kind()) {
                f.add("kind " + wire(a.kind()) + " → " + wire(b.kind()));
            }
            FileFields.change(f, "capacity", a.capacity(), b.capacity());
            if (!a.features().equals(b.features())) {
                f.add("features " + String.join(";", a.features()) + " → " + String.join(";", b.features()));
            }
            FileFields.change(f, "maxGroups", a.maxGroups(), b.maxGroups());
            FileFields.change(f, "travelMinutes", a.travelMinutes(), b.travelMinutes());
            return f;
        }

        @Override
        public DayProblem with(DayProblem d, List<Space> spaces) {
            return new DayProblem(d.format(), d.version(), d.id(), d.date(), d.school(), d.blocks(), d.skills(),
                    d.prerequisites(), d.modalities(), d.activities(), d.staff(), spaces, d.students(), d.requests(),
                    d.weights());
        }

        @Override
        public String jsonList() {
            return "spaces";
        }
    };

    private SpacesFile() {
    }

    private static String wire(SpaceKind kind) {
        return kind == null ? "none" : kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static List<SetupImport.Entry<Space>> read(String file, byte[] bytes, Problems problems) {
        CsvTable table = CsvTable.read(file, bytes, REQUIRED, COLUMNS, "columns a spaces file does not define, "
                + "ignored: ", problems);
        if (!REQUIRED.stream().allMatch(table::hasColumn)) {
            return List.of(); // every record would only repeat the header's fault
        }
        List<SetupImport.Entry<Space>> lines = new ArrayList<>();
        Map<String, Long> seen = new HashMap<>();
        for (CsvTable.Row row : table.rows()) {
            String id = row.get("id");
            if (id == null) {
                problems.error(file, row.line(), "id", null, "missing: the space's id");
                continue;
            }
            if (!id.matches("[^/\\\\\\s\\p{Cntrl}]{1,64}")) {
                problems.error(file, row.line(), "id", null, "a space id is 1 to 64 characters, without '/', '\\', "
                        + "spaces or control characters");
                continue;
            }
            Long first = seen.putIfAbsent(id, row.line());
            if (first != null) {
                problems.error(file, row.line(), "id", id, "space '" + id + "' is also on line " + first);
                continue;
            }
            int before = problems.errors().size();
            SpaceKind kind = kind(row.get("kind"));
            if (kind == null) {
                problems.error(file, row.line(), "kind", id, "'" + row.get("kind") + "' is not a kind of space: "
                        + "classroom, lab, small-room, studio, library or off-site");
            }
            Integer capacity = FileFields.count(file, row, "capacity", id, 1, problems);
            Integer maxGroups = FileFields.count(file, row, "maxGroups", id, 1, problems);
            Integer travel = FileFields.count(file, row, "travelMinutes", id, 0, problems);
            if (capacity == null && row.get("capacity") == null) {
                problems.error(file, row.line(), "capacity", id, "missing: how many students it seats");
            }
            if (problems.errors().size() > before) {
                continue;
            }
            List<String> features = FileFields.list(row, "features");
            String name = row.get("name") == null ? id : row.get("name");
            lines.add(new SetupImport.Entry<>(row.line(), new Space(id, name, kind, capacity, features, null, maxGroups, travel)));
        }
        return lines;
    }

    /** A kind as the day-problem format writes it ({@code small-room}), in any case, {@code _} for {@code -}. */
    private static SpaceKind kind(String text) {
        if (text == null) {
            return null;
        }
        String wanted = text.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        for (SpaceKind k : SpaceKind.values()) {
            if (k.name().toLowerCase(Locale.ROOT).replace('_', '-').equals(wanted)) {
                return k;
            }
        }
        return null;
    }
}
