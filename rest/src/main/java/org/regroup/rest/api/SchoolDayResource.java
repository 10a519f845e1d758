package org.regroup.rest.api;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.NoSuchElementException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.regroup.domain.DayProblem;
import org.regroup.domain.io.Limits;
import org.regroup.domain.plan.PlanDiff;
import org.regroup.rest.auth.Access;
import org.regroup.rest.auth.Rule;
import org.regroup.rest.days.MidDayChange;
import org.regroup.rest.days.SchoolDays;
import org.regroup.rest.days.StoredVersions;
import org.regroup.rest.days.VersionViews;
import org.regroup.rest.errors.ApiException;
import org.regroup.rest.plans.PlanService;
import org.regroup.rest.roster.Roster;
import org.regroup.rest.roster.RosterMedia;
import org.regroup.solver.replan.Pin;
import org.regroup.store.PlanVersions;
import org.regroup.store.SchoolStore;
import org.regroup.store.Schools;

/**
 * A school's days, at addresses that last: the day's input, planning it, its versions (every one kept), mid-day
 * changes, teachers' overrides, publishing, and what people read — rosters, day cards, the analysis, who has no seat,
 * alternatives. Everything read answers the day's <em>published</em> version unless {@code ?version=N} asks for
 * another, from the store: the same answer after a restart as before. Each answer names its version and status.
 */
@Path("/api/schools/{school}/days")
@Produces(MediaType.APPLICATION_JSON)
public final class SchoolDayResource {

    /**
     * A plan being made for a day: the stored version, the server's plan to follow while it solves and the version's
     * lasting address; {@code diff}: for a change a running solve took, what the change itself moved (docs/api.md).
     */
    public record DayPlanStarted(String schoolId, LocalDate day, int version, String planId, String planHref,
            String versionHref, String status, String startedFrom, int readinessChanged, SchoolDays.Diff diff) {
    }

    public record Published(String schoolId, LocalDate day, int version, String status) {
    }

    /**
     * Body of an override: the session to put the student in (one of the alternatives), why, and who asks (on a
     * server without sign-in; with sign-in, the account that sends it).
     */
    public record OverrideRequest(String sessionId, String reason, String requestedBy, String timeLimit) {
    }

    @Inject
    SchoolStore store;
    @Inject
    SchoolDays days;
    @Inject
    PlanService plans;
    @Inject
    VersionViews versions;
    @Inject
    StoredVersions stored;

    /** The school's days that have plans, latest first: how many versions, the latest, the published one. */
    @GET
    @Access(Rule.SCHOOL_READ)
    @Operation(summary = "The school's days that have plans: versions, latest, published")
    public List<PlanVersions.DaySummary> list(@PathParam("school") String school) {
        school(school);
        return store.versions().days(school);
    }

    /** What is different about a day: absent students and staff, closed spaces (unknown ids are a 422). */
    @BodyLimit(bytes = BodyLimits.DAY_INPUT)
    @PUT
    @Access(Rule.SCHOOL_PLANNING)
    @Path("{date}/input")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Store a day's absences and closures")
    public Schools.DayInput putInput(@PathParam("school") String school, @PathParam("date") String date,
            Schools.DayInput input) {
        if (input == null) {
            throw ApiException.invalidBody("send {\"absentStudents\": [], \"absentStaff\": [], \"closedSpaces\": []}");
        }
        days.saveInput(school(school), date(date), input);
        return input;
    }

    @GET
    @Access(Rule.SCHOOL_READ)
    @Path("{date}/input")
    @Operation(summary = "Read a day's absences and closures")
    public Schools.DayInput getInput(@PathParam("school") String school, @PathParam("date") String date) {
        school(school);
        return store.schools().dayInput(school, date(date));
    }

    /** The day problem the store makes for that date (standing data, current mastery, the day's input). */
    @GET
    @Access(Rule.SCHOOL_READ)
    @Path("{date}/problem")
    @Operation(summary = "The day problem the store makes for a date")
    public DayProblem problem(@PathParam("school") String school, @PathParam("date") String date) {
        return days.dayProblem(school(school), date(date));
    }

    /**
     * Who and what the day names (adults, rooms, students with accommodations in words, requests, modalities, skill
     * names), without mastery: what a board or a reader needs beside a plan, at a fraction of the problem's size.
     */
    @GET
    @Access(Rule.SCHOOL_READ)
    @Path("{date}/directory")
    @Operation(summary = "Who and what the day names, for reading its plans (the problem without mastery)")
    public DayDirectory directory(@PathParam("school") String school, @PathParam("date") String date) {
        return DayDirectory.of(SchoolDays.dayProblem(store, school(school), date(date), false));
    }

    /**
     * Plans the day from the store: 202 with the stored version and the plan to follow; when solved the version is
     * kept as a draft. The day's overrides so far hold in it.
     */
    @POST
    @Access(Rule.SCHOOL_PLANNING)
    @Path("{date}/plan")
    @Operation(summary = "Plan the day from the store (202 with the version and the plan to follow)")
    public Response plan(@PathParam("school") String school, @PathParam("date") String date,
            @QueryParam("timeLimit") String timeLimit, @QueryParam("from") String from, @Context UriInfo uri) {
        Duration limit = Durations.parse(timeLimit, plans.settings().defaultTimeLimit(),
                plans.settings().maxTimeLimit());
        if (from != null && !from.equals("scratch") && !from.equals("yesterday")) {
            throw ApiException.badRequest("from is 'yesterday' (the default: start from the last published day) or "
                    + "'scratch', was '" + from + "'");
        }
        LocalDate day = date(date);
        return accepted(school, day, days.plan(school(school), day, limit, "scratch".equals(from)), uri);
    }

    /** The day's stored plans, newest first: version, status (solving, draft, published, interrupted), score. */
    @GET
    @Access(Rule.SCHOOL_READ)
    @Path("{date}/plans")
    @Operation(summary = "The day's stored plan versions, newest first")
    public List<PlanVersions.PlanRecord> versions(@PathParam("school") String school, @PathParam("date") String date) {
        school(school);
        return store.versions().plans(school, date(date));
    }

    /**
     * One stored plan version: status, score, KPIs, how it was made and who moved since the version it revises, the
     * last checkpoint of a solve still running or cut off, and the plan ({@code ?plan=false} leaves it out).
     */
    @GET
    @Access(Rule.SCHOOL_READ)
    @Path("{date}/plans/{version}")
    @Operation(summary = "One stored plan version: status, score, KPIs, how it was made, who moved, plan")
    public VersionViews.VersionView version(@PathParam("school") String school, @PathParam("date") String date,
            @PathParam("version") int version, @QueryParam("plan") @DefaultValue("true") boolean withPlan) {
        school(school);
        try {
            return versions.view(school, date(date), version, withPlan);
        } catch (NoSuchElementException unknown) {
            throw ApiException.notFound(unknown.getMessage());
        }
    }

    /** Solves an interrupted version again, from its last checkpoint: 202; 409 when it is not interrupted. */
    @POST
    @Access(Rule.SCHOOL_PLANNING)
    @Path("{date}/plans/{version}/resume")
    @Operation(summary = "Resume an interrupted version from its last checkpoint")
    public Response resume(@PathParam("school") String school, @PathParam("date") String date,
            @PathParam("version") int version, @QueryParam("timeLimit") String timeLimit, @Context UriInfo uri) {
        Duration limit = Durations.parse(timeLimit, plans.settings().defaultTimeLimit(),
                plans.settings().maxTimeLimit());
        LocalDate day = date(date);
        try {
            return accepted(school, day, days.resume(school(school), day, version, limit), uri);
        } catch (NoSuchElementException unknown) {
            throw ApiException.notFound(unknown.getMessage());
        } catch (IllegalStateException notInterrupted) {
            throw ApiException.conflict(notInterrupted.getMessage());
        }
    }

    /**
     * Something happened during the day (an adult gone, a space closed, a student gone home, from a block on): the
     * rest of the day is re-planned from its published plan (else its latest draft), the blocks before kept as they
     * were; 202 with the new version to follow, whose {@code changes} then say who moves.
     */
    @BodyLimit(bytes = BodyLimits.DAY_INPUT)
    @POST
    @Access(Rule.SCHOOL_PLANNING)
    @Path("{date}/changes")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Re-plan the rest of the day after a mid-day change (a new version)")
    public Response change(@PathParam("school") String school, @PathParam("date") String date, MidDayChange change,
            @QueryParam("timeLimit") String timeLimit, @Context UriInfo uri) {
        if (change == null || change.fromBlock() == null) {
            throw ApiException.invalidBody("send {\"fromBlock\": \"B4\", \"staffAbsent\": [], \"spacesClosed\": [], "
                    + "\"studentsGone\": []}");
        }
        Duration limit = Durations.parse(timeLimit, Duration.ofSeconds(5), plans.settings().maxTimeLimit());
        LocalDate day = date(date);
        try {
            return accepted(school, day, days.change(school(school), day, change, limit), uri);
        } catch (IllegalStateException noPlan) {
            throw ApiException.conflict(noPlan.getMessage());
        }
    }

    /**
     * A teacher's override: a new version of the day with the student in the chosen session (one of the
     * alternatives), pinned there in every later version, the rest re-planned with as few moves as it can and none
     * in an earlier block. Revises the published version (else the latest draft, or {@code ?version=N}); 202 with
     * the new version to follow, whose {@code changes} list every student-block that moved.
     */
    @PUT
    @Access(Rule.SCHOOL_PLANNING)
    @Path("{date}/placements/{studentId}/{blockId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "A teacher's override: a new version with the student pinned, as few others moved as can be")
    public Response override(@PathParam("school") String school, @PathParam("date") String date,
            @PathParam("studentId") String studentId, @PathParam("blockId") String blockId,
            @QueryParam("version") Integer version, OverrideRequest body, @Context UriInfo uri,
            @Context jakarta.ws.rs.core.SecurityContext context) {
        if (body == null || body.sessionId() == null) {
            throw ApiException.invalidBody("send {\"sessionId\": \"...\", \"reason\": \"...\"}, the session one of "
                    + "the alternatives names");
        }
        Duration limit = Durations.parse(body.timeLimit(), Duration.ofSeconds(5), plans.settings().maxTimeLimit());
        LocalDate day = date(date);
        Schools.SchoolRecord record = school(school);
        int base = version != null ? version : days.current(school, day).map(PlanVersions.PlanRecord::version)
                .orElseThrow(() -> ApiException.conflict("no plan of " + day + " to override; plan the day first"));
        PlanReadings.placement(read(school, date, base), studentId, blockId); // unknown: 404, nothing stored
        // signed in, the override is recorded under the account that made it, whatever the body says
        org.regroup.rest.auth.SignedIn who = org.regroup.rest.auth.Callers.who(context);
        Pin pin = new Pin(studentId, blockId, body.sessionId(), body.reason(),
                who == null ? body.requestedBy() : who.accountId());
        try {
            return accepted(school, day, days.override(record, day, base, pin, limit), uri);
        } catch (NoSuchElementException unknown) {
            throw ApiException.notFound(unknown.getMessage());
        } catch (IllegalStateException noPlan) {
            throw ApiException.conflict(noPlan.getMessage());
        }
    }

    /** Who moves between two versions of the day's plan, and which adults get a new roster. */
    @GET
    @Access(Rule.SCHOOL_READ)
    @Path("{date}/diff")
    @Operation(summary = "Who moves between two versions of the day's plan")
    public SchoolDays.Diff diff(@PathParam("school") String school, @PathParam("date") String date,
            @QueryParam("from") Integer from, @QueryParam("to") Integer to) {
        school(school);
        LocalDate day = date(date);
        if (from == null || to == null) {
            throw ApiException.badRequest("give both versions: ?from=1&to=2");
        }
        for (int v : new int[] {from, to}) {
            if (store.versions().planDocument(school, day, v) == null) {
                throw ApiException.notFound("no plan version " + v + " of " + date + " with a plan");
            }
        }
        return days.diff(school, day, from, to);
    }

    /** Publishes the latest draft of the day (or {@code version}); the plan published before goes back to draft. */
    @POST
    @Access(Rule.SCHOOL_PLANNING)
    @Path("{date}/publish")
    @Operation(summary = "Publish the day's latest draft (or a given version)")
    public Published publish(@PathParam("school") String school, @PathParam("date") String date,
            @QueryParam("version") Integer version) {
        school(school);
        int published = store.versions().publish(school, date(date), version);
        if (published < 0) {
            throw ApiException.conflict("no draft plan " + (version == null ? "" : "version " + version + " ")
                    + "of " + date + " to publish; plan the day first and wait for it to be solved");
        }
        return new Published(school, date(date), published, "published");
    }

    // ---- what people read, from the published version unless ?version=N ----

    /** An adult's roster of the day (JSON, CSV, printable HTML or iCalendar, as the Accept header asks). */
    @GET
    @Access(Rule.ROSTER)
    @Path("{date}/rosters/{staffId}")
    @Produces({ MediaType.APPLICATION_JSON, RosterMedia.TEXT_CSV, MediaType.TEXT_HTML, RosterMedia.TEXT_CALENDAR })
    @Operation(summary = "An adult's roster for the day (published version unless ?version=N)",
            responses = @ApiResponse(responseCode = "200", description = "The roster in the media type the Accept "
                    + "header asks for", content = {
                            @Content(mediaType = MediaType.APPLICATION_JSON,
                                    schema = @Schema(implementation = Roster.class)),
                            @Content(mediaType = RosterMedia.TEXT_CSV), @Content(mediaType = MediaType.TEXT_HTML),
                            @Content(mediaType = RosterMedia.TEXT_CALENDAR) }))
    public Response roster(@PathParam("school") String school, @PathParam("date") String date,
            @PathParam("staffId") String staffId, @QueryParam("version") Integer version, @Context Request request) {
        StoredVersions.StoredVersion v = read(school, date, version);
        Roster.Stamp stamp = stamp(v);
        List<PlanDiff.Move> moves = moves(v);
        return PlanReadings.roster(v, staffId, request, r -> r.stamped(stamp, moves));
    }

    /** A student's day card: each block, and why, in plain words; what changed since the version it revises. */
    @GET
    @Access(Rule.DAY_CARD)
    @Path("{date}/students/{studentId}")
    @Operation(summary = "A student's day card: each block and why (published version unless ?version=N)")
    public PlanReadings.DayCard student(@PathParam("school") String school, @PathParam("date") String date,
            @PathParam("studentId") String studentId, @QueryParam("version") Integer version) {
        StoredVersions.StoredVersion v = read(school, date, version);
        return PlanReadings.dayCard(v, studentId, stamp(v), moves(v));
    }

    /** The score rule by rule, each match in plain words, and the broken rules. */
    @GET
    @Access(Rule.SCHOOL_READ)
    @Path("{date}/analysis")
    @Operation(summary = "The day's score rule by rule (published version unless ?version=N)")
    public PlanReadings.AnalysisView analysis(@PathParam("school") String school, @PathParam("date") String date,
            @QueryParam("version") Integer version) {
        StoredVersions.StoredVersion v = read(school, date, version);
        return PlanReadings.analysis(v, stamp(v));
    }

    /** Who has no seat, and why. */
    @GET
    @Access(Rule.SCHOOL_READ)
    @Path("{date}/unplaced")
    @Operation(summary = "Who has no seat, and why (published version unless ?version=N)")
    public PlanReadings.UnplacedView unplaced(@PathParam("school") String school, @PathParam("date") String date,
            @QueryParam("version") Integer version) {
        StoredVersions.StoredVersion v = read(school, date, version);
        return PlanReadings.unplaced(v, stamp(v));
    }

    /** Where else the student could be in the block, best first, none breaking a hard rule. */
    @GET
    @Access(Rule.SCHOOL_READ)
    @Path("{date}/placements/{studentId}/{blockId}/alternatives")
    @Operation(summary = "Other sessions a student could join in a block, best first, none breaking a hard rule")
    public PlanReadings.AlternativesView alternatives(@PathParam("school") String school,
            @PathParam("date") String date, @PathParam("studentId") String studentId,
            @PathParam("blockId") String blockId, @QueryParam("version") Integer version,
            @QueryParam("limit") Integer limit) {
        return PlanReadings.alternatives(read(school, date, version), studentId, blockId, limit);
    }

    private StoredVersions.StoredVersion read(String school, String date, Integer version) {
        try {
            return stored.read(school(school), date(date), version);
        } catch (NoSuchElementException unknown) {
            throw ApiException.notFound(unknown.getMessage());
        } catch (StoredVersions.NoPlanYetException notYet) {
            throw ApiException.conflict(notYet.getMessage());
        }
    }

    private Roster.Stamp stamp(StoredVersions.StoredVersion v) {
        return new Roster.Stamp(v.record().version(), v.record().status().wire(), v.record().createdAt(),
                versions.since(v).version());
    }

    private List<PlanDiff.Move> moves(StoredVersions.StoredVersion v) {
        return versions.since(v).moves();
    }

    /** 202 with the version being made, the plan to follow while it solves, and the version's lasting address. */
    private static Response accepted(String school, LocalDate day, SchoolDays.Started started, UriInfo uri) {
        URI follow = uri.getBaseUriBuilder().path("api/plans").path(started.job().id()).build();
        URI version = uri.getBaseUriBuilder().path("api/schools").path(school).path("days").path(day.toString())
                .path("plans").path(String.valueOf(started.version())).build();
        return Response.accepted(new DayPlanStarted(school, day, started.version(), started.job().id(),
                follow.toString(), version.toString(), started.job().status().name(), started.startedFrom(),
                started.readinessChanged(), started.diff())).location(follow).build();
    }

    private Schools.SchoolRecord school(String id) {
        return store.schools().school(id).orElseThrow(() -> ApiException.notFound("no school '" + id + "'"));
    }

    /** The {@code {date}} of the path: a date as the formats write it, in the years they allow ({@link Limits}). */
    static LocalDate date(String day) {
        LocalDate date = Limits.date(day);
        if (date == null) {
            throw ApiException.badRequest("path parameter 'date' is '" + shortened(day) + "', not " + Limits.DATE);
        }
        return date;
    }

    private static String shortened(String text) {
        return text.length() <= 40 ? text : text.substring(0, 30) + "…";
    }
}
