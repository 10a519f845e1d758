package org.regroup.domain.learning;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.regroup.domain.Goal;
import org.regroup.domain.Skill;
import org.regroup.domain.Student;
import org.regroup.domain.graph.SkillGraph;

/**
 * A student's next goal when they reach one, the way a goal-setting conference picks it: a standard they are ready
 * for (every prerequisite mastered, as the school estimates), in the strand they were working in when there is one
 * (their interest), the most urgent first — the furthest below their grade — then the one that unlocks the most.
 */
public final class GoalRenewal {

    private GoalRenewal() {
    }

    /** The goals a student has not reached yet (a goal on a standard is reached when it is mastered). */
    public static List<Goal> open(Student student, Map<String, Double> estimate, double threshold) {
        return student.goals().stream().filter(g -> g.skill() == null
                || estimate.getOrDefault(g.skill(), 0.0) < threshold).toList();
    }

    /**
     * The next goal, or null when nothing is ready.
     *
     * @param reached  the goal just reached (its strand is the student's interest), or null
     * @param estimate the school's mastery estimates of the student
     * @param taken    standards already someone's goal for this student (not picked again)
     */
    public static Goal next(Student student, Goal reached, SkillGraph graph, Map<String, Double> estimate,
            double threshold, Set<String> taken) {
        Set<String> ready = graph.readySet(id -> estimate.getOrDefault(id, 0.0), threshold);
        String interest = reached == null ? null : reached.skill() != null && graph.contains(reached.skill())
                ? graph.skill(reached.skill()).strand() : reached.strand();
        int grade = student.grade() == null ? 0 : student.grade();
        Comparator<Skill> order = Comparator
                .comparing((Skill s) -> interest == null || !s.strand().equals(interest))
                .thenComparing(s -> s.grade() == null ? 0 : -(grade - s.grade()))
                .thenComparing(s -> -graph.downstreamCount(s.id()))
                .thenComparing(Skill::id);
        return ready.stream().filter(id -> !taken.contains(id)).map(graph::skill).min(order)
                .map(s -> new Goal(s.id(), null, reached == null || reached.priority() == null ? 2
                        : reached.priority()))
                .orElse(null);
    }

    /**
     * A student's goals after a goal-setting conference: the open ones kept, each reached one replaced by the next
     * ({@link #next}); the same list when none was reached.
     */
    public static List<Goal> renewed(Student student, SkillGraph graph, Map<String, Double> estimate,
            double threshold) {
        List<Goal> open = open(student, estimate, threshold);
        if (open.size() == student.goals().size()) {
            return student.goals();
        }
        List<Goal> next = new java.util.ArrayList<>(open);
        Set<String> taken = new java.util.HashSet<>();
        next.forEach(g -> taken.add(g.skill()));
        for (Goal reached : student.goals()) {
            if (!open.contains(reached)) {
                Goal g = next(student, reached, graph, estimate, threshold, taken);
                if (g != null) {
                    next.add(g);
                    taken.add(g.skill());
                }
            }
        }
        return List.copyOf(next);
    }
}
