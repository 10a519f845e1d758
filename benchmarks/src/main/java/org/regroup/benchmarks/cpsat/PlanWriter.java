package org.regroup.benchmarks.cpsat;

import java.util.HashMap;
import java.util.Map;

import org.regroup.domain.DayProblem;
import org.regroup.domain.plan.Plan;
import org.regroup.solver.build.DayPlanBuilder;
import org.regroup.solver.explain.Explainer;
import org.regroup.solver.model.DayPlan;
import org.regroup.solver.model.Placement;
import org.regroup.solver.model.Session;
import org.regroup.solver.output.PlanAssembler;

/** Turns recorded decisions into a plan: set onto a freshly built day, scored by Regroup's rules, assembled. */
final class PlanWriter {

    static final String SOURCE = "cp-sat";

    private PlanWriter() {
    }

    /** A fresh day carrying the decisions, with its Timefold score and shadow variables up to date. */
    static DayPlan day(DayProblem problem, DayModel m, Decisions d) {
        DayPlan day = DayPlanBuilder.build(problem, SOURCE);
        Map<String, Session> sessions = new HashMap<>();
        day.getSessions().forEach(s -> sessions.put(s.getId(), s));
        Map<String, Placement> placements = new HashMap<>();
        day.getPlacements().forEach(p -> placements.put(p.getId(), p));
        for (Session modelled : m.sessions) {
            Session s = sessions.get(modelled.getId());
            if (s.isFixed()) {
                continue;
            }
            int i = modelled.getIndex();
            s.setMode(s.getAllowedModes().get(d.mode()[i]));
            s.setRoom(d.room()[i] < 0 ? null : s.getAllowedRooms().get(d.room()[i]));
        }
        for (Placement modelled : m.placements) {
            Placement p = placements.get(modelled.getId());
            if (p.isPinned()) {
                continue;
            }
            int seat = d.seat()[modelled.getIndex()];
            p.setSession(seat < 0 ? null : sessions.get(modelled.getCandidates().get(seat).getId()));
        }
        Explainer.solutionManager().update(day);
        return day;
    }

    static Plan plan(DayProblem problem, DayModel m, Decisions d) {
        return PlanAssembler.assemble(day(problem, m, d));
    }
}
