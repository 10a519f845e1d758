package org.regroup.rest.days;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.regroup.domain.DayProblem;
import org.regroup.domain.InputError;
import org.regroup.domain.InvalidInputException;
import org.regroup.domain.Space;
import org.regroup.domain.Staff;
import org.regroup.domain.Student;
import org.regroup.domain.io.Json;
import org.regroup.domain.scenario.Change;
import org.regroup.domain.scenario.Scenario;
import org.regroup.domain.scenario.ScenarioChanges;
import org.regroup.domain.plan.PlanDiff;
import org.regroup.domain.plan.PlanStatus;
import org.regroup.domain.plan.Plan;
import org.regroup.rest.plans.PlanJob;
import org.regroup.rest.plans.PlanService;
import org.regroup.solver.build.DayPlanBuilder;
import org.regroup.solver.kpi.KpiCalculator;
import org.regroup.solver.model.DayPlan;
import org.regroup.solver.output.PlanImporter;
import org.regroup.solver.replan.Continuity;
import org.regroup.solver.replan.History;
import org.regroup.solver.replan.OverrideReplan;
import org.regroup.solver.replan.Pin;
import org.regroup.store.PlanVersions;
import org.regroup.store.SchoolStore;
import org.regroup.store.StudentPaths;
import org.regroup.store.Schools.DayInput;
import org.regroup.store.Schools;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A school's days: the day problem of a date made from the store (standing data, each student's current mastery,
 * the day's absences and closures), solved on the server's {@link PlanService} — starting from the last published
 * day's plan (minimal perturbation, {@link Continuity}) — and kept in the store as a new version of that day's plan
 * (draft when solved, published on request).
 */
public final class SchoolDays {

    private static final Logger LOG = LoggerFactory.getLogger(SchoolDays.class);

    /**
     * A plan being made: the stored version and the server's plan to follow; {@code startedFrom} the published plan
     * it starts from ("2026-11-23 v2"), null when planned from scratch, and how many students' readiness changed
     * since it.
     */
    public record Started(int version, PlanJob job, String startedFrom, int readinessChanged, Diff diff) {
    }

    private final SchoolStore store;
    private final PlanService plans;
    private final CheckpointWriter checkpoints;

    public SchoolDays(SchoolStore store, PlanService plans, CheckpointWriter checkpoints) {
        this.store = store;
        this.plans = plans;
        this.checkpoints = checkpoints;
    }

    /** Checks a day's input against the school: every unknown id with its path; stores it when all are known. */
    public void saveInput(Schools.SchoolRecord school, LocalDate day, DayInput input) {
        DayProblem standing = school.standing();
        List<InputError> errors = new ArrayList<>();
        unknown(errors, "$.absentStudents", input.absentStudents(), ids(standing.students().stream()
                .map(Student::id).toList()), "student");
        unknown(errors, "$.absentStaff", input.absentStaff(), ids(standing.staff().stream().map(Staff::id)
                .toList()), "staff");
        unknown(errors, "$.closedSpaces", input.closedSpaces(), ids(standing.spaces().stream().map(Space::id)
                .toList()), "space");
        if (!errors.isEmpty()) {
            throw new InvalidInputException("request body", errors);
        }
        store.schools().saveDayInput(school.id(), day, input);
    }

    /**
     * The day problem of {@code day}: standing data, current mastery, the goals students set (over the standing
     * data's), absences and closures, and the requests made for the day (after the standing data's).
     */
    public DayProblem dayProblem(Schools.SchoolRecord school, LocalDate day) {
        return dayProblem(store, school, day);
    }

    /** As above, for callers without a server (the simulation). */
    public static DayProblem dayProblem(SchoolStore store, Schools.SchoolRecord school, LocalDate day) {
        return dayProblem(store, school, day, true);
    }

    /**
     * The day without the current mastery estimates ({@code withMastery} false: the standing data's), for readers
     * that only name who and what (a board's directory): the whole school's mastery is most of a day's cost.
     */
    public static DayProblem dayProblem(SchoolStore store, Schools.SchoolRecord school, LocalDate day,
            boolean withMastery) {
        DayProblem s = school.standing();
        DayInput input = store.schools().dayInput(school.id(), day);
        Map<String, Map<String, Double>> mastery = withMastery ? store.evidence().allMastery(school.id()) : Map.of();
        Map<String, StudentPaths.GoalSet> goals = store.paths().allGoals(school.id());
        Set<String> absent = new HashSet<>(input.absentStudents());
        // the evidence store keeps mastery of skills the school's skill map no longer has (a skill map import)
        Set<String> skills = new HashSet<>();
        s.skills().forEach(k -> skills.add(k.id()));
        List<Student> students = s.students().stream().map(st -> {
            Student withEstimates = withMastery ? st.withMastery(known(mastery.getOrDefault(st.id(), Map.of()),
                    skills)) : st;
            Student now = withGoals(withEstimates, goals.get(st.id()));
            return absent.contains(st.id()) ? now.asAbsent() : now;
        }).toList();
        // Staff away and spaces closed all day: the what-if scenarios' own changes, so the rules live in one place.
        List<Change> changes = new ArrayList<>();
        input.absentStaff().forEach(id -> changes.add(new Change.StaffAvailability(id, List.of())));
        input.closedSpaces().forEach(id -> changes.add(new Change.CloseSpace(id, null)));
        DayProblem d = withChanges(s, changes);
        d = d.with(school.id() + "-" + day, day, d.staff(), d.spaces(), students, d.weights());
        return withRequests(d, store.paths().requests(school.id(), day));
    }

    private static Map<String, Double> known(Map<String, Double> mastery, Set<String> skills) {
        if (skills.containsAll(mastery.keySet())) {
            return mastery;
        }
        Map<String, Double> kept = new HashMap<>(mastery);
        kept.keySet().retainAll(skills);
        return kept;
    }

    /** The student with the goals they set, when they set some (an empty set too: they chose to have none). */
    public static Student withGoals(Student st, StudentPaths.GoalSet set) {
        return set == null ? st : new Student(st.id(), st.name(), st.grade(), st.advisorId(), st.mastery(), set.goals(),
                st.interests(), st.prefersModalities(), st.avoidsModalities(), st.accommodations(), st.keepApart(),
                st.peers(), st.absent(), st.presentBlocks(), st.commitments());
    }

    /**
     * The day with the requests made for it over the API after the standing data's own; one about a student the
     * standing data no longer has (the school's data replaced) is left out rather than failing the whole day.
     */
    static DayProblem withRequests(DayProblem d, List<StudentPaths.DayRequest> asked) {
        if (asked.isEmpty()) {
            return d;
        }
        Set<String> students = new HashSet<>(d.students().stream().map(Student::id).toList());
        List<org.regroup.domain.Request> requests = new ArrayList<>(d.requests());
        asked.stream().filter(r -> students.contains(r.studentId())).forEach(r -> requests.add(request(r)));
        return new DayProblem(d.format(), d.version(), d.id(), d.date(), d.school(), d.blocks(), d.skills(),
                d.prerequisites(), d.modalities(), d.activities(), d.staff(), d.spaces(), d.students(), requests,
                d.weights());
    }

    /** A stored request as the day problem's request. */
    public static org.regroup.domain.Request request(StudentPaths.DayRequest r) {
        return new org.regroup.domain.Request(r.id(), r.studentId(), r.blockId(), r.staffId(), r.focus(),
                r.modality(), r.priority(), r.requestedBy(), r.note());
    }

    /**
     * The day with {@code changes} applied by the scenarios' {@link ScenarioChanges} (the ids are checked before, with
     * the request's own paths).
     */
    private static DayProblem withChanges(DayProblem d, List<Change> changes) {
        return changes.isEmpty() ? d : ScenarioChanges.apply(d, new Scenario.Variant("the day's changes", null,
                changes), 0);
    }

    /**
     * Builds and checks the day, stores a new version of its plan as solving, and starts the solve; when the solve
     * ends the version becomes a draft holding the plan.
     */
    public Started plan(Schools.SchoolRecord school, LocalDate day, Duration timeLimit) {
        return plan(school, day, timeLimit, false);
    }

    /**
     * As above; {@code fromScratch}: do not start from the last published day's plan (a school that wants a fresh
     * fit, or a warm start that left the day not workable). The day's overrides hold either way.
     */
    public Started plan(Schools.SchoolRecord school, LocalDate day, Duration timeLimit, boolean fromScratch) {
        Optional<PlanVersions.PlanRecord> current = current(school.id(), day);
        PlanRecipe day0 = PlanRecipe.day(current.map(PlanVersions.PlanRecord::version).orElse(null),
                current.map(c -> pinsOf(school.id(), day, c.version())).orElse(List.of()));
        PlanRecipe asked = fromScratch ? day0.asFromScratch() : day0;
        Launched l = launch(school, day, asked, timeLimit);
        return new Started(l.version(), l.job(), l.build().startedFrom(), l.build().readinessChanged(), null);
    }

    /**
     * A day planned by the daily loop and solved: the version chosen and its plan; when the day was planned again
     * from scratch because starting from the day before left it not workable, both plans ({@code warm},
     * {@code scratch}; else null).
     */
    public record Planned(int version, Plan plan, Plan warm, Plan scratch) {
    }

    /**
     * The daily loop's morning (the simulation and a district's morning run this one): the day planned from the
     * day before (from scratch when {@code cold}), and again from scratch when that leaves it not workable — the
     * warm start can strand the search where yesterday's groups no longer fit (seen when most students' readiness
     * changed) —, the better of the two kept. Waits for the solves. {@code secondLimit} is the time the second
     * solve may take (the time left before a deadline); none is tried when it is shorter than a second.
     * {@code solving} hears each version and its solve as it starts.
     */
    public Planned planAndWait(Schools.SchoolRecord school, LocalDate day, Duration timeLimit, boolean cold,
            java.util.function.Supplier<Duration> secondLimit, java.util.function.Consumer<Started> solving) {
        Started first = plan(school, day, timeLimit, cold);
        solving.accept(first);
        Plan plan = solved(school.id(), day, first);
        if (cold || first.startedFrom() == null || Boolean.TRUE.equals(plan.workable())) {
            return new Planned(first.version(), plan, null, null);
        }
        Duration left = secondLimit.get();
        if (left.compareTo(Duration.ofSeconds(1)) < 0) {
            return new Planned(first.version(), plan, null, null);
        }
        Started scratch = plan(school, day, left, true);
        solving.accept(scratch);
        Plan fresh = solved(school.id(), day, scratch);
        boolean better = score(fresh).compareTo(score(plan)) > 0;
        return new Planned(better ? scratch.version() : first.version(), better ? fresh : plan, plan, fresh);
    }

    /**
     * Yesterday's published plan carried forward to {@code day}: the day as the store has it now (today's absences
     * and closures), started from the last published day's plan — the day builder seats whoever its groups leave
     * without a seat — and solved only {@code repairLimit}. Empty when the school has no published day before.
     * Waits for it.
     */
    public Optional<Planned> carryForward(Schools.SchoolRecord school, LocalDate day, Duration repairLimit) {
        if (store.versions().latestPublishedBefore(school.id(), day).isEmpty()) {
            return Optional.empty();
        }
        Started started = plan(school, day, repairLimit, false);
        return Optional.of(new Planned(started.version(), solved(school.id(), day, started), null, null));
    }

    /** Waits for a version's solve to end, and reads the plan the store kept for it. */
    public Plan solved(String schoolId, LocalDate day, Started started) {
        started.job().ended().join();
        String document = store.versions().planDocument(schoolId, day, started.version());
        if (document == null) {
            throw new IllegalStateException("the solve of " + day + " v" + started.version() + " ended without a plan");
        }
        return read(document);
    }

    private static ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore score(Plan plan) {
        return ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore.parseScore(plan.score());
    }

    /**
     * A teacher's override: a new version of the day with the student put in the chosen session and pinned there,
     * re-planned from the day's current version (the published one, else the latest draft, or {@code baseVersion})
     * with as few other moves as it can ({@link OverrideReplan}): nobody moves in an earlier block. The pin stays in every
     * later version of the day. Throws {@link InvalidInputException} for a session the student cannot join,
     * {@link java.util.NoSuchElementException} for an unknown student-block or version and
     * {@link IllegalStateException} when the day has no plan to revise.
     */
    public Started override(Schools.SchoolRecord school, LocalDate day, Integer baseVersion, Pin pin,
            Duration timeLimit) {
        PlanVersions.PlanRecord base = baseVersion == null ? current(school.id(), day).orElseThrow(() ->
                new IllegalStateException("no plan of " + day + " to override; plan the day first"))
                : record(school.id(), day, baseVersion);
        if (!base.status().hasPlan()) {
            throw new IllegalStateException("plan version " + base.version() + " of " + day + " is "
                    + base.status().wire() + "; override a draft or the published plan");
        }
        List<Pin> pins = OverrideReplan.with(pinsOf(school.id(), day, base.version()), pin);
        PlanRecipe recipe = PlanRecipe.override(base.version(), base.status() == PlanStatus.PUBLISHED, pin, pins);
        Launched l = launch(school, day, recipe, timeLimit);
        LOG.info("school {} day {}: override in block {} as version {} (from version {})", school.id(), day,
                pin.blockId(), l.version(), base.version());
        return new Started(l.version(), l.job(), l.build().startedFrom(), 0, null);
    }

    /** A new version being made: its number, its solve, and how its day was built. */
    private record Launched(int version, PlanJob job, Build build) {
    }

    /**
     * Builds the version's day, starts its solve and stores the version as solving, with the pins that held (and,
     * for a day planned from the store, whose readiness changed).
     */
    private Launched launch(Schools.SchoolRecord school, LocalDate day, PlanRecipe recipe, Duration timeLimit) {
        Build build = build(school, day, recipe);
        PlanJob job = plans.submit(build.problem(), build.prepare(), build.forReaders(), timeLimit);
        PlanRecipe kept = recipe.withPins(build.heldPins(recipe.pins()));
        if (!recipe.revisesAVersion()) {
            kept = kept.withReadinessChanged(build.changed());
        }
        return new Launched(keep(school.id(), day, job, kept, build.problem()), job, build);
    }

    /** The day's current version: the published one, else the latest draft. */
    public Optional<PlanVersions.PlanRecord> current(String schoolId, LocalDate day) {
        List<PlanVersions.PlanRecord> all = store.versions().plans(schoolId, day);
        return all.stream().filter(p -> p.status() == PlanStatus.PUBLISHED).findFirst()
                .or(() -> all.stream().filter(p -> p.status() == PlanStatus.DRAFT).findFirst());
    }

    private PlanVersions.PlanRecord record(String schoolId, LocalDate day, int version) {
        return store.versions().plans(schoolId, day).stream().filter(p -> p.version() == version).findFirst()
                .orElseThrow(() -> new java.util.NoSuchElementException("no plan version " + version + " of "
                        + day));
    }

    /** The pins a version keeps (every override of the day so far). */
    private List<Pin> pinsOf(String schoolId, LocalDate day, int version) {
        return PlanRecipe.read(store.versions().recipe(schoolId, day, version)).pins();
    }

    /**
     * Re-plans the rest of a day after a change: starts from the day's plan (the published one, else the latest
     * draft), keeps the blocks before {@code fromBlock} as they were (pinned), and prices every other move with the
     * continuity rule — three times higher when the plan was published, since teachers already have its rosters.
     * The result is a new draft version; {@link #diff} says who moves.
     */
    public Started change(Schools.SchoolRecord school, LocalDate day, MidDayChange change, Duration timeLimit) {
        checkChange(school, change);
        Optional<PlanVersions.PlanRecord> solving = store.versions().plans(school.id(), day).stream()
                .filter(p -> p.status() == PlanStatus.SOLVING && plans.find(p.planId()).filter(PlanJob::isSolving)
                        .isPresent()).findFirst();
        if (solving.isPresent()) {
            return intoRunningSolve(school, day, solving.get(), change);
        }
        PlanVersions.PlanRecord base = current(school.id(), day)
                .orElseThrow(() -> new IllegalStateException("no plan of " + day + " to change; plan the day first"));
        List<Pin> pins = pinsOf(school.id(), day, base.version());
        PlanRecipe recipe = PlanRecipe.change(base.version(), base.status() == PlanStatus.PUBLISHED, change, pins);
        Launched l = launch(school, day, recipe, timeLimit);
        LOG.info("school {} day {}: re-planning from block {} as version {} (from version {})", school.id(), day,
                change.fromBlock(), l.version(), base.version());
        return new Started(l.version(), l.job(), l.build().startedFrom(), l.build().readinessChanged(), null);
    }

    /**
     * A change while a version of the day is still solving: the solve takes it as a problem change (see
     * {@link RunningChange}; nothing is pinned, since a draft still solving has not been handed to anyone), and the
     * change is added to the version's recipe before the answer, so a resumed solve takes it too. The answer's diff
     * is what the change itself moved in the solve's best plan; the solve then places those students again.
     * Throws {@link IllegalStateException} when the solve ends (or is still waiting) before taking it.
     */
    private synchronized Started intoRunningSolve(Schools.SchoolRecord school, LocalDate day,
            PlanVersions.PlanRecord version, MidDayChange change) {
        PlanJob job = plans.find(version.planId()).orElseThrow();
        if (job.status() != ai.timefold.solver.core.api.solver.SolverStatus.SOLVING_ACTIVE) {
            throw new IllegalStateException("plan version " + version.version() + " of " + day + " is waiting for a "
                    + "solver thread; send the change once it solves");
        }
        PlanRecipe recipe = PlanRecipe.read(store.versions().recipe(school.id(), day, version.version()))
                .withLateChange(change);
        DayProblem after = DayPlanBuilder.validated(withLateChanges(job.problem(), recipe),
                "the day " + day + " after the change");
        RunningChange running = new RunningChange(after);
        awaitTaken(plans.change(job, running), job, version.version(), day);
        job.tookChange(after);
        store.versions().saveRecipe(school.id(), day, version.version(), recipe.json(), json(after));
        LOG.info("school {} day {}: version {} took a change from block {} while solving", school.id(), day,
                version.version(), change.fromBlock());
        return new Started(version.version(), job, day + " v" + version.version() + " (solving)",
                change.studentsGone().size(), running.diff(version.version()));
    }

    /** Longest wait for a running solve to take a change (it does so at its next step, normally within a second). */
    private static final long TAKE_WITHIN_MILLIS = 30_000;

    private static void awaitTaken(java.util.concurrent.CompletableFuture<Void> taken, PlanJob job, int version,
            LocalDate day) {
        long deadline = System.nanoTime() + TAKE_WITHIN_MILLIS * 1_000_000;
        while (true) {
            try {
                taken.get(200, java.util.concurrent.TimeUnit.MILLISECONDS);
                return;
            } catch (java.util.concurrent.TimeoutException notYet) {
                if (!job.isSolving() && !taken.isDone() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("the solve of plan version " + version + " of " + day
                            + " ended before it took the change; send it again to re-plan the draft");
                }
            } catch (java.util.concurrent.ExecutionException refused) {
                throw new IllegalStateException("the solve of plan version " + version + " of " + day
                        + " ended before it took the change; send it again to re-plan the draft");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the solve took the change");
            }
        }
    }

    /**
     * Solves an interrupted version again, in the same version: its day is rebuilt as it was made (its recipe, with
     * the changes its solve had taken) and starts from its last checkpoint (warm start), or from scratch when it has
     * none. Throws {@link IllegalStateException} when the version is not interrupted.
     */
    public Started resume(Schools.SchoolRecord school, LocalDate day, int version, Duration timeLimit) {
        PlanVersions.PlanRecord record = store.versions().plans(school.id(), day).stream()
                .filter(p -> p.version() == version).findFirst()
                .orElseThrow(() -> new java.util.NoSuchElementException("no plan version " + version + " of " + day));
        if (record.status() != PlanStatus.INTERRUPTED) {
            throw new IllegalStateException("plan version " + version + " of " + day + " is " + record.status().wire()
                    + "; only an interrupted version can be resumed");
        }
        PlanRecipe recipe = PlanRecipe.read(store.versions().recipe(school.id(), day, version));
        Build build = build(school, day, recipe);
        Optional<PlanVersions.Checkpoint> checkpoint = store.versions().checkpoint(school.id(), day, version);
        String document = checkpoint.isPresent() ? store.versions().checkpointDocument(school.id(), day, version)
                : null;
        Plan from = document == null ? null : read(document);
        PlanJob job = plans.submit(build.problem(), built -> {
            DayPlan prepared = build.prepare().apply(built);
            if (from != null) {
                PlanImporter.applyWhatFits(from, prepared); // continue where the cut-off solve was
            }
            return prepared;
        }, build.forReaders(), timeLimit);
        if (!store.versions().resumePlan(school.id(), day, version, job.id())) {
            plans.stop(job.id());
            throw new IllegalStateException("plan version " + version + " of " + day + " is no longer interrupted");
        }
        follow(school.id(), day, version, job);
        LOG.info("school {} day {}: version {} resumed from {}", school.id(), day, version,
                checkpoint.map(c -> "its checkpoint (" + c.score() + ")").orElse("scratch (no checkpoint)"));
        return new Started(version, job, checkpoint.map(c -> "checkpoint of " + c.takenAt() + " (" + c.score() + ")")
                .orElse(null), build.readinessChanged(), null);
    }

    /** A version's day ready to solve: the problem, how the built day is prepared, and what it starts from. */
    private record Build(DayProblem problem, UnaryOperator<DayPlan> prepare, UnaryOperator<DayPlan> forReaders,
            String startedFrom, Set<String> changed, List<OverrideReplan.Dropped> dropped) {

        int readinessChanged() {
            return changed.size();
        }

        /** The pins that held once the day was prepared (it is prepared when its solve is submitted). */
        List<Pin> heldPins(List<Pin> pins) {
            Set<Pin> gone = new HashSet<>(dropped.stream().map(OverrideReplan.Dropped::pin).toList());
            return pins.stream().filter(p -> !gone.contains(p)).toList();
        }
    }

    private Build build(Schools.SchoolRecord school, LocalDate day, PlanRecipe recipe) {
        return recipe.isOverride() ? buildOverride(school, day, recipe)
                : recipe.isChange() ? buildChange(school, day, recipe) : buildDay(school, day, recipe);
    }

    /**
     * A version after a teacher's override: the day as its base version planned it (stored with it), moves priced
     * high, the blocks before the override's kept, every pin of the day applied. The override's own pin must hold.
     */
    private Build buildOverride(Schools.SchoolRecord school, LocalDate day, PlanRecipe recipe) {
        Plan base = basePlan(school.id(), day, recipe.baseVersion());
        String stored = store.versions().problemDocument(school.id(), day, recipe.baseVersion());
        DayProblem asPlanned = stored != null ? StoredVersions.read(stored, DayProblem.class, "day problem")
                : dayProblem(school, day);
        DayProblem problem = DayPlanBuilder.validated(withLateChanges(asPlanned, recipe),
                "the day " + day + " after the override");
        List<OverrideReplan.Dropped> dropped = new ArrayList<>();
        java.util.concurrent.atomic.AtomicReference<ai.timefold.solver.core.api.domain.solution
                .ConstraintWeightOverrides<ai.timefold.solver.core.api.score.buildin.hardmediumsoft
                .HardMediumSoftScore>> weights = new java.util.concurrent.atomic.AtomicReference<>();
        UnaryOperator<DayPlan> prepare = built -> {
            weights.set(built.getConstraintWeightOverrides()); // the plan is read by these, not the search's
            dropped.addAll(OverrideReplan.prepare(base, built, recipe.pins(), recipe.override().blockId()));
            dropped.stream().filter(d -> d.pin().equals(recipe.override())).findFirst().ifPresent(d -> {
                throw new InvalidInputException("request body", List.of(new InputError("$.sessionId", "session '"
                        + d.pin().sessionId() + "' is not one " + d.pin().studentId() + " can join in block "
                        + d.pin().blockId() + ": " + d.why() + " (see the alternatives)")));
            });
            return built;
        };
        return new Build(problem, prepare, solved -> OverrideReplan.rescored(solved, weights.get(),
                plans.solutionManager()), day + " v" + recipe.baseVersion() + " ("
                + (recipe.basePublished() ? "published" : "draft") + ")", Set.of(), dropped);
    }

    private Plan basePlan(String schoolId, LocalDate day, int version) {
        String document = store.versions().planDocument(schoolId, day, version);
        if (document == null) {
            throw new IllegalStateException("plan version " + version + " of " + day + " holds no plan to change");
        }
        return read(document);
    }

    /**
     * The day from the store, starting from the latest plan published for an earlier day when few students'
     * readiness changed since (minimal perturbation).
     */
    private Build buildDay(Schools.SchoolRecord school, LocalDate day, PlanRecipe recipe) {
        DayProblem problem = DayPlanBuilder.validated(withLateChanges(dayProblem(school, day), recipe),
                "the day " + day + " of school " + school.id());
        double threshold = problem.masteryThreshold();
        List<PlanVersions.PublishedPlan> lastTwo = store.versions().publishedBefore(school.id(), day, 2);
        Optional<PlanVersions.PublishedPlan> previous = lastTwo.stream().findFirst();
        Set<String> changed = previous
                .map(p -> store.evidence().crossedThreshold(school.id(), p.publishedAt(), threshold))
                .orElse(Set.of());
        Plan before = recipe.fromScratch() ? null
                : previous.map(p -> earlier(school.id(), day, p)).orElse(null);
        List<Plan> history = lastTwo.stream().map(p -> earlier(school.id(), day, p)).filter(Objects::nonNull)
                .toList();
        List<OverrideReplan.Dropped> dropped = new ArrayList<>();
        UnaryOperator<DayPlan> prepare = built -> {
            if (before != null) {
                Continuity.from(before, built, changed); // minimal perturbation: start from the last published day
            }
            History.apply(built, history); // no third day running on the same skill in the same modality
            dropped.addAll(OverrideReplan.apply(built, recipe.pins())); // a teacher's overrides of this day hold
            return built;
        };
        return new Build(problem, prepare, UnaryOperator.identity(), before == null ? null
                : previous.get().day() + " v" + previous.get().version(), changed, dropped);
    }

    /** Another version of the day after a change: its blocks before the change pinned, the rest re-planned. */
    private Build buildChange(Schools.SchoolRecord school, LocalDate day, PlanRecipe recipe) {
        MidDayChange change = recipe.change();
        Plan current = basePlan(school.id(), day, recipe.baseVersion());
        List<String> before = blocksBefore(school.standing(), change.fromBlock());
        DayProblem problem = withLateChanges(changed(dayProblem(school, day), change, before,
                recipe.basePublished()), recipe);
        DayPlanBuilder.validated(problem, "the day " + day + " after the change");
        Set<String> gone = new HashSet<>(change.studentsGone());
        List<OverrideReplan.Dropped> dropped = new ArrayList<>();
        UnaryOperator<DayPlan> prepare = built -> {
            Continuity.from(current, built, gone);
            OverrideReplan.keepBlocksBefore(built, before); // what happened, happened
            dropped.addAll(OverrideReplan.apply(built, recipe.pins()));
            oweGoneStudentsWhatTheyGot(built, gone);
            return built;
        };
        return new Build(problem, prepare, UnaryOperator.identity(), day + " v" + recipe.baseVersion() + " ("
                + (recipe.basePublished() ? "published" : "draft") + ")", gone, dropped);
    }

    /**
     * A student gone home is in the day only in blocks that have happened (pinned): their staff-led and 1:1 minimums
     * become what those blocks gave them, since nothing can add to it now — else the re-plan would break the rule
     * for good and could never be feasible.
     */
    private static void oweGoneStudentsWhatTheyGot(DayPlan built, Set<String> gone) {
        KpiCalculator.studentDays(built).forEach((learner, got) -> {
            if (gone.contains(learner.getId())) {
                learner.capMinimums(got.staffLedBlocks(), got.oneToOneMinutes());
            }
        });
    }

    /** The changes a version's solve took while running, applied to its day (nothing pinned: see change docs). */
    private static DayProblem withLateChanges(DayProblem problem, PlanRecipe recipe) {
        DayProblem d = problem;
        for (MidDayChange late : recipe.lateChanges()) {
            d = changed(d, late, blocksBefore(d, late.fromBlock()), false);
        }
        return d;
    }

    private static List<String> blocksBefore(DayProblem d, String fromBlock) {
        List<String> blocks = d.blocks().stream().map(b -> b.id()).toList();
        int from = blocks.indexOf(fromBlock);
        return from < 0 ? blocks : blocks.subList(0, from);
    }

    /** Every unknown id or block of a change, with its path (422). */
    private static void checkChange(Schools.SchoolRecord school, MidDayChange change) {
        DayProblem s = school.standing();
        List<InputError> errors = new ArrayList<>();
        if (s.blocks().stream().noneMatch(b -> b.id().equals(change.fromBlock()))) {
            errors.add(new InputError("$.fromBlock", "unknown block '" + change.fromBlock() + "'"));
        }
        unknown(errors, "$.staffAbsent", change.staffAbsent(), ids(s.staff().stream().map(Staff::id).toList()),
                "staff");
        unknown(errors, "$.spacesClosed", change.spacesClosed(), ids(s.spaces().stream().map(Space::id).toList()),
                "space");
        unknown(errors, "$.studentsGone", change.studentsGone(), ids(s.students().stream().map(Student::id)
                .toList()), "student");
        if (!errors.isEmpty()) {
            throw new InvalidInputException("request body", errors);
        }
    }

    /** The day problem with the change applied from its block on; a published plan's continuity weighs more. */
    private static DayProblem changed(DayProblem d, MidDayChange change, List<String> before, boolean published) {
        Set<String> gone = new HashSet<>(change.studentsGone());
        // An adult gone and a space closed from the change's block on, as the scenarios change a day.
        List<String> fromOn = d.blocks().stream().map(b -> b.id()).filter(b -> !before.contains(b)).toList();
        List<Change> changes = new ArrayList<>();
        d.staff().stream().filter(a -> change.staffAbsent().contains(a.id())).forEach(a -> changes.add(
                new Change.StaffAvailability(a.id(), before.stream().filter(a::availableIn).toList())));
        change.spacesClosed().forEach(id -> changes.add(new Change.CloseSpace(id, fromOn)));
        DayProblem after = withChanges(d, changes);
        List<Staff> staff = after.staff();
        List<Space> spaces = after.spaces();
        List<org.regroup.domain.TimeBlock> blocksBefore = d.blocks().stream().filter(b -> before.contains(b.id()))
                .toList();
        List<Student> students = d.students().stream().map(st -> gone.contains(st.id())
                ? st.leftAfter(blocksBefore) : st).toList();
        Map<String, Integer> weights = new java.util.LinkedHashMap<>(d.weights());
        if (published) {
            weights.putIfAbsent(org.regroup.solver.constraints.Rules.MOVED_FROM_PREVIOUS, PUBLISHED_MOVE_WEIGHT);
        }
        return d.with(d.id(), d.date(), staff, spaces, students, weights);
    }

    /** Moving a student in a plan whose rosters are out costs this much (three times a draft's 20). */
    static final int PUBLISHED_MOVE_WEIGHT = 60;

    /** Who moves between two versions of a day's plan, and which adults get a new roster. */
    public record Diff(int from, int to, List<PlanDiff.Move> moves, List<String> newRosters) {

        static Diff of(int from, int to, PlanDiff diff) {
            return new Diff(from, to, diff.moves(), diff.newRosters());
        }
    }

    public Diff diff(String schoolId, LocalDate day, int from, int to) {
        return Diff.of(from, to, PlanDiff.between(read(store.versions().planDocument(schoolId, day, from)),
                read(store.versions().planDocument(schoolId, day, to))));
    }

    /** Stores a new version made by {@code job} as solving, and keeps its checkpoints and final plan. */
    private int keep(String schoolId, LocalDate day, PlanJob job, PlanRecipe recipe, DayProblem problem) {
        int version = store.versions().startPlan(schoolId, day, job.id(), recipe.json(), json(problem));
        follow(schoolId, day, version, job);
        return version;
    }

    /** Checkpoints the version while {@code job} solves; its final plan becomes a draft (or it is interrupted). */
    private void follow(String schoolId, LocalDate day, int version, PlanJob job) {
        checkpoints.follow(new CheckpointWriter.Version(schoolId, day, version), job);
        job.follow(update -> {
            if (!update.last()) {
                return;
            }
            PlanJob.Snapshot end = job.snapshot();
            if (end == null) {
                store.versions().interrupt(schoolId, day, version, job.id());
                return;
            }
            store.versions().finishPlan(schoolId, day, version, job.id(), end.plan(), end.plan().score());
            LOG.info("school {} day {}: plan version {} saved as draft ({})", schoolId, day, version,
                    end.plan().score());
        });
    }

    private static String json(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * An earlier day's published plan to start from, or null: one that cannot be read is logged and left out, and
     * the day is planned without it — one bad day never stops the next from being planned.
     */
    private static Plan earlier(String schoolId, LocalDate day, PlanVersions.PublishedPlan published) {
        if (published.plan() == null) {
            return null;
        }
        try {
            return read(published.plan());
        } catch (RuntimeException e) {
            LOG.warn("school {} day {}: the plan published for {} (v{}) cannot be read ({}); planning without it",
                    schoolId, day, published.day(), published.version(), e.getClass().getSimpleName());
            return null;
        }
    }

    private static Plan read(String json) {
        try {
            return Json.mapper().readValue(json, Plan.class);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("a stored plan is unreadable", e);
        }
    }

    private static Set<String> ids(List<String> ids) {
        return new HashSet<>(ids);
    }

    private static void unknown(List<InputError> errors, String path, List<String> given, Set<String> known,
            String what) {
        Map<String, Integer> first = new HashMap<>();
        for (int i = 0; i < given.size(); i++) {
            Integer twice = first.putIfAbsent(given.get(i), i);
            if (twice != null) {
                errors.add(new InputError(path + "[" + i + "]", "'" + given.get(i) + "' is listed already at "
                        + path + "[" + twice + "]"));
            } else if (!known.contains(given.get(i))) {
                errors.add(new InputError(path + "[" + i + "]", "unknown " + what + " '" + given.get(i) + "'"));
            }
        }
    }
}
