package org.regroup.rest.api;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.regroup.rest.auth.Access;
import org.regroup.rest.auth.Rule;
import org.regroup.rest.health.Vitals;
import org.regroup.rest.plans.PlanService;
import org.regroup.store.SchoolStore;

/** Is the server up, is its store reachable, and how busy is it. */
@Path("/api/health")
@Produces(MediaType.APPLICATION_JSON)
public final class HealthResource {

    /**
     * {@code status} is UP; DOWN (answered 503) when the store fails or the server ran out of memory — then
     * {@code reason} says what to do. Memory is the budget for plans and what holds it now.
     */
    public record Health(String status, String store, String reason, int solving, int plansHeld, int maxConcurrent,
            int maxQueued, long memoryClaimedMiB, long memoryBudgetMiB) {
    }

    @Inject
    PlanService plans;
    @Inject
    SchoolStore store;
    @Inject
    Vitals vitals;
    @Inject
    org.regroup.rest.district.JobEngine engine;

    /** Liveness: the process answers and can be trusted (not after an out-of-memory error). */
    public record Live(String status, String reason) {
    }

    /**
     * Readiness: this node takes work — its store answers, its job engine runs, it is not down. {@code node} is its
     * name in the cluster; {@code jobsRunning} the jobs it runs.
     */
    public record Ready(String status, String node, String reason, int jobsRunning, int solving) {
    }

    @GET
    @Path("live")
    @Access(Rule.PUBLIC)
    @Operation(summary = "Is the process alive (503 after an out-of-memory error: restart it)")
    public Response live() {
        Vitals.Down down = vitals.down();
        return Response.status(down == null ? Response.Status.OK : Response.Status.SERVICE_UNAVAILABLE)
                .entity(new Live(down == null ? "UP" : "DOWN", down == null ? null : down.reason())).build();
    }

    @GET
    @Path("ready")
    @Access(Rule.PUBLIC)
    @Operation(summary = "Does this node take work: store reachable, job engine running (503 when not)")
    public Response ready() {
        Vitals.Down down = vitals.down();
        String reason = down != null ? down.reason()
                : !store.reachable() ? "the store does not answer: this node takes no jobs until it does"
                : !engine.running() ? "the job engine is stopping" : null;
        return Response.status(reason == null ? Response.Status.OK : Response.Status.SERVICE_UNAVAILABLE)
                .entity(new Ready(reason == null ? "UP" : "DOWN", engine.settings().node(), reason,
                        engine.executing(), plans.solving())).build();
    }

    @GET
    @Access(Rule.PUBLIC)
    @Operation(summary = "Is the server up, is its store reachable, how busy is it (503 when it is down)")
    public Response health() {
        boolean storeUp = store.reachable();
        Vitals.Down down = vitals.down();
        String reason = down != null ? down.reason() + " (since " + down.since() + ")"
                : storeUp ? null : "the store does not answer; plans of days without a school still solve";
        Health health = new Health(reason == null ? "UP" : "DOWN", storeUp ? "UP" : "UNREACHABLE", reason,
                plans.solving(), plans.held(), plans.settings().concurrent(), plans.settings().queued(),
                plans.memory().claimed() >> 20, plans.memory().budget() >> 20);
        return Response.status(reason == null ? Response.Status.OK : Response.Status.SERVICE_UNAVAILABLE)
                .entity(health).build();
    }
}
