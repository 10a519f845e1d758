package org.regroup.rest.imports;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.regroup.domain.BlockKind;
import org.regroup.domain.DayProblem;
import org.regroup.domain.TimeBlock;
import org.regroup.domain.io.oneroster.CsvTable;
import org.regroup.domain.io.oneroster.Problems;

/**
 * {@code bell-schedule.csv} (docs/import.md): the school's blocks, one a record, in the order of the day. What the
 * file does not carry (a block's subject, whether it doubles with the next, when those columns are left out) is kept
 * from the block of the same id.
 */
final class BellScheduleFile {

    /** A block as the file gives it, and whether the file has the subject and doubleWithNext columns. */
    record Slot(TimeBlock block, boolean givesSubject, boolean givesDouble) {

        static Slot of(TimeBlock block) {
            return new Slot(block, true, true);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Slot other && other.block.equals(block);
        }

        @Override
        public int hashCode() {
            return block.hashCode();
        }
    }

    static final Set<String> COLUMNS = Set.of("block", "start", "end", "kind", "subject", "doubleWithNext");
    private static final Set<String> REQUIRED = Collections.unmodifiableSet(new LinkedHashSet<>(
            List.of("block", "start", "end")));

    static final SetupImport.Section<Slot> SECTION = new SetupImport.Section<>() {
        @Override
        public List<SetupImport.Entry<Slot>> read(String file, byte[] bytes, Problems problems) {
            return BellScheduleFile.read(file, bytes, problems);
        }

        @Override
        public List<Slot> current(DayProblem standing) {
            return standing.blocks().stream().map(Slot::of).toList();
        }

        @Override
        public String id(Slot slot) {
            return slot.block().id();
        }

        @Override
        public Slot kept(Slot had, Slot now) {
            TimeBlock h = had.block();
            TimeBlock n = now.block();
            return Slot.of(new TimeBlock(n.id(), n.start(), n.end(), n.order(), n.kind() == null ? h.kind()
                    : n.kind(), now.givesSubject() ? n.subject() : h.subject(), now.givesDouble()
                    ? n.doubleWithNext() : h.doubleWithNext()));
        }

        @Override
        public List<String> fields(Slot x, Slot y) {
            TimeBlock a = x.block();
            TimeBlock b = y.block();
            List<String> f = new ArrayList<>();
            FileFields.change(f, "start", a.start(), b.start());
            FileFields.change(f, "end", a.end(), b.end());
            FileFields.change(f, "order", a.order(), b.order());
            FileFields.change(f, "kind", a.kindOrDefault().name().toLowerCase(Locale.ROOT),
                    b.kindOrDefault().name().toLowerCase(Locale.ROOT));
            FileFields.change(f, "subject", a.subject(), b.subject());
            FileFields.change(f, "doubleWithNext", a.doubleWithNext(), b.doubleWithNext());
            return f;
        }

        @Override
        public DayProblem with(DayProblem d, List<Slot> slots) {
            List<TimeBlock> blocks = slots.stream().map(Slot::block).toList();
            return new DayProblem(d.format(), d.version(), d.id(), d.date(), d.school(), blocks, d.skills(),
                    d.prerequisites(), d.modalities(), d.activities(), d.staff(), d.spaces(), d.students(),
                    d.requests(), d.weights());
        }

        @Override
        public String jsonList() {
            return "blocks";
        }

        @Override
        public String column(String field) {
            return field.equals("id") ? "block" : field;
        }
    };

    private BellScheduleFile() {
    }

    static List<SetupImport.Entry<Slot>> read(String file, byte[] bytes, Problems problems) {
        CsvTable table = CsvTable.read(file, bytes, REQUIRED, COLUMNS, "columns a bell schedule does not define, "
                + "ignored: ", problems);
        if (!REQUIRED.stream().allMatch(table::hasColumn)) {
            return List.of(); // every record would only repeat the header's fault
        }
        List<SetupImport.Entry<Slot>> lines = new ArrayList<>();
        Map<String, Long> seen = new HashMap<>();
        for (CsvTable.Row row : table.rows()) {
            String id = row.get("block");
            if (id == null) {
                problems.error(file, row.line(), "block", null, "missing: the block's id");
                continue;
            }
            if (!id.matches("[^/\\\\\\s\\p{Cntrl}]{1,64}")) {
                problems.error(file, row.line(), "block", null, "a block id is 1 to 64 characters, without '/', '\\', "
                        + "spaces or control characters");
                continue;
            }
            Long first = seen.putIfAbsent(id, row.line());
            if (first != null) {
                problems.error(file, row.line(), "block", id, "block '" + id + "' is also on line " + first);
                continue;
            }
            int before = problems.errors().size();
            LocalTime start = time(file, row, "start", id, problems);
            LocalTime end = time(file, row, "end", id, problems);
            if (start != null && end != null && !end.isAfter(start)) {
                problems.error(file, row.line(), "end", id, "ends at " + end + ", not after it starts (" + start + ")");
            }
            BlockKind kind = null;
            String kindText = row.get("kind");
            if (kindText != null) {
                try {
                    kind = BlockKind.valueOf(kindText.strip().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    problems.error(file, row.line(), "kind", id, "'" + FileFields.clip(kindText) + "' is not a kind of block: "
                            + "skills, advisory or activities");
                }
            }
            if (problems.errors().size() > before) {
                continue;
            }
            if (!lines.isEmpty() && start.isBefore(lines.get(lines.size() - 1).record().block().end())) {
                TimeBlock previous = lines.get(lines.size() - 1).record().block();
                // the file is the day in order: a block starting before the last one ends is a typo or out of order
                problems.error(file, row.line(), "start", id, "starts at " + start + ", before block '"
                        + previous.id() + "' on line " + lines.get(lines.size() - 1).line() + " ends ("
                        + previous.end() + "): list the blocks in the order of the day, without overlaps");
                continue;
            }
            boolean doubled = FileFields.yes(file, row, "doubleWithNext", id, problems);
            if (problems.errors().size() > before) {
                continue;
            }
            lines.add(new SetupImport.Entry<>(row.line(), new Slot(new TimeBlock(id, start, end, lines.size() + 1,
                    kind, row.get("subject"), doubled), table.hasColumn("subject"),
                    table.hasColumn("doubleWithNext"))));
        }
        return lines;
    }

    /** A time of day as {@code 08:30} (or {@code 8:30}, {@code 08:30:00}). */
    private static LocalTime time(String file, CsvTable.Row row, String column, String id, Problems problems) {
        String text = row.get(column);
        if (text == null) {
            problems.error(file, row.line(), column, id, "missing: the time of day (08:30)");
            return null;
        }
        try {
            return LocalTime.parse(text.length() == 4 && text.charAt(1) == ':' ? "0" + text : text);
        } catch (DateTimeParseException e) {
            problems.error(file, row.line(), column, id, "'" + FileFields.clip(text) + "' is not a time of day (08:30)");
            return null;
        }
    }
}
