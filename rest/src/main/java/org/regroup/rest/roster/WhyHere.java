package org.regroup.rest.roster;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.regroup.domain.Activity;
import org.regroup.domain.DayProblem;
import org.regroup.domain.Skill;
import org.regroup.domain.Student;
import org.regroup.domain.graph.SkillGraph;
import org.regroup.domain.plan.Focus;

/**
 * Why a student works on what the plan gives them, in a short line for a roster ("one of their goals · ready: every
 * prerequisite mastered · mastery 0.42"): from the day as it was planned (their goals, mastery and interests, and the
 * skill map), so that a teacher or an aide reading the roster knows what the student is there for.
 */
final class WhyHere {

    private final SkillGraph graph;
    private final double threshold;
    private final Map<String, Activity> activities = new HashMap<>();

    WhyHere(DayProblem day) {
        this.graph = SkillGraph.build(day.skills(), day.prerequisites(), new ArrayList<>());
        this.threshold = day.masteryThreshold();
        day.activities().forEach(a -> activities.put(a.id(), a));
    }

    /** The line, or null when the focus says nothing more (none, or not on the day's map). */
    String of(Student student, Focus focus) {
        if (focus == null || focus.kind() == null) {
            return null;
        }
        return switch (focus.kind()) {
            case SKILL -> skill(student, focus.id());
            case ADVISORY -> "advisory: time with their advisor";
            case ACTIVITY -> activity(student, activities.get(focus.id()));
        };
    }

    private String skill(Student student, String skillId) {
        if (!graph.contains(skillId)) {
            return null;
        }
        Skill skill = graph.skill(skillId);
        List<String> parts = new ArrayList<>();
        if (student.goals().stream().anyMatch(g -> g.matches(skill))) {
            parts.add("one of their goals");
        }
        double mastery = mastery(student, skillId);
        if (mastery >= threshold) {
            parts.add("review: already mastered");
        } else if (graph.prerequisitesOf(skillId).stream().allMatch(p -> mastery(student, p) >= threshold)) {
            parts.add("ready: every prerequisite mastered");
        } else {
            parts.add("not every prerequisite mastered yet");
        }
        parts.add(String.format(Locale.ROOT, "mastery %.2f", mastery));
        return String.join(" · ", parts);
    }

    private static String activity(Student student, Activity activity) {
        if (activity == null) {
            return null;
        }
        List<String> shared = activity.tags().stream().filter(student.interests()::contains).toList();
        return shared.isEmpty() ? "the day's " + activity.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                : "matches their interest in " + String.join(", ", shared);
    }

    private static double mastery(Student student, String skillId) {
        Double m = student.mastery().get(skillId);
        return m == null ? 0 : m;
    }
}
