package org.regroup.rest.api;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import org.regroup.rest.auth.Access;
import org.regroup.rest.auth.Rule;
import org.regroup.rest.health.Metrics;

/** This node's metrics in Prometheus' text format (counts and times only: nobody is named). */
@Path("/metrics")
public final class MetricsResource {

    @Inject
    Metrics metrics;

    @GET
    @Access(Rule.PUBLIC)
    @Produces("text/plain; version=0.0.4; charset=utf-8")
    @Operation(summary = "This node's metrics for Prometheus: solves, jobs, time to feasible, failures, store latency")
    public String scrape() {
        return metrics.scrape();
    }
}
