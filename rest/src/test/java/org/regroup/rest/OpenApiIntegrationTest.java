package org.regroup.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.http.HttpResponse;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.regroup.rest.api.DatasetResource;
import org.regroup.rest.api.HealthResource;
import org.regroup.rest.api.OpenApiResource;
import org.regroup.rest.api.PlanDetailResource;
import org.regroup.rest.api.PlanResource;
import org.regroup.rest.api.ScenarioResource;

/**
 * {@code GET /api/openapi.json} covers every endpoint the resources declare: the list of endpoints is read off the
 * resource classes by reflection, so a new endpoint missing from the document fails here.
 */
class OpenApiIntegrationTest {

    private static RegroupServer server;
    private static Api api;

    @BeforeAll
    static void start() throws IOException {
        server = Api.start(Api.settings(1, 1));
        api = new Api(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** "get /api/plans/{id}" for every resource method;  */
    private static Set<String> declaredEndpoints() {
        Set<String> endpoints = new TreeSet<>();
        Map<Class<?>, String> roots = Map.of(PlanResource.class, "", DatasetResource.class, "",
                HealthResource.class, "", OpenApiResource.class, "", PlanDetailResource.class, "",
                ScenarioResource.class, "");
        roots.forEach((type, prefix) -> {
            Path classPath = type.getAnnotation(Path.class);
            String base = prefix + (classPath == null ? "" : classPath.value());
            for (Method m : type.getDeclaredMethods()) {
                for (var a : m.getAnnotations()) {
                    HttpMethod http = a.annotationType().getAnnotation(HttpMethod.class);
                    if (http != null) {
                        Path path = m.getAnnotation(Path.class);
                        String full = (base + (path == null ? "" : "/" + path.value())).replaceAll("/+", "/");
                        endpoints.add(http.value().toLowerCase(Locale.ROOT) + " " + full.replaceAll("/$", ""));
                    }
                }
            }
        });
        return endpoints;
    }

    @Test
    void theDocumentIsOpenApi3AndCoversEveryEndpoint() {
        HttpResponse<String> response = api.get("/api/openapi.json");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode doc = Api.json(response);
        assertThat(doc.get("openapi").asText()).startsWith("3.");
        assertThat(doc.get("info").get("title").asText()).isEqualTo("Regroup API");
        Set<String> documented = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fieldNames().forEachRemaining(method -> documented.add(method + " " + path.getKey()));
        }
        Set<String> declared = declaredEndpoints();
        assertThat(declared).contains("get /api/plans/{id}/rosters/{staffId}", "post /api/plans",
                "put /api/plans/{id}/placements/{studentId}/{blockId}", "get /api/health", "post /api/scenarios",
                "get /api/scenarios/{id}");
        assertThat(documented).containsAll(declared);
    }

    @Test
    void theRosterEndpointListsItsFourMediaTypes() {
        JsonNode doc = Api.json(api.get("/api/openapi.json"));
        JsonNode content = doc.at("/paths/~1api~1plans~1{id}~1rosters~1{staffId}/get/responses/200/content");
        assertThat(content.isMissingNode()).as(doc.at("/paths/~1api~1plans~1{id}~1rosters~1{staffId}").toString())
                .isFalse();
        assertThat(content.has("application/json") && content.has("text/csv") && content.has("text/html")
                && content.has("text/calendar")).as(content.toString()).isTrue();
    }
}
