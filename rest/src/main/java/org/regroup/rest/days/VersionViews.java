package org.regroup.rest.days;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonRawValue;
import org.regroup.domain.io.Json;
import org.regroup.domain.plan.Kpis;
import org.regroup.domain.plan.Perturbations;
import org.regroup.domain.plan.Plan;
import org.regroup.store.SchoolStore;

/**
 * One stored version of a day's plan as {@code GET …/plans/{version}} shows it: its status and score, its KPIs, the
 * last checkpoint of a solve still running or cut off, and the plan itself.
 */
public final class VersionViews {

    /**
     * @param kpis       of the version's plan, else of its checkpoint
     * @param checkpoint while solving or once interrupted: the solve's last checkpointed best plan
     * @param againstYesterday {@code kpis} beside those of the plan published for the latest earlier day
     * @param plan       the plan document (draft or published), left out on request
     */
    public record VersionView(String schoolId, LocalDate day, int version, String status, String score,
            Boolean feasible, Boolean workable, String planId, Instant createdAt, Instant updatedAt, Kpis kpis,
            CheckpointView checkpoint, KpisAgainstYesterday againstYesterday, @JsonRawValue String plan) {
    }

    /** A solve's last checkpoint: when it was taken, the score and KPIs then, and (on request) its plan. */
    public record CheckpointView(Instant takenAt, String score, boolean feasible, Kpis kpis,
            @JsonRawValue String plan) {
    }

    private final SchoolStore store;
    /**
     * Plan documents parsed, by school, day and version: a version's document is written once, when its solve ends,
     * and never changes, so polling a version (or comparing with yesterday's) need not parse megabytes of JSON each
     * time. The most recently used few are kept.
     */
    private final Map<String, Plan> parsed = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Plan> eldest) {
                    return size() > 16;
                }
            });

    public VersionViews(SchoolStore store) {
        this.store = store;
    }

    /** The version's plan, its document read and parsed once; null while it has none (solving, interrupted). */
    private Plan plan(String schoolId, LocalDate day, int version) {
        String key = schoolId + "/" + day + "/" + version;
        Plan plan = parsed.get(key);
        if (plan == null) {
            String document = store.planDocument(schoolId, day, version);
            if (document != null) {
                plan = read(document);
                parsed.put(key, plan);
            }
        }
        return plan;
    }

    /** Throws {@link NoSuchElementException} for an unknown version. */
    public VersionView view(String schoolId, LocalDate day, int version, boolean withPlan) {
        SchoolStore.PlanRecord record = store.plans(schoolId, day).stream().filter(p -> p.version() == version)
                .findFirst().orElseThrow(() -> new NoSuchElementException("no plan version " + version + " of "
                        + day));
        Plan plan = plan(schoolId, day, version);
        CheckpointView checkpoint = null;
        if (plan == null) { // solving or interrupted: a draft's old checkpoint says nothing new
            checkpoint = store.checkpoint(schoolId, day, version).map(c -> new CheckpointView(c.takenAt(),
                    c.score(), c.feasible(), c.kpis(), withPlan ? store.checkpointDocument(schoolId, day, version)
                            : null)).orElse(null);
        }
        Kpis kpis = plan != null ? plan.kpis() : checkpoint == null ? null : checkpoint.kpis();
        return new VersionView(schoolId, day, version, record.status(), record.score(),
                plan == null ? null : plan.feasible(), plan == null ? null : plan.workable(), record.planId(), record.createdAt(), record.updatedAt(), kpis,
                checkpoint, kpis == null ? null : againstYesterday(schoolId, day, version, kpis, plan),
                withPlan && plan != null ? store.planDocument(schoolId, day, version) : null);
    }

    private KpisAgainstYesterday againstYesterday(String schoolId, LocalDate day, int version, Kpis today,
            Plan todays) {
        SchoolStore.PlanVersion yesterday = store.latestPublishedBefore(schoolId, day).orElse(null);
        if (yesterday == null) {
            return null;
        }
        Plan plan = plan(schoolId, yesterday.day(), yesterday.version());
        if (plan == null || plan.kpis() == null) {
            return null;
        }
        return KpisAgainstYesterday.of(yesterday.day() + " v" + yesterday.version(), plan.kpis(), today,
                perturbations(schoolId, day, version, plan, todays));
    }

    /** Against yesterday's plan, for a day planned from the store and holding its plan. */
    private Perturbations perturbations(String schoolId, LocalDate day, int version, Plan yesterday, Plan today) {
        PlanRecipe recipe = PlanRecipe.read(store.recipe(schoolId, day, version));
        if (today == null || recipe.isChange()) {
            return null;
        }
        return Perturbations.between(yesterday, today, Set.copyOf(recipe.readinessChanged()),
                Set.copyOf(store.dayInput(schoolId, day).absentStaff()));
    }

    static Plan read(String json) {
        try {
            return Json.mapper().readValue(json, Plan.class);
        } catch (IOException e) {
            throw new UncheckedIOException("a stored plan is unreadable", e);
        }
    }
}
