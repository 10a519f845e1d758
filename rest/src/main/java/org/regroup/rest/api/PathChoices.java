package org.regroup.rest.api;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.regroup.domain.DayProblem;
import org.regroup.domain.Goal;
import org.regroup.domain.InputError;
import org.regroup.domain.Skill;
import org.regroup.domain.Student;
import org.regroup.domain.catalog.ModalityCatalog;
import org.regroup.domain.graph.SkillGraph;
import org.regroup.store.EvidenceLog;
import org.regroup.store.SchoolStore;
import org.regroup.store.Schools;
import org.regroup.store.StudentPaths;

/**
 * What a student chooses among: the skills they are ready for and their goals, the school's strands for goals, and
 * for a day's request the blocks, activities and modalities, all with names in plain words. The school's day has no
 * blocks whose options students pick between, so asking for a session in a block is the student's choice.
 */
final class PathChoices {

    /** A skill, activity, modality or strand with its name; {@code group}: a skill's strand. */
    public record Named(String id, String name, String group) {
    }

    /** A block of the day: when, and what it is for ({@code skills}, {@code advisory}, {@code activities}). */
    public record Block(String id, LocalTime start, LocalTime end, String kind, String subject) {
    }

    /**
     * What the student may ask for on a day and set as goals: {@code skills} are their ready set and the skills their
     * goals name, each with its strand; {@code strands} every strand of the school's map; {@code goals} theirs now.
     */
    public record Choices(String schoolId, String studentId, List<Block> blocks, List<Named> skills,
            List<Named> activities, List<Named> modalities, List<Named> strands, List<Goal> goals,
            List<String> readySet) {
    }

    /** Most goals one student holds at once: a few that matter, not the map. */
    static final int MAX_GOALS = 12;

    private PathChoices() {
    }

    static Student student(Schools.SchoolRecord school, String studentId) {
        return school.standing().students().stream().filter(s -> s.id().equals(studentId)).findFirst()
                .orElseThrow(() -> org.regroup.rest.errors.ApiException.notFound("no student '"
                        + (studentId.length() > 64 ? studentId.substring(0, 64) + "…" : studentId) + "' in school "
                        + school.id()));
    }

    /** The student's goals now: those they set, else the standing data's. */
    static List<Goal> goals(SchoolStore store, Schools.SchoolRecord school, Student student) {
        return store.paths().goals(school.id(), student.id()).map(StudentPaths.GoalSet::goals)
                .orElse(student.goals());
    }

    /** The skills the student is ready for, from their current mastery (as their profile says). */
    static Set<String> readySet(SchoolStore store, Schools.SchoolRecord school, String studentId) {
        DayProblem standing = school.standing();
        Map<String, EvidenceLog.MasteryRow> mastery = store.evidence().mastery(school.id(), studentId);
        return new TreeSet<>(SkillGraph.of(standing.skills(), standing.prerequisites()).readySet(skill -> {
            EvidenceLog.MasteryRow r = mastery.get(skill);
            return r == null ? 0 : r.pMastery();
        }, standing.masteryThreshold()));
    }

    /** The skills a student may ask for: those they are ready for and those a goal names. */
    static Set<String> askable(DayProblem standing, Set<String> ready, List<Goal> goals) {
        Set<String> skills = new TreeSet<>(ready);
        for (Goal g : goals) {
            if (g.skill() != null) {
                skills.add(g.skill());
            }
        }
        return skills;
    }

    static Choices choices(SchoolStore store, Schools.SchoolRecord school, Student student) {
        DayProblem s = school.standing();
        List<Goal> goals = goals(store, school, student);
        Set<String> ready = readySet(store, school, student.id());
        Map<String, Skill> skills = new LinkedHashMap<>();
        s.skills().forEach(k -> skills.put(k.id(), k));
        List<Named> askable = askable(s, ready, goals).stream().map(skills::get).filter(java.util.Objects::nonNull)
                .sorted(Comparator.comparing(Skill::strand).thenComparing(Skill::id))
                .map(k -> new Named(k.id(), k.name() == null ? k.id() : k.name(), k.strand())).toList();
        List<Block> blocks = s.blocks().stream().map(b -> new Block(b.id(), b.start(), b.end(),
                b.kindOrDefault().name().toLowerCase(java.util.Locale.ROOT), b.subject())).toList();
        List<Named> activities = s.activities().stream().map(a -> new Named(a.id(), a.name() == null ? a.id()
                : a.name(), null)).toList();
        List<Named> modalities = ModalityCatalog.of(s.modalities()).all().stream().map(m -> new Named(m.id(),
                m.name() == null ? m.id() : m.name(), null)).toList();
        return new Choices(school.id(), student.id(), blocks, askable, activities, modalities, strands(s), goals,
                List.copyOf(ready));
    }

    /** Every strand of the school's skill map, named by how many skills it holds and its first one. */
    static List<Named> strands(DayProblem s) {
        Map<String, List<Skill>> byStrand = new java.util.TreeMap<>();
        s.skills().forEach(k -> byStrand.computeIfAbsent(k.strand(), x -> new ArrayList<>()).add(k));
        List<Named> strands = new ArrayList<>();
        byStrand.forEach((strand, in) -> strands.add(new Named(strand, strand + " (" + in.size()
                + (in.size() == 1 ? " skill" : " skills") + ", e.g. " + (in.get(0).name() == null ? in.get(0).id()
                : in.get(0).name()) + ")", strand.contains("/") ? strand.substring(0, strand.indexOf('/')) : strand)));
        return strands;
    }

    /**
     * Every reason the goals cannot be set, each at its JSON path ({@code $[0].skill}) naming the id: checked against
     * the school's skill map as the day problem's goals are.
     */
    static List<InputError> check(DayProblem standing, List<Goal> goals) {
        List<InputError> errors = new ArrayList<>();
        if (goals.size() > MAX_GOALS) {
            errors.add(new InputError("$", "at most " + MAX_GOALS + " goals at once, were " + goals.size()));
            return errors;
        }
        Set<String> skills = new java.util.HashSet<>();
        Set<String> strands = new java.util.HashSet<>();
        standing.skills().forEach(k -> {
            skills.add(k.id());
            strands.add(k.strand());
            strands.add(k.subject());
        });
        Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < goals.size(); i++) {
            Goal g = goals.get(i);
            String at = "$[" + i + "]";
            if (g == null) {
                errors.add(new InputError(at, "empty entry"));
                continue;
            }
            if ((g.skill() == null) == (g.strand() == null)) {
                errors.add(new InputError(at, "a goal names either a skill or a strand"));
            } else if (g.skill() != null && !skills.contains(g.skill())) {
                errors.add(new InputError(at + ".skill", "unknown skill '" + shortened(g.skill()) + "'"));
            } else if (g.strand() != null && !strands.contains(g.strand())) {
                errors.add(new InputError(at + ".strand", "no skill is in strand '" + shortened(g.strand()) + "'"));
            } else if (!seen.add(g.skill() != null ? "skill:" + g.skill() : "strand:" + g.strand())) {
                errors.add(new InputError(at, "'" + (g.skill() != null ? g.skill() : g.strand())
                        + "' is a goal already"));
            }
            if (g.priority() != null && (g.priority() < 1 || g.priority() > 9)) {
                errors.add(new InputError(at + ".priority", "must be 1 (highest) to 9, was " + g.priority()));
            }
        }
        return errors;
    }

    private static String shortened(String id) {
        return id.length() <= 80 ? id : id.substring(0, 80) + "…";
    }
}
