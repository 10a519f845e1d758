package org.regroup.benchmarks.cpsat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.google.ortools.Loader;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import org.junit.jupiter.api.Test;
import org.regroup.domain.DayProblem;
import org.regroup.domain.Staff;
import org.regroup.domain.Student;
import org.regroup.solver.build.DayPlanBuilder;
import org.regroup.solver.model.DayPlan;

/**
 * Ordering interchangeable adults removes no optimum: on the tiny day with a twin of one adult (same everything, no
 * advisees, named by no request), the model with the ordering proves the same optimum as the model without it.
 * Bounded by CP-SAT's deterministic time on one worker with a fixed seed.
 */
class SymmetryTest {

    static DayProblem withTwin() {
        DayProblem tiny = CpSatOptimalityTest.tinyDay();
        Set<String> named = tiny.students().stream().map(Student::advisorId).filter(id -> id != null)
                .collect(Collectors.toSet());
        tiny.requests().forEach(r -> {
            if (r.staffId() != null) {
                named.add(r.staffId());
            }
        });
        Staff original = tiny.staff().stream().filter(t -> !named.contains(t.id())).findFirst().orElseThrow();
        Staff twin = new Staff(original.id() + "-twin", original.name(), original.role(), original.qualifications(),
                original.modalities(), null, original.maxTeachingBlocks(), original.maxStudents(), null,
                original.maySuperviseOffSite(), original.costPerDay());
        List<Staff> staff = new ArrayList<>(tiny.staff());
        staff.add(twin);
        DayProblem day = new DayProblem(tiny.format(), tiny.version(), "tiny-twin", tiny.date(), tiny.school(),
                tiny.blocks(), tiny.skills(), tiny.prerequisites(), tiny.modalities(), tiny.activities(), staff,
                tiny.spaces(), tiny.students(), tiny.requests(), tiny.weights());
        return DayPlanBuilder.validated(day, "tiny day with a twin");
    }

    @Test
    void orderingTwinsKeepsTheOptimum() {
        Loader.loadNativeLibraries();
        DayProblem problem = withTwin();
        DayModel ordered = DayModel.of(DayPlanBuilder.build(problem, "ordered"), Scope.ALL_PLANS, true);
        DayModel free = DayModel.of(DayPlanBuilder.build(problem, "free"), Scope.ALL_PLANS, false);
        assertThat(ordered.symmetricDays).as("the twin and its original form a class").hasSize(1);
        assertThat(ordered.symmetricDays.get(0)).hasSize(2);

        long withOrdering = optimum(ordered);
        long without = optimum(free);
        assertThat(withOrdering).isEqualTo(without);
    }

    /** A start plan is hinted as its ordered twin, whichever of the pair its search happened to fill first. */
    @Test
    void aStartPlanIsHintedAsItsOrderedTwin() {
        Loader.loadNativeLibraries();
        DayProblem problem = withTwin();
        DayPlan regroup = CpSatPeerTest.regroupPlan(problem);
        for (int swap = 0; swap < 2; swap++) {
            DayModel m = DayModel.of(DayPlanBuilder.build(problem, "ordered"), Scope.ALL_PLANS, true);
            DayPlan start = swap == 0 ? regroup : swapped(problem, regroup, m.symmetricDays.get(0));
            CpSolverStatus hinted = SeatHint.addTo(m, start,
                    CpSatPeer.Search.deterministic(CpSatOptimalityTest.DETERMINISTIC_SECONDS),
                    CpSatPeer.Search.GUARD.toSeconds());
            assertThat(hinted).as("swap %d", swap).isIn(CpSolverStatus.FEASIBLE, CpSolverStatus.OPTIMAL);
        }
    }

    /** The plan with the two twins' whole days exchanged (seats, modalities, rooms). */
    private static DayPlan swapped(DayProblem problem, DayPlan plan,
            List<List<org.regroup.solver.model.Session>> pair) {
        DayPlan copy = DayPlanBuilder.build(problem, "swapped");
        java.util.Map<Integer, Integer> other = new java.util.HashMap<>();
        for (int b = 0; b < pair.get(0).size(); b++) {
            other.put(pair.get(0).get(b).getIndex(), pair.get(1).get(b).getIndex());
            other.put(pair.get(1).get(b).getIndex(), pair.get(0).get(b).getIndex());
        }
        for (var s : plan.getSessions()) {
            var target = copy.getSessions().get(other.getOrDefault(s.getIndex(), s.getIndex()));
            if (!target.isFixed()) {
                target.setMode(target.getAllowedModes().stream().filter(x -> x.getId().equals(s.getMode().getId()))
                        .findFirst().orElseThrow());
                target.setRoom(s.getRoom() == null ? null : target.getAllowedRooms().stream()
                        .filter(r -> r.getId().equals(s.getRoom().getId())).findFirst().orElse(null));
            }
        }
        for (var p : plan.getPlacements()) {
            var target = copy.getPlacements().get(p.getIndex());
            if (!target.isPinned()) {
                target.setSession(p.getSession() == null ? null
                        : copy.getSessions().get(other.getOrDefault(p.getSession().getIndex(), p.getSession().getIndex())));
            }
        }
        return copy;
    }

    private static long optimum(DayModel m) {
        CpSolver solver = new CpSolver();
        CpSatPeer.Search.deterministic(CpSatOptimalityTest.DETERMINISTIC_SECONDS).limit(solver.getParameters(),
                CpSatPeer.Search.GUARD.toSeconds());
        solver.getParameters().setRandomSeed(1);
        CpSolverStatus status = solver.solve(m.model);
        assertThat(status).isEqualTo(CpSolverStatus.OPTIMAL);
        return (long) solver.objectiveValue();
    }
}
