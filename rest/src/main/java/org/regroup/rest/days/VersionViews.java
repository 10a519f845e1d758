package org.regroup.rest.days;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonRawValue;
import org.regroup.domain.plan.Kpis;
import org.regroup.domain.plan.Perturbations;
import org.regroup.domain.plan.Plan;
import org.regroup.domain.plan.PlanDiff;
import org.regroup.domain.plan.PlanStatus;
import org.regroup.solver.replan.Pin;
import org.regroup.store.PlanVersions;
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
    public record VersionView(String schoolId, LocalDate day, int version, PlanStatus status, String score,
            Boolean feasible, Boolean workable, String planId, Instant createdAt, Instant updatedAt, Kpis kpis,
            MadeFrom madeFrom, SchoolDays.Diff changes, CheckpointView checkpoint,
            KpisAgainstYesterday againstYesterday, @JsonRawValue String plan) {
    }

    /**
     * How the version was made: {@code kind} day (planned from the store), change (a mid-day change) or override (a
     * teacher's); the version it revises or replaced; the override asked for; the overrides it keeps.
     */
    public record MadeFrom(String kind, Integer baseVersion, MidDayChange change, Pin override, List<Pin> pins) {

        static MadeFrom of(PlanRecipe r) {
            return new MadeFrom(r.kind(), r.baseVersion(), r.change(), r.override(), r.pins());
        }
    }

    /** A solve's last checkpoint: when it was taken, the score and KPIs then, and (on request) its plan. */
    public record CheckpointView(Instant takenAt, String score, boolean feasible, Kpis kpis,
            @JsonRawValue String plan) {
    }

    private final SchoolStore store;
    private final StoredVersions stored;

    public VersionViews(SchoolStore store, StoredVersions stored) {
        this.store = store;
        this.stored = stored;
    }

    private Plan plan(String schoolId, LocalDate day, int version) {
        return stored.plan(schoolId, day, version);
    }

    /** Throws {@link NoSuchElementException} for an unknown version. */
    public VersionView view(String schoolId, LocalDate day, int version, boolean withPlan) {
        PlanVersions.PlanRecord record = store.versions().plans(schoolId, day).stream()
                .filter(p -> p.version() == version).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no plan version " + version + " of " + day));
        Plan plan = plan(schoolId, day, version);
        CheckpointView checkpoint = null;
        if (plan == null) { // solving or interrupted: a draft's old checkpoint says nothing new
            checkpoint = store.versions().checkpoint(schoolId, day, version).map(c -> new CheckpointView(c.takenAt(),
                    c.score(), c.feasible(), c.kpis(),
                    withPlan ? store.versions().checkpointDocument(schoolId, day, version) : null)).orElse(null);
        }
        Kpis kpis = plan != null ? plan.kpis() : checkpoint == null ? null : checkpoint.kpis();
        PlanRecipe recipe = PlanRecipe.read(store.versions().recipe(schoolId, day, version));
        return new VersionView(schoolId, day, version, record.status(), record.score(),
                plan == null ? null : plan.feasible(), plan == null ? null : plan.workable(), record.planId(),
                record.createdAt(), record.updatedAt(), kpis, MadeFrom.of(recipe),
                changes(schoolId, day, recipe, version, plan), checkpoint, kpis == null ? null : againstYesterday(schoolId, day, version, kpis, plan),
                withPlan && plan != null ? store.versions().planDocument(schoolId, day, version) : null);
    }

    private KpisAgainstYesterday againstYesterday(String schoolId, LocalDate day, int version, Kpis today,
            Plan todays) {
        PlanVersions.PlanVersion yesterday = store.versions().latestPublishedBefore(schoolId, day).orElse(null);
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

    /** The version a stored version revises or replaced (null: none), and who moved since. */
    public record Since(Integer version, List<PlanDiff.Move> moves) {
    }

    public Since since(StoredVersions.StoredVersion v) {
        PlanRecipe recipe = PlanRecipe.read(store.versions().recipe(v.schoolId(), v.record().day(),
                v.record().version()));
        SchoolDays.Diff diff = changes(v.schoolId(), v.record().day(), recipe, v.record().version(), v.plan());
        return new Since(recipe.baseVersion(), diff == null ? List.of() : diff.moves());
    }

    /** Who moved since the version this one revises or replaced (null until it has a plan, or without one). */
    SchoolDays.Diff changes(String schoolId, LocalDate day, PlanRecipe recipe, int version, Plan plan) {
        if (plan == null || recipe.baseVersion() == null) {
            return null;
        }
        Plan base = plan(schoolId, day, recipe.baseVersion());
        return base == null ? null : SchoolDays.Diff.of(recipe.baseVersion(), version, PlanDiff.between(base, plan));
    }

    /** Against yesterday's plan, for a day planned from the store and holding its plan. */
    private Perturbations perturbations(String schoolId, LocalDate day, int version, Plan yesterday, Plan today) {
        PlanRecipe recipe = PlanRecipe.read(store.versions().recipe(schoolId, day, version));
        if (today == null || recipe.revisesAVersion()) {
            return null;
        }
        return Perturbations.between(yesterday, today, Set.copyOf(recipe.readinessChanged()),
                Set.copyOf(store.schools().dayInput(schoolId, day).absentStaff()));
    }

}
