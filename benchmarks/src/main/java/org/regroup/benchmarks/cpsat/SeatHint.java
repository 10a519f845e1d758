package org.regroup.benchmarks.cpsat;

import java.util.List;

import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpModelProto;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverResponse;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.PartialVariableAssignment;
import org.regroup.benchmarks.cpsat.DayModel.Seat;
import org.regroup.solver.model.DayPlan;
import org.regroup.solver.model.Placement;
import org.regroup.solver.model.Session;

/**
 * A complete solution hint from given seats. CP-SAT left alone on the small day spent its whole budget looking for a
 * first solution (its one full worker is busy with the LP on 2 cores); a complete, feasible hint is its first
 * solution at once, and its LNS workers improve from there. CP-SAT itself completes the hint (modalities, rooms,
 * foci and every derived variable) on a copy of the model with the seats fixed.
 */
final class SeatHint {

    private SeatHint() {
    }

    /**
     * Hints the model with a plan's seats, modalities and rooms (entities matched by index; null: nobody placed but
     * the pins, modalities and rooms left to CP-SAT). Returns false, leaving the model unchanged, when the plan breaks
     * a hard constraint of the model or its budget runs out ({@code seconds} of wall clock, and the search's
     * deterministic budget if it has one). Returns the completion's status: FEASIBLE or OPTIMAL when hinted.
     */
    static CpSolverStatus addTo(DayModel m, DayPlan start, CpSatPeer.Search search, double seconds) {
        CpModel copy = m.model.getClone();
        CpModelProto.Builder proto = copy.getBuilder();
        // The start plan's symmetric twin that keeps the model's ordering of interchangeable adults (Symmetry).
        int[] twin = start == null ? null : Symmetry.canonical(m, sizes(start)::get);
        for (List<Seat> seats : m.seatsOfPlacement) {
            for (Seat seat : seats) {
                Placement p = seat.placement();
                Session chosen = p.isPinned() ? p.getSession() : start == null ? null
                        : sessionOf(start.getPlacements().get(p.getIndex()).getSession(), m, twin);
                fix(proto, seat.var(), seat.session() == chosen);
            }
        }
        if (start != null) {
            for (Session s : start.getSessions()) {
                Session modelled = m.sessions.get(twin[s.getIndex()]);
                for (int i = 0; i < modelled.getAllowedModes().size(); i++) {
                    fix(proto, m.modeVars.get(modelled.getIndex())[i], modelled.getAllowedModes().get(i).getId()
                            .equals(s.getMode().getId()));
                }
                if (s.isOpen()) {
                    for (int i = 0; i < modelled.getAllowedRooms().size(); i++) {
                        fix(proto, m.roomVars.get(modelled.getIndex())[i], s.getRoom() != null
                                && modelled.getAllowedRooms().get(i).getId().equals(s.getRoom().getId()));
                    }
                }
            }
        }
        CpSolver solver = new CpSolver();
        search.limit(solver.getParameters(), seconds);
        solver.getParameters().setStopAfterFirstSolution(true);

        CpSolverStatus status = solver.solve(copy);
        if (status != CpSolverStatus.FEASIBLE && status != CpSolverStatus.OPTIMAL) {
            return status;
        }
        CpSolverResponse response = solver.response();
        PartialVariableAssignment.Builder hint = PartialVariableAssignment.newBuilder();
        for (int i = 0; i < response.getSolutionCount(); i++) {
            hint.addVars(i).addValues(response.getSolution(i));
        }
        m.model.getBuilder().setSolutionHint(hint);
        return status;
    }

    /** Session sizes in the plan, counted from its placements (not from shadow variables a copy may not carry). */
    private static java.util.Map<Integer, Integer> sizes(DayPlan plan) {
        java.util.Map<Integer, Integer> sizes = new java.util.HashMap<>();
        for (Session s : plan.getSessions()) {
            sizes.put(s.getIndex(), 0);
        }
        for (Placement p : plan.getPlacements()) {
            if (p.getSession() != null) {
                sizes.merge(p.getSession().getIndex(), 1, Integer::sum);
            }
        }
        return sizes;
    }

    private static Session sessionOf(Session inStart, DayModel m, int[] twin) {
        return inStart == null ? null : m.sessions.get(twin[inStart.getIndex()]);
    }

    private static void fix(CpModelProto.Builder proto, com.google.ortools.sat.BoolVar var, boolean value) {
        long v = value ? 1 : 0;
        proto.getVariablesBuilder(var.getIndex()).clearDomain().addDomain(v).addDomain(v);
    }
}
