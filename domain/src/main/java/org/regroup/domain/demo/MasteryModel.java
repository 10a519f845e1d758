package org.regroup.domain.demo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

import org.regroup.domain.Prerequisite;
import org.regroup.domain.Skill;

/**
 * Realistic mastery on a skill graph. Each student works at a grade level (their enrolled grade, give or take):
 * skills below it are mostly mastered with a few gaps, skills at it are mastered along the graph's topological
 * order up to the student's progress through the year, skills above it are mostly untouched. A skill is mastered
 * only when its prerequisites are (except, now and then, a below-level skill built over a gap, as happens), so the
 * frontier is consistent; and some at-level skill always stays unmastered, so every ready set is non-empty.
 */
public final class MasteryModel {

    static final double MASTERED_FROM = 0.82;
    private static final double GAP_RATE = 0.03;
    /** Progress through the working level: never all of it, so something at the level is still to learn. */
    private static final double MAX_PROGRESS = 0.8;

    private final List<Skill> skills;
    private final List<String> topological;
    private final Map<String, List<String>> prerequisites = new HashMap<>();
    private final Map<String, Integer> grade = new HashMap<>();
    private final Map<Integer, List<String>> levelOrder = new HashMap<>();
    private final int minLevel;
    private final int maxLevel;

    public MasteryModel(CcssGraph graph) {
        this.skills = graph.skills();
        skills.forEach(s -> {
            prerequisites.put(s.id(), new ArrayList<>());
            grade.put(s.id(), s.grade());
        });
        for (Prerequisite e : graph.prerequisites()) {
            prerequisites.get(e.skill()).add(e.prerequisite());
        }
        this.topological = topologicalOrder(graph);
        topological.forEach(id -> levelOrder.computeIfAbsent(grade.get(id), g -> new ArrayList<>()).add(id));
        this.minLevel = skills.stream().mapToInt(Skill::grade).min().orElseThrow();
        this.maxLevel = skills.stream().mapToInt(Skill::grade).max().orElseThrow();
    }

    public int minLevel() {
        return minLevel;
    }

    public int maxLevel() {
        return maxLevel;
    }

    /** Most within a grade of their own; ~10% two or three behind, ~5% two ahead; within the graph's levels. */
    int workingLevel(int enrolledGrade, Draw draw) {
        return workingLevel(enrolledGrade, LevelSpread.TYPICAL, draw);
    }

    /** A level drawn from {@code spread} around the enrolled grade, within the graph's levels. */
    int workingLevel(int enrolledGrade, LevelSpread spread, Draw draw) {
        int offset = spread.offset(draw.between(0.0, 1.0));
        return Math.max(minLevel, Math.min(maxLevel, enrolledGrade + offset));
    }

    /** Skill id → mastery, only the non-zero entries, rounded to 2 decimals, in skill-list order. */
    Map<String, Double> mastery(int level, Draw draw) {
        List<String> atLevel = levelOrder.getOrDefault(level, List.of());
        int learned = (int) (atLevel.size() * draw.between(0.05, MAX_PROGRESS));
        Set<String> learnedAtLevel = new HashSet<>(atLevel.subList(0, learned));
        Map<String, Double> value = new HashMap<>();
        Set<String> mastered = new HashSet<>();
        for (String id : topological) {
            boolean prerequisitesMastered = mastered.containsAll(prerequisites.get(id));
            int g = grade.get(id);
            double m;
            if (g < level) {
                // a gap, more likely over an earlier gap: what was not learned weakens what builds on it
                boolean gap = draw.chance(prerequisitesMastered ? GAP_RATE : 0.3);
                m = gap ? draw.between(0.3, 0.75) : draw.between(MASTERED_FROM, 1.0);
            } else if (g == level && prerequisitesMastered && learnedAtLevel.contains(id)) {
                m = draw.between(MASTERED_FROM, 1.0);
            } else if (g == level && prerequisitesMastered) {
                m = draw.chance(0.45) ? 0 : draw.between(0.1, 0.75); // being worked on
            } else if (g > level && prerequisitesMastered && draw.chance(0.2)) {
                m = draw.between(0.05, 0.45); // met it early, e.g. in a project
            } else {
                m = 0;
            }
            m = Math.min(1.0, Math.round(m * 100) / 100.0);
            if (m > 0) {
                value.put(id, m);
            }
            if (m >= MASTERED_FROM) {
                mastered.add(id);
            }
        }
        Map<String, Double> ordered = new LinkedHashMap<>();
        skills.forEach(s -> {
            Double m = value.get(s.id());
            if (m != null) {
                ordered.put(s.id(), m);
            }
        });
        return ordered;
    }

    /** Kahn's algorithm, ties broken by skill-list order so the result is the same every run. */
    private List<String> topologicalOrder(CcssGraph graph) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> waiting = new HashMap<>();
        Map<String, List<String>> next = new HashMap<>();
        for (int i = 0; i < skills.size(); i++) {
            index.put(skills.get(i).id(), i);
            waiting.put(skills.get(i).id(), 0);
            next.put(skills.get(i).id(), new ArrayList<>());
        }
        for (Prerequisite e : graph.prerequisites()) {
            waiting.merge(e.skill(), 1, Integer::sum);
            next.get(e.prerequisite()).add(e.skill());
        }
        PriorityQueue<String> ready = new PriorityQueue<>((a, b) -> Integer.compare(index.get(a), index.get(b)));
        waiting.forEach((id, n) -> {
            if (n == 0) {
                ready.add(id);
            }
        });
        List<String> order = new ArrayList<>();
        while (!ready.isEmpty()) {
            String id = ready.poll();
            order.add(id);
            for (String after : next.get(id)) {
                if (waiting.merge(after, -1, Integer::sum) == 0) {
                    ready.add(after);
                }
            }
        }
        if (order.size() != skills.size()) {
            throw new IllegalStateException("the skill graph has a cycle");
        }
        return order;
    }
}
