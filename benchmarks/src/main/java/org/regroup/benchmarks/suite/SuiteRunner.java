package org.regroup.benchmarks.suite;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.regroup.domain.io.Json;
import org.regroup.benchmarks.bound.ScoreBound;
import org.regroup.solver.solve.LocalSearchVariant;

/**
 * Runs a suite one run at a time (the machine's cores belong to the run), each in a fresh JVM ({@link RunOne}),
 * prints progress, and collects the records. A deterministic peer runs once per day; its record stands for every
 * seed. A run that fails or overruns is recorded with its error; the suite goes on.
 */
public final class SuiteRunner {

    private final Path outDir;
    private final PrintWriter progress;
    private final Path logs;
    private final Path work;

    public SuiteRunner(Path outDir, String suite, PrintWriter progress) throws IOException {
        this.outDir = outDir;
        this.progress = progress;
        this.logs = Files.createDirectories(outDir.resolve(suite + "-logs"));
        this.work = Files.createTempDirectory("regroup-bench");
    }

    public SuiteResult run(SuiteSpec spec) throws IOException {
        return run(spec, true);
    }

    /** As above; {@code withBounds} false leaves the days' bounds out (they take minutes on a large day). */
    public SuiteResult run(SuiteSpec spec, boolean withBounds) throws IOException {
        long start = System.nanoTime();
        String startedAt = Instant.now().toString();
        List<RunRecord> runs = new ArrayList<>();
        int total = spec.datasets().size() * spec.solvers().size() * spec.seeds().size();
        int n = 0;
        String limits = spec.limits().stream().map(SuiteRunner::plain).collect(Collectors.joining(","));
        for (String dataset : spec.datasets()) {
            for (String solver : spec.solvers()) {
                RunRecord first = null;
                for (long seed : spec.seeds()) {
                    n++;
                    progress.printf(Locale.ROOT, "[%d/%d] %s × %s, seed %d, %s s … ", n, total,
                            Datasets.label(dataset), solver, seed, plain(spec.longestLimit()));
                    progress.flush();
                    if (first != null && deterministic(solver)) {
                        runs.add(first.asSeed(seed));
                        progress.println("deterministic: the run of seed " + first.seed());
                        continue;
                    }
                    RunRecord r = child(dataset, solver, seed, limits, SuiteSpec.heapFor(solver), spec.longestLimit());
                    runs.add(r);
                    first = first == null ? r : first;
                    progress.println(summary(r));
                }
            }
        }
        List<RunRecord> scaling = new ArrayList<>();
        // Each size with each seed: the time to a first plan is a few seconds, and one run on a shared machine
        // decided a target at its edge (5 Dec); the targets read the medians.
        for (int students : spec.scalingStudents()) {
            for (long seed : spec.seeds()) {
                progress.printf(Locale.ROOT, "[scaling] %d students, regroup, seed %d, %s, %s s … ", students, seed,
                        SuiteSpec.SCALING_HEAP, plain(spec.scalingLimit()));
                progress.flush();
                RunRecord r = child(Datasets.generated(students), Contenders.REGROUP, seed,
                        plain(spec.scalingLimit()), SuiteSpec.SCALING_HEAP, spec.scalingLimit());
                scaling.add(r);
                progress.println(summary(r) + ", peak heap " + r.peakHeapMiB() + " MiB");
            }
        }
        BenchmarkerRun.Summary benchmarker = null;
        if (!spec.benchmarkerDays().isEmpty()) {
            progress.printf(Locale.ROOT, "[benchmarker] %d local-search variants × %d days, %s s each … ",
                    LocalSearchVariant.values().length, spec.benchmarkerDays().size(),
                    plain(spec.benchmarkerLimit()));
            progress.flush();
            benchmarker = benchmarker(spec);
            progress.println(benchmarker == null ? "failed (see " + logs.resolve("benchmarker.log") + ")"
                    : "report in " + benchmarker.reportDirectory());
        }
        List<DayBound> bounds = withBounds ? bounds(spec.datasets()) : List.of();
        List<DayReference> references = references(spec.datasets());
        double wall = (System.nanoTime() - start) / 1e9;
        SuiteResult partial = new SuiteResult(spec.name(), null, startedAt, wall, SuiteResult.Machine.current(), spec,
                runs, scaling, benchmarker, List.of(), bounds, references);
        return partial.withTargets(Targets.evaluate(partial));
    }

    /** How long the tightest bound may take on a day before a looser one is computed instead. */
    private static final double BOUND_BUDGET_SECONDS = 120;

    /**
     * Each day's bound on the soft score (docs/bound.md), in a JVM of its own: the tightest level, or the student-day
     * level when that overruns its budget (a large day's seat prices take long). The bound is the day's, not a run's.
     */
    List<DayBound> bounds(List<String> datasets) throws IOException {
        List<DayBound> bounds = new ArrayList<>();
        for (String dataset : datasets) {
            progress.printf(Locale.ROOT, "[bound] %s … ", Datasets.label(dataset));
            progress.flush();
            DayBound b = null;
            for (ScoreBound.Level level : List.of(ScoreBound.Level.CAPACITY, ScoreBound.Level.STUDENT_DAY)) {
                String id = ("bound-" + Datasets.label(dataset) + "-" + level).replaceAll("[^A-Za-z0-9._-]", "_");
                Path out = work.resolve(id + ".json");
                int exit = exec(List.of(javaBinary(), SuiteSpec.heapFor(Contenders.REGROUP), "-cp",
                        System.getProperty("java.class.path"), BoundOne.class.getName(), dataset, level.name(),
                        out.toString()), logs.resolve(id + ".log"), BOUND_BUDGET_SECONDS);
                if (exit == 0 && Files.exists(out)) {
                    b = Json.mapper().readValue(out.toFile(), DayBound.class);
                    break;
                }
                b = new DayBound(Datasets.label(dataset), level.name(), null, 0,
                        failure(exit, logs.resolve(id + ".log")));
            }
            bounds.add(b);
            progress.println(b.soft() != null ? String.format(Locale.ROOT, "%d soft (%s level, %.0f s)", b.soft(),
                    b.level().toLowerCase(Locale.ROOT), b.seconds()) : "none: " + b.error());
        }
        return bounds;
    }

    /** How long scoring one reference's plans may take (a large day: building it, then a few seconds a plan). */
    private static final double REFERENCE_BUDGET_SECONDS = 60;

    /** Every reference kept for the days ({@link References}), each scored by today's rules in a JVM of its own. */
    List<DayReference> references(List<String> datasets) throws IOException {
        List<DayReference> references = new ArrayList<>();
        for (String dataset : datasets) {
            for (Path dir : References.forDay(References.DEFAULT_DIR, dataset)) {
                String id = ("reference-" + Datasets.label(dataset) + "-" + dir.getFileName())
                        .replaceAll("[^A-Za-z0-9._-]", "_");
                progress.printf(Locale.ROOT, "[reference] %s, %s … ", Datasets.label(dataset), dir.getFileName());
                progress.flush();
                Path out = work.resolve(id + ".json");
                int exit = exec(List.of(javaBinary(), SuiteSpec.RUN_HEAP, "-cp", System.getProperty("java.class.path"),
                        ReferenceOne.class.getName(), dataset, dir.toString(), out.toString()),
                        logs.resolve(id + ".log"), REFERENCE_BUDGET_SECONDS);
                DayReference r = exit == 0 && Files.exists(out)
                        ? Json.mapper().readValue(out.toFile(), DayReference.class)
                        : new DayReference(Datasets.label(dataset), dir.getFileName().toString(), List.of(),
                                failure(exit, logs.resolve(id + ".log")));
                references.add(r);
                RunRecord.Checkpoint median = r.median();
                progress.println(median == null ? "none: " + r.error() : "median " + median.score() + " of "
                        + r.plans().size() + " plans");
            }
        }
        return references;
    }

    private RunRecord child(String dataset, String solver, long seed, String limits, String heap, double longest)
            throws IOException {
        String id = (Datasets.label(dataset) + "-" + solver + "-" + seed).replaceAll("[^A-Za-z0-9._-]", "_");
        Path out = work.resolve(id + ".json");
        Path log = logs.resolve(id + ".log");
        List<String> command = List.of(javaBinary(), heap, "-cp", System.getProperty("java.class.path"),
                RunOne.class.getName(), dataset, solver, Long.toString(seed), limits, out.toString());
        int exit = exec(command, log, longest);
        if (exit == 0 && Files.exists(out)) {
            return Json.mapper().readValue(out.toFile(), RunRecord.class);
        }
        String why = exit == Integer.MIN_VALUE ? "overran its time limit and was stopped"
                : "its JVM exited with code " + exit;
        return new RunRecord(Datasets.label(dataset), 0, 0, 0, 0, solver, seed, longest, null, null, null, null,
                null, 0, 0, 0, null, why + " (log: " + log + "; it ends: " + tail(log) + ")");
    }

    /** Why a child JVM (a bound, a reference) gave no result, with where its log is. */
    private static String failure(int exit, Path log) {
        return (exit == Integer.MIN_VALUE ? "overran its budget" : "its JVM exited with code " + exit) + " (log: " + log
                + ")";
    }

    /** The last lines of a child's log, so that a record says why the run failed even once the log is gone. */
    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 8), lines.size()));
        } catch (IOException | RuntimeException unreadable) {
            return "(unreadable)";
        }
    }

    private BenchmarkerRun.Summary benchmarker(SuiteSpec spec) throws IOException {
        Path summary = work.resolve("benchmarker.json");
        List<String> command = new ArrayList<>(List.of(javaBinary(), SuiteSpec.RUN_HEAP, "-cp",
                System.getProperty("java.class.path"), BenchmarkerRun.class.getName(),
                outDir.resolve(spec.name() + "-benchmarker").toString(), plain(spec.benchmarkerLimit()),
                summary.toString()));
        command.addAll(spec.benchmarkerDays());
        double budget = spec.benchmarkerLimit() * spec.benchmarkerDays().size()
                * LocalSearchVariant.values().length;
        int exit = exec(command, logs.resolve("benchmarker.log"), budget);
        return exit == 0 && Files.exists(summary)
                ? Json.mapper().readValue(summary.toFile(), BenchmarkerRun.Summary.class) : null;
    }

    /** Runs a child JVM, its output to {@code log}; stops it when it overruns its budget by far. */
    private static int exec(List<String> command, Path log, double budgetSeconds) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            long allowed = Math.round(budgetSeconds * 2 + 120); // JVM start, model build, scoring, report
            if (!p.waitFor(allowed, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
                return Integer.MIN_VALUE;
            }
            return p.exitValue();
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + command.get(4), e);
        }
    }

    /** A peer that plans the same whatever the seed is run once per day; its record stands for every seed. */
    private static boolean deterministic(String solver) {
        return Contenders.peer(solver).map(org.regroup.benchmarks.peers.Peer::deterministic).orElse(false);
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String summary(RunRecord r) {
        if (r.error() != null && r.checkpoints().isEmpty()) {
            return "FAILED: " + r.error();
        }
        RunRecord.Checkpoint last = r.checkpoints().isEmpty() ? null : r.checkpoints().get(r.checkpoints().size() - 1);
        return String.format(Locale.ROOT, "%s, first feasible %s", last == null ? "no plan" : last.score(),
                r.firstFeasibleSeconds() == null ? "never" : String.format(Locale.ROOT, "%.1f s",
                        r.firstFeasibleSeconds()));
    }

    static String plain(double seconds) {
        return seconds == Math.rint(seconds) ? Long.toString((long) seconds) : Double.toString(seconds);
    }
}
