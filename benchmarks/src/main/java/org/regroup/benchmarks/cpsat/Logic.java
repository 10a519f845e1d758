package org.regroup.benchmarks.cpsat;

import java.util.List;

import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.LinearArgument;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.Literal;

/**
 * Boolean connectives over 0/1-valued linear expressions, encoded both ways (the new variable equals the
 * connective in every solution, not only at the optimum), so that the objective CP-SAT reports for any solution it
 * finds is the true penalty of that solution.
 */
final class Logic {

    private final CpModel model;
    private int counter;

    Logic(CpModel model) {
        this.model = model;
    }

    /** b ⇔ a ∧ c. */
    BoolVar and(LinearArgument a, LinearArgument c) {
        BoolVar b = model.newBoolVar("and" + counter++);
        model.addLessOrEqual(b, a);
        model.addLessOrEqual(b, c);
        model.addGreaterOrEqual(LinearExpr.newBuilder().add(b).addTerm(a, -1).addTerm(c, -1), -1);
        return b;
    }

    /** b ⇔ at least one of the 0/1 expressions is 1; false when there are none. */
    Literal or(List<? extends LinearArgument> terms) {
        if (terms.isEmpty()) {
            return model.falseLiteral();
        }
        if (terms.size() == 1 && terms.get(0) instanceof Literal only) {
            return only;
        }
        BoolVar b = model.newBoolVar("or" + counter++);
        model.addLessOrEqual(b, sum(terms));
        for (LinearArgument t : terms) {
            model.addLessOrEqual(t, b);
        }
        return b;
    }

    /** 1 − a, for a 0/1 expression. */
    static LinearExpr not(LinearArgument a) {
        return LinearExpr.newBuilder().add(1).addTerm(a, -1).build();
    }

    static LinearExpr sum(List<? extends LinearArgument> terms) {
        return LinearExpr.sum(terms.toArray(LinearArgument[]::new));
    }
}
