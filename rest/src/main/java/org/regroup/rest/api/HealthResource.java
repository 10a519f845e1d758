package org.regroup.rest.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.regroup.rest.plans.PlanService;

/** Is the server up, and how busy is it. */
@Path("/api/health")
@Produces(MediaType.APPLICATION_JSON)
public final class HealthResource {

    public record Health(String status, int solving, int plansHeld, int maxConcurrent, int maxQueued) {
    }

    @Inject
    PlanService plans;

    @GET
    public Health health() {
        return new Health("UP", plans.solving(), plans.held(), plans.settings().concurrent(),
                plans.settings().queued());
    }
}
