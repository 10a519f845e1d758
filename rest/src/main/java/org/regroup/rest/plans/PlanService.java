package org.regroup.rest.plans;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import ai.timefold.solver.core.api.score.analysis.ScoreAnalysis;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import ai.timefold.solver.core.api.solver.ScoreAnalysisFetchPolicy;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.SolverConfigOverride;
import ai.timefold.solver.core.api.solver.SolverManager;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.SolverManagerConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import org.regroup.domain.DayProblem;
import org.regroup.solver.build.DayPlanBuilder;
import org.regroup.solver.model.DayPlan;
import org.regroup.solver.model.DayPlanCloner;
import org.regroup.solver.solve.RegroupSolverConfig;
import org.regroup.solver.solve.SolveOptions;
import org.regroup.rest.health.Vitals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the server's plans and runs their solves on Timefold's {@link SolverManager}: at most {@code concurrent}
 * at once, up to {@code queued} more waiting, and a memory budget so that a burst of large days queues or is
 * refused (429) instead of running the server out of memory. Finished plans are kept within a count and an age.
 * Logs name plans and counts, never people.
 */
public final class PlanService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PlanService.class);

    /**
     * Bounds of the service.
     *
     * @param concurrent        solves running at once (default: cores)
     * @param queued            solves waiting beyond those; more are refused with 429
     * @param keepPlans         finished plans kept at most (oldest dropped first)
     * @param keepFor           a finished plan is dropped after this long
     * @param defaultTimeLimit  when a request names none
     * @param maxTimeLimit      the longest a request may ask for
     * @param memoryBudgetBytes heap the solves in progress may claim together (estimated from their size)
     */
    public record Settings(int concurrent, int queued, int keepPlans, Duration keepFor, Duration defaultTimeLimit,
            Duration maxTimeLimit, long memoryBudgetBytes) {

        public static Settings defaults() {
            int cores = Runtime.getRuntime().availableProcessors();
            return new Settings(cores, 4 * cores, 50, Duration.ofHours(24), Duration.ofSeconds(30),
                    Duration.ofMinutes(10), (long) (Runtime.getRuntime().maxMemory() * 0.6));
        }
    }

    /** Too many solves running or waiting (or too much memory claimed): come back later. */
    public static final class BusyException extends RuntimeException {
        private final Duration retryAfter;

        public BusyException(String message, Duration retryAfter) {
            super(message);
            this.retryAfter = retryAfter;
        }

        public Duration retryAfter() {
            return retryAfter;
        }
    }

    /** A plan that is solving cannot be re-planned until it ends (409). */
    public static final class AlreadySolvingException extends RuntimeException {
        AlreadySolvingException(String message) {
            super(message);
        }
    }

    private final Settings settings;
    private final SolverManager<DayPlan, String> solverManager;
    private final SolutionManager<DayPlan, HardMediumSoftScore> solutionManager;
    private final Map<String, PlanJob> jobs = new ConcurrentHashMap<>();
    private final MemoryBudget memory;
    private final Vitals vitals;
    private final org.regroup.rest.health.Metrics metrics;

    public PlanService(Settings settings) {
        this(settings, new Vitals());
    }

    public PlanService(Settings settings, Vitals vitals) {
        this(settings, vitals, new org.regroup.rest.health.Metrics());
    }

    public PlanService(Settings settings, Vitals vitals, org.regroup.rest.health.Metrics metrics) {
        this.settings = settings;
        this.vitals = vitals;
        this.metrics = metrics;
        this.memory = new MemoryBudget(settings.memoryBudgetBytes());
        SolverConfig config = RegroupSolverConfig.create(SolveOptions.of(settings.defaultTimeLimit()));
        this.solverManager = SolverManager.create(config,
                new SolverManagerConfig().withParallelSolverCount(String.valueOf(settings.concurrent())));
        this.solutionManager = org.regroup.solver.explain.Explainer.solutionManager();
    }

    public Settings settings() {
        return settings;
    }

    /** The heap set aside for plans: solves, kept plans, stored versions read, scenarios. */
    public MemoryBudget memory() {
        return memory;
    }

    public SolutionManager<DayPlan, HardMediumSoftScore> solutionManager() {
        return solutionManager;
    }

    /**
     * Builds the day and starts solving it. Throws {@link org.regroup.domain.InvalidInputException} when the day
     * cannot be built and {@link BusyException} when the service is full.
     */
    public PlanJob submit(DayProblem problem, Duration timeLimit) {
        return submit(problem, day -> day, timeLimit);
    }

    /** As above, with the built day prepared before solving (a warm start from the plan it replaces). */
    public PlanJob submit(DayProblem problem, java.util.function.UnaryOperator<DayPlan> prepare, Duration timeLimit) {
        return submit(problem, prepare, java.util.function.UnaryOperator.identity(), timeLimit);
    }

    /**
     * As above; {@code forReaders} makes what readers see of each best plan (an override's search prices moves its
     * own way, and its plans are scored for readers by the school's weights).
     */
    public PlanJob submit(DayProblem problem, java.util.function.UnaryOperator<DayPlan> prepare,
            java.util.function.UnaryOperator<DayPlan> forReaders, Duration timeLimit) {
        DayPlan day = prepare.apply(DayPlanBuilder.build(problem, "request body"));
        PlanJob job = new PlanJob(UUID.randomUUID().toString(), problem, day, this::analyze);
        job.readWith(forReaders);
        admit(job.id(), day);
        jobs.put(job.id(), job);
        start(job, day, timeLimit);
        LOG.info("plan {}: {} students, {} staff, {} blocks; solving for {}", job.id(), day.getLearners().size(),
                day.getAdults().size(), day.getPeriods().size(), timeLimit);
        return job;
    }

    /** Solves again from a revised plan (a teacher's pin): the same plan id, its followers hear the new solve. */
    public synchronized PlanJob resolve(PlanJob job, DayPlan revised, java.util.function.UnaryOperator<DayPlan> forReaders,
            Duration timeLimit) {
        if (job.isSolving()) {
            throw new AlreadySolvingException("plan " + job.id() + " is solving; stop it or wait for it to finish");
        }
        admit(job.id(), revised);
        job.readWith(forReaders);
        job.restarted(revised);
        start(job, revised, timeLimit);
        LOG.info("plan {}: re-planning around a pin for {}", job.id(), timeLimit);
        return job;
    }

    /**
     * Hands a change of the day to a running solve (a Timefold problem change): the future completes once the solve
     * has applied it, and fails when the solve is not running.
     */
    public java.util.concurrent.CompletableFuture<Void> change(PlanJob job,
            ai.timefold.solver.core.api.solver.change.ProblemChange<DayPlan> change) {
        try {
            return solverManager.addProblemChange(job.id(), change);
        } catch (IllegalStateException notSolving) {
            return java.util.concurrent.CompletableFuture.failedFuture(notSolving);
        }
    }

    private void start(PlanJob job, DayPlan day, Duration timeLimit) {
        // for the time to the first feasible plan (metrics)
        java.util.concurrent.atomic.AtomicReference<Instant> startedAt =
                new java.util.concurrent.atomic.AtomicReference<>();
        solverManager.solveBuilder()
                .withProblemId(job.id())
                .withProblem(day)
                .withConfigOverride(new SolverConfigOverride<DayPlan>()
                        .withTerminationConfig(new TerminationConfig().withSpentLimit(timeLimit)))
                .withSolverJobStartedConsumer(initial -> {
                    startedAt.set(Instant.now());
                    job.started();
                })
                .withBestSolutionConsumer(plan -> {
                    Instant since = startedAt.get();
                    if (since != null && plan.getScore() != null && plan.getScore().isFeasible()
                            && startedAt.compareAndSet(since, null)) {
                        metrics.timeToFeasible(Duration.between(since, Instant.now()));
                    }
                    job.newBest(plan);
                })
                .withFinalBestSolutionConsumer(plan -> {
                    release(job.id());
                    job.finished(plan);
                    keep(job);
                    LOG.info("plan {}: solved, {}", job.id(), plan.getScore());
                })
                .withExceptionHandler((id, error) -> {
                    release(id);
                    vitals.check(error, "the solve of plan " + id);
                    metrics.jobFailed("solve");
                    job.failed(error.getClass().getSimpleName());
                    keep(job);
                    LOG.error("plan {}: solving failed", id, error);
                })
                .run();
    }

    /** Score analysis with every match, on a copy of the plan (analysing recomputes derived values in place). */
    public ScoreAnalysis<HardMediumSoftScore> analyze(DayPlan plan) {
        return solutionManager.analyze(new DayPlanCloner().cloneSolution(plan), ScoreAnalysisFetchPolicy.FETCH_ALL);
    }

    public Optional<PlanJob> find(String id) {
        evictExpired();
        PlanJob job = jobs.get(id);
        if (job != null) {
            memory.touch(kept(id));
        }
        return Optional.ofNullable(job);
    }

    /**
     * Drops a finished plan from memory (its stored copy, changed by an erasure, answers from now on); a solve still
     * running is left alone.
     */
    public void forgetFinished(String id) {
        PlanJob job = jobs.get(id);
        if (job != null && !job.isSolving()) {
            forget(id);
        }
    }

    /** Stops solving early; the best plan so far is kept. */
    public void stop(String id) {
        solverManager.terminateEarly(id);
        PlanJob job = jobs.get(id);
        // A solve still waiting for a thread is dropped by Timefold without calling back: end it here.
        if (job != null && job.cancelIfWaiting()) {
            release(id);
            keep(job);
            LOG.info("plan {}: stopped before it started", id);
        }
    }

    public int solving() {
        return (int) jobs.values().stream().filter(PlanJob::isSolving).count();
    }

    public int held() {
        return jobs.size();
    }

    /** Refuses a solve beyond the running and waiting bounds or the memory budget, with a hint when to retry. */
    private synchronized void admit(String id, DayPlan day) {
        long waitingOrRunning = solving();
        if (waitingOrRunning >= (long) settings.concurrent() + settings.queued()) {
            throw new BusyException(waitingOrRunning + " plans are solving or waiting, the most this server takes",
                    settings.defaultTimeLimit());
        }
        long need = (long) day.getPlacements().size() * MemoryBudget.SOLVING_PER_PLACEMENT;
        memory.release(kept(id)); // a finished plan solved again is held as a solve
        if (!memory.hold(solving(id), need)) {
            throw new BusyException("the solves in progress use the memory this server sets aside; this day needs "
                    + need / (1024 * 1024) + " MiB more", settings.defaultTimeLimit());
        }
        makeRoom(id);
    }

    private void release(String id) {
        memory.release(solving(id));
    }

    /**
     * A finished plan stays for readers while the memory budget has room for it; when it is needed for a solve, the
     * plan is dropped from memory (its stored copy still answers).
     */
    private void keep(PlanJob job) {
        long bytes = (long) job.placements() * MemoryBudget.KEPT_PER_PLACEMENT;
        if (!memory.keep(kept(job.id()), bytes, () -> jobs.remove(job.id(), job))) {
            forget(job.id());
            LOG.info("plan {}: not kept in memory (the memory budget is taken by solves)", job.id());
        }
    }

    private void forget(String id) {
        jobs.remove(id);
        memory.release(kept(id));
    }

    private static String solving(String id) {
        return "solve " + id;
    }

    private static String kept(String id) {
        return "plan " + id;
    }

    /**
     * Keeps fewer than {@code keepPlans} finished plans before a new one comes: the oldest finished go first, never
     * the plan being admitted (a re-plan of a finished plan must not drop itself).
     */
    private void makeRoom(String admitted) {
        evictExpired();
        List<PlanJob> finished = jobs.values().stream().filter(j -> !j.isSolving() && !j.id().equals(admitted))
                .sorted(Comparator.comparing(PlanJob::finished, Comparator.nullsFirst(Comparator.naturalOrder())))
                .toList();
        for (int i = 0; i <= finished.size() - settings.keepPlans(); i++) {
            forget(finished.get(i).id());
            LOG.info("plan {}: dropped (keeping at most {} finished plans)", finished.get(i).id(), settings.keepPlans());
        }
    }

    private void evictExpired() {
        Instant limit = Instant.now().minus(settings.keepFor());
        jobs.values().stream().filter(j -> !j.isSolving() && j.finished() != null && j.finished().isBefore(limit))
                .map(PlanJob::id).toList().forEach(this::forget);
    }

    /** Stops every solve (each keeps its best plan) and waits a little for them to end. */
    @Override
    public void close() {
        List<PlanJob> solving = jobs.values().stream().filter(PlanJob::isSolving).toList();
        solving.forEach(job -> stop(job.id()));
        // Until each has ended and its followers heard the end: the store has its final plan before it closes.
        try {
            java.util.concurrent.CompletableFuture.allOf(solving.stream().map(PlanJob::ended)
                    .toArray(java.util.concurrent.CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            LOG.warn("{} solve(s) had not ended 10 s after they were stopped", solving());
        }
        solverManager.close();
    }
}
