package org.regroup.rest.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.regroup.domain.DayProblem;
import org.regroup.domain.Goal;
import org.regroup.domain.InputError;
import org.regroup.domain.InvalidInputException;
import org.regroup.domain.Prerequisite;
import org.regroup.domain.Skill;
import org.regroup.domain.Student;
import org.regroup.domain.io.oneroster.ImportProblem;
import org.regroup.domain.io.oneroster.InvalidExportException;
import org.regroup.domain.io.oneroster.Problems;
import org.regroup.domain.io.skillmap.CasePackage;
import org.regroup.domain.io.skillmap.CcssEdgesFile;
import org.regroup.domain.io.skillmap.SkillMap;
import org.regroup.solver.build.DayPlanBuilder;
import org.regroup.store.SchoolStore;
import org.regroup.store.Schools;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A skill map (docs/import.md, "Skill maps") synced into one subject of a school's skills: the file holds all of that
 * subject, so its skills are new, changed or unchanged, the subject's skills it does not list are gone, its arrows
 * replace the prerequisites among the subject's skills, and other subjects stay as they are. Listed first (a dry run
 * stops there), checked as any school's standing data, then written in one transaction.
 */
public final class SkillMapImport {

    private static final Logger LOG = LoggerFactory.getLogger(SkillMapImport.class);
    private static final Pattern SKILL_AT = Pattern.compile("^\\$\\.skills\\[(\\d+)\\]");
    private static final String GOALS = "goals students set";
    private static final Pattern ARROW_AT = Pattern.compile("^\\$\\.prerequisites\\[(\\d+)\\]");

    /** The formats a skill map comes in. */
    public enum Format {
        /** The bundled CCSS edges CSV ({@code datasets/ccss-math-k8}). */
        CCSS("ccss"),
        /** An IMS CASE 1.0 package as JSON. */
        CASE("case");

        private final String wire;

        Format(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }

        /** The format by its name, or null. */
        public static Format of(String name) {
            for (Format f : values()) {
                if (f.wire.equals(name)) {
                    return f;
                }
            }
            return null;
        }
    }

    /** How the prerequisites among the subject's skills changed: arrows added, removed, and how many there are now. */
    public record Arrows(int added, int removed, int total) {
    }

    /** What an import found and did, by id only. */
    public record Report(String schoolId, String format, String strand, String file, boolean dryRun, boolean applied,
            List<String> added, List<SetupImport.Changed> changed, List<String> gone, int unchanged, int total,
            Arrows prerequisites, Map<String, Integer> otherStrands, List<ImportProblem> warnings,
            List<String> notes) {
    }

    private final SchoolStore store;

    public SkillMapImport(SchoolStore store) {
        this.store = store;
    }

    /**
     * @param strand the subject the file's skills are in ({@code math}); null: {@code math} for CCSS, the package's
     *               subject for CASE
     * @throws InvalidExportException           when the file (or the standing data it would make) has errors
     * @throws Schools.StandingChangedException when the school changed while the import ran: nothing is written
     */
    public Report run(Schools.SchoolRecord school, Format format, String file, byte[] bytes, String strand,
            boolean dryRun) {
        Problems problems = new Problems();
        SkillMap map = format == Format.CCSS ? CcssEdgesFile.read(file, bytes, strand == null ? "math" : strand,
                problems) : CasePackage.read(file, bytes, strand, problems);
        if (problems.hasErrors()) {
            throw new InvalidExportException(problems.errors());
        }
        String subject = map.subject();
        DayProblem before = school.standing();
        Map<String, Skill> old = new LinkedHashMap<>();
        Map<String, Skill> others = new HashMap<>();
        before.skills().forEach(s -> (s.subject().equals(subject) ? old : others).put(s.id(), s));
        Map<String, SkillMap.Node> nodes = new LinkedHashMap<>();
        for (SkillMap.Node n : map.skills()) {
            Skill other = others.get(n.skill().id());
            if (other != null) {
                problems.error(file, n.line(), n.column(), n.skill().id(), "skill '" + n.skill().id() + "' is "
                        + "already the school's, in strand '" + other.strand() + "': a skill id is one skill");
            }
            nodes.put(n.skill().id(), n);
        }
        if (problems.hasErrors()) {
            throw new InvalidExportException(problems.errors());
        }

        List<String> added = new ArrayList<>();
        List<SetupImport.Changed> changed = new ArrayList<>();
        for (SkillMap.Node n : nodes.values()) {
            Skill had = old.get(n.skill().id());
            if (had == null) {
                added.add(n.skill().id());
            } else if (!had.equals(n.skill())) {
                changed.add(new SetupImport.Changed(had.id(), fields(had, n.skill())));
            }
        }
        Set<String> gone = new LinkedHashSet<>(old.keySet());
        gone.removeAll(nodes.keySet());

        List<Skill> skills = inPlace(before.skills(), s -> old.containsKey(s.id()),
                nodes.values().stream().map(SkillMap.Node::skill).toList());
        Set<Prerequisite> within = new HashSet<>();
        before.prerequisites().stream().filter(p -> old.containsKey(p.prerequisite()) && old.containsKey(p.skill()))
                .forEach(within::add);
        List<Prerequisite> arrows = map.prerequisites().stream().map(SkillMap.Arrow::prerequisite).toList();
        Set<Prerequisite> now = new HashSet<>(arrows);
        int arrowsAdded = (int) now.stream().filter(p -> !within.contains(p)).count();
        int arrowsRemoved = (int) within.stream().filter(p -> !now.contains(p)).count();
        List<Prerequisite> prerequisites = inPlace(before.prerequisites(), within::contains, arrows);

        // Mastery of a gone skill leaves the standing data (the evidence store keeps it): it names no skill any more.
        int cleaned = 0;
        List<Student> students = new ArrayList<>();
        for (Student st : before.students()) {
            if (st.mastery().keySet().stream().anyMatch(gone::contains)) {
                Map<String, Double> kept = new LinkedHashMap<>(st.mastery());
                kept.keySet().removeAll(gone);
                students.add(st.withMastery(kept));
                cleaned++;
            } else {
                students.add(st);
            }
        }
        DayProblem standing = new DayProblem(before.format(), before.version(), before.id(), before.date(),
                before.school(), before.blocks(), skills, prerequisites, before.modalities(), before.activities(),
                before.staff(), before.spaces(), students, before.requests(), before.weights());
        goalsSet(school.id(), standing, gone, problems);
        checked(standing, nodes, map, file, problems);
        if (problems.hasErrors()) {
            throw new InvalidExportException(problems.errors());
        }

        List<String> notes = new ArrayList<>();
        if (!gone.isEmpty()) {
            notes.add(gone.size() + " skills of " + subject + " not in the file leave the school's skill map (no "
                    + "longer planned); students' mastery and evidence of them stay in the evidence store, and a "
                    + "skill that comes back finds them" + (cleaned > 0 ? " (" + cleaned + " students' starting "
                    + "estimates of them dropped from the standing data)" : ""));
        }
        Map<String, Integer> otherStrands = new TreeMap<>();
        others.values().forEach(s -> otherStrands.merge(s.subject(), 1, Integer::sum));
        if (!otherStrands.isEmpty()) {
            notes.add("skills of other subjects are left as they are: " + otherStrands.entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue()).reduce((a, b) -> a + ", " + b).orElse(""));
        }
        boolean write = !dryRun && !(added.isEmpty() && changed.isEmpty() && gone.isEmpty() && arrowsAdded == 0
                && arrowsRemoved == 0);
        if (write) {
            store.schools().replaceStanding(school.id(), school.name(), before, standing);
        }
        LOG.info("import skill-map {}: school {} strand {}{}: {} new, {} changed, {} gone; prerequisites +{} -{}",
                format.wire(), school.id(), subject, dryRun ? " (dry run)" : "", added.size(), changed.size(),
                gone.size(), arrowsAdded, arrowsRemoved);
        return new Report(school.id(), format.wire(), subject, file, dryRun, write, added, changed, List.copyOf(gone),
                nodes.size() - added.size() - changed.size(), nodes.size(), new Arrows(arrowsAdded, arrowsRemoved,
                arrows.size()), otherStrands, problems.warnings(), notes);
    }

    /**
     * The goals students set over the API (kept apart from the standing data, planned with every day) that name a gone
     * skill, or a strand no skill is in any more: errors, as the school's validator finds such goals in the standing
     * data; the goal is changed first.
     */
    private void goalsSet(String schoolId, DayProblem standing, Set<String> gone, Problems problems) {
        Set<String> present = new HashSet<>();
        standing.students().forEach(st -> present.add(st.id()));
        new TreeMap<>(store.paths().allGoals(schoolId)).forEach((studentId, set) -> {
            if (!present.contains(studentId)) {
                return;
            }
            for (int i = 0; i < set.goals().size(); i++) {
                Goal g = set.goals().get(i);
                if (g.skill() != null && gone.contains(g.skill())) {
                    problems.error(GOALS, null, "goals[" + i + "].skill", studentId, "the student's goal names "
                            + "skill '" + g.skill() + "', which is not in the file (gone): change the goal first "
                            + "(PUT …/students/" + studentId + "/goals)");
                } else if (g.strand() != null && standing.skills().stream().noneMatch(g::matches)) {
                    problems.error(GOALS, null, "goals[" + i + "].strand", studentId, "the student's goal names "
                            + "strand '" + g.strand() + "', which no skill is in after the import: change the goal "
                            + "first (PUT …/students/" + studentId + "/goals)");
                }
            }
        });
    }

    /** {@code all} with the ones {@code replaced} picks swapped for {@code by}, put where the first of them was. */
    private static <T> List<T> inPlace(List<T> all, java.util.function.Predicate<T> replaced, List<T> by) {
        List<T> out = new ArrayList<>();
        boolean put = false;
        for (T t : all) {
            if (!replaced.test(t)) {
                out.add(t);
            } else if (!put) {
                out.addAll(by);
                put = true;
            }
        }
        if (!put) {
            out.addAll(by);
        }
        return out;
    }

    private static List<String> fields(Skill a, Skill b) {
        List<String> f = new ArrayList<>();
        if (!Objects.equals(a.name(), b.name())) {
            f.add("name");
        }
        FileFields.change(f, "grade", a.grade(), b.grade());
        FileFields.change(f, "strand", a.strand(), b.strand());
        return f;
    }

    /**
     * The standing data as any school's is checked; an error about a skill or an arrow of the file is reported where
     * the file gives it, any other (a goal naming a skill that is gone) at its JSON path.
     */
    private static void checked(DayProblem standing, Map<String, SkillMap.Node> nodes, SkillMap map, String file,
            Problems problems) {
        try {
            DayPlanBuilder.validated(standing, "standing data after the import");
        } catch (InvalidInputException invalid) {
            Map<Prerequisite, SkillMap.Arrow> arrows = new HashMap<>();
            map.prerequisites().forEach(a -> arrows.putIfAbsent(a.prerequisite(), a));
            for (InputError e : invalid.errors()) {
                Matcher skill = SKILL_AT.matcher(e.path());
                Matcher arrow = ARROW_AT.matcher(e.path());
                SkillMap.Node node = skill.find() ? nodes.get(standing.skills().get(Integer.parseInt(skill.group(1)))
                        .id()) : null;
                SkillMap.Arrow a = arrow.find() ? arrows.get(standing.prerequisites().get(Integer.parseInt(
                        arrow.group(1)))) : null;
                if (node != null) {
                    problems.error(file, node.line(), node.column(), node.skill().id(), e.message());
                } else if (a != null) {
                    problems.error(file, a.line(), a.column(), a.prerequisite().skill(), e.message());
                } else {
                    problems.error("standing data after the import", null, e.path(), null, e.message());
                }
            }
            throw new InvalidExportException(problems.errors());
        }
    }
}
