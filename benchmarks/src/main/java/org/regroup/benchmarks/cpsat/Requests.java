package org.regroup.benchmarks.cpsat;

import java.util.ArrayList;
import java.util.List;

import com.google.ortools.sat.LinearArgument;
import com.google.ortools.sat.Literal;
import org.regroup.solver.model.Ask;
import org.regroup.solver.model.Placement;

/** Whether a request is honoured: some block of the student (its block, when it names one) matches every part given. */
final class Requests {

    private Requests() {
    }

    static Literal honoured(DayModel m, Ask ask) {
        List<LinearArgument> blocks = new ArrayList<>();
        for (Placement p : m.dayOf.getOrDefault(ask.learner(), List.of())) {
            if (ask.period() != null && ask.period() != p.getPeriod()) {
                continue;
            }
            LinearArgument match = m.placed.get(p.getIndex());
            if (ask.adult() != null) {
                match = m.withAdult(p, ask.adult());
            }
            if (ask.mode() != null) {
                match = m.logic.and(match, m.in(p, ask.mode()));
            }
            if (ask.focus() != null) {
                match = m.logic.and(match, m.works(p, ask.focus()));
            }
            blocks.add(match);
        }
        return m.logic.or(blocks);
    }
}
