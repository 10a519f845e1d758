package org.regroup.benchmarks.cpsat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToLongFunction;

import ai.timefold.solver.core.api.domain.solution.ConstraintWeightOverrides;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import com.google.ortools.sat.CpModelProto;
import com.google.ortools.sat.IntegerVariableProto;
import com.google.ortools.sat.LinearArgument;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import org.regroup.solver.constraints.RegroupConstraintProvider;
import org.regroup.solver.constraints.Rules;

/**
 * The penalty of every rule the model prices, as a linear expression of "units" (the same unit Timefold's rule
 * counts: students, pairs, minutes…) times the rule's weight per unit. One objective orders the levels
 * lexicographically: a medium point outweighs every possible soft penalty, a hard point every medium and soft one.
 */
final class ScoreTerms {

    enum Level { HARD, MEDIUM, SOFT }

    /** Default soft weights per unit: the solver's own (docs/format.md); a school overrides them. */
    static final Map<String, Integer> DEFAULT_SOFT_WEIGHTS = RegroupConstraintProvider.DEFAULT_SOFT_WEIGHTS;

    /** Medium rules: an unplaced student-block costs 10, a group's shortfall 1 per missing student. */
    static final Map<String, Integer> MEDIUM_WEIGHTS = RegroupConstraintProvider.MEDIUM_WEIGHTS;

    private final Map<String, LinearExprBuilder> units = new LinkedHashMap<>();
    /** The objective's weight of one medium and one hard point (set by {@link #objective}). */
    private long mediumWeight;
    private long hardWeight;
    private final ConstraintWeightOverrides<HardMediumSoftScore> overrides;
    private final Scope scope;
    private final com.google.ortools.sat.CpModel model;

    ScoreTerms(ConstraintWeightOverrides<HardMediumSoftScore> overrides, Scope scope,
            com.google.ortools.sat.CpModel model) {
        this.overrides = overrides;
        this.scope = scope;
        this.model = model;
    }

    static Level levelOf(String rule) {
        if (MEDIUM_WEIGHTS.containsKey(rule)) {
            return Level.MEDIUM;
        }
        return Rules.SOFT.contains(rule) ? Level.SOFT : Level.HARD;
    }

    /** Weight of one unit of the rule at its level (hard rules: 1 per unit, as Timefold's ONE_HARD). */
    long weightOf(String rule) {
        return switch (levelOf(rule)) {
            case HARD -> 1;
            case MEDIUM -> MEDIUM_WEIGHTS.get(rule);
            case SOFT -> {
                HardMediumSoftScore override = overrides == null ? null : overrides.getConstraintWeight(rule);
                yield override != null ? override.softScore() : DEFAULT_SOFT_WEIGHTS.get(rule);
            }
        };
    }

    /**
     * Adds {@code multiplier × units} to the rule's count. In a {@link Scope#WORKABLE} model a hard or medium term is
     * constrained to 0 instead of only priced: every such term is a count ≥ 0 with a positive multiplier, so the
     * level is 0 exactly when each term is, and a per-term constraint lets presolve fix its variables at once.
     */
    void add(String rule, LinearArgument unitsToAdd, long multiplier) {
        if (scope == Scope.WORKABLE && levelOf(rule) != Level.SOFT) {
            if (multiplier <= 0) {
                throw new IllegalStateException(rule + ": a hard or medium term must count up");
            }
            model.addEquality(unitsToAdd, 0);
        }
        units.computeIfAbsent(rule, r -> LinearExpr.newBuilder()).addTerm(unitsToAdd, multiplier);
    }

    void add(String rule, LinearArgument unitsToAdd) {
        add(rule, unitsToAdd, 1);
    }

    Map<String, LinearExpr> unitsByRule() {
        Map<String, LinearExpr> result = new LinkedHashMap<>();
        units.forEach((rule, b) -> result.put(rule, b.build()));
        return result;
    }

    /** Penalty points of one level (positive numbers: a penalty of 5 soft is Timefold's -5soft). */
    LinearExpr level(Level level) {
        LinearExprBuilder sum = LinearExpr.newBuilder();
        units.forEach((rule, b) -> {
            if (levelOf(rule) == level) {
                sum.addTerm(b.build(), weightOf(rule));
            }
        });
        return sum.build();
    }

    /**
     * hard × H + medium × M + soft, where M exceeds the largest soft penalty the model allows and H the largest
     * medium-and-soft one: minimizing it minimizes the levels in order.
     */
    LinearExpr objective(CpModelProto proto) {
        LinearExpr hard = level(Level.HARD);
        LinearExpr medium = level(Level.MEDIUM);
        LinearExpr soft = level(Level.SOFT);
        if (scope == Scope.WORKABLE) {
            // hard and medium are 0 by constraint: the soft penalty alone, so the bound is a bound on soft
            mediumWeight = 0;
            hardWeight = 0;
            return soft;
        }
        long m = upperBound(soft, proto) + 1;
        long h = Math.multiplyExact(m, upperBound(medium, proto) + 1);
        mediumWeight = m;
        hardWeight = h;
        return LinearExpr.newBuilder().addTerm(hard, h).addTerm(medium, m).add(soft).build();
    }

    /** The largest value an expression can take over its variables' domains. */
    static long upperBound(LinearExpr expr, CpModelProto proto) {
        long ub = expr.getOffset();
        for (int i = 0; i < expr.numElements(); i++) {
            IntegerVariableProto v = proto.getVariables(expr.getVariableIndex(i));
            long coefficient = expr.getCoefficient(i);
            long bound = coefficient > 0 ? v.getDomain(v.getDomainCount() - 1) : v.getDomain(0);
            ub = Math.addExact(ub, Math.multiplyExact(coefficient, bound));
        }
        return Math.max(0, ub);
    }

    Scope scope() {
        return scope;
    }

    long mediumWeight() {
        return mediumWeight;
    }

    long hardWeight() {
        return hardWeight;
    }

    /** Per-rule penalty points of a solution (weight × units), in the model's rule order. */
    Map<String, Long> points(ToLongFunction<LinearExpr> valueOf) {
        Map<String, Long> result = new LinkedHashMap<>();
        unitsByRule().forEach((rule, expr) -> result.put(rule, weightOf(rule) * valueOf.applyAsLong(expr)));
        return result;
    }
}
