package org.regroup.rest.api;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
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
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.regroup.rest.auth.Access;
import org.regroup.rest.auth.Rule;
import org.regroup.rest.days.ScratchPlans;
import org.regroup.rest.days.StoredVersions;
import org.regroup.rest.errors.ApiException;
import org.regroup.rest.plans.PlanJob;
import org.regroup.rest.plans.PlanService;
import org.regroup.rest.plans.ReadablePlan;
import org.regroup.rest.roster.Roster;
import org.regroup.rest.roster.RosterMedia;
import org.regroup.solver.explain.Alternatives;
import org.regroup.solver.model.DayPlan;
import org.regroup.solver.model.DayPlanCloner;
import org.regroup.solver.model.Placement;
import org.regroup.solver.model.Session;
import org.regroup.solver.replan.OverrideReplan;
import org.regroup.solver.replan.Pin;
import org.regroup.store.SchoolStore;

/**
 * One plan the server was given without a school ({@code POST /api/plans}): its state, progress events, stopping it
 * early, and what it means for people ({@link PlanReadings}); a plan id of a school's stored version answers too
 * (its lasting address is under {@code /api/schools/{school}/days/{date}}).
 * A root resource of its own: all of {@code /api/plans/{id}} is here, so Jersey never has to choose between a
 * method and a locator on the same path.
 */
@Path("/api/plans/{id}")
@Produces(MediaType.APPLICATION_JSON)
public final class PlanDetailResource {

    /** Body of an override: the session to put the student in (one of the alternatives). */
    public record OverrideRequest(String sessionId, String timeLimit) {
    }

    /**
     * What an override started: the plan re-planning under the same id, to follow like any solve
     * ({@code GET /api/plans/{id}} until {@code NOT_SOLVING}, or its events).
     */
    public record OverrideStarted(String planId, String studentId, String blockId, String sessionId, String status,
            String planHref, String eventsHref) {
    }

    @Inject
    PlanService plans;
    @Inject
    StoredVersions stored;
    @Inject
    ScratchPlans scratch;
    @Inject
    SchoolStore store;

    /** The plan: status, score, KPIs and (unless {@code plan=false}) the plan in the documented format. */
    @GET
    @Access(Rule.PLAN_READ)
    @Operation(summary = "A plan: its status, score, KPIs and the plan itself")
    public PlanResource.PlanView get(@PathParam("id") String id, @QueryParam("plan") Boolean withPlan) {
        Optional<PlanJob> held = plans.find(id);
        if (held.isEmpty()) {
            return PlanResource.PlanView.ofStored(id, readable(id).plan(), withPlan == null || withPlan);
        }
        return PlanResource.PlanView.of(held.get(), withPlan == null || withPlan);
    }

    /** Stops solving early; the best plan found so far is kept. */
    @DELETE
    @Access(Rule.PLAN_WRITE)
    @Path("solving")
    @Operation(summary = "Stop solving early; the best plan so far is kept")
    public PlanResource.PlanView stop(@PathParam("id") String id) {
        PlanJob job = job(id);
        plans.stop(id);
        return PlanResource.PlanView.of(job, false);
    }

    /** Server-Sent Events: {@code best} for each new best plan (at most four a second), then {@code final}. */
    @GET
    @Access(Rule.PLAN_READ)
    @Path("events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Follow a solve: an event per new best plan, then the final one (Server-Sent Events)")
    public void events(@PathParam("id") String id, @Context SseEventSink sink, @Context Sse sse) {
        PlanEvents.stream(job(id), sink, sse);
    }

    @GET
    @Access(Rule.PLAN_READ)
    @Path("analysis")
    @Operation(summary = "The plan's score rule by rule, each match in words")
    public PlanReadings.AnalysisView analysis(@PathParam("id") String id) {
        return PlanReadings.analysis(readable(id), null);
    }

    @GET
    @Access(Rule.PLAN_READ)
    @Path("students/{studentId}")
    @Operation(summary = "A student's day card: each block and why")
    public PlanReadings.DayCard student(@PathParam("id") String id, @PathParam("studentId") String studentId) {
        return PlanReadings.dayCard(readable(id), studentId, null, List.of());
    }

    /** Who has no seat in the plan, and why. */
    @GET
    @Access(Rule.PLAN_READ)
    @Path("unplaced")
    @Operation(summary = "Who has no seat in the plan, and why")
    public PlanReadings.UnplacedView unplaced(@PathParam("id") String id) {
        return PlanReadings.unplaced(readable(id), null);
    }

    /** An adult's roster ({@link PlanReadings#roster}). */
    @GET
    @Access(Rule.PLAN_READ)
    @Path("rosters/{staffId}")
    @Produces({ MediaType.APPLICATION_JSON, RosterMedia.TEXT_CSV, MediaType.TEXT_HTML, RosterMedia.TEXT_CALENDAR })
    @Operation(summary = "An adult's roster for the day", responses = @ApiResponse(responseCode = "200",
            description = "The roster in the media type the Accept header asks for", content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Roster.class)),
                    @Content(mediaType = RosterMedia.TEXT_CSV), @Content(mediaType = MediaType.TEXT_HTML),
                    @Content(mediaType = RosterMedia.TEXT_CALENDAR) }))
    public Response roster(@PathParam("id") String id, @PathParam("staffId") String staffId,
            @Context Request request) {
        return PlanReadings.roster(readable(id), staffId, request, r -> r);
    }

    /** Ranked ways to place the student in this block instead, best first, none breaking a hard rule. */
    @GET
    @Access(Rule.PLAN_READ)
    @Path("placements/{studentId}/{blockId}/alternatives")
    @Operation(summary = "Other sessions a student could join in a block, best first")
    public PlanReadings.AlternativesView alternatives(@PathParam("id") String id,
            @PathParam("studentId") String studentId, @PathParam("blockId") String blockId,
            @QueryParam("limit") Integer limit) {
        return PlanReadings.alternatives(readable(id), studentId, blockId, limit);
    }

    /**
     * A teacher's override: pins the student to the chosen session and re-plans the rest of the day around it (the
     * pin holds). Answers 202 at once; the re-plan runs in the background under the same plan id.
     */
    @PUT
    @Access(Rule.PLAN_WRITE)
    @Path("placements/{studentId}/{blockId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "A teacher's override: pin a student to a session, then re-plan the rest of the day "
            + "(202; follow the plan)")
    public Response override(@PathParam("id") String id, @PathParam("studentId") String studentId,
            @PathParam("blockId") String blockId, OverrideRequest body, @Context UriInfo uri) {
        if (body == null || body.sessionId() == null) {
            throw ApiException.invalidBody("send {\"sessionId\": \"...\"}, one of the alternatives' session ids");
        }
        PlanJob job = job(id);
        store.versions().versionOfPlan(id).ifPresent(v -> {
            throw ApiException.conflict("plan " + id + " is version " + v.version() + " of school " + v.schoolId()
                    + "'s day " + v.day() + "; override it at /api/schools/" + v.schoolId() + "/days/" + v.day()
                    + "/placements/" + studentId + "/" + blockId + " (a new version of the day)");
        });
        if (job.isSolving()) {
            throw ApiException.conflict("plan " + id + " is still solving; stop it or wait for it to finish");
        }
        Duration limit = Durations.parse(body.timeLimit(), Duration.ofSeconds(5), plans.settings().maxTimeLimit());
        PlanJob.Snapshot before = snapshot(job);
        Placement placement;
        try {
            placement = Alternatives.placement(before.day(), studentId, blockId);
        } catch (Alternatives.NoPlacementException unknown) {
            throw ApiException.notFound(unknown.getMessage());
        }
        Session chosen = placement.getCandidates().stream().filter(s -> s.getId().equals(body.sessionId()))
                .findFirst().orElseThrow(() -> ApiException.invalidBody("session '" + body.sessionId()
                        + "' is not one " + studentId + " can join in block " + blockId
                        + " (see the alternatives)"));
        // As few moves as a teacher expects: the day rebuilt with moves priced high, the earlier blocks kept.
        // The day as the alternatives were read from (what no group used keeps its modality and room), its earlier
        // pins still pinned.
        DayPlan revised = new DayPlanCloner().cloneSolution(before.day());
        var school = revised.getConstraintWeightOverrides();
        OverrideReplan.prepare(before.plan(), revised, List.of(new Pin(studentId, blockId, chosen.getId(), null, null)),
                blockId);
        plans.resolve(job, revised, solved -> OverrideReplan.rescored(solved, school, plans.solutionManager()), limit);
        scratch.keepWhenSolved(job);
        // No request thread waits on a solve: the client follows the plan as it would a new one.
        URI plan = uri.getBaseUriBuilder().path("api/plans/{id}").build(id);
        return Response.accepted(new OverrideStarted(id, studentId, blockId, chosen.getId(), job.status().name(),
                plan.getPath(), plan.getPath() + "/events")).location(plan).build();
    }

    /**
     * The plan for readers: the server's own while it holds it, else the stored version its solve made (an address
     * handed out before a restart still answers).
     */
    private ReadablePlan readable(String id) {
        Optional<PlanJob> held = plans.find(id);
        if (held.isPresent()) {
            snapshot(held.get());
            return held.get().readable();
        }
        return stored.ofPlan(id).orElseThrow(() -> gone(id));
    }

    private ApiException gone(String id) {
        return ApiException.notFound("no plan '" + id + "' (unknown, or dropped after "
                + plans.settings().keepFor().toHours() + " h or beyond the " + plans.settings().keepPlans()
                + " most recent)");
    }

    private PlanJob job(String id) {
        return plans.find(id).orElseThrow(() -> ApiException.notFound("no plan '" + id + "' (unknown, or dropped "
                + "after " + plans.settings().keepFor().toHours() + " h or beyond the "
                + plans.settings().keepPlans() + " most recent)"));
    }

    private static PlanJob.Snapshot snapshot(PlanJob job) {
        PlanJob.Snapshot snapshot = job.snapshot();
        if (snapshot == null) {
            throw ApiException.conflict(job.isSolving() ? "plan " + job.id() + " has no plan yet; it is still being "
                    + "built" : "plan " + job.id() + " was stopped before it was built; it has no plan");
        }
        return snapshot;
    }

}
