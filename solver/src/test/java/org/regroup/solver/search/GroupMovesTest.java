package org.regroup.solver.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.heuristic.selector.move.factory.MoveIteratorFactoryConfig;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.phase.custom.CustomPhaseConfig;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import org.junit.jupiter.api.Test;
import org.regroup.domain.DayProblem;
import org.regroup.domain.io.DayProblemReader;
import org.regroup.solver.build.DayPlanBuilder;
import org.regroup.solver.constraints.RegroupConstraintProvider;
import org.regroup.solver.construct.DayConstructor;
import org.regroup.solver.model.DayPlan;
import org.regroup.solver.model.Placement;
import org.regroup.solver.model.Session;

/**
 * Group moves alone, under Timefold's full assertions (every move undone exactly, the score after each step
 * recomputed from scratch): they keep every value within its entity's range and never take a seat away.
 */
class GroupMovesTest {

    @Test
    void groupMovesAloneKeepTheScoreExactAndEverySeat() {
        // tiny: every adult runs a group in every block, so no slot is free to open; trades and take-overs move there
        for (String shape : List.of("studio", "offsite-travel", "keep-apart", "tiny")) {
            Path file = Path.of("..", "datasets", "shapes", shape + ".json");
            DayProblem problem = DayPlanBuilder.validated(DayProblemReader.readOnly(file), file.toString());
            DayPlan built = solve(DayPlanBuilder.build(problem, shape), 0);
            long seated = seated(built);

            DayPlan searched = solve(DayPlanBuilder.build(problem, shape), 60);

            assertThat(seated(searched)).as("seats on %s", shape).isGreaterThanOrEqualTo(seated);
            assertThat(moved(built, searched)).as("students group moves moved on %s", shape).isPositive();
            assertThat(searched.getScore()).as("score on %s", shape).isGreaterThanOrEqualTo(built.getScore());
            for (Placement p : searched.getPlacements()) {
                assertThat(p.getSession() == null || p.getCandidates().contains(p.getSession())).isTrue();
            }
            for (Session s : searched.getSessions()) {
                assertThat(s.getAllowedModes()).contains(s.getMode());
                assertThat(s.getRoom() == null || s.getAllowedRooms().contains(s.getRoom())).isTrue();
            }
        }
    }

    /** The day builder, then {@code steps} steps of local search made of group moves only. */
    private static DayPlan solve(DayPlan day, int steps) {
        LocalSearchPhaseConfig groupMovesOnly = new LocalSearchPhaseConfig()
                .withMoveSelectorConfig(new MoveIteratorFactoryConfig().withMoveIteratorFactoryClass(GroupMoves.class))
                .withTerminationConfig(new TerminationConfig().withStepCountLimit(steps));
        SolverConfig config = new SolverConfig().withSolutionClass(DayPlan.class)
                .withEntityClasses(DayPlan.ENTITY_CLASSES)
                .withConstraintProviderClass(RegroupConstraintProvider.class)
                .withPhases(new CustomPhaseConfig().withCustomPhaseCommands(new DayConstructor()), groupMovesOnly)
                .withEnvironmentMode(steps == 0 ? EnvironmentMode.PHASE_ASSERT : EnvironmentMode.FULL_ASSERT)
                .withRandomSeed(7L)
                .withTerminationConfig(new TerminationConfig().withSpentLimit(Duration.ofMinutes(10)));
        return SolverFactory.<DayPlan>create(config).buildSolver().solve(day);
    }

    /** Student-blocks in another session than after the (deterministic) day builder. */
    private static long moved(DayPlan built, DayPlan searched) {
        long moved = 0;
        for (int i = 0; i < built.getPlacements().size(); i++) {
            Session before = built.getPlacements().get(i).getSession();
            Session after = searched.getPlacements().get(i).getSession();
            if ((before == null) != (after == null) || before != null && !before.getId().equals(after.getId())) {
                moved++;
            }
        }
        return moved;
    }

    private static long seated(DayPlan day) {
        return day.getPlacements().stream().filter(p -> p.getSession() != null).count();
    }
}
