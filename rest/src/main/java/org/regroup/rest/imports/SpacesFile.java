package org.regroup.rest.imports;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

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

    /** One space and where it was. */
    record Line(long line, Space space) {
    }

    private SpacesFile() {
    }

    static List<Line> read(String file, byte[] bytes, Problems problems) {
        CsvTable table = CsvTable.read(file, bytes, REQUIRED, COLUMNS, "columns a spaces file does not define, "
                + "ignored: ", problems);
        if (!REQUIRED.stream().allMatch(table::hasColumn)) {
            return List.of(); // every record would only repeat the header's fault
        }
        List<Line> lines = new ArrayList<>();
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
            Integer capacity = count(file, row, "capacity", 1, problems);
            Integer maxGroups = count(file, row, "maxGroups", 1, problems);
            Integer travel = count(file, row, "travelMinutes", 0, problems);
            if (capacity == null && row.get("capacity") == null) {
                problems.error(file, row.line(), "capacity", id, "missing: how many students it seats");
            }
            if (problems.errors().size() > before) {
                continue;
            }
            List<String> features = row.get("features") == null ? List.of() : Arrays.stream(row.get("features")
                    .split(";")).map(String::strip).filter(f -> !f.isEmpty()).distinct().toList();
            String name = row.get("name") == null ? id : row.get("name");
            lines.add(new Line(row.line(), new Space(id, name, kind, capacity, features, null, maxGroups, travel)));
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

    /** An optional whole number of at least {@code min}; null when empty (an error is reported when it is bad). */
    private static Integer count(String file, CsvTable.Row row, String column, int min, Problems problems) {
        String text = row.get(column);
        if (text == null) {
            return null;
        }
        try {
            int n = Integer.parseInt(text);
            if (n >= min && n <= 100_000) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.error(file, row.line(), column, row.get("id"), "'" + (text.length() > 40 ? text.substring(0, 40)
                + "…" : text) + "' is not a whole number of at least " + min);
        return null;
    }
}
