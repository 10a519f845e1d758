package org.regroup.benchmarks.cpsat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpSolverSolutionCallback;
import com.google.ortools.sat.LinearExpr;
import org.regroup.benchmarks.cpsat.ScoreTerms.Level;

/** Copies each improving solution's decisions into arrays; nothing else happens on the solver's thread. */
final class DecisionRecorder extends CpSolverSolutionCallback {

    private final DayModel m;
    private final long startNanos;
    private final LinearExpr hard;
    private final LinearExpr medium;
    private final LinearExpr soft;
    private final List<BoolVar[]> seatVars;
    private final List<Decisions> found = new ArrayList<>();

    private final boolean stopWhenWorkable;

    DecisionRecorder(DayModel m, long startNanos, boolean stopWhenWorkable) {
        this.m = m;
        this.stopWhenWorkable = stopWhenWorkable;
        this.startNanos = startNanos;
        this.hard = m.score.level(Level.HARD);
        this.medium = m.score.level(Level.MEDIUM);
        this.soft = m.score.level(Level.SOFT);
        this.seatVars = m.seatsOfPlacement.stream()
                .map(seats -> seats.stream().map(DayModel.Seat::var).toArray(BoolVar[]::new)).toList();
    }

    @Override
    public void onSolutionCallback() {
        Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
        Decisions d = new Decisions(chosen(seatVars), chosen(m.modeVars), chosen(m.roomVars), value(hard),
                value(medium), value(soft), elapsed);
        found.add(d);
        if (stopWhenWorkable && d.hard() == 0 && d.medium() == 0) {
            stopSearch();
        }
    }

    private int[] chosen(List<BoolVar[]> groups) {
        int[] result = new int[groups.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = -1;
            BoolVar[] vars = groups.get(i);
            for (int k = 0; k < vars.length; k++) {
                if (booleanValue(vars[k])) {
                    result[i] = k;
                    break;
                }
            }
        }
        return result;
    }

    List<Decisions> found() {
        return found;
    }
}
