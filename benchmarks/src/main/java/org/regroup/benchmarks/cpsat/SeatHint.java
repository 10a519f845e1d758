package org.regroup.benchmarks.cpsat;

import java.util.List;

import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpModelProto;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverResponse;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.PartialVariableAssignment;
import org.regroup.benchmarks.cpsat.DayModel.Seat;
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
     * Hints the model with these seats (per placement, its session or null; pinned placements keep their pin).
     * Returns false, leaving the model unchanged, when the seats break a hard constraint or time runs out.
     */
    static boolean addTo(DayModel m, List<Session> seatOf, double seconds, int workers) {
        CpModel copy = m.model.getClone();
        CpModelProto.Builder proto = copy.getBuilder();
        for (List<Seat> seats : m.seatsOfPlacement) {
            for (Seat seat : seats) {
                Placement p = seat.placement();
                Session chosen = p.isPinned() ? p.getSession() : seatOf.get(p.getIndex());
                long value = seat.session() == chosen ? 1 : 0;
                proto.getVariablesBuilder(seat.var().getIndex()).clearDomain().addDomain(value).addDomain(value);
            }
        }
        CpSolver solver = new CpSolver();
        solver.getParameters().setNumWorkers(workers).setMaxTimeInSeconds(seconds).setStopAfterFirstSolution(true);
        CpSolverStatus status = solver.solve(copy);
        if (status != CpSolverStatus.FEASIBLE && status != CpSolverStatus.OPTIMAL) {
            return false;
        }
        CpSolverResponse response = solver.response();
        PartialVariableAssignment.Builder hint = PartialVariableAssignment.newBuilder();
        for (int i = 0; i < response.getSolutionCount(); i++) {
            hint.addVars(i).addValues(response.getSolution(i));
        }
        m.model.getBuilder().setSolutionHint(hint);
        return true;
    }
}
