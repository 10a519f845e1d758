package org.regroup.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import ai.timefold.solver.core.config.solver.EnvironmentMode;
import org.junit.jupiter.api.Test;
import org.regroup.domain.io.DayProblemValidator;
import org.regroup.solver.build.DayPlanBuilder;
import org.regroup.solver.model.DayPlan;
import org.regroup.solver.solve.DaySolver;
import org.regroup.solver.solve.SolveOptions;

class SmokeSolveTest {

    @Test
    void tinyDaySolvesToFeasibleWithEveryonePlaced() {
        assertThat(DayProblemValidator.validate(TestDays.tiny())).isEmpty();
        DayPlan day = DayPlanBuilder.build(TestDays.tiny(), "tiny");
        DaySolver.Result result = DaySolver.solve(day, SolveOptions.of(Duration.ofSeconds(5)).withSeed(1)
                , p -> { });
        System.out.println(result.plan().getScore());
        for (var ses : result.plan().getSessions()) {
            long genuine = result.plan().getPlacements().stream().filter(pl -> pl.getSession() == ses).count();
            if (genuine > 0 || ses.getPlacements().size() > 0 || ses.size() > 0)
                System.out.println("DBG " + ses + " genuine=" + genuine + " inverse=" + ses.getPlacements().size() + " summary=" + ses.size() + " room=" + ses.getRoom() + " mode=" + ses.getMode());
        }
        var plan = org.regroup.solver.output.PlanAssembler.assemble(result.plan());
        plan.blocks().forEach(b -> b.sessions().forEach(s -> System.out.println(b.blockId() + " " + s.id() + " " + s.modality() + " " + s.spaceId() + " " + (s.focus()==null?"-":s.focus().id()) + " " + s.students().size())));
        plan.unplaced().forEach(System.out::println);
        System.out.println(org.regroup.solver.explain.Explainer.solutionManager().analyze(result.plan()).summarize());
        assertThat(result.plan().getScore().hardScore()).isZero();
        assertThat(result.plan().getScore().mediumScore()).isZero();
    }
}
