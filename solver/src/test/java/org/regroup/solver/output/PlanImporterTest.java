package org.regroup.solver.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.regroup.domain.DayProblem;
import org.regroup.domain.InvalidInputException;
import org.regroup.domain.demo.DatasetGenerator;
import org.regroup.domain.plan.BlockPlan;
import org.regroup.domain.plan.Plan;
import org.regroup.domain.plan.SessionPlan;
import org.regroup.solver.StepBounded;
import org.regroup.solver.build.DayPlanBuilder;
import org.regroup.solver.explain.Explainer;
import org.regroup.solver.model.DayPlan;
import org.regroup.solver.solve.DaySolver;

class PlanImporterTest {

    private static DayProblem problem;
    private static DayPlan solved;
    private static Plan plan;

    @BeforeAll
    static void solveSmall() {
        problem = DatasetGenerator.generate(DatasetGenerator.Preset.SMALL, 1);
        solved = DaySolver.solve(DayPlanBuilder.build(problem, "small"), StepBounded.steps(1, 300), p -> { })
                .plan();
        plan = PlanAssembler.assemble(solved);
    }

    @Test
    void aWrittenPlanReadBackScoresTheSame() {
        DayPlan fresh = PlanImporter.apply(plan, DayPlanBuilder.build(problem, "small"), "plan.json");
        Explainer.solutionManager().update(fresh);
        assertThat(fresh.getScore()).isEqualTo(solved.getScore());
        assertThat(PlanAssembler.assemble(fresh).students()).isEqualTo(plan.students());
    }

    @Test
    void aVersion1PlanIsReadAsItAlwaysWas() {
        Plan v1 = new Plan(plan.format(), 1, plan.problemId(), plan.date(), plan.score(), plan.feasible(), null,
                plan.kpis(), plan.blocks(), plan.students(), plan.unplaced(), List.of());
        DayPlan fresh = PlanImporter.apply(v1, DayPlanBuilder.build(problem, "small"), "plan.json");
        Explainer.solutionManager().update(fresh);
        assertThat(fresh.getScore()).isEqualTo(solved.getScore());
    }

    @Test
    void aPlanOfAnUnknownVersionIsRefusedNotGuessedAt() {
        Plan v3 = new Plan(plan.format(), 3, plan.problemId(), plan.date(), plan.score(), plan.feasible(),
                plan.workable(), plan.kpis(), plan.blocks(), plan.students(), plan.unplaced(), plan.violations());
        assertThatThrownBy(() -> PlanImporter.apply(v3, DayPlanBuilder.build(problem, "small"), "plan.json"))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).errors()).singleElement()
                        .satisfies(err -> assertThat(err.toString()).isEqualTo("$.version: version 3 is not "
                                + "supported; this Regroup reads plans of versions 1 and 2")));
    }

    @Test
    void aSessionThatDoesNotExistIsNamedWithItsPath() {
        Plan broken = withFirstSession(plan, s -> new SessionPlan("NOBODY@B2", s.focus(), s.modality(), s.staffId(),
                s.spaceId(), s.catchAll(), s.students()));
        assertThatThrownBy(() -> PlanImporter.apply(broken, DayPlanBuilder.build(problem, "small"), "plan.json"))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).errors().get(0).path())
                        .isEqualTo("$.blocks[1].sessions[0].id"))
                .hasMessageContaining("NOBODY@B2");
    }

    @Test
    void aModalityTheAdultCannotRunIsRefused() {
        Plan broken = withFirstSession(plan, s -> new SessionPlan(s.id(), s.focus(), "no-such-modality", s.staffId(),
                s.spaceId(), s.catchAll(), s.students()));
        assertThatThrownBy(() -> PlanImporter.apply(broken, DayPlanBuilder.build(problem, "small"), "plan.json"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("cannot run 'no-such-modality'");
    }

    /** The plan with the first session of its second block replaced. */
    private static Plan withFirstSession(Plan p, java.util.function.UnaryOperator<SessionPlan> change) {
        List<BlockPlan> blocks = new ArrayList<>(p.blocks());
        BlockPlan b = blocks.get(1);
        List<SessionPlan> sessions = new ArrayList<>(b.sessions());
        sessions.set(0, change.apply(sessions.get(0)));
        blocks.set(1, new BlockPlan(b.blockId(), b.start(), b.end(), sessions));
        return new Plan(p.format(), p.version(), p.problemId(), p.date(), p.score(), p.feasible(), p.workable(),
                p.kpis(), blocks, p.students(), p.unplaced(), p.violations());
    }
}
