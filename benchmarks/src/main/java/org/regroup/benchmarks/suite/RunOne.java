package org.regroup.benchmarks.suite;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import org.regroup.benchmarks.peers.Peer;
import org.regroup.benchmarks.peers.PlanScorer;
import org.regroup.benchmarks.peers.PeerRun;
import org.regroup.domain.DayProblem;
import org.regroup.domain.InvalidInputException;
import org.regroup.domain.io.Json;
import org.regroup.solver.build.DayPlanBuilder;
import org.regroup.solver.model.DayPlan;
import org.regroup.solver.solve.DaySolver;
import org.regroup.solver.solve.LocalSearchVariant;
import org.regroup.solver.solve.RegroupSolverConfig;
import org.regroup.solver.solve.SolveOptions;

/**
 * One run of the suite, in a JVM of its own so every solver starts equally cold, heap figures belong to one run,
 * and a native crash (CP-SAT) costs one record, not the suite.
 *
 * <p>Usage: {@code RunOne DATASET SOLVER SEED 10,30 OUT.json} where DATASET is a day-problem file or
 * {@code generated:N} (a school of N students from the dataset generator, seed 1).
 */
public final class RunOne {

    /** A peer's plans scored at most this many times for the timeline (scoring a large day takes ~0.1 s). */
    private static final int MAX_SCORED_IMPROVEMENTS = 40;

    private RunOne() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 5) {
            System.err.println("usage: RunOne DATASET SOLVER SEED 10,30 OUT.json");
            System.exit(2);
        }
        List<Double> checkpoints = new ArrayList<>();
        for (String s : args[3].split(",")) {
            checkpoints.add(Double.parseDouble(s.trim()));
        }
        RunRecord record = run(args[0], args[1], Long.parseLong(args[2]), checkpoints);
        Json.writeAtomically(Path.of(args[4]), record);
    }

    static RunRecord run(String dataset, String solver, long seed, List<Double> checkpoints) {
        DayProblem problem = Datasets.load(dataset);
        DayPlan day = DayPlanBuilder.build(problem, dataset);
        double limit = checkpoints.get(checkpoints.size() - 1);
        resetPeaks();
        long start = System.nanoTime();
        Outcome outcome;
        try {
            outcome = Contenders.regroupVariant(solver)
                    .map(v -> regroup(day, v, seed, checkpoints))
                    .orElseGet(() -> peer(problem, day, Contenders.peer(solver).orElseThrow(
                            () -> new IllegalArgumentException("no solver named '" + solver + "'")), seed, checkpoints));
        } catch (InvalidInputException e) {
            outcome = Outcome.failed("plan could not be put onto the day: " + e.getMessage());
        } catch (RuntimeException | OutOfMemoryError e) {
            outcome = Outcome.failed(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        double wall = (System.nanoTime() - start) / 1e9;
        long peak = peakHeapMiB();
        System.gc();
        long live = usedHeapMiB();
        java.lang.ref.Reference.reachabilityFence(day); // the day model counts in the live heap
        return new RunRecord(Datasets.label(dataset), day.getLearners().size(), day.getAdults().size(),
                day.getRooms().size(), day.getPeriods().size(), solver, seed, limit, outcome.firstPlan,
                outcome.firstFeasible, outcome.checkpoints, Timeline.thin(outcome.timeline), outcome.calculationSpeed, peak,
                live, wall, outcome.facts, outcome.error);
    }

    /** What a run found, before the figures every run shares. */
    private static final class Outcome {
        Double firstPlan;
        Double firstFeasible;
        List<RunRecord.Checkpoint> checkpoints = new ArrayList<>();
        List<RunRecord.Point> timeline = new ArrayList<>();
        Long calculationSpeed;
        Map<String, Object> facts = new LinkedHashMap<>();
        String error;

        static Outcome failed(String error) {
            Outcome o = new Outcome();
            o.error = error;
            return o;
        }
    }

    private static Outcome regroup(DayPlan day, LocalSearchVariant variant, long seed, List<Double> checkpoints) {
        Outcome o = new Outcome();
        double limit = checkpoints.get(checkpoints.size() - 1);
        SolveOptions options = SolveOptions.of(seconds(limit)).withSeed(seed)
                .withEnvironmentMode(EnvironmentMode.NO_ASSERT); // a seed alone would add phase assertions
        Map<Double, DayPlan> bestAt = new TreeMap<>();
        long called = System.nanoTime();
        DaySolver.Result result = DaySolver.solve(day, RegroupSolverConfig.create(options, variant), progress -> {
        }, (elapsed, plan) -> {
            double t = elapsed.toNanos() / 1e9;
            HardMediumSoftScore s = plan.getScore();
            if (!s.isSolutionInitialized()) {
                return;
            }
            o.timeline.add(new RunRecord.Point(t, s.hardScore(), s.mediumScore(), s.softScore()));
            for (double c : checkpoints) {
                if (t <= c) {
                    bestAt.put(c, plan);
                }
            }
        });
        // Timefold's clock starts once the solver is built; count the build (rule compilation) too, as for peers.
        double setup = (System.nanoTime() - called) / 1e9 - result.elapsed().toNanos() / 1e9;
        o.timeline.replaceAll(p -> new RunRecord.Point(p.seconds() + setup, p.hard(), p.medium(), p.soft()));
        if (!o.timeline.isEmpty()) {
            o.firstPlan = o.timeline.get(0).seconds();
        }
        o.firstFeasible = result.firstFeasible() == null ? null : result.firstFeasible().toNanos() / 1e9 + setup;
        for (double c : checkpoints) {
            DayPlan plan = c == limit ? result.plan() : bestAt.get(c);
            if (plan != null && plan.getScore().isSolutionInitialized()) {
                o.checkpoints.add(RunRecord.Checkpoint.of(c, PlanScorer.score(plan)));
            }
        }
        o.calculationSpeed = result.scoreCalculationSpeed();
        o.facts.put("moveEvaluationSpeed", result.moveEvaluationSpeed());
        o.facts.put("setupSeconds", round(setup));
        return o;
    }

    private static Outcome peer(DayProblem problem, DayPlan day, Peer peer, long seed, List<Double> checkpoints) {
        Outcome o = new Outcome();
        double limit = checkpoints.get(checkpoints.size() - 1);
        PeerRun run = peer.run(problem, day, seconds(limit), seed);
        o.facts.putAll(run.facts());
        List<PeerRun.Timed> plans = thin(run.improvements(), checkpoints);
        PlanScorer.Scored[] scored = new PlanScorer.Scored[plans.size()];
        for (int i = 0; i < plans.size(); i++) {
            PeerRun.Timed timed = plans.get(i);
            scored[i] = PlanScorer.score(problem, timed.plan(), peer.name() + " plan at " + timed.elapsed());
            HardMediumSoftScore s = scored[i].score();
            double t = timed.elapsed().toNanos() / 1e9;
            o.timeline.add(new RunRecord.Point(t, s.hardScore(), s.mediumScore(), s.softScore()));
            if (o.firstPlan == null) {
                o.firstPlan = t;
            }
            if (o.firstFeasible == null && s.isFeasible()) {
                o.firstFeasible = t;
            }
        }
        for (double c : checkpoints) {
            int latest = -1;
            for (int i = 0; i < plans.size(); i++) {
                if (plans.get(i).elapsed().toNanos() / 1e9 <= c || (c == limit && i == plans.size() - 1)) {
                    latest = i; // a peer that overruns its budget still reports its answer at the last limit
                }
            }
            if (latest >= 0) {
                o.checkpoints.add(RunRecord.Checkpoint.of(c, scored[latest]));
            }
        }
        if (plans.isEmpty()) {
            o.error = "no plan within " + limit + " s";
        }
        return o;
    }

    /** Keeps the last plan before each checkpoint, the final one, and evenly spread others up to the cap. */
    static List<PeerRun.Timed> thin(List<PeerRun.Timed> all, List<Double> checkpoints) {
        if (all.size() <= MAX_SCORED_IMPROVEMENTS) {
            return all;
        }
        java.util.SortedSet<Integer> keep = new java.util.TreeSet<>();
        keep.add(0);
        keep.add(all.size() - 1);
        for (double c : checkpoints) {
            for (int i = all.size() - 1; i >= 0; i--) {
                if (all.get(i).elapsed().toNanos() / 1e9 <= c) {
                    keep.add(i);
                    break;
                }
            }
        }
        int step = Math.max(1, all.size() / (MAX_SCORED_IMPROVEMENTS - keep.size()));
        for (int i = 0; i < all.size() && keep.size() < MAX_SCORED_IMPROVEMENTS; i += step) {
            keep.add(i);
        }
        return keep.stream().map(all::get).toList();
    }

    private static Duration seconds(double s) {
        return Duration.ofMillis(Math.round(s * 1000));
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    private static void resetPeaks() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeapMiB() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum() >> 20;
    }

    private static long usedHeapMiB() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
    }
}
