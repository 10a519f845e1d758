package org.regroup.rest.district;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.regroup.domain.InputError;
import org.regroup.domain.InvalidInputException;
import org.regroup.domain.io.Json;
import org.regroup.domain.plan.Plan;
import org.regroup.domain.plan.PlanStatus;
import org.regroup.rest.days.SchoolDays;
import org.regroup.rest.health.Metrics;
import org.regroup.rest.plans.PlanService;
import org.regroup.store.Mornings;
import org.regroup.store.Mornings.SchoolMorning;
import org.regroup.store.Mornings.Status;
import org.regroup.store.PlanVersions;
import org.regroup.store.SchoolStore;
import org.regroup.store.Schools;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A district's morning: every school's day planned as a durable job on the cluster's {@link JobEngine}, each with a
 * deadline and a priority, by the daily loop ({@link SchoolDays#planAndWait}). A school whose plan is not feasible by
 * its deadline gets the last published plan carried forward to the day, repaired for today's absences, and flagged
 * for the scheduler — never no plan. A job whose node dies is run again by another node: it resumes the version the
 * dead node was solving from its last checkpoint. Logs name schools, days and versions, never people.
 */
public final class DistrictMornings {

    private static final Logger LOG = LoggerFactory.getLogger(DistrictMornings.class);

    static final String TASK = "school-morning";
    /** Kept free before a school's deadline to carry a plan forward should the solve not be feasible. */
    static final Duration CARRY_FORWARD_RESERVE = Duration.ofSeconds(10);
    /** How long a carried-forward plan is repaired (the builder seats whoever yesterday's groups leave out). */
    static final Duration REPAIR_LIMIT = Duration.ofSeconds(3);
    /** A job that fails for want of a core or a database is tried again after this long. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    /** The job's data: which school's part of which morning (everything else is in {@code morning_school}). */
    public record Job(LocalDate day, String schoolId) {
    }

    /**
     * What the district asks for a morning.
     *
     * @param schools     the schools (null or empty: every school in the store)
     * @param deadline    when every plan must be there
     * @param timeLimit   each school's solve (cut short by the deadline)
     * @param autoPublish publish each school's plan when it is feasible, flagged when it is not workable (a
     *                    carried-forward plan too: a day must have one); else every plan is left as a draft
     * @param priorities  schools planned first (higher first; default 0)
     */
    public record Request(List<String> schools, Instant deadline, Duration timeLimit, boolean autoPublish,
            Map<String, Integer> priorities) {
    }

    /** When a morning's plans are due by default: 7 a.m. on the day (the primer's morning). */
    public static final java.time.LocalTime DEFAULT_DEADLINE = java.time.LocalTime.of(7, 0);

    /**
     * The deadline a district wrote: a time of the morning's day ("06:30", in {@code zone}) or an instant
     * ("2026-12-05T06:30:00Z"); absent: {@link #DEFAULT_DEADLINE}. It must be after {@code now}. Errors name
     * {@code path}.
     */
    public static Instant deadline(LocalDate day, String text, java.time.ZoneId zone, Instant now, String path) {
        Instant at;
        if (text == null || text.isBlank()) {
            at = day.atTime(DEFAULT_DEADLINE).atZone(zone).toInstant();
        } else {
            try {
                at = text.contains("T") ? java.time.OffsetDateTime.parse(text).toInstant()
                        : day.atTime(java.time.LocalTime.parse(text)).atZone(zone).toInstant();
            } catch (java.time.format.DateTimeParseException e) {
                throw new InvalidInputException("request", List.of(new InputError(path, "'" + shortened(text)
                        + "' is neither a time of the day like 06:30 nor an instant like 2026-12-05T06:30:00Z")));
            }
        }
        if (!at.isAfter(now)) {
            throw new InvalidInputException("request", List.of(new InputError(path, "the deadline " + at
                    + " has passed")));
        }
        return at;
    }

    private static String shortened(String text) {
        return text.length() <= 40 ? text : text.substring(0, 30) + "…";
    }

    /** A morning as readers see it: each school, and the counts by status. */
    public record View(LocalDate day, List<SchoolMorning> schools, Map<String, Long> counts, boolean done) {
    }

    /** The job could not run to an end here (the node stops, or lost its database): another run goes on. */
    static final class Abandoned extends RuntimeException {
        Abandoned(String message) {
            super(message);
        }
    }

    private final SchoolStore store;
    private final SchoolDays days;
    private final PlanService plans;
    private final Metrics metrics;
    private final String node;
    private final int maxWaiting;
    private final OneTimeTask<Job> task;
    private JobEngine engine;

    /**
     * @param maxWaiting jobs the cluster may have waiting; a morning that would add more is refused (429)
     */
    public DistrictMornings(SchoolStore store, SchoolDays days, PlanService plans, Metrics metrics, String node,
            int maxWaiting) {
        this.store = store;
        this.days = days;
        this.plans = plans;
        this.metrics = metrics;
        this.node = node;
        this.maxWaiting = maxWaiting;
        this.task = Tasks.oneTime(TASK, Job.class)
                .onFailure(new FailureHandler.OnFailureRetryLater<>(RETRY_AFTER))
                // A dead node's job goes back in line where it stood (its first due time), ahead of the schools
                // asked after it: it runs at the next free core, not after the whole morning's queue.
                .onDeadExecution((complete, operations) -> {
                    LOG.info("morning job {} of a dead node ({}) runs again", complete.getExecution().taskInstance
                            .getId(), complete.getExecution().pickedBy);
                    operations.reschedule(complete, complete.getExecution().executionTime);
                })
                .execute((TaskInstance<Job> instance, ExecutionContext context) -> run(instance.getData(), context));
    }

    /** The task the engine runs. */
    public OneTimeTask<Job> task() {
        return task;
    }

    /** Schedules on {@code engine} (built with {@link #task()}). */
    public void scheduleOn(JobEngine engine) {
        this.engine = engine;
    }

    /**
     * Adds the morning's schools and schedules their jobs (schools in the morning already keep theirs). Throws
     * {@link InvalidInputException} naming unknown schools and {@link PlanService.BusyException} when the cluster's
     * queue is full.
     */
    public View start(LocalDate day, Request request) {
        List<String> known = store.schools().schoolIds();
        List<String> schools = request.schools() == null || request.schools().isEmpty() ? known : request.schools();
        List<InputError> errors = new ArrayList<>();
        Set<String> knownSet = new HashSet<>(known);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < schools.size(); i++) {
            String id = schools.get(i);
            if (!knownSet.contains(id)) {
                errors.add(new InputError("$.schools[" + i + "]", "unknown school '" + id + "'"));
            } else if (!seen.add(id)) {
                errors.add(new InputError("$.schools[" + i + "]", "school '" + id + "' is listed twice"));
            }
        }
        if (request.priorities() != null) {
            request.priorities().keySet().stream().filter(id -> !seen.contains(id)).sorted().forEach(id ->
                    errors.add(new InputError("$.priorities." + id, "school '" + id + "' is not in this morning")));
        }
        if (schools.isEmpty()) {
            errors.add(new InputError("$.schools", "the store has no school to plan"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("request body", errors);
        }
        int waiting = store.mornings().jobsWaiting();
        if (waiting + schools.size() > maxWaiting) {
            throw new PlanService.BusyException(waiting + " jobs are waiting in the cluster and this morning adds "
                    + schools.size() + "; at most " + maxWaiting + " may wait", Duration.ofSeconds(30));
        }
        List<Mornings.Ask> asks = schools.stream().map(id -> new Mornings.Ask(id, request.priorities() == null ? 0
                : request.priorities().getOrDefault(id, 0), request.deadline(), request.timeLimit(),
                request.autoPublish())).toList();
        List<String> added = store.mornings().add(day, asks);
        // Scheduled after the rows are committed; a school added whose job was not (a crash between) is scheduled
        // when the morning is asked for again: scheduleIfNotExists never doubles a job.
        Set<String> asked = new HashSet<>(schools);
        List<SchoolMorning> morning = store.mornings().schools(day);
        for (SchoolMorning m : morning) {
            if (asked.contains(m.schoolId()) && !m.status().ended()) {
                engine.client().scheduleIfNotExists(task.instanceBuilder(day + "/" + m.schoolId())
                        .data(new Job(day, m.schoolId())).priority(m.priority()).scheduledTo(Instant.now()));
            }
        }
        LOG.info("morning {}: {} school(s) asked, {} new; deadline {}", day, schools.size(), added.size(),
                request.deadline());
        return view(day, morning);
    }

    public View view(LocalDate day) {
        return view(day, store.mornings().schools(day));
    }

    private static View view(LocalDate day, List<SchoolMorning> all) {
        Map<String, Long> counts = new java.util.TreeMap<>();
        all.forEach(m -> counts.merge(m.status().wire(), 1L, Long::sum));
        return new View(day, all, counts, !all.isEmpty() && all.stream().allMatch(m -> m.status().ended()));
    }

    /** One run of a school's job, on whichever node picked it. */
    void run(Job job, ExecutionContext context) {
        Optional<SchoolMorning> found = store.mornings().school(job.day(), job.schoolId());
        if (found.isEmpty() || found.get().status().ended()) {
            return; // ran to its end already (the job outlived its row's end by a crash between the two)
        }
        SchoolMorning m = found.get();
        int attempt = store.mornings().begin(job.day(), job.schoolId(), node);
        LOG.info("morning {}: school {} run {} on node {}", job.day(), job.schoolId(), attempt, node);
        Watchdog watchdog = new Watchdog(job, context);
        try {
            Outcome outcome = plan(m, watchdog);
            watchdog.check();
            store.mornings().end(job.day(), job.schoolId(), attempt, outcome.status(), outcome.version(),
                    outcome.score(), outcome.note());
            metrics.morningSchoolEnded(outcome.status().wire());
            LOG.info("morning {}: school {} {} (v{}, {})", job.day(), job.schoolId(), outcome.status().wire(),
                    outcome.version(), outcome.score());
        } catch (RuntimeException e) { // abandoned here, no free core, or the store failed: another run goes on
            metrics.jobFailed(TASK);
            LOG.warn("morning {}: school {} run {} left for another run: {}", job.day(), job.schoolId(), attempt,
                    e.getMessage());
            try {
                store.mornings().abandon(job.day(), job.schoolId(), attempt, e.getMessage());
            } catch (RuntimeException storeDown) {
                LOG.warn("morning {}: school {} run {} could not be marked abandoned ({})", job.day(),
                        job.schoolId(), attempt, storeDown.getClass().getSimpleName());
            }
            throw e; // the engine runs it again (RETRY_AFTER), here or elsewhere
        } finally {
            watchdog.close();
        }
    }

    private record Outcome(Status status, Integer version, String score, String note) {
    }

    /** The school's plan: solved (or resumed), and carried forward when it is not feasible. */
    private Outcome plan(SchoolMorning m, Watchdog watchdog) {
        Schools.SchoolRecord school = store.schools().school(m.schoolId()).orElseThrow(() ->
                new IllegalStateException("school " + m.schoolId() + " is gone"));
        LocalDate day = m.day();
        Plan plan = null;
        Integer version = null;
        String why = null;
        try {
            SchoolDays.Planned planned = m.version() == null ? fresh(school, m, watchdog) : resumed(school, m,
                    watchdog);
            if (planned != null) {
                plan = planned.plan();
                version = planned.version();
            } else {
                why = "no time left before the deadline to solve";
            }
        } catch (PlanService.BusyException busy) {
            throw busy;
        } catch (Abandoned abandoned) {
            throw abandoned;
        } catch (RuntimeException e) {
            watchdog.check();
            metrics.jobFailed("solve");
            why = "the solve failed (" + e.getClass().getSimpleName() + ")";
            LOG.warn("morning {}: school {}: {}", day, m.schoolId(), why, e);
        }
        watchdog.check();
        if (plan != null && Boolean.TRUE.equals(plan.feasible())) {
            // Feasible: every group is what it says it is. Not workable: some student is owed time or a seat — still
            // the day's best plan, published (a school must have one) and flagged for the scheduler.
            boolean workable = Boolean.TRUE.equals(plan.workable());
            String flag = workable ? null : "not workable (" + plan.score() + "): not every student gets what they "
                    + "are owed; check the broken rules";
            if (m.autoPublish()) {
                store.versions().publish(m.schoolId(), day, version);
                return new Outcome(Status.PUBLISHED, version, plan.score(), flag == null ? null : "published, "
                        + flag);
            }
            return new Outcome(Status.DRAFTED, version, plan.score(), flag == null ? "workable; left for the school "
                    + "to publish" : flag + "; left for the scheduler");
        }
        String notFeasible = why != null ? why : "not feasible by its deadline (" + plan.score() + ")";
        Optional<PlanVersions.PlanVersion> last = store.versions().latestPublishedBefore(m.schoolId(), day);
        Optional<SchoolDays.Planned> carried = days.carryForward(school, day, REPAIR_LIMIT);
        watchdog.check();
        if (carried.isPresent() && (plan == null || score(carried.get().plan()).compareTo(score(plan)) >= 0)) {
            SchoolDays.Planned c = carried.get();
            if (m.autoPublish()) {
                store.versions().publish(m.schoolId(), day, c.version());
            }
            PlanVersions.PlanVersion from = last.orElseThrow();
            return new Outcome(Status.CARRIED_FORWARD, c.version(), c.plan().score(), notFeasible + "; the plan of "
                    + from.day() + " v" + from.version() + " carried forward, repaired for today (" + c.plan().score()
                    + ")" + (m.autoPublish() ? " and published" : "") + ": check it");
        }
        if (plan != null) {
            return new Outcome(Status.DRAFTED, version, plan.score(), notFeasible + "; " + (carried.isEmpty()
                    ? "no plan published before to carry forward" : "the plan carried forward was worse")
                    + ": left for the scheduler");
        }
        return new Outcome(Status.FAILED, null, null, notFeasible + "; no plan published before to carry forward");
    }

    /** The first run: the daily loop, within the time left before the deadline. */
    private SchoolDays.Planned fresh(Schools.SchoolRecord school, SchoolMorning m, Watchdog watchdog) {
        Duration first = solveLimit(m);
        if (first.compareTo(Duration.ofSeconds(1)) < 0) {
            return null;
        }
        return days.planAndWait(school, m.day(), first, false, () -> solveLimit(m), started -> {
            watchdog.watch(started.job().id());
            store.mornings().solving(m.day(), m.schoolId(), started.version());
        });
    }

    /**
     * A run after one that did not end (its node died or stopped): goes on with the version it was solving — taken
     * over from the dead node, resumed from its last checkpoint — or takes the plan it finished.
     */
    private SchoolDays.Planned resumed(Schools.SchoolRecord school, SchoolMorning m, Watchdog watchdog) {
        int version = m.version();
        PlanVersions.PlanRecord record = store.versions().plans(m.schoolId(), m.day()).stream()
                .filter(p -> p.version() == version).findFirst().orElse(null);
        if (record == null) {
            return fresh(school, m, watchdog);
        }
        if (record.status() == PlanStatus.SOLVING && !store.versions().takeOver(m.schoolId(), m.day(), version,
                record.planId())) {
            throw new Abandoned("version " + version + " changed while it was taken over");
        }
        if (record.status() == PlanStatus.SOLVING || record.status() == PlanStatus.INTERRUPTED) {
            Duration limit = solveLimit(m);
            if (limit.compareTo(Duration.ofSeconds(1)) < 0) {
                return null;
            }
            SchoolDays.Started started = days.resume(school, m.day(), version, limit);
            watchdog.watch(started.job().id());
            LOG.info("morning {}: school {} v{} resumed from {}", m.day(), m.schoolId(), version,
                    started.startedFrom() == null ? "scratch" : started.startedFrom());
            return new SchoolDays.Planned(version, days.solved(m.schoolId(), m.day(), started), null, null);
        }
        String document = store.versions().planDocument(m.schoolId(), m.day(), version);
        return new SchoolDays.Planned(version, read(document), null, null);
    }

    /** A solve's time: the school's limit, cut to what is left before its deadline (less the carry-forward reserve). */
    private static Duration solveLimit(SchoolMorning m) {
        Duration left = Duration.between(Instant.now(), m.deadline()).minus(CARRY_FORWARD_RESERVE);
        return left.compareTo(m.timeLimit()) < 0 ? left : m.timeLimit();
    }

    private static HardMediumSoftScore score(Plan plan) {
        return HardMediumSoftScore.parseScore(plan.score());
    }

    private static Plan read(String document) {
        try {
            return Json.mapper().readValue(document, Plan.class);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("a stored plan is unreadable", e);
        }
    }

    /**
     * Stops the run's solve when this node should no longer run it: the engine stops (the node shuts down), or
     * this node's heartbeats fail (it lost the database; a peer will declare the job dead and run it, and one job
     * must not run on two nodes at once). The solve keeps its best plan; the run then ends {@link Abandoned}.
     */
    private final class Watchdog implements AutoCloseable {
        private final Job job;
        private final ExecutionContext context;
        private final AtomicReference<String> solve = new AtomicReference<>();
        private final AtomicReference<String> stopped = new AtomicReference<>();
        private final AtomicReference<String> stoppedSolve = new AtomicReference<>();
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "morning-watchdog");
            t.setDaemon(true);
            return t;
        });

        Watchdog(Job job, ExecutionContext context) {
            this.job = job;
            this.context = context;
            timer.scheduleWithFixedDelay(this::look, 500, 500, TimeUnit.MILLISECONDS);
        }

        void watch(String planId) {
            solve.set(planId);
            look();
        }

        private void look() {
            String why = null;
            if (context.getSchedulerState().isShuttingDown()) {
                why = "node " + node + " is stopping";
            } else if (context.getCurrentlyExecuting() != null
                    && context.getCurrentlyExecuting().getHeartbeatState().getFractionDead() > 0.5) {
                why = "node " + node + " cannot reach the database (heartbeats failing)";
            }
            if (why == null) {
                return;
            }
            String id = solve.get();
            if (stopped.compareAndSet(null, why)) {
                LOG.warn("morning {}: school {}: solve {} stopped here: {}", job.day(), job.schoolId(), id, why);
            }
            if (id != null && !id.equals(stoppedSolve.getAndSet(id))) {
                plans.stop(id); // and a later solve of the same run (the second try, from scratch)
            }
        }

        /** Throws {@link Abandoned} once the run must not go on here. */
        void check() {
            look();
            String why = stopped.get();
            if (why != null) {
                throw new Abandoned(why);
            }
        }

        @Override
        public void close() {
            timer.shutdownNow();
        }
    }
}
