package org.regroup.rest.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.regroup.domain.DayProblem;
import org.regroup.domain.InputError;
import org.regroup.domain.InvalidInputException;
import org.regroup.domain.io.oneroster.ImportProblem;
import org.regroup.domain.io.oneroster.InvalidExportException;
import org.regroup.domain.io.oneroster.Problems;
import org.regroup.solver.build.DayPlanBuilder;
import org.regroup.store.SchoolStore;
import org.regroup.store.Schools;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A school setup file (docs/import.md, "School setup files") synced into one part of a school's standing data: the
 * file holds all of that part, so what it lists is new or changed and what it does not is gone. Listed first (a dry
 * run stops there), checked as any school's standing data, then written in one transaction.
 */
public final class SetupImport {

    private static final Logger LOG = LoggerFactory.getLogger(SetupImport.class);

    /** The kinds of setup file, by the name the command line and the address use. */
    public enum Kind {
        SPACES("spaces"),
        BELL_SCHEDULE("bell-schedule"),
        ACCOMMODATIONS("accommodations"),
        QUALIFICATIONS("qualifications"),
        STAFF("staff"),
        GOALS("goals"),
        INTERESTS("interests"),
        KEEP_APART("keep-apart");

        /** The kinds as an address's pattern ({@code …/imports/{kind}}); a test holds it to {@link #values()}. */
        public static final String PATH = "spaces|bell-schedule|accommodations|qualifications|staff|goals|interests"
                + "|keep-apart";

        private final String wire;

        Kind(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }

        /** The kind by its name, or null. */
        public static Kind of(String name) {
            if (name == null) {
                return null;
            }
            for (Kind k : values()) {
                if (k.wire.equals(name)) {
                    return k;
                }
            }
            return null;
        }
    }

    /** One kind of setup file: how its records are read, kept, compared and put into the standing data. */
    interface Section<T> {
        /** The file's records, each with its line; faults go to {@code problems}. */
        List<Entry<T>> read(String file, byte[] bytes, Problems problems);

        List<T> current(DayProblem standing);

        String id(T record);

        /** The record as the school will have it: what the file does not carry is kept from {@code had}. */
        T kept(T had, T now);

        /** Which fields differ, in words ({@code capacity 27 → 30}). */
        List<String> fields(T had, T now);

        DayProblem with(DayProblem standing, List<T> records);

        /** The list the validator names these records by ({@code spaces} in {@code $.spaces[3].capacity}). */
        String jsonList();

        /** The file's column of a field the validator names. */
        default String column(String field) {
            return field;
        }

        /** What only the school knows (does the student exist?), each at its line; none by default. */
        default void check(DayProblem standing, List<Entry<T>> entries, String file, Problems problems) {
        }

        /**
         * The id of the record the validator's {@code $.<jsonList>[index]} is about: the student or adult at that
         * index for files about students or staff, else the record at that index.
         */
        default String idAt(DayProblem standing, int index) {
            List<String> ids = switch (jsonList()) {
                case "students" -> standing.students().stream().map(org.regroup.domain.Student::id).toList();
                case "staff" -> standing.staff().stream().map(org.regroup.domain.Staff::id).toList();
                default -> current(standing).stream().map(this::id).toList();
            };
            return index < ids.size() ? ids.get(index) : null;
        }
    }

    /** A record of a setup file and the line it starts on. */
    record Entry<T>(long line, T record) {
    }

    /** One changed record: its id and which fields changed. */
    public record Changed(String id, List<String> fields) {
    }

    /** What an import found and did, by id only. */
    public record Report(String schoolId, String kind, String file, boolean dryRun, boolean applied, List<String> added,
            List<Changed> changed, List<String> gone, int unchanged, int total, List<ImportProblem> warnings,
            List<String> notes) {
    }

    private final SchoolStore store;

    public SetupImport(SchoolStore store) {
        this.store = store;
    }

    private static Section<?> section(Kind kind) {
        return switch (kind) {
            case SPACES -> SpacesFile.SECTION;
            case BELL_SCHEDULE -> BellScheduleFile.SECTION;
            case ACCOMMODATIONS -> AccommodationsFile.SECTION;
            case QUALIFICATIONS -> QualificationsFile.SECTION;
            case STAFF -> StaffFile.SECTION;
            case GOALS -> GoalsFile.SECTION;
            case INTERESTS -> InterestsFile.SECTION;
            case KEEP_APART -> KeepApartFile.SECTION;
        };
    }

    /**
     * @throws InvalidExportException           when the file (or the standing data it would make) has errors
     * @throws Schools.StandingChangedException when the school changed while the import ran: nothing is written
     */
    public Report run(Schools.SchoolRecord school, Kind kind, String file, byte[] bytes, boolean dryRun) {
        return run(school, kind, section(kind), file, bytes, dryRun);
    }

    private <T> Report run(Schools.SchoolRecord school, Kind kind, Section<T> section, String file, byte[] bytes,
            boolean dryRun) {
        Problems problems = new Problems();
        List<Entry<T>> lines = section.read(file, bytes, problems);
        if (!problems.hasErrors()) {
            section.check(school.standing(), lines, file, problems);
        }
        if (problems.hasErrors()) {
            throw new InvalidExportException(problems.errors());
        }
        DayProblem before = school.standing();
        Map<String, T> old = new LinkedHashMap<>();
        section.current(before).forEach(r -> old.put(section.id(r), r));
        List<T> records = new ArrayList<>();
        Map<String, Long> lineOf = new HashMap<>();
        List<String> added = new ArrayList<>();
        List<Changed> changed = new ArrayList<>();
        Set<String> listed = new HashSet<>();
        for (Entry<T> line : lines) {
            String id = section.id(line.record());
            listed.add(id);
            T had = old.get(id);
            T now = had == null ? line.record() : section.kept(had, line.record());
            lineOf.put(id, line.line());
            records.add(now);
            if (had == null) {
                added.add(id);
            } else if (!had.equals(now)) {
                changed.add(new Changed(id, section.fields(had, now)));
            }
        }
        List<String> gone = old.keySet().stream().filter(id -> !listed.contains(id)).toList();
        DayProblem standing = section.with(before, records);
        checked(standing, section, file, lineOf, problems);
        List<String> notes = new ArrayList<>();
        if (!gone.isEmpty()) {
            notes.add(switch (kind) {
                case SPACES, BELL_SCHEDULE -> gone.size() + " " + (kind == Kind.SPACES ? "spaces" : "blocks")
                        + " not in the file leave the school's standing data (no longer planned)";
                case ACCOMMODATIONS -> gone.size() + " students not in the file have no accommodations now";
                case QUALIFICATIONS -> gone.size() + " adults not in the file have no qualifications now";
                case STAFF -> gone.size() + " adults not in the file work by their role's defaults now";
                case GOALS -> gone.size() + " students not in the file have no standing goals now (goals set with "
                        + "their advisor in Regroup stay)";
                case INTERESTS -> gone.size() + " students not in the file have no interests now";
                case KEEP_APART -> gone.size() + " pairs not in the file are no longer kept apart";
            });
        }
        boolean write = !dryRun && !(added.isEmpty() && changed.isEmpty() && gone.isEmpty());
        if (write) {
            store.schools().replaceStanding(school.id(), school.name(), before, standing);
        }
        LOG.info("import setup {}: school {}{}: {} new, {} changed, {} gone", kind.wire(), school.id(),
                dryRun ? " (dry run)" : "", added.size(), changed.size(), gone.size());
        return new Report(school.id(), kind.wire(), file, dryRun, write, added, changed, gone,
                records.size() - added.size() - changed.size(), records.size(), problems.warnings(), notes);
    }

    /**
     * The standing data as any school's is checked; an error about a record of the file is reported at its line and
     * column, any other (a catch-all naming a space that is gone) at its JSON path.
     */
    private static <T> void checked(DayProblem standing, Section<T> section, String file, Map<String, Long> lineOf,
            Problems problems) {
        try {
            DayPlanBuilder.validated(standing, "standing data after the import");
        } catch (InvalidInputException invalid) {
            Pattern mine = Pattern.compile("^\\$\\." + section.jsonList() + "\\[(\\d+)\\](?:\\.([\\w.]+))?");
            for (InputError e : invalid.errors()) {
                Matcher m = mine.matcher(e.path());
                String id = m.find() ? section.idAt(standing, Integer.parseInt(m.group(1))) : null;
                if (id != null && lineOf.containsKey(id)) {
                    String field = m.group(2) == null ? null : m.group(2).substring(m.group(2).lastIndexOf('.') + 1);
                    problems.error(file, lineOf.get(id), field == null ? null : section.column(field), id,
                            e.message());
                } else {
                    problems.error("standing data after the import", null, e.path(), null, e.message());
                }
            }
            throw new InvalidExportException(problems.errors());
        }
    }
}
