import java.nio.file.*;
import java.time.Duration;
import org.regroup.domain.DayProblem;
import org.regroup.domain.io.DayProblemReader;
import org.regroup.domain.io.Json;
import org.regroup.solver.build.DayPlanBuilder;
import org.regroup.solver.output.PlanAssembler;
import org.regroup.solver.solve.DaySolver;
import org.regroup.solver.solve.SolveOptions;

/** Solves DAY for SECONDS with the build on the classpath and writes the plan JSON to OUT. */
public class KeepPlan {
    public static void main(String[] a) throws Exception {
        DayProblem p = DayProblemReader.read(Path.of(a[0]));
        var r = DaySolver.solve(DayPlanBuilder.build(p, a[0]), SolveOptions.of(Duration.ofSeconds(Long.parseLong(a[1]))), x -> { });
        System.out.println(a[2] + " " + r.plan().getScore());
        Files.writeString(Path.of(a[2]), Json.mapper().writeValueAsString(PlanAssembler.assemble(r.plan())));
    }
}
