package org.regroup.rest.api;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.regroup.domain.Accommodations;
import org.regroup.domain.DayProblem;
import org.regroup.domain.Goal;
import org.regroup.domain.InvalidInputException;
import org.regroup.domain.Student;
import org.regroup.domain.graph.SkillGraph;
import org.regroup.domain.io.DayProblemReader;
import org.regroup.rest.errors.ApiException;
import org.regroup.rest.days.MidDayChange;
import org.regroup.rest.days.SchoolDays;
import org.regroup.rest.days.VersionViews;
import org.regroup.rest.errors.UnreadableBodyException;
import org.regroup.rest.plans.PlanService;
import org.regroup.solver.build.DayPlanBuilder;
import org.regroup.store.EvidenceService;
import org.regroup.store.SchoolStore;

/**
 * A school's workspace in the store: its standing data, the evidence log and each student's learner profile. Every
 * write is committed before the 2xx.
 */
@Path("/api/schools")
@Produces(MediaType.APPLICATION_JSON)
public final class SchoolResource {

    public record SchoolView(String id, String name, int students, int staff, int skills, long evidence,
            Instant createdAt) {
    }

    /** One skill of a learner profile: the estimate and how it came to be. */
    public record SkillProfile(String skillId, double mastery, int observations, boolean mastered, boolean ready,
            List<HistoryEntry> history) {
    }

    public record HistoryEntry(String eventId, Instant observedAt, Boolean correct, Double score, int items,
            String source, double before, double after) {
    }

    public record Profile(String schoolId, String studentId, String name, Integer grade, double masteryThreshold,
            List<String> readySet, List<Goal> goals, Accommodations accommodations, List<SkillProfile> skills) {
    }

    @Inject
    SchoolStore store;
    @Inject
    EvidenceService evidence;
    @Inject
    ServerLimits limits;
    @Inject
    SchoolDays days;
    @Inject
    PlanService plans;
    @Inject
    VersionViews versions;

    /** A plan being made for a day: the stored version and the server's plan to follow while it solves. */
    /** {@code diff}: for a change a running solve took, what the change itself moved (see docs/api.md). */
    public record DayPlanStarted(String schoolId, LocalDate day, int version, String planId, String planHref,
            String status, String startedFrom, int readinessChanged, SchoolDays.Diff diff) {
    }

    public record Published(String schoolId, LocalDate day, int version, String status) {
    }

    /** Creates a school from a day problem (its date, if any, is ignored): 201 with its location; 409 if taken. */
    @POST
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a school from its standing data (a day problem)")
    public Response create(@PathParam("id") String id, InputStream body, @Context UriInfo uri) throws IOException {
        if (!id.matches("[A-Za-z0-9_-]{1,64}")) {
            throw ApiException.badRequest("a school id is 1 to 64 letters, digits, '-' or '_', was '" + id + "'");
        }
        byte[] json = Bodies.read(body, limits.maxBodyBytes());
        DayProblem standing;
        try {
            standing = DayProblemReader.parseOnly(json, "request body");
        } catch (InvalidInputException unreadable) {
            throw new UnreadableBodyException(unreadable);
        }
        standing = DayPlanBuilder.validated(standing, "request body");
        String name = standing.school() == null ? null : standing.school().name();
        try {
            store.createSchool(id, name, standing);
        } catch (SchoolStore.SchoolExistsException taken) {
            throw ApiException.conflict(taken.getMessage());
        }
        URI location = uri.getBaseUriBuilder().path("api/schools").path(id).build();
        return Response.created(location).entity(view(school(id))).build();
    }

    @GET
    @Operation(summary = "The schools' ids")
    public List<String> list() {
        return store.schoolIds();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One school's counts of students, staff, skills and evidence")
    public SchoolView get(@PathParam("id") String id) {
        return view(school(id));
    }

    /**
     * A batch of assessment results: mastery updated by BKT, the ready sets recomputed; the answer lists, per student,
     * mastery changes and skills that entered or left the ready set. Re-sent event ids are listed, not counted.
     */
    @POST
    @Path("{id}/evidence")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record a batch of assessment results; mastery and ready sets follow")
    public EvidenceService.Ingested evidence(@PathParam("id") String id, EvidenceService.Batch batch) {
        return evidence.ingest(school(id), batch);
    }

    /** The learner profile: mastery per skill with its history, the ready set, goals and accommodations. */
    @GET
    @Path("{id}/students/{studentId}/profile")
    @Operation(summary = "A student's learner profile: mastery per skill with its history, ready set, goals")
    public Profile profile(@PathParam("id") String id, @PathParam("studentId") String studentId) {
        SchoolStore.SchoolRecord school = school(id);
        DayProblem standing = school.standing();
        Student student = standing.students().stream().filter(s -> s.id().equals(studentId)).findFirst()
                .orElseThrow(() -> ApiException.notFound("no student '" + studentId + "' in school " + id));
        Map<String, SchoolStore.MasteryRow> mastery = store.mastery(id, studentId);
        Map<String, List<HistoryEntry>> history = new LinkedHashMap<>();
        for (SchoolStore.EvidenceRow e : store.evidence(id, studentId)) {
            history.computeIfAbsent(e.skillId(), k -> new ArrayList<>()).add(new HistoryEntry(e.eventId(),
                    e.observedAt(), e.correct(), e.score(), e.items(), e.source(), e.pBefore(), e.pAfter()));
        }
        double threshold = standing.masteryThreshold();
        SkillGraph graph = SkillGraph.of(standing.skills(), standing.prerequisites());
        Set<String> ready = graph.readySet(skill -> {
            SchoolStore.MasteryRow r = mastery.get(skill);
            return r == null ? 0 : r.pMastery();
        }, threshold);
        List<SkillProfile> skills = new ArrayList<>();
        mastery.values().stream().sorted(java.util.Comparator.comparing(SchoolStore.MasteryRow::skillId))
                .forEach(r -> skills.add(new SkillProfile(r.skillId(), r.pMastery(), r.observations(),
                        r.pMastery() >= threshold, ready.contains(r.skillId()),
                        history.getOrDefault(r.skillId(), List.of()))));
        return new Profile(id, studentId, student.name(), student.grade(), threshold, ready.stream().sorted().toList(),
                student.goals(), student.accommodations(), skills);
    }

    /** What is different about a day: absent students and staff, closed spaces (unknown ids are a 422). */
    @PUT
    @Path("{id}/days/{day}/input")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Store a day's absences and closures")
    public SchoolStore.DayInput putInput(@PathParam("id") String id, @PathParam("day") String day,
            SchoolStore.DayInput input) {
        if (input == null) {
            throw ApiException.invalidBody("send {\"absentStudents\": [], \"absentStaff\": [], \"closedSpaces\": []}");
        }
        days.saveInput(school(id), date(day), input);
        return input;
    }

    @GET
    @Path("{id}/days/{day}/input")
    @Operation(summary = "Read a day's absences and closures")
    public SchoolStore.DayInput getInput(@PathParam("id") String id, @PathParam("day") String day) {
        school(id);
        return store.dayInput(id, date(day));
    }

    /** The day problem the store makes for that date (standing data, current mastery, the day's input). */
    @GET
    @Path("{id}/days/{day}/problem")
    @Operation(summary = "The day problem the store makes for a date")
    public DayProblem problem(@PathParam("id") String id, @PathParam("day") String day) {
        return days.dayProblem(school(id), date(day));
    }

    /**
     * Plans the day from the store: 202 with the stored version and the plan to follow ({@code /api/plans/{id}},
     * its events, analysis, rosters); when solved the version is kept as a draft.
     */
    @POST
    @Path("{id}/days/{day}/plan")
    @Operation(summary = "Plan the day from the store (202 with the version and the plan to follow)")
    public Response plan(@PathParam("id") String id, @PathParam("day") String day,
            @QueryParam("timeLimit") String timeLimit, @Context UriInfo uri) {
        Duration limit = Durations.parse(timeLimit, plans.settings().defaultTimeLimit(),
                plans.settings().maxTimeLimit());
        LocalDate date = date(day);
        SchoolDays.Started started = days.plan(school(id), date, limit);
        return accepted(id, date, started, uri);
    }

    /** The day's stored plans, newest first: version, status (solving, draft, published, interrupted), score. */
    @GET
    @Path("{id}/days/{day}/plans")
    @Operation(summary = "The day's stored plan versions, newest first")
    public List<SchoolStore.PlanRecord> plans(@PathParam("id") String id, @PathParam("day") String day) {
        school(id);
        return store.plans(id, date(day));
    }

    /**
     * One stored plan version: status, score, KPIs, the last checkpoint of a solve still running or cut off, and
     * the plan ({@code ?plan=false} leaves the plan documents out).
     */
    @GET
    @Path("{id}/days/{day}/plans/{version}")
    @Operation(summary = "One stored plan version: status, score, KPIs, checkpoint and plan")
    public VersionViews.VersionView storedPlan(@PathParam("id") String id, @PathParam("day") String day,
            @PathParam("version") int version, @QueryParam("plan") @DefaultValue("true") boolean withPlan) {
        school(id);
        try {
            return versions.view(id, date(day), version, withPlan);
        } catch (java.util.NoSuchElementException unknown) {
            throw ApiException.notFound(unknown.getMessage());
        }
    }

    /**
     * Solves an interrupted version again, in the same version, from its last checkpoint: 202 with the plan to
     * follow; 409 when the version is not interrupted.
     */
    @POST
    @Path("{id}/days/{day}/plans/{version}/resume")
    @Operation(summary = "Resume an interrupted version from its last checkpoint")
    public Response resume(@PathParam("id") String id, @PathParam("day") String day,
            @PathParam("version") int version, @QueryParam("timeLimit") String timeLimit, @Context UriInfo uri) {
        Duration limit = Durations.parse(timeLimit, plans.settings().defaultTimeLimit(),
                plans.settings().maxTimeLimit());
        LocalDate date = date(day);
        SchoolDays.Started started;
        try {
            started = days.resume(school(id), date, version, limit);
        } catch (java.util.NoSuchElementException unknown) {
            throw ApiException.notFound(unknown.getMessage());
        } catch (IllegalStateException notInterrupted) {
            throw ApiException.conflict(notInterrupted.getMessage());
        }
        return accepted(id, date, started, uri);
    }

    /**
     * Something happened during the day (an adult gone, a space closed, a student gone home, from a block on): the
     * rest of the day is re-planned from its published plan (else its latest draft), the blocks before kept as they
     * were; 202 with the new version to follow. {@code GET …/diff?from=&to=} then says who moves.
     */
    @POST
    @Path("{id}/days/{day}/changes")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Re-plan the rest of the day after a mid-day change")
    public Response change(@PathParam("id") String id, @PathParam("day") String day, MidDayChange change,
            @QueryParam("timeLimit") String timeLimit, @Context UriInfo uri) {
        if (change == null || change.fromBlock() == null) {
            throw ApiException.invalidBody("send {\"fromBlock\": \"B4\", \"staffAbsent\": [], \"spacesClosed\": [], "
                    + "\"studentsGone\": []}");
        }
        Duration limit = Durations.parse(timeLimit, java.time.Duration.ofSeconds(5), plans.settings().maxTimeLimit());
        LocalDate date = date(day);
        SchoolDays.Started started;
        try {
            started = days.change(school(id), date, change, limit);
        } catch (IllegalStateException noPlan) {
            throw ApiException.conflict(noPlan.getMessage());
        }
        return accepted(id, date, started, uri);
    }

    /** Who moves between two versions of the day's plan, and which adults get a new roster. */
    @GET
    @Path("{id}/days/{day}/diff")
    @Operation(summary = "Who moves between two versions of the day's plan")
    public SchoolDays.Diff diff(@PathParam("id") String id, @PathParam("day") String day,
            @QueryParam("from") Integer from, @QueryParam("to") Integer to) {
        school(id);
        LocalDate date = date(day);
        if (from == null || to == null) {
            throw ApiException.badRequest("give both versions: ?from=1&to=2");
        }
        for (int v : new int[] {from, to}) {
            if (store.planDocument(id, date, v) == null) {
                throw ApiException.notFound("no plan version " + v + " of " + day + " with a plan");
            }
        }
        return days.diff(id, date, from, to);
    }

    /** Publishes the latest draft of the day (or {@code version}); the plan published before goes back to draft. */
    @POST
    @Path("{id}/days/{day}/publish")
    @Operation(summary = "Publish the day's latest draft (or a given version)")
    public Published publish(@PathParam("id") String id, @PathParam("day") String day,
            @QueryParam("version") Integer version) {
        school(id);
        int published = store.publish(id, date(day), version);
        if (published < 0) {
            throw ApiException.conflict("no draft plan " + (version == null ? "" : "version " + version + " ")
                    + "of " + day + " to publish; plan the day first and wait for it to be solved");
        }
        return new Published(id, date(day), published, "published");
    }

    /** 202 with the version being made and the plan to follow while it solves. */
    private static Response accepted(String id, LocalDate date, SchoolDays.Started started, UriInfo uri) {
        URI follow = uri.getBaseUriBuilder().path("api/plans").path(started.job().id()).build();
        return Response.accepted(new DayPlanStarted(id, date, started.version(), started.job().id(),
                follow.toString(), started.job().status().name(), started.startedFrom(), started.readinessChanged(),
                started.diff())).location(follow).build();
    }

    private static LocalDate date(String day) {
        try {
            return LocalDate.parse(day);
        } catch (java.time.format.DateTimeParseException e) {
            throw ApiException.badRequest("'" + day + "' is not a date like 2026-11-23");
        }
    }

    private SchoolStore.SchoolRecord school(String id) {
        return store.school(id).orElseThrow(() -> ApiException.notFound("no school '" + id + "'"));
    }

    private SchoolView view(SchoolStore.SchoolRecord s) {
        DayProblem d = s.standing();
        return new SchoolView(s.id(), s.name(), d.students().size(), d.staff().size(), d.skills().size(),
                store.evidenceCount(s.id()), s.createdAt());
    }
}
