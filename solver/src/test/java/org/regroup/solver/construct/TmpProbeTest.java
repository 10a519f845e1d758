package org.regroup.solver.construct;

import java.time.Duration;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import ai.timefold.solver.core.api.solver.SolverFactory;
import org.junit.jupiter.api.Test;
import org.regroup.domain.DayProblem;
import org.regroup.domain.demo.DatasetGenerator;
import org.regroup.solver.TestDays;
import org.regroup.solver.build.DayPlanBuilder;
import org.regroup.solver.explain.*;
import org.regroup.solver.model.*;
import org.regroup.solver.solve.*;

class TmpProbeTest {
    @Test
    void probe() {
        for (long seed = 1; seed <= 6; seed++) {
          for (int steps : new int[] {100, 200, 300, 500, 1000, 1500, 2000}) {
            DayProblem p = TestDays.tiny();
            DayPlan plan = DayPlanBuilder.build(p, "x");
            var cfg = RegroupSolverConfig.create(SolveOptions.of(Duration.ofSeconds(120)).withSeed(seed).withStepCountLimit(steps));
            DayPlan best = SolverFactory.<DayPlan>create(cfg).buildSolver().solve(plan);
            System.out.println("PROBE seed " + seed + " steps " + steps + " score " + best.getScore());
            if (best.getScore().mediumScore() == 0) break;
          }
        }
        for (int steps : new int[] {50, 100}) {
            DayProblem p = TestDays.tiny();
            DayPlan plan = DayPlanBuilder.build(p, "x");
            long t2 = System.nanoTime();
            var cfg = RegroupSolverConfig.create(SolveOptions.of(Duration.ofSeconds(120)).withSeed(1).withEnvironmentMode(EnvironmentMode.FULL_ASSERT).withStepCountLimit(steps));
            DayPlan best = SolverFactory.<DayPlan>create(cfg).buildSolver().solve(plan);
            System.out.println("PROBE FA steps " + steps + " time " + (System.nanoTime()-t2)/1e6 + " score " + best.getScore());
        }
    }
}
