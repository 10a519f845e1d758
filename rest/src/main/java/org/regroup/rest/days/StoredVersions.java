package org.regroup.rest.days;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import ai.timefold.solver.core.api.score.analysis.ScoreAnalysis;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import ai.timefold.solver.core.api.solver.ScoreAnalysisFetchPolicy;
import org.regroup.domain.DayProblem;
import org.regroup.domain.io.Json;
import org.regroup.domain.plan.Plan;
import org.regroup.domain.plan.PlanStatus;
import org.regroup.rest.plans.MemoryBudget;
import org.regroup.rest.plans.PlanJob;
import org.regroup.rest.plans.ReadablePlan;
import org.regroup.solver.build.DayPlanBuilder;
import org.regroup.solver.explain.Explainer;
import org.regroup.solver.model.DayPlan;
import org.regroup.solver.model.DayPlanCloner;
import org.regroup.solver.output.PlanImporter;
import org.regroup.store.PlanVersions;
import org.regroup.store.SchoolStore;
import org.regroup.store.Schools;

/**
 * The versions of a school's days as readers see them, from the store: what the lasting addresses
 * ({@code /api/schools/{school}/days/{date}/…}) answer, the same after a restart as before. A version's plan and day
 * never change once its solve has ended, so the few most recently read are kept parsed (and scored, once asked).
 */
public final class StoredVersions {

    /** A version that exists but holds no plan to read yet (solving) or any more (interrupted). */
    public static final class NoPlanYetException extends RuntimeException {
        NoPlanYetException(String message) {
            super(message);
        }
    }

    private final SchoolStore store;
    /** Kept while the memory budget has room (it drops the least recently read first). */
    private final Map<String, StoredVersion> recent = new ConcurrentHashMap<>();
    private final MemoryBudget memory;

    public StoredVersions(SchoolStore store, MemoryBudget memory) {
        this.store = store;
        this.memory = memory;
    }

    /**
     * The version {@code version} of the day, or the published one when {@code version} is null.
     *
     * @throws NoSuchElementException when there is no such version (or none is published)
     * @throws NoPlanYetException     when the version holds no plan (still solving, or interrupted)
     */
    public StoredVersion read(Schools.SchoolRecord school, LocalDate day, Integer version) {
        PlanVersions.PlanRecord record = record(school.id(), day, version);
        if (!record.status().hasPlan()) {
            throw new NoPlanYetException("plan version " + record.version() + " of " + day + " is "
                    + record.status().wire() + " and has no plan to read"
                    + (record.status() == PlanStatus.SOLVING ? " yet; follow it at /api/plans/" + record.planId()
                            : "; resume it or plan the day again"));
        }
        String key = school.id() + "/" + day + "/" + record.version();
        StoredVersion kept = recent.get(key);
        if (kept == null) {
            kept = new StoredVersion(school, record, plan(school.id(), day, record.version()),
                    () -> problemOf(school, day, record.version()));
            long bytes = kept.plan().students().stream().mapToLong(s -> s.blocks().size()).sum()
                    * MemoryBudget.KEPT_PER_PLACEMENT;
            if (memory.keep("version " + key, bytes, () -> recent.remove(key))) {
                recent.put(key, kept);
            }
        } else {
            memory.touch("version " + key);
        }
        return kept.withRecord(record);
    }

    /**
     * Drops the versions of a school (every school's when null) kept parsed: their documents changed in the store (an
     * erasure) or are gone (retention).
     */
    public void forget(String schoolId) {
        recent.keySet().stream().filter(k -> schoolId == null || k.startsWith(schoolId + "/")).toList()
                .forEach(k -> {
                    recent.remove(k);
                    memory.release("version " + k);
                });
    }

    /**
     * What a solve made, by the plan id the server handed out for it: a school's stored version, or a day planned
     * without a school (empty when the store has neither).
     */
    public java.util.Optional<KeptPlan> ofPlan(String planId) {
        return store.versions().versionOfPlan(planId).flatMap(at -> store.schools().school(at.schoolId())
                .<KeptPlan>map(school -> read(school, at.day(), at.version()))).or(() -> scratch(planId));
    }

    /** The stored record of a version, or of the published one when {@code version} is null. */
    public PlanVersions.PlanRecord record(String schoolId, LocalDate day, Integer version) {
        return store.versions().plans(schoolId, day).stream()
                .filter(p -> version == null ? p.status() == PlanStatus.PUBLISHED : p.version() == version)
                .findFirst().orElseThrow(() -> new NoSuchElementException(version != null
                        ? "no plan version " + version + " of " + day
                        : "no published plan of " + day + "; publish one, or ask for a draft with ?version=N "
                                + "(GET /api/schools/" + schoolId + "/days/" + day + "/plans lists them)"));
    }

    /** A version's plan, its document read and parsed once; null while it has none (solving, interrupted). */
    public Plan plan(String schoolId, LocalDate day, int version) {
        String key = schoolId + "/" + day + "/" + version;
        StoredVersion kept = recent.get(key);
        if (kept != null) {
            return kept.plan();
        }
        String document = store.versions().planDocument(schoolId, day, version);
        return document == null ? null : read(document, Plan.class, "plan");
    }

    /** The day a version solves, as it was planned; as the store makes it now for versions older than that. */
    private DayProblem problemOf(Schools.SchoolRecord school, LocalDate day, int version) {
        String document = store.versions().problemDocument(school.id(), day, version);
        return document != null ? read(document, DayProblem.class, "day problem")
                : SchoolDays.dayProblem(store, school, day);
    }

    static <T> T read(String json, Class<T> type, String what) {
        try {
            return Json.mapper().readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException("a stored " + what + " is unreadable", e);
        }
    }

    /**
     * A day planned without a school, by the id the server handed out for it, once the server no longer holds its
     * solve (after a restart, say); empty when the store has no such plan or it has no plan to read.
     */
    public java.util.Optional<KeptPlan> scratch(String planId) {
        return store.versions().scratch(planId).filter(r -> r.status().hasPlan()).map(r -> {
            String[] documents = store.versions().scratchDocuments(planId);
            Plan plan = read(documents[1], Plan.class, "plan");
            DayProblem problem = read(documents[0], DayProblem.class, "day problem");
            return new KeptPlan(planId, planId + "-" + r.updatedAt().toEpochMilli(), r.updatedAt(), plan,
                    () -> problem);
        });
    }

    /** A plan kept in the store, for readers: its plan, its day, and (computed once, on demand) its analysis. */
    public static class KeptPlan implements ReadablePlan {
        private final String label;
        private final String tag;
        private final Instant at;
        private final Plan plan;
        private final PlanJob.Lazy<DayProblem> problem;
        private final PlanJob.Lazy<DayPlan> day;
        private final PlanJob.Lazy<ScoreAnalysis<HardMediumSoftScore>> analysis;
        private final Map<Object, Object> renderings;

        KeptPlan(String label, String tag, Instant at, Plan plan, Supplier<DayProblem> problem) {
            this.label = label;
            this.tag = tag;
            this.at = at;
            this.plan = plan;
            this.problem = new PlanJob.Lazy<>(problem);
            this.day = new PlanJob.Lazy<>(this::rebuild);
            this.analysis = new PlanJob.Lazy<>(() -> Explainer.solutionManager().analyze(
                    new DayPlanCloner().cloneSolution(day()), ScoreAnalysisFetchPolicy.FETCH_ALL));
            this.renderings = new ConcurrentHashMap<>();
        }

        /** The same plan under another tag (what was rendered is kept only when the tag is the same). */
        KeptPlan(KeptPlan kept, String tag, Instant at) {
            this.label = kept.label;
            this.tag = tag;
            this.at = at;
            this.plan = kept.plan;
            this.problem = kept.problem;
            this.day = kept.day;
            this.analysis = kept.analysis;
            this.renderings = kept.tag.equals(tag) ? kept.renderings : new ConcurrentHashMap<>();
        }

        /** The day rebuilt and the stored plan put back on it, scored by today's rules. */
        private DayPlan rebuild() {
            DayPlan built = DayPlanBuilder.build(problem(), label);
            PlanImporter.applyWhatFits(plan, built);
            Explainer.solutionManager().update(built);
            return built;
        }

        @Override
        public String label() {
            return label;
        }

        @Override
        public DayProblem problem() {
            return problem.get();
        }

        @Override
        public Plan plan() {
            return plan;
        }

        @Override
        public DayPlan day() {
            return day.get();
        }

        @Override
        public ScoreAnalysis<HardMediumSoftScore> analysis() {
            return analysis.get();
        }

        @Override
        public String tag() {
            return tag;
        }

        @Override
        public Instant at() {
            return at;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T rendered(Object key, Supplier<T> render) {
            return (T) renderings.computeIfAbsent(key, k -> render.get());
        }
    }

    /** One stored version of a school's day for readers; its record says its status now. */
    public static final class StoredVersion extends KeptPlan {
        private final Schools.SchoolRecord school;
        private final PlanVersions.PlanRecord record;

        StoredVersion(Schools.SchoolRecord school, PlanVersions.PlanRecord record, Plan plan,
                Supplier<DayProblem> problem) {
            super(school.id() + "/" + record.day() + " v" + record.version(), tag(school, record),
                    record.updatedAt(), plan, problem);
            this.school = school;
            this.record = record;
        }

        private StoredVersion(StoredVersion kept, PlanVersions.PlanRecord record) {
            super(kept, tag(kept.school, record), record.updatedAt());
            this.school = kept.school;
            this.record = record;
        }

        /**
         * What was rendered names the version's status and when it last changed (an erasure rewrites a stored
         * version): either change renders afresh.
         */
        private static String tag(Schools.SchoolRecord school, PlanVersions.PlanRecord record) {
            return school.id() + "-" + record.day() + "-v" + record.version() + "-" + record.status().wire() + "-"
                    + record.updatedAt().toEpochMilli();
        }

        /** The same version with its record as now (its status may have changed: published, back to draft). */
        StoredVersion withRecord(PlanVersions.PlanRecord now) {
            return now.equals(record) ? this : new StoredVersion(this, now);
        }

        public PlanVersions.PlanRecord record() {
            return record;
        }

        public String schoolId() {
            return school.id();
        }
    }
}
