package org.regroup.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api} is an index of the whole API and {@code GET /} sends you there. The index is checked against the
 * OpenAPI document, so an endpoint added to the server and missing from the index fails here.
 */
class ApiIndexIntegrationTest {

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

    @Test
    void theIndexListsEveryPathAndMethodOfTheOpenApiDocumentEachWithALine() {
        JsonNode index = index();
        Set<String> listed = new TreeSet<>();
        for (JsonNode entry : entries(index)) {
            entry.get("methods").forEach(m -> listed.add(m.asText().toLowerCase() + " " + entry.get("path").asText()));
            assertThat(entry.path("summary").asText()).as(entry.toString()).isNotBlank().doesNotContain("\n");
            assertThat(entry.get("templated").asBoolean()).as(entry.toString())
                    .isEqualTo(entry.get("path").asText().contains("{"));
        }

        JsonNode doc = Api.json(api.get("/api/openapi.json"));
        Set<String> documented = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fieldNames().forEachRemaining(method -> documented.add(method + " " + path.getKey()));
        }
        assertThat(listed).isEqualTo(documented);
        assertThat(listed).contains("get /api", "get /", "post /api/plans", "post /api/schools/{school}/evidence",
                "put /api/schools/{school}/days/{date}/input", "get /api/openapi.json");
    }

    @Test
    void theIndexIsGroupedByWhatThePathsAreAbout() {
        JsonNode index = index();
        List<String> groups = new ArrayList<>();
        index.get("groups").forEach(g -> groups.add(g.get("name").asText()));

        assertThat(groups).containsExactly("index", "sign-in", "plans", "schools", "school days", "calendar feeds",
                "district", "scenarios", "datasets", "health", "OpenAPI document");
        assertThat(pathsOf(index, "school days")).allMatch(p -> p.startsWith("/api/schools/{school}/days"));
        assertThat(pathsOf(index, "schools")).contains("/api/schools", "/api/schools/{school}/evidence")
                .noneMatch(p -> p.contains("/days/"));
        assertThat(pathsOf(index, "plans")).contains("/api/plans", "/api/plans/{id}/rosters/{staffId}");
        assertThat(pathsOf(index, "calendar feeds")).contains("/api/calendar/{token}.ics",
                "/api/schools/{school}/calendar-feeds");
        assertThat(index.get("api").asText()).isEqualTo("Regroup API");
    }

    @Test
    void everyLinkAndEveryPathWithoutParametersResolves() {
        JsonNode index = index();
        JsonNode links = index.get("links");
        assertThat(links.get("self").asText()).isEqualTo("/api");
        assertThat(links.get("openapi").asText()).isEqualTo("/api/openapi.json");
        assertThat(links.get("health").asText()).isEqualTo("/api/health");
        assertThat(links.get("datasets").asText()).isEqualTo("/api/datasets");
        assertThat(links.get("schools").asText()).isEqualTo("/api/schools");
        assertThat(links.get("plans").asText()).isEqualTo("/api/plans");

        List<String> targets = new ArrayList<>();
        links.forEach(l -> targets.add(l.asText()));
        for (JsonNode entry : entries(index)) {
            if (!entry.get("templated").asBoolean()) {
                targets.add(entry.get("path").asText());
            }
        }
        for (String target : targets) {
            assertThat(api.get(target).statusCode()).as("GET " + target).isNotEqualTo(404).isLessThan(500);
        }
    }

    @Test
    void theRootRedirectsToTheIndex() {
        HttpResponse<String> root = api.get("/");

        assertThat(root.statusCode()).isEqualTo(303);
        assertThat(root.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(api.uri("/").resolve(location)).isEqualTo(api.uri("/api")));
        HttpResponse<String> browser = api.send(api.request("/").header("Accept", "text/html").GET().build());
        assertThat(browser.statusCode()).as("a browser is sent to the web interface").isEqualTo(303);
        assertThat(browser.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(api.uri("/").resolve(location)).isEqualTo(api.uri("/ui/")));
    }

    private static JsonNode index() {
        HttpResponse<String> response = api.get("/api");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        try { java.nio.file.Files.writeString(java.nio.file.Path.of("target/index-sample.json"), response.body()); } catch (IOException e) { }
        return Api.json(response);
    }

    private static List<JsonNode> entries(JsonNode index) {
        List<JsonNode> entries = new ArrayList<>();
        index.get("groups").forEach(g -> g.get("endpoints").forEach(entries::add));
        return entries;
    }

    private static List<String> pathsOf(JsonNode index, String group) {
        List<String> paths = new ArrayList<>();
        index.get("groups").forEach(g -> {
            if (g.get("name").asText().equals(group)) {
                g.get("endpoints").forEach(e -> paths.add(e.get("path").asText()));
            }
        });
        return paths;
    }
}
