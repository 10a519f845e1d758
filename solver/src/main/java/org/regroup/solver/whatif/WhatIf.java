package org.regroup.solver.whatif;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

import ai.timefold.solver.core.api.solver.SolverConfigOverride;
import ai.timefold.solver.core.api.solver.SolverJob;
import ai.timefold.solver.core.api.solver.SolverManager;
import ai.timefold.solver.core.config.solver.SolverManagerConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import org.regroup.domain.DayProblem;
import org.regroup.domain.InputError;
import org.regroup.domain.InvalidInputException;
import org.regroup.domain.Staff;
import org.regroup.domain.StaffRole;
import org.regroup.domain.plan.Plan;
import org.regroup.domain.scenario.Change;
import org.regroup.domain.scenario.Scenario;
import org.regroup.domain.scenario.ScenarioChanges;
import org.regroup.domain.scenario.ScenarioReader;
import org.regroup.solver.build.DayPlanBuilder;
import org.regroup.solver.constraints.Feasibility;
import org.regroup.solver.explain.RuleBreaks;
import org.regroup.solver.kpi.KpiCalculator;
import org.regroup.solver.model.DayPlan;
import org.regroup.solver.output.PlanAssembler;
import org.regroup.solver.output.PlanImporter;
import org.regroup.solver.replan.Continuity;
import org.regroup.solver.solve.RegroupSolverConfig;
import org.regroup.solver.solve.SolveOptions;

/**
 * Solves a scenario: the base day, then every variant from the base plan at once on Timefold's {@link SolverManager}
 * (as many at a time as {@code cores}), each for the same time limit, then compares them with the same KPI code as a single plan, and
 * answers the fewest-resources question by bisection.
 */
public final class WhatIf implements AutoCloseable {

    /** Progress for a command line or an HTTP client: a plan finished ({@link VariantResult#workable}). */
    public record Progress(String name, boolean workable, String score, int done, int total) {
    }

    private final SolverManager<DayPlan, String> solverManager;
    private final Duration timeLimit;
    private final int cores;

    public WhatIf(Duration timeLimit, int cores) {
        this(SolveOptions.of(timeLimit), cores);
    }

    /**
     * Each plan solved as {@code options} say: its time limit, and its seed and local-search step limit if any (a
     * what-if whose answers do not depend on the machine's speed, as tests need).
     */
    public WhatIf(SolveOptions options, int cores) {
        this.timeLimit = options.timeLimit();
        this.cores = cores;
        this.solverManager = SolverManager.create(RegroupSolverConfig.create(options),
                new SolverManagerConfig().withParallelSolverCount(String.valueOf(cores)));
    }

    /**
     * Applies each variant's changes to the base and checks every resulting day before anything is solved, so a
     * mistake in the last variant is reported at once. Throws {@link org.regroup.domain.InvalidInputException}
     * naming the variant and the change.
     */
    public static Map<String, DayProblem> days(Scenario scenario, DayProblem base) {
        Map<String, DayProblem> days = new LinkedHashMap<>();
        days.put(ScenarioReader.BASE, DayPlanBuilder.validated(base, "base day"));
        for (int i = 0; i < scenario.variants().size(); i++) {
            Scenario.Variant v = scenario.variants().get(i);
            DayProblem day = ScenarioChanges.apply(base, v, i);
            try {
                days.put(v.name(), DayPlanBuilder.validated(day, "variant '" + v.name() + "'"));
            } catch (InvalidInputException e) {
                // The paths are the variant's day's; the message says which variant made that day.
                String which = "the day variant '" + v.name() + "' ($.variants[" + i + "]) makes: ";
                throw new InvalidInputException(e.source(), e.errors().stream()
                        .map(err -> new InputError(err.path(), which + err.message())).toList());
            }
        }
        return days;
    }

    /**
     * Solves the base, then every variant starting from the base plan (a warm start, as a school day starts from
     * the day before: {@link Continuity}), compares them, and runs the fewest-resources search when asked. Starting
     * from the base plan, and with moving a student from it costing the rule "Student moved from their previous
     * group", a variant's differences from the base are what its changes force, not another search's luck.
     */
    public Comparison compare(Scenario scenario, DayProblem base, Consumer<Progress> progress) {
        long start = System.nanoTime();
        Map<String, DayProblem> days = days(scenario, base);
        Map<String, String> descriptions = new LinkedHashMap<>();
        descriptions.put(ScenarioReader.BASE, "the day as it is");
        scenario.variants().forEach(v -> descriptions.put(v.name(), v.description()));
        int[] done = {0};
        VariantResult baseResult = solve(Map.of(ScenarioReader.BASE, days.remove(ScenarioReader.BASE)), descriptions,
                false, null, name -> false, done, days.size() + 1, progress).get(0);
        // A variant that only takes away (adults, rooms, blocks) forces moves: moving anyone else costs the rule
        // "Student moved from their previous group", so its differences are what the removal forces. A variant that
        // adds or changes anything invites moves (a new aide is worth nothing if nobody may join them): it starts
        // from the base plan too, but moves freely.
        Set<String> onlyRemovals = new HashSet<>();
        scenario.variants().stream().filter(WhatIf::onlyRemoves).forEach(v -> onlyRemovals.add(v.name()));
        List<VariantResult> warm = solve(days, descriptions, false, baseResult.plan(), onlyRemovals::contains, done,
                days.size() + 1, progress);
        // As the daily loop does (SimulateCommand): a warm start that leaves a day not workable is planned again
        // from scratch, and the better of the two kept (the warm one on a tie: its moves are the change's).
        Map<String, DayProblem> again = new LinkedHashMap<>();
        warm.stream().filter(r -> !r.workable()).forEach(r -> again.put(r.name(), days.get(r.name())));
        Map<String, VariantResult> cold = new LinkedHashMap<>();
        if (!again.isEmpty()) {
            solve(again, descriptions, false, null, name -> false, done, days.size() + 1 + again.size(), progress)
                    .forEach(r -> cold.put(r.name(), r));
        }
        List<Comparison.Row> rows = new ArrayList<>();
        for (VariantResult r : warm) {
            VariantResult scratch = cold.get(r.name());
            boolean fromScratch = scratch != null && hardAndMedium(scratch) > hardAndMedium(r);
            VariantResult kept = fromScratch ? scratch : r;
            rows.add(new Comparison.Row(kept, VersusBase.of(baseResult, kept, !fromScratch)));
        }
        Duration compared = Duration.ofNanos(System.nanoTime() - start);
        FewestResult fewest = scenario.fewest() == null ? null
                : fewest(base, baseResult, scenario.fewest(), progress);
        return new Comparison(scenario.id(), scenario.name(), timeLimit, compared, cores, baseResult, rows, fewest,
                scenario.costUnit());
    }

    /**
     * Solves the days side by side from scratch; results in the order given. With {@code stopWhenWorkable} a solve
     * ends at its first workable plan (the fewest search asks only whether one exists), else at the time limit.
     */
    public List<VariantResult> solveAll(Map<String, DayProblem> days, Map<String, String> descriptions,
            boolean stopWhenWorkable, Consumer<Progress> progress) {
        return solve(days, descriptions, stopWhenWorkable, null, name -> false, new int[] {0}, days.size(), progress);
    }

    /** Whether every change of the variant (none, too) takes something away: an adult, a space, a block. */
    static boolean onlyRemoves(Scenario.Variant variant) {
        return variant.changes().stream().allMatch(c -> c instanceof Change.RemoveStaff
                || c instanceof Change.CloseSpace || c instanceof Change.RemoveBlock);
    }

    /**
     * Solves the days side by side, each starting from {@code warmFrom} when given (what of it still fits the
     * day), where {@code holdMoves} days also price each student moved from it; {@code done} counts finished plans
     * of {@code total} across calls, for progress.
     */
    private List<VariantResult> solve(Map<String, DayProblem> days, Map<String, String> descriptions,
            boolean stopWhenWorkable, Plan warmFrom, java.util.function.Predicate<String> holdMoves, int[] done,
            int total, Consumer<Progress> progress) {
        TerminationConfig termination = new TerminationConfig().withSpentLimit(timeLimit);
        if (stopWhenWorkable) {
            termination.setBestScoreLimit("0hard/0medium/" + Integer.MIN_VALUE + "soft");
        }
        Map<String, SolverJob<DayPlan, String>> jobs = new LinkedHashMap<>();
        Map<String, Long> started = new ConcurrentHashMap<>();
        Map<String, Long> ended = new ConcurrentHashMap<>();
        days.forEach((name, problem) -> {
            DayPlan day = DayPlanBuilder.build(problem, name);
            if (warmFrom != null && holdMoves.test(name)) {
                Continuity.from(warmFrom, day, Set.of()); // nobody's readiness differs: it is the same morning
            } else if (warmFrom != null) {
                PlanImporter.applyWhatFits(warmFrom, day);
            }
            started.put(name, System.nanoTime());
            jobs.put(name, solverManager.solveBuilder()
                    .withProblemId(name + "#" + System.identityHashCode(day))
                    .withProblem(day)
                    .withConfigOverride(new SolverConfigOverride<DayPlan>()
                            .withTerminationConfig(termination))
                    .withSolverJobStartedConsumer(d -> started.put(name, System.nanoTime()))
                    .withFinalBestSolutionConsumer(best -> {
                        ended.put(name, System.nanoTime());
                        synchronized (done) {
                            done[0]++;
                            progress.accept(new Progress(name, Feasibility.workable(best.getScore()),
                                    best.getScore().toString(), done[0], total));
                        }
                    })
                    .run());
        });
        List<VariantResult> results = new ArrayList<>();
        for (Map.Entry<String, SolverJob<DayPlan, String>> e : jobs.entrySet()) {
            DayPlan best = finalBest(e.getValue());
            Duration took = Duration.ofNanos(ended.getOrDefault(e.getKey(), System.nanoTime())
                    - started.get(e.getKey()));
            results.add(measure(e.getKey(), descriptions.get(e.getKey()), days.get(e.getKey()), best, took));
        }
        return results;
    }

    /** Hard, then medium: the part of a score that says whether a plan can run as is (soft holds continuity too). */
    private static long hardAndMedium(VariantResult r) {
        var score = ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore.parseScore(r.score());
        return (long) score.hardScore() * 1_000_000_000L + score.mediumScore();
    }

    /** The same KPI code as a single plan, plus what a comparison needs per student and adult. */
    static VariantResult measure(String name, String description, DayProblem problem, DayPlan best, Duration took) {
        RuleBreaks breaks = RuleBreaks.of(best);
        Plan plan = PlanAssembler.assemble(best, breaks);
        double cost = problem.staff().stream().map(Staff::costPerDay).filter(c -> c != null)
                .mapToDouble(Double::doubleValue).sum();
        return new VariantResult(name, description, plan.feasible(), plan.workable(), plan.score(),
                plan.kpis(), problem.staff().size(), cost, KpiCalculator.adultLoads(best), took,
                breaks.counts(), breaks.violations(), KpiCalculator.studentOutcomes(best, breaks), plan, problem);
    }


    /**
     * Bisects for the fewest adults of a role that keep the plan workable and every accommodation honoured (each
     * probe stops at its first workable plan: the question is whether one exists, not how good it is),
     * removing them least-used first (in the base plan) unless an order is given. Assumes fewer adults never helps,
     * which holds for the rules as they are (an adult can always be left without a group).
     */
    FewestResult fewest(DayProblem base, VariantResult baseResult, Scenario.FewestSearch search,
            Consumer<Progress> progress) {
        long start = System.nanoTime();
        List<String> order = removalOrder(base, baseResult, search);
        int n = order.size();
        List<FewestResult.Tried> tried = new ArrayList<>();
        Map<Integer, VariantResult> byKept = new LinkedHashMap<>();
        byKept.put(n, baseResult);
        tried.add(FewestResult.Tried.of(n, baseResult));
        if (!baseResult.honoursEveryAccommodation()) {
            return new FewestResult(search.role(), n, null, order, null, baseResult, tried,
                    Duration.ofNanos(System.nanoTime() - start));
        }
        int low = 0; // lowest count that might still be enough
        int high = n; // known enough
        while (low < high) {
            int mid = (low + high) / 2;
            FewestResult.Tried t = tryKeeping(base, baseResult, order, search.role(), mid, byKept, progress);
            tried.add(t);
            if (t.honoursEveryAccommodation()) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        int fewest = high;
        if (fewest > 0 && tried.stream().noneMatch(t -> t.kept() == fewest - 1)) {
            tried.add(tryKeeping(base, baseResult, order, search.role(), fewest - 1, byKept, progress));
        }
        return new FewestResult(search.role(), n, fewest, order, byKept.get(fewest),
                fewest > 0 ? byKept.get(fewest - 1) : null, tried, Duration.ofNanos(System.nanoTime() - start));
    }

    /** Solves the base without the first {@code n - kept} of {@code order}; a day that cannot be planned is "no". */
    private FewestResult.Tried tryKeeping(DayProblem base, VariantResult baseResult, List<String> order,
            StaffRole role, int kept,
            Map<Integer, VariantResult> byKept, Consumer<Progress> progress) {
        List<Change> changes = order.subList(0, order.size() - kept).stream().<Change>map(Change.RemoveStaff::new)
                .toList();
        String name = kept + " " + role.name().toLowerCase(java.util.Locale.ROOT) + (kept == 1 ? "" : "s");
        Scenario.Variant variant = new Scenario.Variant(name, "fewest search: " + changes.size() + " removed",
                changes);
        DayProblem day;
        try {
            day = DayPlanBuilder.validated(ScenarioChanges.apply(base, variant, -1), name);
        } catch (InvalidInputException cannotPlan) {
            progress.accept(new Progress(name, false, "cannot be planned", 0, 0));
            return new FewestResult.Tried(kept, false, 0, false, "the day cannot be planned: "
                    + cannotPlan.errors().get(0));
        }
        // From the base plan too: the try asks whether a workable plan exists without these adults, and the base
        // plan with their students re-seated is the nearest place to look.
        VariantResult r = solve(Map.of(name, day), Map.of(name, variant.description()), true, baseResult.plan(),
                n -> true, new int[] {0}, 1, progress).get(0);
        if (!r.workable()) { // "no" must not be the warm start's doing: ask again from scratch, as a variant does
            VariantResult scratch = solve(Map.of(name, day), Map.of(name, variant.description()), true, null,
                    n -> false, new int[] {0}, 1, progress).get(0);
            if (hardAndMedium(scratch) > hardAndMedium(r)) {
                r = scratch;
            }
        }
        byKept.put(kept, r);
        return FewestResult.Tried.of(kept, r);
    }

    private static List<String> removalOrder(DayProblem base, VariantResult baseResult,
            Scenario.FewestSearch search) {
        List<String> ofRole = base.staff().stream().filter(s -> s.role() == search.role()).map(Staff::id).toList();
        List<String> order = new ArrayList<>();
        if (search.order() != null) {
            search.order().stream().filter(ofRole::contains).forEach(order::add);
        }
        ofRole.stream().filter(id -> !order.contains(id))
                .sorted(Comparator.comparing((String id) -> baseResult.adultLoads().getOrDefault(id, 0))
                        .thenComparing(Comparator.naturalOrder()))
                .forEach(order::add);
        return order;
    }

    private static DayPlan finalBest(SolverJob<DayPlan, String> job) {
        try {
            return job.getFinalBestSolution();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while solving a variant", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("solving a variant failed", e.getCause());
        }
    }

    @Override
    public void close() {
        solverManager.close();
    }
}
