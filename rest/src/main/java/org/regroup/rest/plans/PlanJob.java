package org.regroup.rest.plans;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import ai.timefold.solver.core.api.score.analysis.ScoreAnalysis;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import ai.timefold.solver.core.api.solver.SolverStatus;
import org.regroup.domain.DayProblem;
import org.regroup.domain.plan.Kpis;
import org.regroup.domain.plan.Plan;
import org.regroup.solver.constraints.Feasibility;
import org.regroup.solver.model.DayPlan;
import org.regroup.solver.output.PlanAssembler;

/**
 * One plan the server holds: the day it was asked for, its best plan so far, its status, and whoever follows it.
 * Updated by solver threads, read by request threads: the fields that change are volatile and replaced, never
 * mutated in place.
 */
public final class PlanJob {

    /**
     * The plan as readers see it: the solver's plan, the plan in the documented format, and the update followers
     * heard. Made on the solver thread at most four times a second (and always at the end), so readers never pay to
     * assemble it and always see a consistent whole.
     */
    public record Snapshot(long version, Instant at, DayPlan day, Plan plan, Update update,
            Lazy<ScoreAnalysis<HardMediumSoftScore>> analysis, Map<Object, Object> renderings) {

        /**
         * What was made from this snapshot for readers (a roster in a media type…), made once by the first reader
         * and kept as long as the snapshot is the latest.
         */
        @SuppressWarnings("unchecked")
        public <T> T rendered(Object key, java.util.function.Supplier<T> render) {
            return (T) renderings.computeIfAbsent(key, k -> render.get());
        }
    }

    /** Computed on first use, once, by whichever thread asks first. */
    public static final class Lazy<T> {
        private final java.util.function.Supplier<T> compute;
        private volatile T value;

        public Lazy(java.util.function.Supplier<T> compute) {
            this.compute = compute;
        }

        public T get() {
            T v = value;
            if (v == null) {
                synchronized (this) {
                    v = value;
                    if (v == null) {
                        v = compute.get();
                        value = v;
                    }
                }
            }
            return v;
        }
    }

    /** What followers hear: each new best plan, then the end. */
    public record Update(String planId, String status, String score, boolean feasible, boolean workable, Kpis kpis,
            long elapsedMillis, boolean last) {
    }

    private final String id;
    /** The day being solved; replaced when the running solve takes a change ({@link #tookChange}). */
    private volatile DayProblem problem;
    private final Instant created = Instant.now();
    private final List<Consumer<Update>> followers = new CopyOnWriteArrayList<>();
    private volatile DayPlan best;
    private volatile SolverStatus status = SolverStatus.SOLVING_SCHEDULED;
    private volatile Instant solvingStarted;
    private volatile Instant finished;
    private volatile Duration firstFeasible;
    private volatile String failure;
    private volatile Snapshot snapshot;
    private volatile Update lastUpdate;
    private volatile long lastPublishedNanos;
    /** Completes when the current solve has ended (its final plan published to followers). */
    private volatile java.util.concurrent.CompletableFuture<Void> ended = new java.util.concurrent.CompletableFuture<>();

    /**
     * The plan readers see, made from the solver's best (identity, except for a re-plan that searched with its own
     * weights and is scored for readers by the school's: an override).
     */
    private volatile java.util.function.UnaryOperator<DayPlan> forReaders = java.util.function.UnaryOperator.identity();

    /** Counts snapshots: with the plan id, names a version of the plan (ETags). */
    private long version;

    /** Early on a solve finds many better plans a second: tell followers at most this often (and always the last). */
    private static final long PUBLISH_EVERY_NANOS = 250_000_000L;

    /** Score analysis of a plan (on a copy: analysing recomputes the plan's derived values). */
    private final java.util.function.Function<DayPlan, ScoreAnalysis<HardMediumSoftScore>> analyzer;

    PlanJob(String id, DayProblem problem, DayPlan initial,
            java.util.function.Function<DayPlan, ScoreAnalysis<HardMediumSoftScore>> analyzer) {
        this.id = id;
        this.problem = problem;
        this.best = initial;
        this.analyzer = analyzer;
    }

    public String id() {
        return id;
    }

    public DayProblem problem() {
        return problem;
    }

    /**
     * The running solve took a change (an adult gone, a space closed): from now on the job's day is {@code after},
     * so that rosters and checks read today's staff and spaces, not this morning's.
     */
    public void tookChange(DayProblem after) {
        this.problem = after;
    }

    public Instant created() {
        return created;
    }

    /** How many student-blocks the day has: what its memory is reckoned by. */
    public int placements() {
        DayPlan b = best;
        return b == null ? 0 : b.getPlacements().size();
    }

    /** The best plan so far (the final one once solving ended); a snapshot no solver thread changes. */
    public DayPlan best() {
        return best;
    }

    public SolverStatus status() {
        return status;
    }

    public boolean isSolving() {
        return status != SolverStatus.NOT_SOLVING;
    }

    /**
     * Completes once the current solve has ended and its followers heard the end (the store has its plan by then):
     * for callers that run the day themselves, such as the simulation; request threads never wait on it.
     */
    public java.util.concurrent.CompletableFuture<Void> ended() {
        return ended;
    }

    public Instant finished() {
        return finished;
    }

    public Duration firstFeasible() {
        return firstFeasible;
    }

    /** Why solving failed, in one line; null when it did not. */
    public String failure() {
        return failure;
    }

    /** The latest published plan (null before the first plan is built). */
    public Snapshot snapshot() {
        return snapshot;
    }

    /** The latest plan for readers (null before the first plan is built). */
    public ReadablePlan readable() {
        Snapshot s = snapshot;
        return s == null ? null : new ReadablePlan() {
            @Override
            public String label() {
                return id;
            }

            @Override
            public DayProblem problem() {
                return problem;
            }

            @Override
            public Plan plan() {
                return s.plan();
            }

            @Override
            public DayPlan day() {
                return s.day();
            }

            @Override
            public ScoreAnalysis<HardMediumSoftScore> analysis() {
                return s.analysis().get();
            }

            @Override
            public String tag() {
                return id + "-" + s.version();
            }

            @Override
            public Instant at() {
                return s.at();
            }

            @Override
            public <T> T rendered(Object key, java.util.function.Supplier<T> render) {
                return s.rendered(key, render);
            }
        };
    }

    /**
     * Follows this plan: a follower that joins late hears the latest update at once; one that joins after the end
     * hears only the final update. Synchronized with the end so that no follower misses it.
     */
    public synchronized void follow(Consumer<Update> follower) {
        Update latest = lastUpdate;
        if (latest != null) {
            follower.accept(latest);
        }
        if (isSolving()) {
            followers.add(follower);
        }
    }

    public void unfollow(Consumer<Update> follower) {
        followers.remove(follower);
    }

    // ---- called by PlanService on solver threads ----

    synchronized void started() {
        if (status == SolverStatus.SOLVING_SCHEDULED) {
            solvingStarted = Instant.now();
            status = SolverStatus.SOLVING_ACTIVE;
        }
    }

    void newBest(DayPlan plan) {
        best = plan;
        if (firstFeasible == null && Feasibility.feasible(plan.getScore())) {
            firstFeasible = elapsed();
        }
        publish(false);
    }

    synchronized void finished(DayPlan plan) {
        if (plan != null) {
            best = plan;
        }
        finished = Instant.now();
        status = SolverStatus.NOT_SOLVING;
        publish(true);
        followers.clear();
        ended.complete(null);
    }

    void failed(String reason) {
        failure = reason;
        finished(null);
    }

    /**
     * Stopped before a solver thread took it up: it ends with whatever plan it had (none for a new day) and its
     * followers hear the end. False when solving had already begun (then the solver ends it).
     */
    synchronized boolean cancelIfWaiting() {
        if (status != SolverStatus.SOLVING_SCHEDULED) {
            return false;
        }
        finished = Instant.now();
        status = SolverStatus.NOT_SOLVING;
        Snapshot kept = snapshot;
        Update end = kept == null ? new Update(id, SolverStatus.NOT_SOLVING.name(), null, false, false, null, 0, true)
                : new Update(id, SolverStatus.NOT_SOLVING.name(), kept.plan().score(), kept.plan().feasible(),
                        kept.plan().workable(), kept.plan().kpis(), kept.update().elapsedMillis(), true);
        tell(end);
        followers.clear();
        ended.complete(null);
        return true;
    }

    /** How readers see each best plan of the solves to come (see {@link #forReaders}). */
    void readWith(java.util.function.UnaryOperator<DayPlan> view) {
        this.forReaders = view;
    }

    /** Back to solving (a re-plan around a pin): followers hear its progress too. */
    synchronized void restarted(DayPlan plan) {
        best = plan;
        finished = null;
        status = SolverStatus.SOLVING_SCHEDULED;
        lastUpdate = null; // a follower joining now waits for the re-plan instead of hearing the old end
        ended = new java.util.concurrent.CompletableFuture<>();
    }

    private synchronized void publish(boolean last) {
        long now = System.nanoTime();
        if (!last && snapshot != null && now - lastPublishedNanos < PUBLISH_EVERY_NANOS) {
            return;
        }
        lastPublishedNanos = now;
        DayPlan day = forReaders.apply(best);
        Plan plan = PlanAssembler.assemble(day);
        Update update = new Update(id, last ? SolverStatus.NOT_SOLVING.name() : status.name(), plan.score(),
                plan.feasible(), plan.workable(), plan.kpis(), elapsed().toMillis(), last);
        snapshot = new Snapshot(++version, Instant.now(), day, plan, update, new Lazy<>(() -> analyzer.apply(day)),
                new ConcurrentHashMap<>());
        tell(update);
    }

    private void tell(Update update) {
        lastUpdate = update;
        for (Consumer<Update> follower : followers) {
            try {
                follower.accept(update);
            } catch (RuntimeException gone) {
                // A closed connection, most often: stop telling it. Anything else (the store) is worth a line.
                followers.remove(follower);
                if (!(gone instanceof IllegalStateException)) {
                    org.slf4j.LoggerFactory.getLogger(PlanJob.class).warn("plan {}: a follower failed on the {} "
                            + "update: {}", id, update.last() ? "last" : "latest", gone.getClass().getSimpleName());
                }
            }
        }
    }

    private Duration elapsed() {
        Instant start = solvingStarted == null ? created : solvingStarted;
        return Duration.between(start, Instant.now());
    }
}
