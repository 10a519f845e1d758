package org.regroup.rest.days;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;

import org.regroup.domain.io.Json;
import org.regroup.rest.plans.PlanJob;
import org.regroup.store.SchoolStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Days planned without a school ({@code POST /api/plans}) are kept in the store too, by the id the server handed out:
 * the day when it is submitted, its plan when a solve of it ends (the first, or a re-plan after an override). So an
 * address given to a user answers after a restart; a plan is kept for {@link #KEPT} after it was submitted, then
 * deleted (docs/api.md, where plans live).
 */
public final class ScratchPlans {

    private static final Logger LOG = LoggerFactory.getLogger(ScratchPlans.class);

    /** How long a day planned without a school is kept in the store. */
    public static final Duration KEPT = Duration.ofDays(7);

    private final SchoolStore store;

    public ScratchPlans(SchoolStore store) {
        this.store = store;
    }

    /** Keeps a day just submitted (with who asked), and its plan when the solve ends; drops the plans past their time. */
    public void keep(PlanJob job, org.regroup.rest.plans.Owner owner) {
        int dropped = store.versions().dropScratchBefore(Instant.now().minus(KEPT));
        if (dropped > 0) {
            LOG.info("store: {} plan(s) of days without a school dropped after {} days", dropped, KEPT.toDays());
        }
        store.versions().startScratch(job.id(), json(job.problem()), owner.accountId(), owner.schoolId());
        keepWhenSolved(job);
    }

    /** Keeps the plan the job's current solve ends with (a re-plan after an override). */
    public void keepWhenSolved(PlanJob job) {
        job.follow(update -> {
            if (update.last() && job.snapshot() != null) {
                store.versions().finishScratch(job.id(), job.snapshot().plan());
            }
        });
    }

    private static String json(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
