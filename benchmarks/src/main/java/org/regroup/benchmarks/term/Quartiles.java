package org.regroup.benchmarks.term;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.regroup.domain.Student;
import org.regroup.domain.learning.LearningModel;

/**
 * Where students stood at the start of the term within their grade, and how far each group has come since. A
 * student's level is the standards they truly master less the median of their grade at the start; the bottom
 * quartile are the quarter of students furthest behind their grade, the top quartile the quarter furthest ahead.
 * The gap between them (in standards) narrows when the bottom quartile gains more than the top.
 */
final class Quartiles {

    /** Standards mastered since the start, per student on average, for everyone and each quartile; the gap now. */
    record Gains(double mean, double bottomMean, double topMean, double gapAtStart, double gap) {
    }

    private final Map<String, Integer> atStart;
    private final List<String> bottom;
    private final List<String> top;
    private final double gapAtStart;

    private Quartiles(Map<String, Integer> atStart, List<String> bottom, List<String> top, double gapAtStart) {
        this.atStart = atStart;
        this.bottom = bottom;
        this.top = top;
        this.gapAtStart = gapAtStart;
    }

    static Quartiles of(List<Student> students, Map<String, Set<String>> masteredAtStart) {
        Map<String, Integer> count = new HashMap<>();
        Map<Integer, List<Integer>> byGrade = new HashMap<>();
        for (Student s : students) {
            int n = masteredAtStart.getOrDefault(s.id(), Set.of()).size();
            count.put(s.id(), n);
            byGrade.computeIfAbsent(grade(s), g -> new ArrayList<>()).add(n);
        }
        Map<Integer, Double> median = new HashMap<>();
        byGrade.forEach((g, counts) -> median.put(g, median(counts)));
        Map<String, Double> level = new HashMap<>();
        students.forEach(s -> level.put(s.id(), count.get(s.id()) - median.get(grade(s))));
        List<String> ranked = students.stream().map(Student::id)
                .sorted(Comparator.comparing((String id) -> level.get(id)).thenComparing(id -> id)).toList();
        int quarter = ranked.size() / 4;
        List<String> bottom = ranked.subList(0, quarter);
        List<String> top = ranked.subList(ranked.size() - quarter, ranked.size());
        double gap = quarter == 0 ? 0 : mean(top, level::get) - mean(bottom, level::get);
        return new Quartiles(count, List.copyOf(bottom), List.copyOf(top), gap);
    }

    Gains gains(LearningModel model) {
        Map<String, Integer> gained = new HashMap<>();
        atStart.forEach((id, n) -> gained.put(id, model.mastered(id).size() - n));
        double bottomMean = mean(bottom, id -> (double) gained.get(id));
        double topMean = mean(top, id -> (double) gained.get(id));
        return new Gains(mean(List.copyOf(gained.keySet()), id -> (double) gained.get(id)), bottomMean, topMean,
                gapAtStart, gapAtStart + topMean - bottomMean);
    }

    private static int grade(Student s) {
        return s.grade() == null ? 0 : s.grade();
    }

    private static double mean(List<String> ids, java.util.function.Function<String, Double> value) {
        return ids.isEmpty() ? 0 : ids.stream().mapToDouble(value::apply).average().orElse(0);
    }

    static double median(List<Integer> values) {
        List<Integer> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n == 0 ? 0 : n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }
}
