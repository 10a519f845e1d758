package org.regroup.benchmarks.witness;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.regroup.domain.Activity;
import org.regroup.domain.FocusKind;
import org.regroup.domain.ModalitySpec;
import org.regroup.domain.Student;

/**
 * What a group works on. A plan names a session's focus, but Regroup's day derives it from the members
 * (docs/model.md, "What a group works on is not a variable"): in a shared-focus modality, the focus the most members
 * are eligible for among those that run in the modality, preferring one the adult is qualified to teach, then the
 * highest summed preference (requests, goals, interests, unlocks), then the smallest id; where each works on their
 * own, each member's most preferred option. The witness predicts it the same way, so the focus it writes is the one
 * the plan is scored on, and every check below is made on that focus.
 */
final class FocusRule {

    private final DayFacts facts;
    private final Reach reach;

    FocusRule(DayFacts facts, Reach reach) {
        this.facts = facts;
        this.reach = reach;
    }

    /** The shared focus these members would have in the group; null when none of their options runs in it. */
    String sharedFocus(Group g, List<Student> members) {
        Map<String, long[]> tally = new LinkedHashMap<>(); // focus id -> {members eligible, summed preference}
        for (Student m : members) {
            for (Option o : reach.options(m, g.block).values()) {
                if (runsIn(o, g.mode)) {
                    long[] t = tally.computeIfAbsent(o.id(), k -> new long[2]);
                    t[0]++;
                    t[1] += o.preference();
                }
            }
        }
        String best = null;
        long[] bestTally = null;
        boolean bestQualified = false;
        for (Map.Entry<String, long[]> e : tally.entrySet()) {
            boolean qualified = qualifiedToTeach(g, e.getKey());
            long[] t = e.getValue();
            if (best == null || better(qualified, t, e.getKey(), bestQualified, bestTally, best)) {
                best = e.getKey();
                bestTally = t;
                bestQualified = qualified;
            }
        }
        return best;
    }

    private static boolean better(boolean q, long[] t, String id, boolean bestQ, long[] bestT, String bestId) {
        if (q != bestQ) {
            return q;
        }
        if (t[0] != bestT[0]) {
            return t[0] > bestT[0];
        }
        if (t[1] != bestT[1]) {
            return t[1] > bestT[1];
        }
        return id.compareTo(bestId) < 0;
    }

    /** The student's focus in the group with these members. */
    String focusOf(Group g, List<Student> members, Student s) {
        if (g.shared()) {
            return sharedFocus(g, members);
        }
        Option best = reach.best(s, g.block);
        return best == null ? null : best.id();
    }

    /** Skills and advisory run in modalities that serve their kind; an activity only in the modalities it lists. */
    boolean runsIn(Option o, ModalitySpec m) {
        if (!Modes.serves(m, o.kind())) {
            return false;
        }
        if (o.kind() != FocusKind.ACTIVITY) {
            return true;
        }
        Activity a = facts.activity(o.id());
        return a.modalities().isEmpty() || a.modalities().contains(m.id());
    }

    /** The group's adult may teach it: needed for skills in staff-led modalities only. */
    boolean qualifiedToTeach(Group g, String focusId) {
        if (g.adult == null || !Modes.needsQualifiedAdult(g.mode) || facts.graph.skill(focusId) == null
                || facts.block(g.block).kindOrDefault().focusKind() != FocusKind.SKILL) {
            return true;
        }
        return facts.qualified(g.adult, focusId);
    }
}
