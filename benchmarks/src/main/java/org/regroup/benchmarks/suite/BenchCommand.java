package org.regroup.benchmarks.suite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.regroup.domain.io.Json;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ./regroup bench --suite quick|full|shapes}: runs the benchmark suite and writes
 * {@code benchmarks/results/<suite>.json} and {@code <suite>.md} with its plots.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs Regroup against its peers (CP-SAT, greedy regrouping, static tracking, the witness) on "
                + "the same days, scores every plan with the same rules and KPIs, and writes <suite>.json and a "
                + "Markdown report with plots.", "quick: a few minutes; full: about half an hour (the record in "
                + "docs/benchmarks.md); shapes: every day in datasets/shapes/ with Regroup, the witness and greedy, "
                + "three seeds at 30 s (about 2 minutes a shape)."},
        exitCodeOnInvalidInput = 2)
public final class BenchCommand implements Callable<Integer> {

    private static final String HOME = System.getProperty("regroup.home", ".");

    @Spec
    CommandSpec spec;

    @Option(names = "--suite", defaultValue = "quick", description = "quick, full or shapes (default: "
            + "${DEFAULT-VALUE})")
    String suite;

    @Option(names = "--limits", split = ",", paramLabel = "SECONDS",
            description = "Instead of the suite's time limits, e.g. 10,30,120 (each run lasts the last one)")
    List<Double> limits;

    @Option(names = "--seeds", split = ",", paramLabel = "SEED", description = "Instead of the suite's seeds")
    List<Long> seeds;

    @Option(names = "--solvers", split = ",", paramLabel = "NAME", description = "Instead of the suite's solvers: "
            + "regroup, regroup-late-acceptance, regroup-great-deluge, and the peers")
    List<String> solvers;

    @Option(names = "--datasets-dir", paramLabel = "DIR", description = "Where the days are: the bundled days for "
            + "quick and full (default: the project's datasets/), every *.json day for shapes (default: the "
            + "project's datasets/shapes/)")
    Path datasetsDir;

    @Option(names = "--out-dir", paramLabel = "DIR", description = "Where results go (default: the project's "
            + "benchmarks/results/)")
    Path outDir = Path.of(HOME, "benchmarks", "results");

    @Option(names = "--report-only", description = "Run nothing: re-read <suite>.json from --out-dir, judge the "
            + "targets again and rewrite the report and plots (after a change to the report, not to the solvers); "
            + "a record without the kept reference plans (benchmarks/references/) gets them scored")
    boolean reportOnly;

    @Option(names = "--skip-bounds", description = "Leave out each day's bound on the soft score (docs/bound.md; "
            + "minutes on a large day); with --report-only: do not compute the bounds a record lacks")
    boolean skipBounds;

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        System.exit(new CommandLine(new BenchCommand()).execute(args));
    }

    @Override
    public Integer call() throws IOException {
        SuiteSpec s = suiteSpec();
        Files.createDirectories(outDir);
        var out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "Suite %s: %d days × %d solvers × %d seeds at %s s, scaling %s, results in %s%n",
                s.name(), s.datasets().size(), s.solvers().size(), s.seeds().size(), s.limits(), s.scalingStudents(),
                outDir);
        SuiteResult result = reportOnly ? reread(outDir.resolve(s.name() + ".json"))
                : new SuiteRunner(outDir, s.name(), out).run(s, !skipBounds);
        if (reportOnly && result.bounds().isEmpty() && !skipBounds) {
            // a record from before bounds: the bound is the day's, not a run's, so it can be added afterwards
            out.println("The record has no bounds; computing each day's (--skip-bounds to leave them out):");
            result = result.withBounds(new SuiteRunner(outDir, s.name(), out).bounds(s.datasets()));
        }
        if (reportOnly && result.references().isEmpty()) {
            // plans kept from earlier builds are scored by today's rules: cheap, and the record may predate them
            result = result.withReferences(new SuiteRunner(outDir, s.name(), out).references(s.datasets()));
            result = result.withTargets(Targets.evaluate(result));
        }
        String command = !reportOnly ? "./regroup bench " + String.join(" ", commandArgs())
                : result.command() != null ? result.command() : "./regroup bench --suite " + s.name();
        result = result.withCommand(command);
        Json.writeAtomically(outDir.resolve(s.name() + ".json"), result);
        Path report = SuiteReport.write(result, outDir, command);
        out.printf(Locale.ROOT, "%nTargets:%n");
        for (SuiteResult.Target t : result.targets()) {
            out.printf(Locale.ROOT, "  %-8s %s — %s%n", t.met() == null ? "n/a" : t.met() ? "met" : "MISSED", t.name(),
                    t.measured());
        }
        out.printf(Locale.ROOT, "%nWrote %s and %s (%.0f s)%n", outDir.resolve(s.name() + ".json"), report,
                result.wallSeconds());
        return 0;
    }

    /** A suite's record as written, its timelines thinned and its targets judged again. */
    private SuiteResult reread(Path json) throws IOException {
        if (!Files.isRegularFile(json)) {
            throw new ParameterException(spec.commandLine(), "--report-only: no " + json + " to re-read");
        }
        SuiteResult r = Json.mapper().readValue(json.toFile(), SuiteResult.class);
        SuiteResult thinned = new SuiteResult(r.suite(), r.command(), r.startedAt(), r.wallSeconds(), r.machine(),
                r.spec(), r.runs().stream().map(Timeline::thinned).toList(),
                r.scaling().stream().map(Timeline::thinned).toList(), r.benchmarker(), List.of(), r.bounds(),
                r.references());
        return thinned.withTargets(Targets.evaluate(thinned));
    }

    private SuiteSpec suiteSpec() throws IOException {
        String suiteName = suite.toLowerCase(Locale.ROOT);
        boolean shapes = suiteName.equals(SuiteSpec.SHAPES);
        Path dir = datasetsDir != null ? datasetsDir
                : shapes ? Path.of(HOME, "datasets", "shapes") : Path.of(HOME, "datasets");
        if (!Files.isDirectory(dir)) {
            throw new ParameterException(spec.commandLine(), "--datasets-dir: no directory " + dir);
        }
        SuiteSpec s;
        try {
            s = shapes ? SuiteSpec.shapes(dir) : SuiteSpec.named(suiteName).withDatasetsDir(dir);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (s.datasets().isEmpty()) {
            throw new ParameterException(spec.commandLine(), "no *.json day in " + dir);
        }
        for (String d : s.datasets()) {
            if (!Files.isRegularFile(Path.of(d))) {
                throw new ParameterException(spec.commandLine(), "the suite needs " + d + ", which does not exist");
            }
        }
        if (limits != null) {
            if (limits.isEmpty() || limits.stream().anyMatch(l -> l <= 0)
                    || !limits.equals(limits.stream().sorted().toList())) {
                throw new ParameterException(spec.commandLine(), "--limits must be positive seconds in ascending "
                        + "order, was " + limits);
            }
            s = s.withLimits(limits);
        }
        if (seeds != null) {
            s = s.withSeeds(seeds);
        }
        if (solvers != null) {
            s = s.withSolvers(solvers);
        }
        for (String name : s.solvers()) {
            if (!Contenders.exists(name)) {
                throw new ParameterException(spec.commandLine(), "no solver named '" + name + "'; known: "
                        + Contenders.names());
            }
        }
        return s;
    }

    private List<String> commandArgs() {
        return spec.commandLine().getParseResult().originalArgs();
    }
}
