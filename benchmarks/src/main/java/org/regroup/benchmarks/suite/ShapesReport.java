package org.regroup.benchmarks.suite;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The shapes suite's side-by-side table: per shape and solver, each seed's placed share, hard and medium score,
 * students with an unmet accommodation, staff-led blocks delivered/required, catch-all use and goal-skill share (one
 * value when every seed has the same), and a plot of placed shares (the worst seed of each).
 */
final class ShapesReport {

    private ShapesReport() {
    }

    static void write(SuiteResult r, StringBuilder md, Path outDir) throws IOException {
        double at = r.spec().longestLimit();
        md.append(String.format(Locale.ROOT, "## Side by side (at %s s; per seed %s)%n%n", SuiteRunner.plain(at),
                r.spec().seeds()));
        md.append("| shape | students | solver | placed | hard | medium | unmet accommodations | staff-led "
                + "(got/needed) | catch-all | goal skills |\n|---|---|---|---|---|---|---|---|---|---|\n");
        Map<String, Map<String, Double>> worstPlaced = new LinkedHashMap<>();
        for (String day : r.spec().datasets().stream().map(Datasets::label).toList()) {
            for (String solver : r.spec().solvers()) {
                List<RunRecord> runs = SuiteStats.runs(r, day, solver);
                if (runs.isEmpty()) {
                    continue;
                }
                int students = runs.stream().mapToInt(RunRecord::students).max().orElse(0);
                md.append("| ").append(day).append(" | ").append(students).append(" | ").append(solver).append(" | ")
                        .append(perSeed(runs, at, c -> String.format(Locale.ROOT, "%.1f%%", 100 * c.placedShare())))
                        .append(" | ").append(perSeed(runs, at, c -> Long.toString(c.hard())))
                        .append(" | ").append(perSeed(runs, at, c -> Long.toString(c.medium())))
                        .append(" | ").append(perSeed(runs, at, c -> Integer.toString(c.unmetAccommodation())))
                        .append(" | ").append(perSeed(runs, at, c -> c.staffLedRequired() == 0 ? "none needed"
                                : c.staffLedDelivered() + "/" + c.staffLedRequired()))
                        .append(" | ").append(perSeed(runs, at, c -> Integer.toString(c.catchAllStudentBlocks())))
                        .append(" | ").append(perSeed(runs, at,
                                c -> String.format(Locale.ROOT, "%.1f%%", 100 * c.goalSkillShare())))
                        .append(" |\n");
                runs.stream().map(x -> x.at(at)).filter(java.util.Objects::nonNull)
                        .mapToDouble(RunRecord.Checkpoint::placedShare).min()
                        .ifPresent(p -> worstPlaced.computeIfAbsent(day.replace(".json", ""),
                                k -> new LinkedHashMap<>()).put(solver, 100 * p));
            }
        }
        String svg = r.suite() + "-placed.svg";
        Charts.placedShare(worstPlaced, outDir.resolve(svg));
        md.append("\n![placed share per shape](").append(svg).append(")\n\n");
    }

    /** The figure of each seed's run, joined by " / "; once when all seeds agree; "no plan" for a run without one. */
    private static String perSeed(List<RunRecord> runs, double at, Function<RunRecord.Checkpoint, String> figure) {
        List<String> values = runs.stream().map(x -> x.at(at) == null ? "no plan" : figure.apply(x.at(at))).toList();
        return values.stream().distinct().count() == 1 ? values.get(0) : String.join(" / ", values);
    }
}
