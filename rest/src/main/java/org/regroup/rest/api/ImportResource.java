package org.regroup.rest.api;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.regroup.domain.DayProblem;
import org.regroup.domain.InvalidInputException;
import org.regroup.domain.io.DayProblemReader;
import org.regroup.domain.io.Limits;
import org.regroup.domain.io.oneroster.ExportFiles;
import org.regroup.domain.io.oneroster.ImportProblem;
import org.regroup.domain.io.oneroster.InvalidExportException;
import org.regroup.domain.io.skillmap.SkillMap;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.SecurityContext;
import org.regroup.rest.auth.Access;
import org.regroup.rest.auth.AccessPolicy;
import org.regroup.rest.auth.AuditTrail;
import org.regroup.rest.auth.Callers;
import org.regroup.rest.auth.SignedIn;
import org.regroup.rest.days.EvidenceService;
import org.regroup.rest.imports.ResultsImport;
import org.regroup.rest.imports.SetupImport;
import org.regroup.rest.imports.SkillMapImport;
import org.regroup.rest.auth.Rule;
import org.regroup.rest.errors.ApiException;
import org.regroup.rest.errors.ErrorMappers;
import org.regroup.rest.errors.Problem;
import org.regroup.rest.imports.OneRosterImport;
import org.regroup.store.SchoolStore;
import org.regroup.store.Schools;

/**
 * Imports from a school's student information system: a OneRoster CSV export (zip) synced into the school's standing
 * data. {@code ?dryRun=true} answers what would change and writes nothing.
 */
@jakarta.ws.rs.Path("/api/schools/{school}/imports")
@Produces(MediaType.APPLICATION_JSON)
public final class ImportResource {

    /** What a zip is sent as (Windows sends the second, some clients the third). */
    private static final Set<String> ZIP_TYPES = Set.of("application/zip", "application/x-zip-compressed",
            "application/octet-stream");
    /** What a CSV file is sent as (spreadsheets and browsers vary). */
    private static final Set<String> CSV_TYPES = Set.of("text/csv", "text/plain", "application/csv",
            "application/vnd.ms-excel");

    /** One error of an export: where ({@code users.csv:12:grades}, also as its parts) and what. */
    public record ExportError(String path, String message, String file, Long line, String column, String sourcedId) {
        static ExportError of(ImportProblem p) {
            return new ExportError(p.path(), p.message(), p.file(), p.line(), p.column(), p.sourcedId());
        }
    }

    /** The 422 problem details of an export with errors. */
    public record ExportProblem(String type, String title, int status, String detail, String instance,
            List<ExportError> errors) {
    }

    @Inject
    SchoolStore store;
    @Inject
    ServerLimits limits;
    @Inject
    EvidenceService evidence;
    @Inject
    AccessPolicy policy;

    @BodyLimit(bytes = BodyLimit.SERVER)
    @POST
    @Access(Rule.SCHOOL_SETUP)
    @jakarta.ws.rs.Path("oneroster")
    // any type reaches the method, so that the access gate answers first; the method takes only a zip (415)
    @Consumes(MediaType.WILDCARD)
    @RequestBody(content = @Content(mediaType = "application/zip"))
    @Operation(summary = "Sync the school's students and staff from a OneRoster 1.1/1.2 CSV export (zip); "
            + "?dryRun=true previews")
    public Response oneRoster(@PathParam("school") String school, @QueryParam("dryRun") String dryRun,
            @QueryParam("acceptQualifications") String accept, @QueryParam("org") String org,
            @QueryParam("template") String template, @Context HttpHeaders headers, @Context UriInfo uri,
            InputStream body) throws IOException {
        if (!school.matches("[A-Za-z0-9_-]{1," + Limits.SCHOOL_ID + "}")) {
            throw ApiException.badRequest("a school id is 1 to " + Limits.SCHOOL_ID + " letters, digits, '-' or '_'");
        }
        boolean preview = flag("dryRun", dryRun);
        boolean acceptQualifications = flag("acceptQualifications", accept);
        if (!is(headers, ZIP_TYPES)) {
            return Problem.of(Response.Status.UNSUPPORTED_MEDIA_TYPE, "send the OneRoster export as one zip of its "
                    + "CSV files (Content-Type: application/zip)").at(ErrorMappers.path(uri)).toResponse();
        }
        DayProblem templateDay = template == null ? null : template(template);
        try {
            ExportFiles files = ExportFiles.unzip(body, "request body");
            OneRosterImport.Report report = new OneRosterImport(store).run(school, files,
                    new OneRosterImport.Options(org, templateDay, template, preview, acceptQualifications));
            return Response.ok(report).build();
        } catch (InvalidExportException invalid) {
            List<ExportError> errors = invalid.errors().stream().map(ExportError::of).toList();
            int n = errors.size();
            return Response.status(ErrorMappers.UNPROCESSABLE).type(Problem.TYPE).entity(new ExportProblem(
                    "about:blank", "Invalid OneRoster export", ErrorMappers.UNPROCESSABLE, n + (n == 1 ? " error"
                    : " errors") + " in the export, nothing was imported: " + errors.get(0).path() + ": "
                    + errors.get(0).message(), ErrorMappers.path(uri), errors)).build();
        } catch (Schools.StandingChangedException | Schools.SchoolExistsException changed) {
            throw ApiException.conflict(changed.getMessage());
        }
    }

    /**
     * Assessment results as CSV, or a OneRoster 1.2 gradebook export as a zip (docs/import.md): checked whole, then
     * previewed or recorded as evidence through the evidence service, idempotent by event id. Who may: as for
     * {@code POST …/evidence} (a teacher, for the students in their groups).
     */
    @BodyLimit(bytes = BodyLimit.SERVER)
    @POST
    @Access(Rule.EVIDENCE)
    @jakarta.ws.rs.Path("results")
    // any type reaches the method, so that the access gate answers first; the method takes only CSV or a zip (415)
    @Consumes(MediaType.WILDCARD)
    @RequestBody(content = {@Content(mediaType = "text/csv"), @Content(mediaType = "application/zip")})
    @Operation(summary = "Record assessment results from a CSV file, or a OneRoster 1.2 gradebook export (zip), as "
            + "evidence; ?dryRun=true previews")
    public Response results(@PathParam("school") String school, @QueryParam("dryRun") String dryRun,
            @Context HttpHeaders headers, @Context UriInfo uri, @Context SecurityContext context,
            @Context ContainerRequestContext request, InputStream body) throws IOException {
        boolean preview = flag("dryRun", dryRun);
        boolean zip = is(headers, ZIP_TYPES);
        if (!zip) {
            requireCsv(headers);
        }
        Schools.SchoolRecord record = store.schools().school(school).orElseThrow(() -> ApiException.notFound(
                "no school '" + (school.length() > 64 ? school.substring(0, 64) : school) + "'"));
        try {
            ResultsImport.Checked checked = zip
                    ? ResultsImport.checkGradebook(record, ExportFiles.unzip(body, "request body"))
                    : ResultsImport.check(record, "request body", body.readAllBytes());
            AuditTrail.naming(request, checked.studentIds());
            SignedIn who = Callers.who(context);
            if (who != null) {
                policy.evidence(who, school, checked.studentIds()).ifPresent(refusal -> {
                    throw new ApiException(Response.Status.fromStatusCode(refusal.status()), refusal.detail());
                });
            }
            return Response.ok(new ResultsImport(store.evidence(), evidence).run(record, checked, preview)).build();
        } catch (InvalidExportException invalid) {
            return invalid(invalid, "Invalid results file", uri);
        }
    }

    /**
     * A school setup file ({@code spaces.csv}, {@code staff.csv}, …) synced into its part of the school's standing
     * data (docs/import.md, "School setup files"). Who may: as for creating the school.
     */
    @BodyLimit(bytes = BodyLimit.SERVER)
    @POST
    @Access(Rule.SCHOOL_SETUP)
    @jakarta.ws.rs.Path("{kind: " + SetupImport.Kind.PATH + "}")
    @Consumes(MediaType.WILDCARD)
    @RequestBody(content = @Content(mediaType = "text/csv"))
    @Operation(summary = "Sync one part of the school's standing data from a setup file (kind: spaces, "
            + "bell-schedule, accommodations, qualifications, staff, goals, interests or keep-apart); ?dryRun=true "
            + "previews")
    public Response setupFile(@PathParam("school") String school, @PathParam("kind") String kind,
            @QueryParam("dryRun") String dryRun, @Context HttpHeaders headers, @Context UriInfo uri, InputStream body)
            throws IOException {
        return setup(SetupImport.Kind.of(kind), school, dryRun, headers, uri, body);
    }

    /**
     * A skill map synced into one subject of the school's skills (docs/import.md, "Skill maps"): the CCSS edges CSV
     * ({@code text/csv}) or an IMS CASE 1.0 package ({@code application/json}). Who may: as for creating the school.
     */
    @BodyLimit(bytes = BodyLimit.SERVER)
    @POST
    @Access(Rule.SCHOOL_SETUP)
    @jakarta.ws.rs.Path("skill-map")
    @Consumes(MediaType.WILDCARD)
    @RequestBody(content = { @Content(mediaType = "application/json"), @Content(mediaType = "text/csv") })
    @Operation(summary = "Sync one subject of the school's skills and prerequisites from a skill map (CCSS edges "
            + "CSV or IMS CASE 1.0 JSON); ?dryRun=true previews")
    public Response skillMap(@PathParam("school") String school, @QueryParam("dryRun") String dryRun,
            @QueryParam("strand") String strand, @Context HttpHeaders headers, @Context UriInfo uri,
            InputStream body) throws IOException {
        boolean preview = flag("dryRun", dryRun);
        if (strand != null && !SkillMap.isSubject(strand)) {
            throw ApiException.badRequest("parameter 'strand' is a subject: 1 to 32 lower-case letters, digits or "
                    + "'-' (math, ela, science)");
        }
        MediaType type = headers.getMediaType();
        String t = type == null ? "" : (type.getType() + "/" + type.getSubtype()).toLowerCase(Locale.ROOT);
        SkillMapImport.Format format = t.equals("application/json") ? SkillMapImport.Format.CASE
                : CSV_TYPES.contains(t) ? SkillMapImport.Format.CCSS : null;
        if (format == null) {
            throw new ApiException(Response.Status.UNSUPPORTED_MEDIA_TYPE, "send a CASE package as JSON "
                    + "(Content-Type: application/json) or the CCSS edges file as CSV (Content-Type: text/csv)");
        }
        Schools.SchoolRecord record = store.schools().school(school).orElseThrow(() -> ApiException.notFound(
                "no school '" + (school.length() > 64 ? school.substring(0, 64) : school) + "'"));
        try {
            return Response.ok(new SkillMapImport(store).run(record, format, "request body", body.readAllBytes(),
                    strand, preview)).build();
        } catch (InvalidExportException invalid) {
            return invalid(invalid, "Invalid skill map", uri);
        } catch (Schools.StandingChangedException changed) {
            throw ApiException.conflict(changed.getMessage());
        }
    }

    private Response setup(SetupImport.Kind kind, String school, String dryRun, HttpHeaders headers, UriInfo uri,
            InputStream body) throws IOException {
        boolean preview = flag("dryRun", dryRun);
        requireCsv(headers);
        Schools.SchoolRecord record = store.schools().school(school).orElseThrow(() -> ApiException.notFound(
                "no school '" + (school.length() > 64 ? school.substring(0, 64) : school) + "'"));
        try {
            return Response.ok(new SetupImport(store).run(record, kind, "request body", body.readAllBytes(), preview))
                    .build();
        } catch (InvalidExportException invalid) {
            return invalid(invalid, "Invalid setup file", uri);
        } catch (Schools.StandingChangedException changed) {
            throw ApiException.conflict(changed.getMessage());
        }
    }

    /** Whether the body's type is one of {@code types}. */
    private static boolean is(HttpHeaders headers, Set<String> types) {
        MediaType type = headers.getMediaType();
        return type != null && types.contains((type.getType() + "/" + type.getSubtype()).toLowerCase(Locale.ROOT));
    }

    private static void requireCsv(HttpHeaders headers) {
        if (!is(headers, CSV_TYPES)) {
            throw new ApiException(Response.Status.UNSUPPORTED_MEDIA_TYPE, "send the file as CSV (Content-Type: "
                    + "text/csv)");
        }
    }

    /** The 422 of a file with errors: every error with its place. */
    static Response invalid(InvalidExportException invalid, String title, UriInfo uri) {
        List<ExportError> errors = invalid.errors().stream().map(ExportError::of).toList();
        int n = errors.size();
        return Response.status(ErrorMappers.UNPROCESSABLE).type(Problem.TYPE).entity(new ExportProblem(
                "about:blank", title, ErrorMappers.UNPROCESSABLE, n + (n == 1 ? " error" : " errors")
                + " in the file, nothing was imported: " + errors.get(0).path() + ": " + errors.get(0).message(),
                ErrorMappers.path(uri), errors)).build();
    }

    /** A yes/no query parameter: {@code true} or {@code false} (absent: false); anything else is a 400, not a no. */
    private static boolean flag(String name, String value) {
        if (value == null || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw ApiException.badRequest("parameter '" + name + "' is true or false");
    }

    /** A bundled dataset as the template of a new school. */
    private DayProblem template(String name) {
        Path file = !name.matches("[A-Za-z0-9_-]{1,64}") || limits.datasetsDir() == null ? null
                : limits.datasetsDir().resolve(name + ".json");
        if (file == null || !Files.isRegularFile(file)) {
            throw ApiException.badRequest("no bundled dataset '" + (name.length() > 64 ? name.substring(0, 64) : name)
                    + "' to take a template from (GET /api/datasets lists them)");
        }
        try {
            return DayProblemReader.read(file);
        } catch (InvalidInputException unreadable) {
            throw ApiException.badRequest("the bundled dataset '" + name + "' cannot be used as a template");
        }
    }
}
