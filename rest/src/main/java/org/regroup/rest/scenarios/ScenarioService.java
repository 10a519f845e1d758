package org.regroup.rest.scenarios;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.regroup.domain.DayProblem;
import org.regroup.domain.scenario.Scenario;
import org.regroup.rest.plans.PlanService;
import org.regroup.solver.whatif.Comparison;
import org.regroup.solver.whatif.WhatIf;
import org.regroup.rest.health.Vitals;
import org.regroup.rest.plans.MemoryBudget;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs principals' scenarios one at a time (each already solves its variants on every core), with a short queue
 * beyond which submissions get 429, and keeps the last finished ones. Logs scenario ids and counts only.
 */
public final class ScenarioService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ScenarioService.class);

    /** Where a scenario is. */
    public enum Status { QUEUED, SOLVING, DONE, FAILED }

    /** One scenario the server holds. Fields change on the worker thread and are read by request threads. */
    public static final class Job {
        private final String id;
        private final Scenario scenario;
        private final org.regroup.rest.plans.Owner owner;
        private final Instant created = Instant.now();
        private final List<WhatIf.Progress> solved = new CopyOnWriteArrayList<>();
        private volatile Status status = Status.QUEUED;
        private volatile Comparison comparison;
        private volatile String failure;
        private volatile Instant finished;

        Job(String id, Scenario scenario, org.regroup.rest.plans.Owner owner) {
            this.id = id;
            this.scenario = scenario;
            this.owner = owner;
        }

        /** Who asked for it (they, their school's admins and principal, and the district read it). */
        public org.regroup.rest.plans.Owner owner() {
            return owner;
        }

        public String id() {
            return id;
        }

        public Scenario scenario() {
            return scenario;
        }

        public Status status() {
            return status;
        }

        /** Plans finished so far, in the order they finished. */
        public List<WhatIf.Progress> solved() {
            return List.copyOf(solved);
        }

        public Comparison comparison() {
            return comparison;
        }

        public String failure() {
            return failure;
        }

        Instant finished() {
            return finished;
        }
    }

    private final int cores;
    private final int queued;
    private final int keep;
    private final Duration defaultTimeLimit;
    private final Duration maxTimeLimit;
    private final ExecutorService worker;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();

    private final MemoryBudget memory;
    private final Vitals vitals;

    /**
     * Solves with the plan service's cores, time limits and memory budget; {@code queued} scenarios may wait. A
     * worker that dies is replaced by its pool; the scenario it ran is marked failed.
     */
    public ScenarioService(PlanService plans, Vitals vitals, int queued, int keep) {
        PlanService.Settings settings = plans.settings();
        this.memory = plans.memory();
        this.vitals = vitals;
        this.cores = settings.concurrent();
        this.queued = queued;
        this.keep = keep;
        this.defaultTimeLimit = settings.defaultTimeLimit();
        this.maxTimeLimit = settings.maxTimeLimit();
        this.worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(queued),
                r -> new Thread(r, "regroup-scenarios"));
    }

    public Duration defaultTimeLimit() {
        return defaultTimeLimit;
    }

    public Duration maxTimeLimit() {
        return maxTimeLimit;
    }

    /**
     * Queues the scenario. The base day and every variant were checked by the caller ({@link WhatIf#days}).
     *
     * @throws PlanService.BusyException when the queue is full
     */
    public Job submit(Scenario scenario, DayProblem base, Duration timeLimit, org.regroup.rest.plans.Owner owner) {
        makeRoom();
        Job job = new Job(UUID.randomUUID().toString(), scenario, owner);
        // Its variants solve side by side, each a day of the base's size.
        long need = (long) Math.min(cores, scenario.variants().size() + 1) * base.students().size()
                * base.blocks().size() * MemoryBudget.SOLVING_PER_PLACEMENT;
        if (!memory.hold("scenario " + job.id, need)) {
            throw new PlanService.BusyException("the solves in progress use the memory this server sets aside; "
                    + "this scenario needs " + need / (1024 * 1024) + " MiB more", timeLimit);
        }
        jobs.put(job.id, job);
        try {
            worker.execute(() -> run(job, base, timeLimit));
        } catch (RejectedExecutionException full) {
            memory.release("scenario " + job.id);
            jobs.remove(job.id);
            throw new PlanService.BusyException("a scenario is being solved and " + queued + " are waiting, the "
                    + "most this server takes", timeLimit.multipliedBy(scenario.variants().size() + 1));
        }
        LOG.info("scenario {}: {} variants queued, {} each", job.id, scenario.variants().size(), timeLimit);
        return job;
    }

    private void run(Job job, DayProblem base, Duration timeLimit) {
        job.status = Status.SOLVING;
        try (WhatIf whatIf = new WhatIf(timeLimit, cores)) {
            job.comparison = whatIf.compare(job.scenario, base, job.solved::add);
            job.status = Status.DONE;
            LOG.info("scenario {}: compared in {}", job.id, job.comparison.wallTime());
        } catch (RuntimeException | Error e) {
            vitals.check(e, "scenario " + job.id);
            job.failure = e.getClass().getSimpleName();
            job.status = Status.FAILED;
            LOG.error("scenario {}: failed", job.id, e);
        } finally {
            memory.release("scenario " + job.id);
            job.finished = Instant.now();
        }
    }

    public Optional<Job> find(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    /** Keeps fewer than {@code keep} finished scenarios before a new one comes: the oldest go first. */
    private void makeRoom() {
        List<Job> done = jobs.values().stream().filter(j -> j.finished != null)
                .sorted(Comparator.comparing(Job::finished)).toList();
        for (int i = 0; i <= done.size() - keep; i++) {
            jobs.remove(done.get(i).id);
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
