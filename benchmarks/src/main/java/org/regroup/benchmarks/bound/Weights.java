package org.regroup.benchmarks.bound;

import org.regroup.solver.constraints.RegroupConstraintProvider;
import org.regroup.solver.model.DayPlan;

/** The day's soft weight per unit of each rule: the school's override where it has one, else the default. */
record Weights(int[] byTerm) {

    static Weights of(DayPlan day) {
        int[] w = new int[Term.COUNT];
        for (Term t : Term.values()) {
            w[t.ordinal()] = RegroupConstraintProvider.softWeight(day, t.rule());
            if (w[t.ordinal()] < 0) {
                // The validator refuses negative weights; a reward would make "relaxed to 0" unsound.
                throw new IllegalArgumentException("negative weight for " + t.rule());
            }
        }
        return new Weights(w);
    }

    int of(Term t) {
        return byTerm[t.ordinal()];
    }
}
