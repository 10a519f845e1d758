package org.regroup.benchmarks.suite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The Markdown report beside a suite's JSON ({@code <suite>.md}) with its SVG plots: the targets first (for the shapes
 * suite, then every shape side by side), then per day the median over seeds per solver, CP-SAT's own figures, the
 * Benchmarker's, and the scaling series.
 */
final class SuiteReport {

    private SuiteReport() {
    }

    static Path write(SuiteResult r, Path outDir, String command) throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmark suite: ").append(r.suite()).append("\n\n");
        md.append("Command: `").append(command).append("`  \n");
        md.append(String.format(Locale.ROOT, "Started %s, took %.0f s. Machine: %s, %d cores, Java %s (%s); runs "
                + "in JVMs of their own with %s (CP-SAT %s for its Java-side model; scaling %s), one at a time.%n%n",
                r.startedAt(), r.wallSeconds(), r.machine().os(), r.machine().cores(), r.machine().javaVersion(),
                r.machine().javaVm(), r.machine().runHeap(), r.machine().cpSatHeap(), r.machine().scalingHeap()));
        md.append(String.format(Locale.ROOT, "Every plan, whichever solver made it, is scored by Regroup's rules "
                + "(Timefold) and KPI code. Medians over %d seed(s); scores compare hard, then medium, then soft.%n%n",
                r.spec().seeds().size()));
        targets(r, md);
        if (SuiteSpec.SHAPES.equals(r.suite())) {
            ShapesReport.write(r, md, outDir);
        }
        for (String day : r.spec().datasets().stream().map(Datasets::label).toList()) {
            day(r, day, md, outDir);
        }
        cpSat(r, md);
        benchmarker(r, md, outDir);
        scaling(r, md, outDir);
        errors(r, md);
        Path file = outDir.resolve(r.suite() + ".md");
        Path tmp = outDir.resolve(r.suite() + ".md.tmp");
        Files.writeString(tmp, md);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return file;
    }

    private static void targets(SuiteResult r, StringBuilder md) {
        md.append("## Targets\n\n| target | goal | measured | verdict |\n|---|---|---|---|\n");
        for (SuiteResult.Target t : r.targets()) {
            String verdict = t.met() == null ? "not measured: " + t.note()
                    : t.met() ? "**met**" : "**missed**" + (t.note().isEmpty() ? "" : ": " + t.note());
            md.append("| ").append(t.name()).append(" | ").append(t.goal()).append(" | ").append(t.measured())
                    .append(" | ").append(verdict).append(" |\n");
        }
        md.append('\n');
    }

    private static void day(SuiteResult r, String day, StringBuilder md, Path outDir) throws IOException {
        List<RunRecord> all = r.runs().stream().filter(x -> x.dataset().equals(day)).toList();
        if (all.isEmpty()) {
            return;
        }
        RunRecord any = all.stream().filter(x -> x.students() > 0).findFirst().orElse(all.get(0));
        md.append(String.format(Locale.ROOT, "## %s (%d students present, %d adults, %d spaces, %d blocks)%n%n", day,
                any.students(), any.staff(), any.spaces(), any.blocks()));
        java.util.Optional<DayBound> bound = r.bound(day);
        bound.ifPresent(b -> md.append(b.soft() != null ? String.format(Locale.ROOT, "Bound on the soft score of any "
                + "workable plan: **%d** (%s level, [docs/bound.md](../../docs/bound.md); %.0f s). Gap = 100 × "
                + "(bound − soft) ÷ |bound|, for plans with 0 hard / 0 medium.%n%n", b.soft(),
                b.level().toLowerCase(Locale.ROOT), b.seconds()) : "No bound: " + b.error() + ".\n\n"));
        for (DayReference ref : r.references().stream().filter(x -> x.dataset().equals(day)).toList()) {
            RunRecord.Checkpoint m = ref.median();
            md.append(m == null ? "Reference `" + ref.name() + "`: not scored: " + ref.error() + ".\n\n"
                    : String.format(Locale.ROOT, "Reference `%s` (plans kept from an earlier build, [README](../"
                            + "references/%s/%s/README.md)), scored by today's rules: median `%s` after %s s, goal "
                            + "skills %.1f%% (%d plans).%n%n", ref.name(), day.replaceFirst("\\.json$", ""),
                            ref.name(), m.score(), SuiteRunner.plain(m.atSeconds()), 100 * m.goalSkillShare(),
                            ref.plans().size()));
        }
        md.append("| solver | at | score | gap to bound | placed | goal skills | staff-led (got/needed) | unmet "
                + "accommodations | catch-all | first feasible | calc/s | peak heap |\n"
                + "|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        Map<String, RunRecord> firstSeed = new LinkedHashMap<>();
        for (String solver : r.spec().solvers()) {
            List<RunRecord> runs = SuiteStats.runs(r, day, solver);
            if (runs.isEmpty()) {
                continue;
            }
            firstSeed.put(solver, runs.get(0));
            Double feasible = SuiteStats.median(runs, RunRecord::firstFeasibleSeconds);
            long feasibleRuns = runs.stream().filter(x -> x.firstFeasibleSeconds() != null).count();
            String feasibleText = feasible == null ? "never" : String.format(Locale.ROOT, "%.2f s", feasible)
                    + (feasibleRuns < runs.size() ? " (" + feasibleRuns + " of " + runs.size() + " runs)" : "");
            Double speed = SuiteStats.median(runs, x -> x.scoreCalculationSpeed() == null ? null
                    : x.scoreCalculationSpeed().doubleValue());
            Double heap = SuiteStats.median(runs, x -> (double) x.peakHeapMiB());
            for (double at : r.spec().limits()) {
                RunRecord.Checkpoint c = SuiteStats.medianAt(runs, at);
                md.append("| ").append(solver).append(" | ").append(SuiteRunner.plain(at)).append(" s | ");
                if (c == null) {
                    md.append(noPlan(runs)).append(" | | | | | | | ");
                } else {
                    Double gap = bound.map(b -> b.gapPercent(c.hard(), c.medium(), c.soft())).orElse(null);
                    md.append(String.format(Locale.ROOT, "`%s` | %s | %.1f%% | %.1f%% | %s | %.0f | %.0f | ", c.score(),
                            gap == null ? "" : String.format(Locale.ROOT, "%.1f%%", gap),
                            100 * SuiteStats.medianOf(runs, at, RunRecord.Checkpoint::placedShare),
                            100 * SuiteStats.medianOf(runs, at, RunRecord.Checkpoint::goalSkillShare),
                            staffLed(runs, at), SuiteStats.medianOf(runs, at, x -> x.unmetAccommodation()),
                            SuiteStats.medianOf(runs, at, x -> x.catchAllStudentBlocks())));
                }
                md.append(feasibleText).append(" | ")
                        .append(speed == null ? "" : String.format(Locale.ROOT, "%,.0f", speed)).append(" | ")
                        .append(heap == null ? "" : String.format(Locale.ROOT, "%.0f MiB", heap)).append(" |\n");
            }
        }
        String svg = r.suite() + "-" + day.replace(".json", "") + "-score.svg";
        Charts.scoreOverTime(day, firstSeed, outDir.resolve(svg));
        md.append("\n![").append(day).append(": score over time](").append(svg).append(")\n\n");
    }

    /** Why no run had a plan: the distinct errors (e.g. CP-SAT out of memory building the model). */
    private static String noPlan(List<RunRecord> runs) {
        List<String> errors = runs.stream().map(RunRecord::error).filter(Objects::nonNull)
                .map(e -> e.replaceAll(" \\(log: .*\\)", "")).distinct().toList();
        return errors.isEmpty() ? "no plan" : "no plan: " + String.join("; ", errors);
    }

    private static String staffLed(List<RunRecord> runs, double at) {
        RunRecord.Checkpoint c = SuiteStats.medianAt(runs, at);
        return c.staffLedRequired() == 0 ? "none needed" : c.staffLedDelivered() + "/" + c.staffLedRequired();
    }

    private static void cpSat(SuiteResult r, StringBuilder md) {
        List<RunRecord> cp = r.runs().stream().filter(x -> x.solver().equals(Targets.CP_SAT)).toList();
        if (cp.isEmpty()) {
            return;
        }
        md.append("## CP-SAT's own figures\n\n| day | seed | status | objective | best bound | first solution "
                + "| variables | constraints |\n|---|---|---|---|---|---|---|---|\n");
        for (RunRecord x : cp) {
            Map<String, Object> f = x.facts();
            md.append("| ").append(x.dataset()).append(" | ").append(x.seed()).append(" | ")
                    .append(f.getOrDefault("status", x.error() == null ? "" : "failed")).append(" | ")
                    .append(f.getOrDefault("objective", "")).append(" | ").append(f.getOrDefault("bestObjectiveBound", ""))
                    .append(" | ").append(x.firstPlanSeconds() == null ? "none"
                            : String.format(Locale.ROOT, "%.2f s", x.firstPlanSeconds()))
                    .append(" | ").append(f.getOrDefault("numVariables", "")).append(" | ")
                    .append(f.getOrDefault("numConstraints", "")).append(" |\n");
        }
        md.append('\n');
    }

    private static void benchmarker(SuiteResult r, StringBuilder md, Path outDir) {
        if (r.benchmarker() == null) {
            return;
        }
        md.append(String.format(Locale.ROOT, "## Local-search variants (Timefold Benchmarker, %s s each, seed 1)%n%n",
                SuiteRunner.plain(r.benchmarker().secondsPerRun())));
        Path report = Path.of(r.benchmarker().reportDirectory());
        String link = report.isAbsolute() && report.startsWith(outDir.toAbsolutePath())
                ? outDir.toAbsolutePath().relativize(report).toString() : report.toString();
        md.append("HTML report (not in Git): `").append(link).append("/index.html`\n\n");
        md.append("| configuration | day | score | calc/s |\n|---|---|---|---|\n");
        for (BenchmarkerRun.Result x : r.benchmarker().results()) {
            md.append("| ").append(x.config()).append(" | ").append(x.dataset()).append(" | `").append(x.score())
                    .append("` | ").append(x.scoreCalculationSpeed() == null ? ""
                            : String.format(Locale.ROOT, "%,d", x.scoreCalculationSpeed())).append(" |\n");
        }
        md.append('\n');
    }

    private static void scaling(SuiteResult r, StringBuilder md, Path outDir) throws IOException {
        if (r.scaling().isEmpty()) {
            return;
        }
        md.append(String.format(Locale.ROOT, "## Scaling (generated schools, Regroup, %s, %s s)%n%n",
                SuiteSpec.SCALING_HEAP, SuiteRunner.plain(r.spec().scalingLimit())));
        md.append("| students present | seed | adults | first plan | first feasible | score at the limit | peak heap "
                + "| live heap after GC |\n|---|---|---|---|---|---|---|---|\n");
        List<double[]> time = new ArrayList<>();
        List<double[]> heap = new ArrayList<>();
        for (RunRecord x : r.scaling()) {
            RunRecord.Checkpoint last = x.checkpoints().isEmpty() ? null : x.checkpoints().get(x.checkpoints().size() - 1);
            md.append(String.format(Locale.ROOT, "| %s (%d) | %d | %d | %s | %s | %s | %d MiB | %d MiB |%n",
                    x.dataset(), x.students(), x.seed(), x.staff(), seconds(x.firstPlanSeconds()),
                    seconds(x.firstFeasibleSeconds()),
                    last == null ? Objects.toString(x.error(), "no plan") : "`" + last.score() + "`", x.peakHeapMiB(),
                    x.liveHeapMiB()));
            if (x.firstFeasibleSeconds() != null) {
                time.add(new double[] {x.students(), x.firstFeasibleSeconds()});
            }
            heap.add(new double[] {x.students(), x.peakHeapMiB()});
        }
        String timeSvg = r.suite() + "-scaling-time.svg";
        String heapSvg = r.suite() + "-scaling-heap.svg";
        Charts.scaling("Time to the first feasible plan", "seconds", time, outDir.resolve(timeSvg));
        Charts.scaling("Peak heap (" + SuiteSpec.SCALING_HEAP + ")", "MiB", heap, outDir.resolve(heapSvg));
        md.append("\n![time to feasible](").append(timeSvg).append(") ![peak heap](").append(heapSvg).append(")\n\n");
    }

    private static void errors(SuiteResult r, StringBuilder md) {
        List<RunRecord> failed = new ArrayList<>(r.runs());
        failed.addAll(r.scaling());
        failed.removeIf(x -> x.error() == null);
        if (failed.isEmpty()) {
            return;
        }
        md.append("## Runs with an error\n\n");
        failed.forEach(x -> md.append("- ").append(x.dataset()).append(" × ").append(x.solver()).append(", seed ")
                .append(x.seed()).append(": ").append(x.error()).append('\n'));
        md.append('\n');
    }

    private static String seconds(Double s) {
        return s == null ? "never" : String.format(Locale.ROOT, "%.2f s", s);
    }
}
