package org.regroup.rest.api;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Variant;
import org.regroup.domain.DayProblem;
import org.regroup.domain.InputError;
import org.regroup.domain.InvalidInputException;
import org.regroup.domain.io.DayProblemReader;
import org.regroup.domain.scenario.Scenario;
import org.regroup.domain.scenario.ScenarioReader;
import org.regroup.rest.auth.Access;
import org.regroup.rest.auth.Rule;
import org.regroup.rest.errors.ApiException;
import org.regroup.rest.errors.UnreadableBodyException;
import org.regroup.rest.scenarios.ScenarioService;
import org.regroup.rest.whatif.WhatIfReport;
import org.regroup.solver.whatif.Comparison;
import org.regroup.solver.whatif.WhatIf;

/**
 * A principal's what-if scenarios: submit one (its base is one of the server's datasets), follow its progress, read
 * the comparison as JSON or as the HTML report.
 */
@Path("/api/scenarios")
@Produces(MediaType.APPLICATION_JSON)
public final class ScenarioResource {

    /** Where a scenario is, and its comparison once done. */
    public record ScenarioView(String id, String name, ScenarioService.Status status, int plansSolved, int plans,
            List<WhatIf.Progress> solved, String failure, Comparison comparison) {

        static ScenarioView of(ScenarioService.Job job, boolean withComparison) {
            int plans = job.scenario().variants().size() + 1;
            return new ScenarioView(job.id(), job.scenario().name(), job.status(), Math.min(plans,
                    job.solved().size()), plans, job.solved(), job.failure(),
                    withComparison ? job.comparison() : null);
        }
    }

    private static final List<Variant> VARIANTS = Variant.mediaTypes(MediaType.APPLICATION_JSON_TYPE,
            MediaType.TEXT_HTML_TYPE).build();

    @Inject
    ScenarioService scenarios;
    @Inject
    ServerLimits limits;

    /**
     * Checks the scenario and every variant against its base day, then queues it: 202 with its location.
     *
     * @param timeLimit each plan's solving time (default: the scenario's timeLimit, else the server's)
     */
    @BodyLimit(bytes = BodyLimit.SERVER)
    @POST
    @Access(Rule.WHAT_IF)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Solve a what-if scenario: its base day (a dataset of this server) and every variant")
    public Response submit(InputStream body, @QueryParam("timeLimit") String timeLimit, @Context UriInfo uri,
            @Context jakarta.ws.rs.core.SecurityContext context) throws IOException {
        byte[] json = body.readAllBytes(); // within BodyLimits' bounds
        Scenario scenario;
        try {
            scenario = ScenarioReader.parseOnly(json, "request body");
        } catch (InvalidInputException unreadable) {
            throw new UnreadableBodyException(unreadable);
        }
        scenario = ScenarioReader.validated(scenario, "request body");
        Duration limit = Durations.parse(timeLimit != null ? timeLimit : scenario.timeLimit(),
                scenarios.defaultTimeLimit(), scenarios.maxTimeLimit());
        DayProblem base = base(scenario.base());
        WhatIf.days(scenario, base); // every variant checked now: a mistake is a 422, not a failed job
        ScenarioService.Job job = scenarios.submit(scenario, base, limit,
                org.regroup.rest.auth.Callers.owner(context));
        URI location = uri.getBaseUriBuilder().path("api/scenarios").path(job.id()).build();
        return Response.accepted(ScenarioView.of(job, false)).location(location).build();
    }

    /** Progress while solving; the comparison once done, as JSON or (Accept: text/html) the printable report. */
    @GET
    @Access(Rule.SCENARIO_READ)
    @Path("{id}")
    @Produces({ MediaType.APPLICATION_JSON, MediaType.TEXT_HTML })
    @Operation(summary = "A scenario's progress, then its comparison", responses = @ApiResponse(responseCode = "200",
            content = { @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ScenarioView.class)),
                    @Content(mediaType = MediaType.TEXT_HTML) }))
    public Response get(@PathParam("id") String id, @Context Request request) {
        ScenarioService.Job job = scenarios.find(id).orElseThrow(() -> ApiException.notFound("no scenario '" + id
                + "'"));
        Variant variant = request.selectVariant(VARIANTS);
        if (variant == null) {
            throw new NotAcceptableException();
        }
        if (MediaType.TEXT_HTML_TYPE.isCompatible(variant.getMediaType())) {
            if (job.comparison() == null) {
                throw ApiException.conflict("scenario " + id + " is " + job.status().name().toLowerCase()
                        + "; its report exists once it is done");
            }
            return Response.ok(WhatIfReport.html(job.comparison()), "text/html; charset=utf-8")
                    .header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
                    .header("Content-Security-Policy", WhatIfReport.SECURITY_POLICY).build();
        }
        return Response.ok(ScenarioView.of(job, true), MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT).build();
    }

    /**
     * Over HTTP the base names one of this server's datasets ({@code GET /api/datasets}): its file name, with or
     * without a path and ".json", so the bundled scenarios work as they are.
     */
    private DayProblem base(String base) {
        String name = base == null ? "" : base.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceFirst("\\.json$", "");
        java.nio.file.Path dir = limits.datasetsDir();
        java.nio.file.Path file = dir == null || !name.matches("[A-Za-z0-9_-]+") ? null : dir.resolve(name + ".json");
        if (file == null || !Files.isRegularFile(file)) {
            throw new InvalidInputException("request body", List.of(new InputError("$.base", "no dataset '" + name
                    + "' on this server; over HTTP the base names one of GET /api/datasets")));
        }
        return DayProblemReader.readOnly(file);
    }
}
