package org.regroup.rest.api;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.regroup.rest.auth.Access;
import org.regroup.rest.auth.Rule;

/**
 * Where to start: {@code GET /api} lists every path of the API, grouped, with its methods and what it is for. The
 * list is read off the same OpenAPI document as {@code /api/openapi.json} (itself read off the registered
 * resources), so it names exactly what the server answers. {@code GET /} sends a browser there until a UI fills it.
 */
@Path("/")
@Singleton
public final class ApiIndexResource {

    /** {@code links}: where to go next, by name; {@code groups}: every path, in the order of {@link #GROUPS}. */
    public record Index(String api, String version, Map<String, String> links, List<Group> groups) {
    }

    public record Group(String name, List<Entry> endpoints) {
    }

    /**
     * One path: {@code templated} when it has {@code {parameters}} to fill in; {@code summary} is one line, each
     * method's when several methods do different things.
     */
    public record Entry(String path, List<String> methods, String summary, boolean templated) {
    }

    /** The groups in the order listed; a path none of them takes goes to "other". */
    static final List<String> GROUPS = List.of("index", "sign-in", "plans", "schools", "school days", "calendar feeds",
            "district", "scenarios", "datasets", "health", "OpenAPI document", "other");

    /** The index's links, each to the first path of a group that needs no parameter. */
    private static final Map<String, String> LINKS = linkedMap("openapi", "OpenAPI document", "health", "health",
            "datasets", "datasets", "schools", "schools", "plans", "plans");

    @Context
    Application application;

    private volatile Index index;

    @GET
    @Access(Rule.PUBLIC)
    @Operation(summary = "Redirects a browser to the web interface (/ui/), anything else to /api, this index",
            responses = @ApiResponse(responseCode = "303", description = "See /ui/ or /api"))
    public Response root(@jakarta.ws.rs.HeaderParam("Accept") String accept) {
        boolean browser = accept != null && accept.toLowerCase(java.util.Locale.ROOT).contains("text/html");
        return Response.seeOther(URI.create(browser ? "ui/" : "api")).build(); // against the server's base address
    }

    @GET
    @Access(Rule.PUBLIC)
    @Path("api")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "This index: every path of the API, grouped, with what it is for")
    public Index index() {
        Index built = index;
        if (built == null) {
            built = of(OpenApiResource.describe(application));
            index = built;
        }
        return built;
    }

    static Index of(OpenAPI doc) {
        Map<String, List<Entry>> byGroup = new LinkedHashMap<>();
        GROUPS.forEach(g -> byGroup.put(g, new ArrayList<>()));
        doc.getPaths().forEach((path, item) -> byGroup.get(group(path)).add(entry(path, item)));
        List<Group> groups = new ArrayList<>();
        byGroup.forEach((name, entries) -> {
            if (!entries.isEmpty()) {
                entries.sort(Comparator.comparing(Entry::path));
                groups.add(new Group(name, List.copyOf(entries)));
            }
        });
        Map<String, String> links = new LinkedHashMap<>();
        links.put("self", "/api");
        LINKS.forEach((rel, group) -> byGroup.get(group).stream().filter(e -> !e.templated()).findFirst()
                .ifPresent(e -> links.put(rel, e.path())));
        String version = doc.getInfo() == null ? null : doc.getInfo().getVersion();
        return new Index("Regroup API", version, links, groups);
    }

    private static Entry entry(String path, PathItem item) {
        List<String> methods = new ArrayList<>();
        List<String> summaries = new ArrayList<>();
        item.readOperationsMap().forEach((method, operation) -> {
            methods.add(method.name());
            summaries.add(operation.getSummary() == null ? "" : operation.getSummary());
        });
        List<String> each = new ArrayList<>();
        for (int i = 0; i < methods.size(); i++) {
            each.add(methods.get(i) + ": " + summaries.get(i));
        }
        String summary = methods.size() == 1 ? summaries.get(0) : String.join("; ", each);
        return new Entry(path, List.copyOf(methods), summary, path.contains("{"));
    }

    /** By the path's first segment after /api; a school's days apart from the school. */
    static String group(String path) {
        if (path.equals("/") || path.equals("/api")) {
            return "index";
        }
        if (path.equals("/metrics")) {
            return "health";
        }
        String[] segments = path.split("/"); // "/api/schools/{id}/days" -> "", "api", "schools", "{id}", "days"
        if (segments.length < 3 || !segments[1].equals("api")) {
            return "other";
        }
        if (segments[2].equals("schools") && segments.length > 4 && segments[4].equals("days")) {
            return "school days";
        }
        if (segments[2].equals("calendar") || segments[2].equals("schools") && segments.length > 4
                && segments[4].equals("calendar-feeds")) {
            return "calendar feeds";
        }
        return switch (segments[2]) {
            case "plans", "schools", "scenarios", "datasets", "health", "district" -> segments[2];
            case "openapi.json" -> "OpenAPI document";
            case "session", "setup", "tokens" -> "sign-in";
            default -> "other";
        };
    }

    private static Map<String, String> linkedMap(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
