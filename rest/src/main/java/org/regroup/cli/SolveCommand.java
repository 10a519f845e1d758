package org.regroup.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

import org.regroup.domain.DayProblem;
import org.regroup.domain.io.DayProblemReader;
import org.regroup.domain.io.Json;
import org.regroup.domain.plan.Plan;
import org.regroup.solver.build.DayPlanBuilder;
import org.regroup.solver.explain.Explainer;
import org.regroup.solver.model.DayPlan;
import org.regroup.solver.output.PlanAssembler;
import org.regroup.solver.solve.DaySolver;
import org.regroup.solver.solve.SolveOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code regroup solve FILE}: plans a day and writes the plan. */
@Command(name = "solve", mixinStandardHelpOptions = true,
        description = { "Plans the day in FILE (a day problem, see docs/format.md), prints progress and the KPIs, "
                + "and writes the plan as JSON.",
                "Exit codes: 0 plan written; 2 bad input (nothing written); 3 plan written but it breaks hard "
                        + "rules (no plan satisfying all of them was found in time)." })
final class SolveCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The day problem (JSON).")
    Path file;

    @Option(names = "--time-limit", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Stop solving after this long (default: ${DEFAULT-VALUE}).", defaultValue = "30s")
    Duration timeLimit;

    @Option(names = "--unimproved-limit", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Stop earlier once the best plan has not improved for this long.")
    Duration unimprovedLimit;

    @Option(names = "--out", paramLabel = "PLAN", description = "Where to write the plan (default: NAME.plan.json "
            + "in the current directory).")
    Path out;

    @Option(names = "--seed", paramLabel = "N", description = "Reproducible run with this random seed.")
    Long seed;

    @Option(names = "--explain", paramLabel = "STUDENT[@BLOCK]",
            description = "After solving, explain the plan for a student (ids only), in one block or all day.")
    String explain;

    @Option(names = "--quiet", description = "Print only the summary, no progress.")
    boolean quiet;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path target = out(file);
        checkWritable(target);

        DayProblem problem = DayProblemReader.read(file);
        DayPlan day = DayPlanBuilder.build(problem, file.toString());
        checkExplainQuery(day);
        if (!quiet) {
            err.printf("Planning %s: %d students, %d staff, %d spaces, %d blocks, %d skills; time limit %s%n",
                    problem.id(), day.getLearners().size(), day.getAdults().size(), day.getRooms().size(),
                    day.getPeriods().size(), problem.skills().size(), DurationConverter.format(timeLimit));
        }
        SolveOptions options = new SolveOptions(timeLimit, unimprovedLimit, seed, null, null);
        Progress progress = new Progress(err, timeLimit, quiet || System.console() == null, quiet);
        DaySolver.Result result = DaySolver.solve(day, options, progress::update);
        progress.finish();

        Plan plan = PlanAssembler.assemble(result.plan());
        Json.writeAtomically(target, plan);
        Summary.print(out, plan, result);
        out.println("Plan written to " + target);
        if (explain != null) {
            Explainer.Explanation e = Explainer.explain(result.plan(), explain);
            out.println();
            out.print(e.text());
        }
        out.flush();
        return plan.feasible() ? 0 : RegroupCommand.EXIT_INFEASIBLE;
    }

    /** An --explain that names nobody is bad input: say so before solving. */
    private void checkExplainQuery(DayPlan day) {
        if (explain == null) {
            return;
        }
        int at = explain.indexOf('@');
        String student = at < 0 ? explain : explain.substring(0, at);
        String block = at < 0 ? null : explain.substring(at + 1);
        if (day.getProblem().students().stream().noneMatch(s -> s.id().equals(student))) {
            throw new ErrorReporter.UserError("--explain: unknown student '" + student + "' in " + file);
        }
        if (block != null && day.getPeriods().stream().noneMatch(p -> p.getId().equals(block))) {
            throw new ErrorReporter.UserError("--explain: unknown block '" + block + "' in " + file);
        }
    }

    private Path out(Path input) {
        if (out != null) {
            return out;
        }
        String name = input.getFileName().toString().replaceFirst("\\.json$", "");
        return Path.of(name + ".plan.json");
    }

    /** Fail before solving, not after minutes of work, when the plan could not be written. */
    private static void checkWritable(Path target) {
        Path dir = target.toAbsolutePath().getParent();
        if (Files.isDirectory(target)) {
            throw new ErrorReporter.UserError("--out " + target + " is a directory, not a file");
        }
        if (dir != null && Files.exists(dir) && !Files.isWritable(dir)) {
            throw new ErrorReporter.UserError("cannot write to " + dir);
        }
        if (dir != null && !Files.exists(dir) && dir.getParent() != null && !Files.isWritable(nearestExisting(dir))) {
            throw new ErrorReporter.UserError("cannot create " + dir);
        }
    }

    private static Path nearestExisting(Path dir) {
        Path p = dir;
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        return p == null ? Path.of(".") : p;
    }

}
