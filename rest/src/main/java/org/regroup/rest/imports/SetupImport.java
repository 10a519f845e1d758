package org.regroup.rest.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.regroup.domain.DayProblem;
import org.regroup.domain.InputError;
import org.regroup.domain.InvalidInputException;
import org.regroup.domain.Space;
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
    private static final Pattern SPACE_PATH = Pattern.compile("^\\$\\.spaces\\[(\\d+)\\](?:\\.(\\w+))?");

    /** The kinds of setup file there are so far. */
    public enum Kind {
        SPACES("spaces");

        private final String wire;

        Kind(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }

        /** The kind by its name, or null. */
        public static Kind of(String name) {
            for (Kind k : values()) {
                if (k.wire.equals(name)) {
                    return k;
                }
            }
            return null;
        }
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

    /**
     * @throws InvalidExportException           when the file (or the standing data it would make) has errors
     * @throws Schools.StandingChangedException when the school changed while the import ran: nothing is written
     */
    public Report run(Schools.SchoolRecord school, Kind kind, String file, byte[] bytes, boolean dryRun) {
        Problems problems = new Problems();
        List<SpacesFile.Line> lines = SpacesFile.read(file, bytes, problems);
        if (problems.hasErrors()) {
            throw new InvalidExportException(problems.errors());
        }
        DayProblem before = school.standing();
        Map<String, Space> old = new LinkedHashMap<>();
        before.spaces().forEach(s -> old.put(s.id(), s));
        List<Space> spaces = new ArrayList<>();
        Map<Integer, Long> lineOf = new HashMap<>();
        List<String> added = new ArrayList<>();
        List<Changed> changed = new ArrayList<>();
        for (SpacesFile.Line line : lines) {
            Space had = old.get(line.space().id());
            // when a space is open is set in Regroup (day by day), not by the file: kept
            Space now = had == null ? line.space() : line.space().withAvailableBlocks(had.availableBlocks());
            lineOf.put(spaces.size(), line.line());
            spaces.add(now);
            if (had == null) {
                added.add(now.id());
            } else if (!had.equals(now)) {
                changed.add(new Changed(now.id(), fields(had, now)));
            }
        }
        List<String> gone = old.keySet().stream().filter(id -> lines.stream().noneMatch(l -> l.space().id()
                .equals(id))).toList();
        DayProblem standing = new DayProblem(before.format(), before.version(), before.id(), before.date(),
                before.school(), before.blocks(), before.skills(), before.prerequisites(), before.modalities(),
                before.activities(), before.staff(), spaces, before.students(), before.requests(), before.weights());
        checked(standing, file, lineOf, problems);
        List<String> notes = new ArrayList<>();
        if (!gone.isEmpty()) {
            notes.add(gone.size() + " spaces not in the file leave the school's standing data (no longer planned)");
        }
        boolean write = !dryRun && !(added.isEmpty() && changed.isEmpty() && gone.isEmpty());
        if (write) {
            store.schools().replaceStanding(school.id(), school.name(), before, standing);
        }
        LOG.info("import setup {}: school {}{}: {} new, {} changed, {} gone", kind.wire(), school.id(),
                dryRun ? " (dry run)" : "", added.size(), changed.size(), gone.size());
        return new Report(school.id(), kind.wire(), file, dryRun, write, added, changed, gone,
                spaces.size() - added.size() - changed.size(), spaces.size(), problems.warnings(), notes);
    }

    private static List<String> fields(Space a, Space b) {
        List<String> f = new ArrayList<>();
        if (!java.util.Objects.equals(a.name(), b.name())) {
            f.add("name");
        }
        if (a.kind() != b.kind()) {
            f.add("kind " + a.kind().name().toLowerCase().replace('_', '-') + " → " + b.kind().name().toLowerCase()
                    .replace('_', '-'));
        }
        if (!java.util.Objects.equals(a.capacity(), b.capacity())) {
            f.add("capacity " + a.capacity() + " → " + b.capacity());
        }
        if (!a.features().equals(b.features())) {
            f.add("features");
        }
        if (!java.util.Objects.equals(a.maxGroups(), b.maxGroups())) {
            f.add("maxGroups " + a.maxGroups() + " → " + b.maxGroups());
        }
        if (!java.util.Objects.equals(a.travelMinutes(), b.travelMinutes())) {
            f.add("travelMinutes " + a.travelMinutes() + " → " + b.travelMinutes());
        }
        return f;
    }

    /**
     * The standing data as any school's is checked; an error about a space is reported at the file's line and column,
     * any other (a catch-all or commitment naming a space that is gone) at its JSON path.
     */
    private static void checked(DayProblem standing, String file, Map<Integer, Long> lineOf, Problems problems) {
        try {
            DayPlanBuilder.validated(standing, "standing data after the import");
        } catch (InvalidInputException invalid) {
            for (InputError e : invalid.errors()) {
                Matcher m = SPACE_PATH.matcher(e.path());
                if (m.find() && lineOf.containsKey(Integer.parseInt(m.group(1)))) {
                    int i = Integer.parseInt(m.group(1));
                    problems.error(file, lineOf.get(i), m.group(2), standing.spaces().get(i).id(), e.message());
                } else {
                    problems.error("standing data after the import", null, e.path(), null, e.message());
                }
            }
            throw new InvalidExportException(problems.errors());
        }
    }
}
