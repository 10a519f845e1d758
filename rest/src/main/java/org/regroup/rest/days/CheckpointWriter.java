package org.regroup.rest.days;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import org.regroup.domain.plan.Plan;
import org.regroup.rest.plans.PlanJob;
import org.regroup.store.SchoolStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the best plan of each stored version while it solves to the store (a checkpoint), so that a solve cut off
 * by a crash keeps what it found. Solver threads only hand plans over; one writer thread writes them, each in its own
 * committed transaction, the latest plan of a version replacing one still waiting. A failed write is logged and
 * dropped: checkpoints never slow or stop a solve.
 */
public final class CheckpointWriter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CheckpointWriter.class);

    /** A stored version of a day's plan. */
    record Version(String schoolId, LocalDate day, int version) {
    }

    private record Pending(String planId, Plan plan, Instant takenAt) {
    }

    private final SchoolStore store;
    private final Duration every;
    private final Map<Version, Pending> pending = new ConcurrentHashMap<>();
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "regroup-checkpoints");
        t.setDaemon(true);
        return t;
    });

    /** @param every the least time between two checkpoints of one solve (a first feasible plan is kept at once) */
    public CheckpointWriter(SchoolStore store, Duration every) {
        this.store = store;
        this.every = every;
    }

    /**
     * Checkpoints {@code job}'s best plans as {@code version}: its first plan, its first feasible plan, then a new
     * best at most every {@link #every}. Its end is not a checkpoint: the caller stores the final plan itself.
     */
    void follow(Version version, PlanJob job) {
        job.follow(new Throttle(version, job)::heard);
    }

    /** Decides on the solver thread, cheaply, which new best plans are worth a checkpoint. */
    private final class Throttle {
        private final Version version;
        private final PlanJob job;
        private long lastNanos;
        private boolean any;
        private boolean feasible;

        Throttle(Version version, PlanJob job) {
            this.version = version;
            this.job = job;
        }

        void heard(PlanJob.Update update) {
            if (update.last() || update.score() == null) {
                return;
            }
            long now = System.nanoTime();
            boolean firstFeasible = update.feasible() && !feasible;
            if (any && !firstFeasible && now - lastNanos < every.toNanos()) {
                return;
            }
            PlanJob.Snapshot best = job.snapshot();
            if (best == null) {
                return;
            }
            any = true;
            feasible |= update.feasible();
            lastNanos = now;
            offer(version, job.id(), best.plan());
        }
    }

    /** Hands a plan to the writer without waiting; a plan of the same version not written yet is replaced. */
    void offer(Version version, String planId, Plan plan) {
        if (pending.put(version, new Pending(planId, plan, Instant.now())) != null) {
            return; // a write of this version is queued and will take the newest plan
        }
        try {
            writer.execute(() -> write(version));
        } catch (RejectedExecutionException closing) {
            pending.remove(version);
        }
    }

    private void write(Version version) {
        Pending p = pending.remove(version);
        if (p == null) {
            return;
        }
        try {
            boolean written = store.versions().saveCheckpoint(version.schoolId(), version.day(), version.version(),
                    p.planId(), p.plan(), p.takenAt());
            if (written) {
                LOG.debug("school {} day {}: checkpoint of version {} ({})", version.schoolId(), version.day(),
                        version.version(), p.plan().score());
            }
        } catch (RuntimeException e) {
            LOG.warn("school {} day {}: checkpoint of version {} not written: {}", version.schoolId(), version.day(),
                    version.version(), e.toString());
        }
    }

    /** Writes what is waiting (a few seconds at most), then stops the writer. */
    @Override
    public void close() {
        writer.shutdown();
        try {
            writer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
