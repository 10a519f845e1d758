package org.regroup.benchmarks.suite;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import org.regroup.benchmarks.peers.PlanScorer;
import org.regroup.domain.DayProblem;
import org.regroup.domain.InvalidInputException;
import org.regroup.domain.io.Json;
import org.regroup.domain.plan.Plan;

/**
 * Reference plans: {@code benchmarks/references/<day>/<name>/*-<seconds>s.plan.json.gz}, each a plan an earlier
 * build wrote for that day after that many seconds, with a README saying which build and how (issue 17: "large at
 * 30 s ≥ today's at 120 s" is judged against plans of the build the issue started from, re-scored by today's rules).
 * A reference is scored in a JVM of its own ({@link ReferenceOne}), as a run is.
 */
final class References {

    /** Where the project keeps them (the launcher sets {@code regroup.home} to the project). */
    static final Path DEFAULT_DIR = Path.of(System.getProperty("regroup.home", "."), "benchmarks", "references");

    private static final Pattern PLAN = Pattern.compile(".*-(\\d+)s\\.plan\\.json\\.gz");

    private References() {
    }

    /** The references kept for a day (directories under {@code dir/<day without .json>/}), by name. */
    static List<Path> forDay(Path dir, String dataset) throws IOException {
        Path day = dir.resolve(Datasets.label(dataset).replaceFirst("\\.json$", ""));
        if (!Files.isDirectory(day)) {
            return List.of();
        }
        try (Stream<Path> names = Files.list(day)) {
            return names.filter(Files::isDirectory).sorted().toList();
        }
    }

    /** Every plan of one reference scored on the day by today's rules; an error names the file that failed. */
    static DayReference score(String dataset, Path reference) throws IOException {
        String name = reference.getFileName().toString();
        List<Path> files;
        try (Stream<Path> list = Files.list(reference)) {
            files = list.filter(f -> f.getFileName().toString().endsWith(".plan.json.gz")).sorted().toList();
        }
        if (files.isEmpty()) {
            return new DayReference(Datasets.label(dataset), name, List.of(), "no *.plan.json.gz in " + reference);
        }
        DayProblem problem = Datasets.load(dataset);
        List<RunRecord.Checkpoint> plans = new ArrayList<>();
        for (Path f : files) {
            Matcher m = PLAN.matcher(f.getFileName().toString());
            if (!m.matches()) {
                return new DayReference(Datasets.label(dataset), name, List.of(), f
                        + ": a reference plan's file name ends in -<seconds>s.plan.json.gz");
            }
            Plan plan;
            try (InputStream in = new GZIPInputStream(Files.newInputStream(f))) {
                plan = Json.mapper().readValue(in, Plan.class);
            }
            try {
                plans.add(RunRecord.Checkpoint.of(Double.parseDouble(m.group(1)),
                        PlanScorer.score(problem, plan, f.toString())));
            } catch (InvalidInputException e) {
                return new DayReference(Datasets.label(dataset), name, List.of(), f + " does not fit the day: "
                        + e.getMessage());
            }
        }
        return new DayReference(Datasets.label(dataset), name, plans, null);
    }
}
