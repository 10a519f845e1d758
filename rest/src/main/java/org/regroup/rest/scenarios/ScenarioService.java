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
        private final Instant created = Instant.now();
        private final List<WhatIf.Progress> solved = new CopyOnWriteArrayList<>();
        private volatile Status status = Status.QUEUED;
        private volatile Comparison comparison;
        private volatile String failure;
        private volatile Instant finished;

        Job(String id, Scenario scenario) {
            this.id = id;
            this.scenario = scenario;
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

    /** Solves with the plan service's cores and time limits; {@code queued} scenarios may wait. */
    public ScenarioService(PlanService.Settings settings, int queued, int keep) {
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
    public Job submit(Scenario scenario, DayProblem base, Duration timeLimit) {
        makeRoom();
        Job job = new Job(UUID.randomUUID().toString(), scenario);
        jobs.put(job.id, job);
        try {
            worker.execute(() -> run(job, base, timeLimit));
        } catch (RejectedExecutionException full) {
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
        } catch (RuntimeException e) {
            job.failure = e.getClass().getSimpleName();
            job.status = Status.FAILED;
            LOG.error("scenario {}: failed", job.id, e);
        } finally {
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
