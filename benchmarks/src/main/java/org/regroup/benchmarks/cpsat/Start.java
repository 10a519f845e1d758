package org.regroup.benchmarks.cpsat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import ai.timefold.solver.core.config.solver.SolverConfig;
import org.regroup.domain.DayProblem;
import org.regroup.solver.build.DayPlanBuilder;
import org.regroup.solver.model.DayPlan;
import org.regroup.solver.model.Placement;
import org.regroup.solver.model.Session;
import org.regroup.solver.solve.DaySolver;
import org.regroup.solver.solve.RegroupSolverConfig;
import org.regroup.solver.solve.SolveOptions;

/** Where CP-SAT's search starts: the seats of its first (hinted) solution. */
enum Start {

    /** Nobody placed but the pins: CP-SAT on its own, the peer as measured. */
    EMPTY_DAY,

    /**
     * Regroup's own construction (DayConstructor and the construction heuristic, no local search): CP-SAT as an
     * improver of Regroup's first plan. Not the peer as measured; for where a feasible start is needed quickly.
     */
    REGROUP_CONSTRUCTION;

    /** The seats to hint, per placement index (null: unplaced). */
    List<Session> seats(DayProblem problem, DayPlan day) {
        List<Session> seats = new ArrayList<>(Collections.nCopies(day.getPlacements().size(), null));
        if (this == EMPTY_DAY) {
            return seats;
        }
        DayPlan fresh = DayPlanBuilder.build(problem, "cp-sat start");
        SolverConfig config = RegroupSolverConfig.create(SolveOptions.of(Duration.ofSeconds(30)));
        config.setPhaseConfigList(config.getPhaseConfigList().subList(0, 2));
        DayPlan built = DaySolver.solve(fresh, config, progress -> {
        }, (elapsed, plan) -> {
        }).plan();
        for (Placement p : built.getPlacements()) {
            Session s = p.getSession();
            seats.set(p.getIndex(), s == null ? null : day.getSessions().get(s.getIndex()));
        }
        return seats;
    }
}
