package org.regroup.cli;

import java.io.IOException;
import java.io.PrintWriter;
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
import org.regroup.solver.model.Period;
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

    @Option(names = "--step-limit", paramLabel = "N", description = "Stop local search after N steps: with --seed, "
            + "the same plan on any machine, however busy (--time-limit still applies).")
    Integer stepLimit;

    @Option(names = "--out", paramLabel = "PLAN", description = "Where to write the plan (default: NAME.plan.json "
            + "in the current directory).")
    Path out;

    @Option(names = "--seed", paramLabel = "N", description = "Random seed: the same seed and input follow the same "
            + "search (what is reached by a time limit still depends on the machine's speed, by --step-limit it does "
            + "not); adds self-checks at the end of each phase.")
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
        // Fail before solving, not after minutes of work, when the plan could not be written.
        OutFile.checkWritable(target, defaultPlanPath(file));
        if (target.toAbsolutePath().normalize().equals(file.toAbsolutePath().normalize())) {
            throw new ErrorReporter.UserError("--out " + target + " is the day problem itself; write the plan "
                    + "elsewhere, e.g. --out " + defaultPlanPath(file));
        }

        if (stepLimit != null && stepLimit < 0) {
            throw new ErrorReporter.UserError("--step-limit must be 0 or more, was " + stepLimit);
        }
        DayProblem problem = DayPlanBuilder.validated(DayProblemReader.readOnly(file), file.toString());
        DayPlan day = DayPlanBuilder.build(problem, file.toString());
        checkExplainQuery(day);
        if (!quiet) {
            err.printf("Planning %s: %d students, %d staff, %d spaces, %d blocks, %d skills; time limit %s%n",
                    problem.id(), day.getLearners().size(), day.getAdults().size(), day.getRooms().size(),
                    day.getPeriods().size(), problem.skills().size(), DurationConverter.format(timeLimit));
        }
        SolveOptions options = new SolveOptions(timeLimit, unimprovedLimit, seed, null, stepLimit);
        DaySolver.Result result;
        try (Progress progress = new Progress(err, timeLimit, quiet || System.console() == null, quiet)) {
            result = DaySolver.solve(day, options, progress::update);
        }

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
            String example = day.getProblem().students().isEmpty() ? "" : ", e.g. --explain "
                    + day.getProblem().students().get(0).id();
            throw new ErrorReporter.UserError("--explain: no student '" + student + "' in " + file
                    + "; give the id of one of its students" + example);
        }
        if (block != null && day.getPeriods().stream().noneMatch(p -> p.getId().equals(block))) {
            throw new ErrorReporter.UserError("--explain: no block '" + block + "' in " + file + "; its blocks are "
                    + String.join(", ", day.getPeriods().stream().map(Period::getId).toList())
                    + " (or leave out @BLOCK for the whole day)");
        }
    }

    private Path out(Path input) {
        return out != null ? out : defaultPlanPath(input);
    }

    /** Without --out: {@code NAME.plan.json} in the current directory, for an input {@code NAME.json}. */
    static Path defaultPlanPath(Path input) {
        Path name = input.getFileName();
        return Path.of((name == null ? "day" : name.toString().replaceFirst("\\.json$", "")) + ".plan.json");
    }
}
