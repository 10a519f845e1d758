package org.regroup.benchmarks.peers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import ai.timefold.solver.core.api.solver.SolverFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.regroup.domain.DayProblem;
import org.regroup.domain.demo.shapes.Shapes;
import org.regroup.domain.io.DayProblemReader;
import org.regroup.domain.plan.Kpis;
import org.regroup.solver.build.DayPlanBuilder;
import org.regroup.solver.model.DayPlan;
import org.regroup.solver.solve.RegroupSolverConfig;
import org.regroup.solver.solve.SolveOptions;

/**
 * Never worse than the witness, on every school shape and the bundled over-constrained day: Regroup's day builder
 * alone (local search stopped before its first step, so the outcome is the same on any machine) places at least as
 * many student-blocks as the independent witness, and breaks no hard rule wherever the witness shows none need break.
 * The benchmark suite (`./regroup bench --suite shapes`) checks the same after 30 s of search, seed by seed.
 */
class RegroupVersusWitnessTest {

    static Stream<Path> days() {
        return Stream.concat(Shapes.names().stream().map(n -> Path.of("..", "datasets", "shapes", n + ".json")),
                Stream.of(Path.of("..", "datasets", "overconstrained.json")));
    }

    @ParameterizedTest
    @MethodSource("days")
    void theDayBuilderPlacesAtLeastAsManyAsTheWitnessAndBreaksNoHardRuleWhereItBreaksNone(Path file) {
        DayProblem problem = DayPlanBuilder.validated(DayProblemReader.readOnly(file), file.toString());

        PlanScorer.Scored witness = PlanScorer.score(problem, new WitnessPeer()
                .run(problem, DayPlanBuilder.build(problem, file.toString()), Duration.ofMinutes(1), 1).last(),
                file.toString());
        PlanScorer.Scored regroup = PlanScorer.score(built(problem, file.toString()));

        Kpis ours = regroup.kpis();
        Kpis theirs = witness.kpis();
        assertThat(ours.placedShare()).as("placed share on %s (witness %s)", file, witness.score())
                .isGreaterThanOrEqualTo(theirs.placedShare());
        if (witness.score().hardScore() == 0) {
            assertThat(regroup.score().hardScore()).as("hard score on %s", file).isZero();
        }
    }

    /** Construction only, with a guard of minutes that no run of the builder comes near. */
    private static DayPlan built(DayProblem problem, String source) {
        var options = SolveOptions.of(Duration.ofMinutes(10)).withSeed(1).withStepCountLimit(0);
        return SolverFactory.<DayPlan>create(RegroupSolverConfig.create(options)).buildSolver()
                .solve(DayPlanBuilder.build(problem, source));
    }
}
