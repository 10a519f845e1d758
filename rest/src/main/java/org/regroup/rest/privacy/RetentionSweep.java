package org.regroup.rest.privacy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.regroup.rest.days.ScratchPlans;
import org.regroup.store.SchoolStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes what is past its retention period (docs/privacy.md): evidence, audit entries, plans of days long past and
 * their day inputs, days planned without a school. Runs when the server starts and then once a day.
 */
public final class RetentionSweep implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RetentionSweep.class);

    /**
     * How long things are kept, in days.
     *
     * @param evidenceDays evidence events by when they were observed; null keeps them
     * @param auditDays    audit entries
     * @param planDays     versions of school days' plans and those days' inputs, by the school day (each school's
     *                     two latest published days are kept however old)
     */
    public record Retention(Integer evidenceDays, int auditDays, int planDays) {

        public static final Retention DEFAULTS = new Retention(null, 400, 400);

        public Retention {
            if (evidenceDays != null && evidenceDays < 1 || auditDays < 1 || planDays < 1) {
                throw new IllegalArgumentException("retention periods are at least 1 day");
            }
        }
    }

    /** What one sweep deleted. */
    public record Swept(int evidence, int audit, int planVersions, int dayInputs, int plansWithoutSchool) {

        int total() {
            return evidence + audit + planVersions + dayInputs + plansWithoutSchool;
        }
    }

    static final Duration EVERY = Duration.ofDays(1);

    private final SchoolStore store;
    private final Retention retention;
    private final Clock clock;
    private final java.util.function.Consumer<Swept> afterEach;
    private ScheduledExecutorService timer;

    /** @param afterEach run after each sweep (the server drops parsed plans it may still hold, ended sessions) */
    public RetentionSweep(SchoolStore store, Retention retention, Clock clock,
            java.util.function.Consumer<Swept> afterEach) {
        this.store = store;
        this.retention = retention;
        this.clock = clock;
        this.afterEach = afterEach;
    }

    /** Sweeps now (in the background) and then every day, until closed. */
    public synchronized RetentionSweep start() {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "regroup-retention");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::sweepLogged, 0, EVERY.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    private void sweepLogged() {
        try {
            Swept swept = sweep(clock.instant());
            afterEach.accept(swept);
            if (swept.total() > 0) {
                LOG.info("retention: deleted {}", swept);
            }
        } catch (RuntimeException e) {
            // a failed sweep must not stop the next one; the store's health shows in /api/health
            LOG.error("retention: the sweep failed ({}); next in {} h", e.toString(), EVERY.toHours());
        }
    }

    /** Deletes what is older than its retention period at {@code now}. */
    public Swept sweep(Instant now) {
        int evidence = retention.evidenceDays() == null ? 0
                : store.evidence().dropEvidenceBefore(now.minus(Duration.ofDays(retention.evidenceDays())));
        int audit = store.audit().dropBefore(now.minus(Duration.ofDays(retention.auditDays())));
        LocalDate firstDayKept = LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(retention.planDays());
        int versions = store.versions().dropPlansBefore(firstDayKept);
        // a day's requests go with its input: both are what that day was planned from; and so does the attendance
        // taken on it (counted with them)
        int inputs = store.schools().dropDayInputsBefore(firstDayKept)
                + store.paths().dropRequestsBefore(firstDayKept) + store.attendance().dropBefore(firstDayKept);
        int scratch = store.versions().dropScratchBefore(now.minus(ScratchPlans.KEPT));
        return new Swept(evidence, audit, versions, inputs, scratch);
    }

    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
