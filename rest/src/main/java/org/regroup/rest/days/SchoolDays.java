package org.regroup.rest.days;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.regroup.domain.DayProblem;
import org.regroup.domain.InputError;
import org.regroup.domain.InvalidInputException;
import org.regroup.domain.Space;
import org.regroup.domain.Staff;
import org.regroup.domain.Student;
import org.regroup.domain.io.Json;
import org.regroup.domain.plan.Plan;
import org.regroup.rest.plans.PlanJob;
import org.regroup.rest.plans.PlanService;
import org.regroup.solver.build.DayPlanBuilder;
import org.regroup.solver.replan.Continuity;
import org.regroup.store.SchoolStore;
import org.regroup.store.SchoolStore.DayInput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A school's days: the day problem of a date made from the store (standing data, each student's current mastery,
 * the day's absences and closures), solved on the server's {@link PlanService} — starting from the last published
 * day's plan when few students' readiness changed since (minimal perturbation, {@link Continuity}) — and kept in the
 * store as a new version of that day's plan (draft when solved, published on request).
 */
public final class SchoolDays {

    private static final Logger LOG = LoggerFactory.getLogger(SchoolDays.class);

    /**
     * A plan being made: the stored version and the server's plan to follow; {@code startedFrom} the published plan
     * it starts from ("2026-11-23 v2"), null when planned from scratch, and how many students' readiness changed
     * since it.
     */
    public record Started(int version, PlanJob job, String startedFrom, int readinessChanged) {
    }

    private final SchoolStore store;
    private final PlanService plans;

    public SchoolDays(SchoolStore store, PlanService plans) {
        this.store = store;
        this.plans = plans;
    }

    /** Checks a day's input against the school: every unknown id with its path; stores it when all are known. */
    public void saveInput(SchoolStore.SchoolRecord school, LocalDate day, DayInput input) {
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
        store.saveDayInput(school.id(), day, input);
    }

    /** The day problem of {@code day}: standing data, current mastery, absences and closures. */
    public DayProblem dayProblem(SchoolStore.SchoolRecord school, LocalDate day) {
        return dayProblem(store, school, day);
    }

    /** As above, for callers without a server (the simulation). */
    public static DayProblem dayProblem(SchoolStore store, SchoolStore.SchoolRecord school, LocalDate day) {
        DayProblem s = school.standing();
        DayInput input = store.dayInput(school.id(), day);
        Map<String, Map<String, Double>> mastery = store.allMastery(school.id());
        Set<String> absent = new HashSet<>(input.absentStudents());
        List<Student> students = s.students().stream().map(st -> {
            Student now = st.withMastery(mastery.getOrDefault(st.id(), Map.of()));
            return absent.contains(st.id()) ? now.asAbsent() : now;
        }).toList();
        Set<String> away = new HashSet<>(input.absentStaff());
        List<Staff> staff = s.staff().stream().map(a -> away.contains(a.id()) ? a.withAvailableBlocks(List.of()) : a)
                .toList();
        Set<String> closed = new HashSet<>(input.closedSpaces());
        List<Space> spaces = s.spaces().stream().map(x -> closed.contains(x.id()) ? x.withAvailableBlocks(List.of())
                : x).toList();
        return new DayProblem(s.format(), s.version(), school.id() + "-" + day, day, s.school(), s.blocks(),
                s.skills(), s.prerequisites(), s.modalities(), s.activities(), staff, spaces, students, s.requests(),
                s.weights());
    }

    /**
     * Builds and checks the day, stores a new version of its plan as solving, and starts the solve; when the solve
     * ends the version becomes a draft holding the plan.
     */
    public Started plan(SchoolStore.SchoolRecord school, LocalDate day, Duration timeLimit) {
        DayProblem problem = DayPlanBuilder.validated(dayProblem(school, day), "the day " + day + " of school "
                + school.id());
        double threshold = problem.school() == null ? org.regroup.domain.School.DEFAULT_MASTERY_THRESHOLD
                : problem.school().masteryThresholdOrDefault();
        Optional<SchoolStore.PublishedPlan> previous = store.latestPublishedBefore(school.id(), day);
        Set<String> changed = previous.map(p -> store.crossedThreshold(school.id(), p.publishedAt(), threshold))
                .orElse(Set.of());
        Plan before = previous.filter(p -> p.plan() != null
                && Continuity.worthIt(changed.size(), problem.students().size())).map(p -> read(p.plan()))
                .orElse(null);
        PlanJob job = plans.submit(problem, built -> {
            if (before != null) {
                Continuity.from(before, built, changed); // minimal perturbation: start from the last published day
            }
            return built;
        }, timeLimit);
        int version = store.startPlan(school.id(), day, job.id());
        job.follow(update -> {
            if (!update.last()) {
                return;
            }
            PlanJob.Snapshot end = job.snapshot();
            if (end == null) {
                store.interrupt(school.id(), day, version);
                return;
            }
            store.finishPlan(school.id(), day, version, end.plan(), end.plan().score());
            LOG.info("school {} day {}: plan version {} saved as draft ({})", school.id(), day, version,
                    end.plan().score());
        });
        return new Started(version, job, before == null ? null
                : previous.get().day() + " v" + previous.get().version(), changed.size());
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
        for (int i = 0; i < given.size(); i++) {
            if (!known.contains(given.get(i))) {
                errors.add(new InputError(path + "[" + i + "]", "unknown " + what + " '" + given.get(i) + "'"));
            }
        }
    }
}
