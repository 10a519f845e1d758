package org.regroup.benchmarks.witness;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.regroup.domain.Activity;
import org.regroup.domain.BlockKind;
import org.regroup.domain.FocusKind;
import org.regroup.domain.Request;
import org.regroup.domain.Skill;
import org.regroup.domain.Student;
import org.regroup.domain.TimeBlock;

/**
 * What each student may work on in each block they are present (docs/format.md, "Ready set"): in skill blocks the
 * skills of the block's subject they have not mastered whose prerequisites they have all mastered, at most one grade
 * above their own unless a goal names the skill — or, when they have mastered every skill within that reach, the
 * nearest grade of skills they are ready for; in advisory blocks advisory; in activity blocks the activities offered.
 */
final class Reach {

    static final String ADVISORY = "advisory";

    private final DayFacts facts;
    /** Per student id and block index: eligible options by focus id, in the skill list's order; null when absent. */
    private final Map<String, List<Map<String, Option>>> options = new HashMap<>();
    private final Map<String, List<Option>> best = new HashMap<>();
    /** Requests by student id (any priority: a request for a focus makes a group prefer it). */
    private final Map<String, List<Request>> requests = new HashMap<>();

    Reach(DayFacts facts) {
        this.facts = facts;
        facts.problem.requests().forEach(r -> requests.computeIfAbsent(r.studentId(), k -> new ArrayList<>()).add(r));
        double threshold = facts.problem.masteryThreshold();
        for (Student s : facts.problem.students()) {
            Set<String> ready = facts.graph.readySet(s::masteryOf, threshold);
            Map<String, List<Skill>> withinReach = new HashMap<>(); // by block subject: blocks share them
            List<Map<String, Option>> perBlock = new ArrayList<>();
            List<Option> bestPerBlock = new ArrayList<>();
            for (int i = 0; i < facts.blockCount(); i++) {
                Map<String, Option> eligible = facts.present(s, i)
                        ? eligible(s, i, ready, threshold, withinReach) : null;
                perBlock.add(eligible);
                bestPerBlock.add(eligible == null ? null : bestOf(eligible));
            }
            options.put(s.id(), perBlock);
            best.put(s.id(), bestPerBlock);
        }
    }

    /** The student's eligible options in the block (empty when absent or when nothing is within reach). */
    Map<String, Option> options(Student s, int block) {
        Map<String, Option> o = options.get(s.id()).get(block);
        return o == null ? Map.of() : o;
    }

    boolean eligible(Student s, int block, String focusId) {
        return options(s, block).containsKey(focusId);
    }

    /** What the student works on where each works on their own: their most preferred option (null: none). */
    Option best(Student s, int block) {
        return best.get(s.id()).get(block);
    }

    /** The highest preference, the first in list order on ties. */
    private static Option bestOf(Map<String, Option> eligible) {
        Option best = null;
        for (Option o : eligible.values()) {
            if (best == null || o.preference() > best.preference()) {
                best = o;
            }
        }
        return best;
    }

    private Map<String, Option> eligible(Student s, int index, Set<String> ready, double threshold,
            Map<String, List<Skill>> withinReach) {
        TimeBlock block = facts.block(index);
        Map<String, Option> eligible = new LinkedHashMap<>();
        if (block.kindOrDefault() == BlockKind.ADVISORY) {
            eligible.put(ADVISORY, new Option(ADVISORY, FocusKind.ADVISORY, 0, Option.preference(false, 0, 0, 0)));
        } else if (block.kindOrDefault() == BlockKind.ACTIVITIES) {
            for (Activity a : facts.problem.activities()) {
                if (a.offeredIn(block.id())) {
                    int interest = (int) a.tags().stream().filter(s.interests()::contains).count();
                    eligible.put(a.id(), new Option(a.id(), FocusKind.ACTIVITY, 0,
                            Option.preference(requested(s, block, a.id()), 0, interest, 0)));
                }
            }
        } else {
            List<Skill> skills = withinReach.computeIfAbsent(String.valueOf(block.subject()),
                    k -> skillsWithinReach(s, block.subject(), ready, threshold));
            for (Skill skill : skills) {
                int goal = goalValue(s, skill);
                eligible.put(skill.id(), new Option(skill.id(), FocusKind.SKILL, goal, Option.preference(
                        requested(s, block, skill.id()), goal, 0, facts.graph.downstreamCount(skill.id()))));
            }
        }
        return Collections.unmodifiableMap(eligible);
    }

    /** Ready skills of the subject within reach; the nearest grade of them when everything within reach is mastered. */
    private List<Skill> skillsWithinReach(Student s, String subject, Set<String> ready, double threshold) {
        List<Skill> readyHere = new ArrayList<>();
        List<Skill> within = new ArrayList<>();
        Set<String> goalSkills = new java.util.HashSet<>();
        s.goals().stream().filter(g -> g.skill() != null).forEach(g -> goalSkills.add(g.skill()));
        boolean reachMastered = true;
        for (Skill skill : facts.graph.skills()) {
            if (subject != null && !skill.subject().equals(subject)) {
                continue;
            }
            boolean inReach = skill.grade() <= s.grade() + 1 || goalSkills.contains(skill.id());
            if (inReach && s.masteryOf(skill.id()) < threshold) {
                reachMastered = false;
            }
            if (ready.contains(skill.id())) {
                readyHere.add(skill);
                if (inReach) {
                    within.add(skill);
                }
            }
        }
        if (!within.isEmpty() || !reachMastered || readyHere.isEmpty()) {
            return within;
        }
        int nearest = readyHere.stream().mapToInt(Skill::grade).min().orElseThrow();
        return readyHere.stream().filter(k -> k.grade() == nearest).toList();
    }

    /** 3 for a matching priority-1 goal, 2 for priority 2, 1 for priority 3 and beyond; 0 when no goal matches. */
    private static int goalValue(Student s, Skill skill) {
        return s.goals().stream().filter(g -> g.matches(skill)).mapToInt(g -> Math.max(1, 4 - g.priorityOrDefault()))
                .max().orElse(0);
    }

    /** Someone asked for the student to work on this focus in this block (or in any block). */
    private boolean requested(Student s, TimeBlock block, String focusId) {
        for (Request r : requests.getOrDefault(s.id(), List.of())) {
            if (focusId.equals(r.focus())
                    && (r.blockId() == null || r.blockId().equals(block.id()))) {
                return true;
            }
        }
        return false;
    }
}
