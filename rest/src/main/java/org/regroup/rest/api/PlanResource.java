package org.regroup.rest.api;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.regroup.domain.DayProblem;
import org.regroup.domain.InvalidInputException;
import org.regroup.domain.io.DayProblemReader;
import org.regroup.domain.plan.Kpis;
import org.regroup.domain.plan.Plan;
import org.regroup.domain.plan.Violation;
import org.regroup.rest.auth.Access;
import org.regroup.rest.auth.Callers;
import org.regroup.rest.auth.Rule;
import org.regroup.rest.auth.SignedIn;
import org.regroup.rest.days.ScratchPlans;
import org.regroup.rest.errors.UnreadableBodyException;
import org.regroup.rest.plans.PlanJob;
import org.regroup.rest.plans.PlanService;
import org.regroup.solver.build.DayPlanBuilder;
import org.regroup.store.SchoolStore;

/** Plans: submit a day ({@link PlanDetailResource} has everything about one plan). */
@Path("/api/plans")
@Produces(MediaType.APPLICATION_JSON)
public final class PlanResource {

    /**
     * What {@code POST /api/plans} and {@code GET /api/plans/{id}} answer; {@code violations} are the plan's, there
     * even when the plan itself is left out.
     */
    public record PlanView(String id, String status, String score, Boolean feasible, Boolean workable,
            Long firstFeasibleMillis, String failure, Kpis kpis, List<Violation> violations, Plan plan) {

        static PlanView of(PlanJob job, boolean withPlan) {
            PlanJob.Snapshot snapshot = job.snapshot();
            Plan plan = snapshot == null ? null : snapshot.plan();
            return new PlanView(job.id(), job.status().name(), plan == null ? null : plan.score(),
                    plan == null ? null : plan.feasible(), plan == null ? null : plan.workable(),
                    job.firstFeasible() == null ? null : job.firstFeasible().toMillis(), job.failure(),
                    plan == null ? null : plan.kpis(), plan == null ? List.of() : plan.violations(),
                    withPlan ? plan : null);
        }

        /** A plan the server no longer holds, read from the store: its solve has ended. */
        static PlanView ofStored(String id, Plan plan, boolean withPlan) {
            return new PlanView(id, "NOT_SOLVING", plan.score(), plan.feasible(), plan.workable(), null, null,
                    plan.kpis(), plan.violations(), withPlan ? plan : null);
        }
    }

    @Inject
    PlanService plans;
    @Inject
    ServerLimits limits;
    @Inject
    ScratchPlans scratch;
    @Inject
    SchoolStore store;

    /** One day planned without a school, as the list shows it. */
    public record Listed(String id, String status, String score, java.time.Instant createdAt,
            java.time.Instant updatedAt, String href) {
    }

    /**
     * The days planned without a school that the store keeps (the latest 100, newest first); a school's days are
     * under {@code /api/schools/{school}/days}.
     */
    @GET
    @Access(Rule.WHAT_IF)
    @Operation(summary = "The days planned without a school that are kept, newest first")
    public List<Listed> list(@Context UriInfo uri, @Context SecurityContext context) {
        SignedIn who = Callers.who(context);
        boolean everyone = who == null || who.districtAdmin();
        // an account sees its own, and a school's administrators and principal those of anyone of their school
        return store.versions().scratchPlans(100, everyone ? null : who.accountId(), everyone ? null
                : who.schoolId()).stream().map(r -> new Listed(r.id(), r.status().wire(), r.score(),
                r.createdAt(), r.updatedAt(), uri.getBaseUriBuilder().path("api/plans").path(r.id()).build()
                        .toString())).toList();
    }

    /**
     * Starts planning a day; answers 202 with the plan's location at once (solving runs in the background).
     *
     * @param timeLimit how long to solve, e.g. {@code 30s}, {@code 2m} (default and maximum set by the server)
     */
    @BodyLimit(bytes = BodyLimit.SERVER)
    @POST
    @Access(Rule.WHAT_IF)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Submit a day problem; it solves in the background (202 with the plan to follow)")
    public Response submit(InputStream body, @QueryParam("timeLimit") String timeLimit, @Context UriInfo uri,
            @Context SecurityContext context) throws IOException {
        Duration limit = Durations.parse(timeLimit, plans.settings().defaultTimeLimit(),
                plans.settings().maxTimeLimit());
        byte[] json = body.readAllBytes(); // within BodyLimits' bounds
        DayProblem problem;
        try {
            problem = DayProblemReader.parseOnly(json, "request body");
        } catch (InvalidInputException unreadable) {
            throw new UnreadableBodyException(unreadable);
        }
        problem = DayPlanBuilder.validated(problem, "request body");
        PlanJob job = plans.submit(problem, limit);
        scratch.keep(job, Callers.owner(context));
        URI location = uri.getBaseUriBuilder().path("api/plans").path(job.id()).build();
        return Response.accepted(PlanView.of(job, false)).location(location).build();
    }
}
