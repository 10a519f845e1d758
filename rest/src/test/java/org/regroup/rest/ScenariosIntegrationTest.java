package org.regroup.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What-if scenarios over HTTP: the base is one of the server's datasets. */
@Timeout(value = 10, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ScenariosIntegrationTest {

    private static RegroupServer server;
    private static Api api;

    @BeforeAll
    static void start() throws IOException {
        server = Api.start(Api.settings(2, 1));
        api = new Api(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static byte[] scenario(String variants) {
        return ("""
                {"format": "regroup/scenario", "version": 1, "id": "t", "name": "Small options",
                 "base": "../small.json", "variants": [%s]}
                """.formatted(variants)).getBytes(StandardCharsets.UTF_8);
    }

    private JsonNode awaitDone(String id) {
        long deadline = System.nanoTime() + Api.PATIENCE.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = Api.json(api.get("/api/scenarios/" + id));
            if (!last.get("status").asText().matches("QUEUED|SOLVING")) {
                return last;
            }
            Api.sleep(200);
        }
        throw new AssertionError("scenario not done: " + last);
    }

    @Test
    void aScenarioIsSolvedAndComparedThenReadAsJsonAndAsTheReport() {
        HttpResponse<String> posted = api.post("/api/scenarios?timeLimit=2s", scenario("""
                {"name": "no tutor", "changes": [{"type": "remove-staff", "staffId": "TU01"}]}
                """));

        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
        String id = Api.json(posted).get("id").asText();
        assertThat(posted.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith(id));
        HttpResponse<String> early = api.send(api.request("/api/scenarios/" + id).header("Accept", "text/html")
                .GET().build());
        if (early.statusCode() != 200) {
            Api.assertProblem(early, 409); // the report exists once the scenario is done
        }

        JsonNode done = awaitDone(id);

        assertThat(done.get("status").asText()).isEqualTo("DONE");
        assertThat(done.get("plansSolved").asInt()).isEqualTo(2);
        JsonNode c = done.get("comparison");
        assertThat(c.get("base").get("kpis").get("placedShare").asDouble()).isPositive();
        assertThat(c.get("variants").get(0).get("result").get("name").asText()).isEqualTo("no tutor");
        assertThat(c.get("variants").get(0).get("result").get("staffCount").asInt())
                .isEqualTo(c.get("base").get("staffCount").asInt() - 1);
        HttpResponse<String> html = api.send(api.request("/api/scenarios/" + id).header("Accept", "text/html")
                .GET().build());
        assertThat(html.statusCode()).isEqualTo(200);
        assertThat(html.body()).startsWith("<!DOCTYPE html>").contains("no tutor", "<svg");
    }

    @Test
    void anUnknownIdInAVariantIs422NamingTheVariantAndTheChange() {
        JsonNode problem = Api.assertProblem(api.post("/api/scenarios", scenario("""
                {"name": "ghost", "changes": [{"type": "remove-staff", "staffId": "NOBODY"}]}
                """)), 422);

        assertThat(problem.get("title").asText()).isEqualTo("Invalid scenario");
        assertThat(problem.get("errors").get(0).get("path").asText()).isEqualTo("$.variants[0].changes[0].staffId");
        assertThat(problem.get("errors").get(0).get("message").asText()).contains("ghost", "NOBODY");
    }

    @Test
    void anUnknownChangeTypeIs400AndAnUnknownBaseIs422() {
        JsonNode unreadable = Api.assertProblem(api.post("/api/scenarios", scenario("""
                {"name": "x", "changes": [{"type": "hire-a-wizard"}]}
                """)), 400);
        assertThat(unreadable.get("detail").asText()).contains("hire-a-wizard", "remove-staff");

        byte[] elsewhere = new String(scenario("{\"name\": \"x\", \"changes\": [{\"type\": \"remove-staff\", "
                + "\"staffId\": \"TU01\"}]}"), StandardCharsets.UTF_8).replace("../small.json", "/etc/passwd")
                .getBytes(StandardCharsets.UTF_8);
        JsonNode noBase = Api.assertProblem(api.post("/api/scenarios", elsewhere), 422);
        assertThat(noBase.get("errors").get(0).get("path").asText()).isEqualTo("$.base");
    }

    @Test
    void anUnknownScenarioIs404() {
        Api.assertProblem(api.get("/api/scenarios/nope"), 404);
    }
}
