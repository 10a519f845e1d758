package org.regroup.rest.api;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.regroup.rest.plans.PlanService;
import org.regroup.store.SchoolStore;

/** Is the server up, is its store reachable, and how busy is it. */
@Path("/api/health")
@Produces(MediaType.APPLICATION_JSON)
public final class HealthResource {

    /** {@code status} is UP, or DEGRADED when the store does not answer (plans still solve; schools cannot). */
    public record Health(String status, String store, int solving, int plansHeld, int maxConcurrent, int maxQueued) {
    }

    @Inject
    PlanService plans;
    @Inject
    SchoolStore store;

    @GET
    @Operation(summary = "Is the server up, is its store reachable, how busy is it")
    public Health health() {
        boolean storeUp = store.reachable();
        return new Health(storeUp ? "UP" : "DEGRADED", storeUp ? "UP" : "UNREACHABLE", plans.solving(), plans.held(),
                plans.settings().concurrent(), plans.settings().queued());
    }
}
