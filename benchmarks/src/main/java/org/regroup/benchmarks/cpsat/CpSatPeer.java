package org.regroup.benchmarks.cpsat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.ortools.Loader;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import org.regroup.benchmarks.bound.ScoreBound;
import org.regroup.benchmarks.peers.Peer;
import org.regroup.benchmarks.peers.PlanScorer;
import org.regroup.benchmarks.peers.PeerRun;
import org.regroup.domain.DayProblem;
import org.regroup.domain.io.DayProblemReader;
import org.regroup.domain.plan.Plan;
import org.regroup.solver.build.DayPlanBuilder;
import org.regroup.solver.model.DayPlan;

/**
 * A general-purpose exact solver as a peer: the day as one CP-SAT model (Google OR-Tools) with Regroup's hard rules
 * as constraints and its medium and soft rules as one lexicographic objective ({@link DayModel}). Given 2 workers
 * and the same wall-clock budget as Regroup (model building included), it reports every improving solution as a
 * plan, and CP-SAT's status and best bound: on small days it proves optimality, and that optimum is the limit the
 * gap is measured to. See docs/cpsat.md.
 */
public final class CpSatPeer implements Peer {

    public static final int WORKERS = 2;

    private final Start start;

    /** CP-SAT on its own (the search starts from the empty day). */
    public CpSatPeer() {
        this(Start.EMPTY_DAY);
    }

    CpSatPeer(Start start) {
        this.start = start;
    }

    /** CP-SAT started from Regroup's plan after three seconds: an improver, not the peer as measured. */
    public static CpSatPeer warmStarted() {
        return new CpSatPeer(Start.REGROUP_PLAN);
    }

    @Override
    public String name() {
        return start == Start.EMPTY_DAY ? "cp-sat" : "cp-sat-warm";
    }

    @Override
    public PeerRun run(DayProblem problem, DayPlan day, Duration timeLimit, long seed) {
        return solve(problem, day, timeLimit, seed, start).run();
    }

    /** What a solve produced, with the model kept for inspection (tests compare it rule by rule with Timefold). */
    record Result(PeerRun run, DayModel model, Decisions best, Map<String, Long> modelPoints) {
    }

    /** Building the model of medium in Java (2.6 million constraints) ran out of 2 GiB. */
    @Override
    public String jvmHeap() {
        return "-Xmx8g";
    }

    /** CP-SAT's own memory cap (outside the Java heap); the machine has 24 GiB. */
    static final int MAX_NATIVE_MIB = 12_000;

    /**
     * How a solve's search is bounded. The peer as measured gets a wall-clock budget (model building included) on
     * {@link #WORKERS} workers. Tests get a deterministic one: one worker and CP-SAT's deterministic time (a count of
     * work done, not of seconds), so the same seed does the same search on any machine however busy; their wall-clock
     * limit is only a guard against a search that never ends.
     *
     * @param wallClock           the wall-clock budget (deterministic: the guard)
     * @param deterministicSeconds CP-SAT's {@code max_deterministic_time} for the hint and for the search; null: none
     * @param workers             CP-SAT's {@code num_workers}
     */
    record Search(Duration wallClock, Double deterministicSeconds, int workers) {

        /** Far beyond any deterministic budget the tests use: reaching it means something hangs. */
        static final Duration GUARD = Duration.ofMinutes(10);

        static Search wallClock(Duration limit) {
            return new Search(limit, null, WORKERS);
        }

        static Search deterministic(double seconds) {
            return new Search(GUARD, seconds, 1);
        }

        boolean isDeterministic() {
            return deterministicSeconds != null;
        }

        /** The workers and limits of one CP-SAT solve given {@code wallSeconds} of wall clock. */
        void limit(com.google.ortools.sat.SatParameters.Builder parameters, double wallSeconds) {
            parameters.setNumWorkers(workers).setMaxTimeInSeconds(wallSeconds);
            if (deterministicSeconds != null) {
                parameters.setMaxDeterministicTime(deterministicSeconds);
            }
        }
    }

    static Result solve(DayProblem problem, DayPlan day, Duration timeLimit, long seed, Start from) {
        long start = System.nanoTime();
        return solve(problem, day, Search.wallClock(timeLimit), seed, from.plan(problem), from.name(), start);
    }

    /**
     * As the peer, bounded by {@code search} and started from {@code startPlan} (null: the empty day); the caller
     * makes the start plan (tests: a seeded Regroup solve ended by steps, not by the clock).
     */
    static Result solve(DayProblem problem, DayPlan day, Search search, long seed, DayPlan startPlan) {
        return solve(problem, day, search, seed, startPlan, startPlan == null ? Start.EMPTY_DAY.name()
                : "GIVEN_PLAN", System.nanoTime());
    }

    /**
     * Staged: a workable plan fixes the hard and medium optimum at 0, so only soft is left to optimise, in the
     * smaller {@link Scope#WORKABLE} model. Without a workable start plan, the first stage searches every plan
     * ({@link Scope#ALL_PLANS}) until it finds a workable one, and the second stage starts from it.
     */
    private static Result solve(DayProblem problem, DayPlan day, Search search, long seed, DayPlan startPlan,
            String startName, long start) {
        Loader.loadNativeLibraries();
        if (startPlan != null && workable(startPlan.getScore())) {
            return stage(problem, day, search, seed, startPlan, startName, start, Scope.WORKABLE);
        }
        Result first = stage(problem, day, search, seed, startPlan, startName, start, Scope.ALL_PLANS);
        Decisions found = first.best();
        boolean timeLeft = search.isDeterministic()
                || search.wallClock().toMillis() - (System.nanoTime() - start) / 1_000_000 > 2_000;
        if (found == null || found.hard() != 0 || found.medium() != 0 || !timeLeft) {
            return first;
        }
        DayPlan workablePlan = PlanWriter.day(problem, first.model(), found);
        if (!workable(workablePlan.getScore())) {
            return first; // the models are exact, so this does not happen; if it did, stage one's plan stands
        }
        Result second = stage(problem, day, search, seed, workablePlan, startName, start, Scope.WORKABLE);
        return StagedResult.merge(first, second);
    }

    private static Result stage(DayProblem problem, DayPlan day, Search search, long seed, DayPlan startPlan,
            String startName, long start, Scope scope) {
        Duration timeLimit = search.wallClock();
        long modelStart = System.nanoTime();
        DayModel m = DayModel.of(day, scope);
        long buildMillis = (System.nanoTime() - modelStart) / 1_000_000;
        ScoreBound.Level boundLevel = scope == Scope.WORKABLE ? boundLevel(search, day) : null;
        long boundStart = System.nanoTime();
        Long softCut = SoftCut.addTo(m, problem, boundLevel);
        long boundMillis = (System.nanoTime() - boundStart) / 1_000_000;
        modelStart += boundMillis * 1_000_000; // the hint's time is measured after the bound's

        double hintSeconds = search.isDeterministic() ? timeLimit.toMillis() / 1000.0
                : Math.max(1.0, timeLimit.toMillis() / 4000.0);
        CpSolverStatus hintStatus = SeatHint.addTo(m, startPlan, search, hintSeconds);
        boolean hinted = hintStatus == CpSolverStatus.FEASIBLE || hintStatus == CpSolverStatus.OPTIMAL;
        long hintMillis = (System.nanoTime() - modelStart) / 1_000_000 - buildMillis;

        CpSolver solver = new CpSolver();
        // Wall clock: what is left of the budget once the start plan, the model and the hint are made.
        double remaining = search.isDeterministic() ? timeLimit.toMillis() / 1000.0
                : Math.max(1.0, (timeLimit.toMillis() - (System.nanoTime() - start) / 1_000_000) / 1000.0);
        search.limit(solver.getParameters(), remaining);
        solver.getParameters().setRandomSeed((int) seed)
                .setMaxMemoryInMb(MAX_NATIVE_MIB) // presolve of medium took ~6 GB; keep large from taking the machine
                .setLogSearchProgress(Boolean.getBoolean("regroup.cpsat.log"));
        String extra = System.getProperty("regroup.cpsat.params");
        if (extra != null) {
            try {
                com.google.protobuf.TextFormat.merge(extra, solver.getParameters());
            } catch (com.google.protobuf.TextFormat.ParseException e) {
                throw new IllegalArgumentException("regroup.cpsat.params: " + e.getMessage(), e);
            }
        }
        // Stage one of an empty start stops at its first workable plan: stage two takes it from there.
        DecisionRecorder recorder = new DecisionRecorder(m, start, scope == Scope.ALL_PLANS);
        CpSolverStatus status = solver.solve(m.model, recorder);

        List<PeerRun.Timed> improvements = new ArrayList<>();
        for (Decisions d : recorder.found()) {
            improvements.add(new PeerRun.Timed(d.elapsed(), PlanWriter.plan(problem, m, d)));
        }
        Decisions best = recorder.found().isEmpty() ? null : recorder.found().get(recorder.found().size() - 1);
        Map<String, Long> points = best == null ? Map.of() : m.score.points(solver::value);

        RuleCoverage coverage = RuleCoverage.of(day);
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("status", status.name());
        if (best != null) {
            facts.put("objective", (long) solver.objectiveValue());
            facts.put("modelScore", best.score());
            facts.put("firstSolutionMillis", recorder.found().get(0).elapsed().toMillis());
        }
        facts.put("bestObjectiveBound", (long) solver.bestObjectiveBound());
        // ALL_PLANS: objective = hard × hardWeight + medium × mediumWeight + soft, so a bound below mediumWeight bounds
        // the soft penalty of any plan with 0 hard and 0 medium; WORKABLE: objective = soft (both weights 0)
        facts.put("mediumWeight", m.score.mediumWeight());
        facts.put("hardWeight", m.score.hardWeight());
        facts.put("wallTimeSeconds", solver.wallTime());
        facts.put("solverTimeLimitSeconds", remaining);
        if (search.isDeterministic()) {
            facts.put("maxDeterministicTime", search.deterministicSeconds());
            facts.put("deterministicTime", solver.response().getDeterministicTime());
        }
        facts.put("modelBuildMillis", buildMillis);
        facts.put("scope", scope.name());
        if (softCut != null) {
            facts.put("softCut", softCut + " (ScoreBound " + boundLevel + ", " + boundMillis + " ms)");
        }
        facts.put("start", startName);
        facts.put("hint", hinted ? "complete, " + hintMillis + " ms" : "none (" + hintStatus + ", " + hintMillis + " ms)");
        facts.put("numVariables", m.model.model().getVariablesCount());
        facts.put("numConstraints", m.model.model().getConstraintsCount());
        facts.put("numWorkers", search.workers());
        facts.put("rulePoints", points);
        facts.put("rulesExact", coverage.exact());
        facts.put("rulesApproximated", coverage.approximated());
        facts.put("rulesNotModelled", coverage.notModelled());
        return new Result(new PeerRun(improvements, facts), m, best, points);
    }

    static boolean workable(ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore score) {
        return score != null && score.hardScore() == 0 && score.mediumScore() == 0;
    }

    /**
     * Which {@link ScoreBound} level cuts a workable model's objective; null: none ({@code
     * -Dregroup.cpsat.bound=none|placement|student_day|capacity} overrides). Its cost grows fast with the day: on a
     * busy machine the student-day level took 2 s on small (341 student-blocks) and over 5 minutes on medium, the
     * seat prices ~35 s on small. So: none past {@link #BOUNDED_PLACEMENTS} student-blocks, seat prices only for
     * budgets of {@link #CAPACITY_BOUND_FROM} or more.
     */
    static ScoreBound.Level boundLevel(Search search, DayPlan day) {
        String chosen = System.getProperty("regroup.cpsat.bound");
        if (chosen != null) {
            return chosen.equals("none") ? null : ScoreBound.Level.valueOf(chosen.toUpperCase(java.util.Locale.ROOT));
        }
        if (day.getPlacements().size() > BOUNDED_PLACEMENTS) {
            return null;
        }
        return !search.isDeterministic() && search.wallClock().compareTo(CAPACITY_BOUND_FROM) >= 0
                ? ScoreBound.Level.CAPACITY : ScoreBound.Level.STUDENT_DAY;
    }

    static final int BOUNDED_PLACEMENTS = 600;

    static final Duration CAPACITY_BOUND_FROM = Duration.ofMinutes(5);

    /**
     * Usage: {@code java -cp benchmarks/target/regroup-benchmarks.jar org.regroup.benchmarks.cpsat.CpSatPeer
     * DAY.json [SECONDS] [SEED] [warm]}. Prints the facts and the Timefold score of the plan imported onto a fresh day.
     */
    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        Duration limit = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 10);
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 1;
        CpSatPeer peer = args.length > 3 && args[3].equals("warm") ? warmStarted() : new CpSatPeer();
        DayProblem problem = DayPlanBuilder.validated(DayProblemReader.readOnly(file), file.toString());
        DayPlan day = DayPlanBuilder.build(problem, file.toString());
        PeerRun run = peer.run(problem, day, limit, seed);
        run.facts().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> System.out.println(e.getKey() + ": " + e.getValue()));
        System.out.println("improvements: " + run.improvements().size());
        Plan plan = run.last();
        if (plan != null) {
            System.out.println("timefoldScore: " + PlanScorer.imported(problem, plan, "cp-sat plan").getScore());
        }
    }
}
