package org.regroup.rest.api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import ai.timefold.solver.core.api.score.analysis.ConstraintAnalysis;
import ai.timefold.solver.core.api.score.analysis.MatchAnalysis;
import ai.timefold.solver.core.api.score.analysis.ScoreAnalysis;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import ai.timefold.solver.core.api.solver.RecommendedAssignment;
import ai.timefold.solver.core.api.solver.ScoreAnalysisFetchPolicy;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Variant;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.regroup.domain.plan.Focus;
import org.regroup.domain.plan.StudentDay;
import org.regroup.domain.plan.Violation;
import org.regroup.rest.ApiJson;

import org.regroup.rest.errors.ApiException;
import org.regroup.rest.plans.PlanJob;
import org.regroup.rest.plans.PlanService;
import org.regroup.rest.roster.Roster;
import org.regroup.rest.roster.RosterMedia;
import org.regroup.rest.roster.Rosters;
import org.regroup.solver.constraints.Feasibility;
import org.regroup.solver.constraints.Reason;
import org.regroup.solver.explain.Explainer;
import org.regroup.solver.model.DayPlan;
import org.regroup.solver.model.DayPlanCloner;
import org.regroup.solver.model.Placement;
import org.regroup.solver.model.Session;
import org.regroup.solver.output.PlanAssembler;

/**
 * One plan: its state, progress events, stopping it early, and what it means for people: the score analysis, a student's day card, an adult's roster, alternatives for a
 * teacher's override.
 * A root resource of its own: all of {@code /api/plans/{id}} is here, so Jersey never has to choose between a
 * method and a locator on the same path.
 */
@Path("/api/plans/{id}")
@Produces(MediaType.APPLICATION_JSON)
public final class PlanDetailResource {

    /** One rule's part in the score, with each match in plain words. */
    public record RuleView(String rule, String score, int matches, List<MatchView> details) {
    }

    public record MatchView(String score, String explanation, List<String> students, String blockId) {
    }

    /** The score rule by rule; {@code violations}: the broken hard and medium rules as the plan lists them. */
    public record AnalysisView(String planId, String score, boolean feasible, boolean workable,
            List<Violation> violations, List<RuleView> rules) {
    }

    /** A student's day card: each block's entry, and why, in plain words. */
    public record DayCard(String planId, String studentId, List<StudentDay.Entry> blocks, List<String> why,
            List<Explainer.RuleNote> rules) {
    }

    /** One way to place a student in a block instead, with what it would change in the score and why. */
    public record Alternative(int rank, String sessionId, String staffId, String spaceId, String modality,
            Focus focus, String scoreChange, List<String> reasons) {
    }

    public record AlternativesView(String planId, String studentId, String blockId, String currentSessionId,
            List<Alternative> alternatives) {
    }

    /** Body of an override: the session to put the student in (one of the alternatives). */
    public record OverrideRequest(String sessionId, String timeLimit) {
    }

    public record OverrideResult(String planId, String studentId, String blockId, String sessionId, String score,
            boolean feasible, boolean workable) {
    }

    @Inject
    PlanService plans;

    /** The plan: status, score, KPIs and (unless {@code plan=false}) the plan in the documented format. */
    @GET
    @Operation(summary = "A plan: its status, score, KPIs and the plan itself")
    public PlanResource.PlanView get(@PathParam("id") String id, @QueryParam("plan") Boolean withPlan) {
        return PlanResource.PlanView.of(job(id), withPlan == null || withPlan);
    }

    /** Stops solving early; the best plan found so far is kept. */
    @DELETE
    @Path("solving")
    @Operation(summary = "Stop solving early; the best plan so far is kept")
    public PlanResource.PlanView stop(@PathParam("id") String id) {
        PlanJob job = job(id);
        plans.stop(id);
        return PlanResource.PlanView.of(job, false);
    }

    /** Server-Sent Events: {@code best} for each new best plan (at most four a second), then {@code final}. */
    @GET
    @Path("events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Follow a solve: an event per new best plan, then the final one (Server-Sent Events)")
    public void events(@PathParam("id") String id, @Context SseEventSink sink, @Context Sse sse) {
        PlanEvents.stream(job(id), sink, sse);
    }

    @GET
    @Path("analysis")
    @Operation(summary = "The plan's score rule by rule, each match in words")
    public AnalysisView analysis(@PathParam("id") String id) {
        PlanJob.Snapshot snapshot = snapshot(job(id));
        ScoreAnalysis<HardMediumSoftScore> analysis = snapshot.analysis().get();
        List<RuleView> rules = new ArrayList<>();
        for (ConstraintAnalysis<HardMediumSoftScore> c : analysis.constraintAnalyses()) {
            List<MatchView> details = new ArrayList<>();
            if (c.matches() != null) {
                for (MatchAnalysis<HardMediumSoftScore> m : c.matches()) {
                    if (m.justification() instanceof Reason r) {
                        details.add(new MatchView(m.score().toString(), r.describe(), r.studentIds(), r.blockId()));
                    }
                }
            }
            rules.add(new RuleView(c.constraintName(), c.score().toString(), c.matchCount(), details));
        }
        rules.sort(Comparator.comparing((RuleView r) -> HardMediumSoftScore.parseScore(r.score())));
        return new AnalysisView(id, analysis.score().toString(), Feasibility.feasible(analysis.score()),
                Feasibility.workable(analysis.score()), snapshot.plan().violations(), rules);
    }

    @GET
    @Path("students/{studentId}")
    @Operation(summary = "A student's day card: each block and why")
    public DayCard student(@PathParam("id") String id, @PathParam("studentId") String studentId) {
        PlanJob job = job(id);
        PlanJob.Snapshot snapshot = snapshot(job);
        StudentDay day = snapshot.plan().students().stream().filter(s -> s.studentId().equals(studentId)).findFirst()
                .orElseThrow(() -> ApiException.notFound("no student '" + studentId + "' in plan " + id));
        Explainer.Explanation explanation = Explainer.explain(snapshot.day(), snapshot.analysis().get(), studentId,
                null);
        return new DayCard(id, studentId, day.blocks(), explanation.placement(), explanation.rules());
    }

    /**
     * An adult's roster: per block their group (session, modality, focus, space) and its students with the focus
     * each works on and the accommodations to honour; blocks without a group say why (free, away…). The same data
     * as JSON, CSV, printable HTML or iCalendar, as the {@code Accept} header asks. Rendered once per version of
     * the plan and served from memory after that, with an ETag so that a device polling for changes gets 304.
     */
    @GET
    @Path("rosters/{staffId}")
    @Produces({ MediaType.APPLICATION_JSON, RosterMedia.TEXT_CSV, MediaType.TEXT_HTML, RosterMedia.TEXT_CALENDAR })
    @Operation(summary = "An adult's roster for the day", responses = @ApiResponse(responseCode = "200",
            description = "The roster in the media type the Accept header asks for", content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Roster.class)),
                    @Content(mediaType = RosterMedia.TEXT_CSV), @Content(mediaType = MediaType.TEXT_HTML),
                    @Content(mediaType = RosterMedia.TEXT_CALENDAR) }))
    public Response roster(@PathParam("id") String id, @PathParam("staffId") String staffId,
            @Context Request request) {
        PlanJob job = job(id);
        if (job.problem().staff().stream().noneMatch(s -> s.id().equals(staffId))) {
            throw ApiException.notFound("no staff '" + staffId + "' in plan " + id);
        }
        Variant variant = request.selectVariant(RosterMedia.VARIANTS);
        if (variant == null) {
            throw new NotAcceptableException();
        }
        MediaType type = variant.getMediaType();
        PlanJob.Snapshot snapshot = snapshot(job);
        EntityTag tag = new EntityTag(snapshot.version() + "-" + staffId + "-" + type.getSubtype());
        Response.ResponseBuilder unchanged = request.evaluatePreconditions(tag);
        if (unchanged != null) {
            return unchanged.variant(variant).build();
        }
        RosterMedia.Rendered rendered = snapshot.rendered(List.of("roster", staffId, type), () -> {
            Roster roster = Rosters.of(id, snapshot.plan(), job.problem(), staffId);
            if (roster.date() == null && RosterMedia.TEXT_CALENDAR_TYPE.isCompatible(type)) {
                throw ApiException.conflict("plan " + id + " has no date (its day problem gives none), so it "
                        + "cannot be a calendar; ask for application/json, text/csv or text/html");
            }
            return RosterMedia.render(roster, type, ApiJson.MAPPER, snapshot.at());
        });
        Response.ResponseBuilder ok = Response.ok(rendered.body()).header(HttpHeaders.CONTENT_TYPE,
                rendered.contentType()).tag(tag).header(HttpHeaders.VARY, HttpHeaders.ACCEPT);
        if (rendered.fileName() != null) {
            ok.header("Content-Disposition", "inline; filename=\"" + rendered.fileName() + "\"");
        }
        if (MediaType.TEXT_HTML_TYPE.isCompatible(type)) {
            ok.header("Content-Security-Policy", RosterMedia.HTML_SECURITY_POLICY)
                    .header("X-Content-Type-Options", "nosniff");
        }
        return ok.build();
    }

    /** Ranked ways to place the student in this block instead, best first (Timefold's recommendation API). */
    @GET
    @Path("placements/{studentId}/{blockId}/alternatives")
    @Operation(summary = "Other sessions a student could join in a block, best first")
    public AlternativesView alternatives(@PathParam("id") String id, @PathParam("studentId") String studentId,
            @PathParam("blockId") String blockId, @QueryParam("limit") Integer limit) {
        if (limit != null && limit < 1) {
            throw ApiException.badRequest("limit must be at least 1, was " + limit);
        }
        PlanJob job = job(id);
        DayPlan copy = new DayPlanCloner().cloneSolution(snapshotOf(job));
        Placement placement = placement(copy, studentId, blockId);
        Session current = placement.getSession();
        placement.setSession(null); // recommendations are for an unplaced entity
        List<RecommendedAssignment<Session, HardMediumSoftScore>> recommended = plans.solutionManager()
                .recommendAssignment(copy, placement, Placement::getSession, ScoreAnalysisFetchPolicy.FETCH_ALL);
        // Each recommendation's difference is against the student unplaced; report it against where they are now.
        String currentId = current == null ? null : current.getId();
        ScoreAnalysis<HardMediumSoftScore> now = recommended.stream()
                .filter(r -> r.proposition() != null && r.proposition().getId().equals(currentId))
                .map(RecommendedAssignment::scoreAnalysisDiff).findFirst().orElse(null);
        List<Alternative> alternatives = new ArrayList<>();
        int rank = 0;
        for (RecommendedAssignment<Session, HardMediumSoftScore> r : recommended) {
            Session s = r.proposition();
            if (s == null || s.getId().equals(currentId)) {
                continue;
            }
            ScoreAnalysis<HardMediumSoftScore> change = now == null ? r.scoreAnalysisDiff()
                    : r.scoreAnalysisDiff().diff(now);
            alternatives.add(new Alternative(++rank, s.getId(), s.getAdult() == null ? null : s.getAdult().getId(),
                    s.getRoom() == null ? null : s.getRoom().getId(), s.getMode().getId(),
                    PlanAssembler.focus(s.getSummary().getFocus()),
                    change.score().toString(), reasons(change)));
            if (limit != null && alternatives.size() >= limit) {
                break;
            }
        }
        return new AlternativesView(id, studentId, blockId, currentId, alternatives);
    }

    /**
     * A teacher's override: pins the student to the chosen session, re-plans the rest of the day around it (the
     * pin holds), and answers with the new score when that is done.
     */
    @PUT
    @Path("placements/{studentId}/{blockId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "A teacher's override: pin a student to a session, then re-plan the rest of the day")
    public OverrideResult override(@PathParam("id") String id, @PathParam("studentId") String studentId,
            @PathParam("blockId") String blockId, OverrideRequest body) throws InterruptedException {
        if (body == null || body.sessionId() == null) {
            throw ApiException.invalidBody("send {\"sessionId\": \"...\"}, one of the alternatives' session ids");
        }
        PlanJob job = job(id);
        if (job.isSolving()) {
            throw ApiException.conflict("plan " + id + " is still solving; stop it or wait for it to finish");
        }
        Duration limit = Durations.parse(body.timeLimit(), Duration.ofSeconds(5), plans.settings().maxTimeLimit());
        DayPlan revised = new DayPlanCloner().cloneSolution(snapshotOf(job));
        Placement placement = placement(revised, studentId, blockId);
        Session chosen = placement.getCandidates().stream().filter(s -> s.getId().equals(body.sessionId()))
                .findFirst().orElseThrow(() -> ApiException.invalidBody("session '" + body.sessionId()
                        + "' is not one " + studentId + " can join in block " + blockId
                        + " (see the alternatives)"));
        placement.setSession(chosen);
        placement.setPinned(true);
        plans.resolve(job, revised, limit);
        long deadline = System.nanoTime() + limit.plusSeconds(30).toNanos();
        while (job.isSolving() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        PlanJob.Snapshot after = snapshot(job);
        return new OverrideResult(id, studentId, blockId, chosen.getId(), after.plan().score(), after.plan().feasible(),
                after.plan().workable());
    }

    private static List<String> reasons(ScoreAnalysis<HardMediumSoftScore> diff) {
        List<String> reasons = new ArrayList<>();
        for (ConstraintAnalysis<HardMediumSoftScore> c : diff.constraintAnalyses()) {
            if (!c.score().isZero()) {
                reasons.add(c.constraintName() + " " + c.score());
            }
        }
        return reasons;
    }

    private static Placement placement(DayPlan day, String studentId, String blockId) {
        return day.getPlacements().stream()
                .filter(p -> p.getLearner().getId().equals(studentId) && p.getPeriod().getId().equals(blockId))
                .findFirst().orElseThrow(() -> ApiException.notFound("student '" + studentId
                        + "' has no placement in block '" + blockId + "' (unknown, absent or on a commitment)"));
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

    private static DayPlan snapshotOf(PlanJob job) {
        return snapshot(job).day();
    }
}
