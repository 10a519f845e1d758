package org.regroup.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.regroup.rest.api.ServerLimits;
import org.regroup.rest.plans.PlanService;

/**
 * Every way a request can fail, over HTTP: each answer is RFC 9457 problem details ({@code application/problem+json}
 * with title, status and detail) and never shows a stack trace or a class name.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ApiErrorsIntegrationTest {

    /** One solve at once, one waiting. */
    private static RegroupServer server;
    private static Api api;
    /** Accepts request bodies of 1 KiB at most. */
    private static RegroupServer tiny;

    @BeforeAll
    static void start() throws IOException {
        server = Api.start(Api.settings(1, 1));
        api = new Api(server);
        tiny = RegroupServer.start("127.0.0.1", 0, Api.settings(1, 1), new ServerLimits(1024, Api.DATASETS));
    }

    @AfterAll
    static void stop() {
        for (RegroupServer s : new RegroupServer[] { server, tiny }) {
            if (s != null) {
                s.close();
            }
        }
    }

    @Test
    void unknownPlanIs404Everywhere() {
        for (String path : List.of("/api/plans/no-such-plan", "/api/plans/no-such-plan?plan=false",
                "/api/plans/no-such-plan/analysis", "/api/plans/no-such-plan/students/S0001",
                "/api/plans/no-such-plan/placements/S0001/B1/alternatives", "/api/plans/no-such-plan/events")) {
            JsonNode problem = Api.assertProblem(api.get(path), 404);
            assertThat(problem.get("detail").asText()).as(path).contains("no-such-plan");
            assertThat(problem.get("instance").asText()).as(path).isEqualTo(path.replaceFirst("\\?.*", ""));
        }
        Api.assertProblem(api.delete("/api/plans/no-such-plan/solving"), 404);
        Api.assertProblem(api.put("/api/plans/no-such-plan/placements/S0001/B1",
                java.util.Map.of("sessionId", "T01@B1")), 404);
    }

    @Test
    void unknownRouteIs404() {
        for (String path : List.of("/api/nothing-here", "/nothing-here", "/api/plans/x/y/z")) {
            JsonNode problem = Api.assertProblem(api.get(path), 404);
            assertThat(problem.get("title").asText()).isEqualTo("Not Found");
        }
    }

    @Test
    void wrongMethodIs405() {
        Api.assertProblem(api.delete("/api/health"), 405);
    }

    @Test
    void malformedJsonIs400WithLineAndColumn() {
        String broken = "{\n  \"format\": \"regroup/day-problem\",\n  \"version\": 1,\n  \"blocks\": [ {\"id\": \"B1\",, } ]\n}\n";

        JsonNode problem = Api.assertProblem(api.post("/api/plans", broken.getBytes(StandardCharsets.UTF_8)), 400);

        assertThat(problem.get("title").asText()).isEqualTo("Unreadable day problem");
        assertThat(problem.get("detail").asText()).contains("1 error").contains("line 4, column");
        assertThat(problem.get("errors")).hasSize(1);
        assertThat(problem.get("errors").get(0).get("path").asText()).isEqualTo("$");
        assertThat(problem.get("errors").get(0).get("message").asText()).startsWith("malformed JSON at line 4, column");
    }

    @Test
    void emptyAndTruncatedBodiesAre400() {
        Api.assertProblem(api.post("/api/plans", new byte[0]), 400);
        byte[] whole = Api.small();
        byte[] half = java.util.Arrays.copyOf(whole, whole.length / 2);
        JsonNode problem = Api.assertProblem(api.post("/api/plans", half), 400);
        assertThat(problem.get("detail").asText()).contains("line");
    }

    @Test
    void wrongTypesAndUnknownFieldsAre400WithTheirPath() {
        ObjectNode day = Api.smallTree();
        day.put("version", "one");
        ((ObjectNode) day.withArray("students").get(2)).put("favouriteColour", "green");

        JsonNode problem = Api.assertProblem(api.post("/api/plans", bytes(day)), 400);

        assertThat(paths(problem)).contains("$.version");
    }

    @Test
    void invalidDayIs422ListingEveryErrorWithItsJsonPath() {
        ObjectNode day = Api.smallTree();
        ((ObjectNode) day.withArray("students").get(3)).put("advisorId", "T99");
        ((ObjectNode) day.withArray("spaces").get(0)).put("capacity", 0);
        ArrayNode students = day.withArray("students");
        ((ObjectNode) students.get(5)).put("id", students.get(0).get("id").asText());
        day.putObject("weights").put("noSuchRule", 5);

        JsonNode problem = Api.assertProblem(api.post("/api/plans", bytes(day)), 422);

        assertThat(problem.get("title").asText()).isEqualTo("Invalid day problem");
        assertThat(problem.get("detail").asText()).contains("4 errors").contains("nothing was solved");
        assertThat(paths(problem)).containsExactlyInAnyOrder("$.students[3].advisorId", "$.spaces[0].capacity",
                "$.students[5].id", "$.weights[\"noSuchRule\"]");
        problem.get("errors").forEach(e -> assertThat(e.get("message").asText()).isNotBlank());
        assertThat(Api.json(api.get("/api/health")).get("plansHeld").asInt()).as("nothing kept").isZero();
    }

    /** An admin-required trip for a student who must stay on site is bad input, naming the request and the need. */
    @Test
    void aRequestThatContradictsAnAccommodationIs422NamingBoth() {
        ObjectNode day = Api.smallTree();
        ArrayNode students = day.withArray("students");
        int who = 0;
        while (students.get(who).path("absent").asBoolean()) {
            who++;
        }
        ObjectNode student = (ObjectNode) students.get(who);
        student.putObject("accommodations").put("noOffSite", true);
        ArrayNode requests = day.withArray("requests");
        requests.addObject().put("studentId", student.get("id").asText()).put("modality", "off-site")
                .put("priority", "admin-required").put("requestedBy", "admin");

        JsonNode problem = Api.assertProblem(api.post("/api/plans", bytes(day)), 422);

        assertThat(paths(problem)).containsExactly("$.requests[" + (requests.size() - 1) + "]");
        assertThat(problem.get("errors").get(0).get("message").asText())
                .contains("$.students[" + who + "].accommodations.noOffSite").contains("off site");
        assertThat(Api.json(api.get("/api/health")).get("plansHeld").asInt()).as("nothing kept").isZero();
    }

    /** Each kind of body has its own title, 422 "Invalid …" and 400 "Unreadable …", whatever endpoint takes it. */
    @Test
    void titlesNameWhatTheBodyWasMeantToBe() throws IOException {
        assertThat(api.post("/api/schools/titles", Api.small()).statusCode()).isEqualTo(201);
        ObjectNode zeroCapacity = Api.smallTree();
        ((ObjectNode) zeroCapacity.withArray("spaces").get(0)).put("capacity", 0);
        String day = "/api/schools/titles/days/2026-11-23";
        byte[] broken = "{\"x\": [".getBytes(StandardCharsets.UTF_8);

        assertTitle(api.post("/api/plans", bytes(zeroCapacity)), 422, "Invalid day problem");
        assertTitle(api.post("/api/plans", broken), 400, "Unreadable day problem");
        assertTitle(api.post("/api/schools/other", bytes(zeroCapacity)), 422, "Invalid school");
        assertTitle(api.post("/api/schools/other", broken), 400, "Unreadable school");
        assertTitle(api.post("/api/schools/titles/evidence", "{\"results\": []}".getBytes(StandardCharsets.UTF_8)),
                422, "Invalid evidence batch");
        assertTitle(api.post("/api/schools/titles/evidence", broken), 400, "Unreadable evidence batch");
        assertTitle(api.put(day + "/input", Map.of("absentStaff", List.of("NOBODY"))), 422,
                "Invalid day input");
        assertTitle(putRaw(day + "/input", broken), 400, "Unreadable day input");
        assertTitle(api.post(day + "/changes", bytes(Api.JSON.createObjectNode().put("fromBlock", "B99"))), 422,
                "Invalid mid-day change");
        assertTitle(api.post(day + "/changes", "{}".getBytes(StandardCharsets.UTF_8)), 400, "Invalid mid-day change");
        assertTitle(api.post(day + "/changes", broken), 400, "Unreadable mid-day change");
        assertTitle(api.put("/api/plans/no-such-plan/placements/S0001/B1", Map.of()), 400,
                "Invalid override");
        assertTitle(putRaw("/api/plans/no-such-plan/placements/S0001/B1", broken), 400, "Unreadable override");
        byte[] scenario = ("{\"format\": \"regroup/scenario\", \"version\": 1, \"id\": \"t\", \"name\": \"t\", "
                + "\"base\": \"no-such-dataset\", \"variants\": [{\"name\": \"v\", \"changes\": "
                + "[{\"type\": \"remove-staff\", \"staffId\": \"TU01\"}]}]}")
                .getBytes(StandardCharsets.UTF_8);
        assertTitle(api.post("/api/scenarios", scenario), 422, "Invalid scenario");
        assertTitle(api.post("/api/scenarios", broken), 400, "Unreadable scenario");
    }

    private static void assertTitle(HttpResponse<String> response, int status, String title) {
        assertThat(Api.assertProblem(response, status).get("title").asText()).as(response.body()).isEqualTo(title);
    }

    private static HttpResponse<String> putRaw(String path, byte[] body) {
        return api.send(api.request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    @Test
    void wrongContentTypeIs415() {
        for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded")) {
            JsonNode problem = Api.assertProblem(api.post("/api/plans", Api.small(), type), 415);
            assertThat(problem.get("detail").asText()).contains("application/json");
        }
    }

    @Test
    void bodyAboveTheLimitIs413() {
        HttpResponse<String> response = new Api(tiny).post("/api/plans", Api.small());

        JsonNode problem = Api.assertProblem(response, 413);

        assertThat(problem.get("detail").asText()).contains("1 KiB");
        assertThat(Api.json(new Api(tiny).get("/api/health")).get("plansHeld").asInt()).isZero();
    }

    @Test
    void badTimeLimitIs400() {
        for (String limit : List.of("banana", "30", "-5s", "0s", "61s", "2h", "99999999999999999999999h",
                "9223372036854775807h")) {
            JsonNode problem = Api.assertProblem(api.post("/api/plans?timeLimit=" + limit, Api.small()), 400);
            assertThat(problem.get("detail").asText()).as(limit).contains("timeLimit");
        }
        JsonNode above = Api.assertProblem(api.post("/api/plans?timeLimit=61s", Api.small()), 400);
        assertThat(above.get("detail").asText()).contains("maximum of 60s");
    }

    @Test
    void submissionsBeyondConcurrentPlusQueuedAre429WithRetryAfter() throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<HttpResponse<String>>> posts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            posts.add(CompletableFuture.supplyAsync(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return api.post("/api/plans?timeLimit=60s", Api.small()); // still solving when all three are in
            }));
        }
        go.countDown();
        List<HttpResponse<String>> responses = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> post : posts) {
            responses.add(post.get());
        }

        List<HttpResponse<String>> accepted = responses.stream().filter(r -> r.statusCode() == 202).toList();
        List<HttpResponse<String>> refused = responses.stream().filter(r -> r.statusCode() != 202).toList();
        try {
            assertThat(accepted).hasSize(2);
            assertThat(refused).hasSize(1);
            HttpResponse<String> busy = refused.get(0);
            JsonNode problem = Api.assertProblem(busy, 429);
            assertThat(problem.get("detail").asText()).contains("retry later");
            assertThat(busy.headers().firstValue("Retry-After")).hasValueSatisfying(
                    seconds -> assertThat(Long.parseLong(seconds)).isPositive());
        } finally {
            for (HttpResponse<String> r : accepted) {
                String id = Api.json(r).get("id").asText();
                api.delete("/api/plans/" + id + "/solving");
                api.awaitNotSolving(id, Api.PATIENCE);
            }
        }
        assertThat(Api.json(api.get("/api/health")).get("solving").asInt()).isZero();
    }

    @Test
    void submissionsBeyondTheMemoryBudgetAre429() throws IOException {
        PlanService.Settings small = Api.settings(2, 2);
        PlanService.Settings oneByte = new PlanService.Settings(small.concurrent(), small.queued(), small.keepPlans(),
                small.keepFor(), small.defaultTimeLimit(), small.maxTimeLimit(), 1);
        try (RegroupServer lean = Api.start(oneByte)) {
            Api client = new Api(lean);
            String first = client.submitSmall("60s"); // the first solve always gets in

            HttpResponse<String> second = client.post("/api/plans?timeLimit=60s", Api.small());

            JsonNode problem = Api.assertProblem(second, 429);
            assertThat(problem.get("detail").asText()).contains("memory");
            assertThat(second.headers().firstValue("Retry-After")).isPresent();
            client.delete("/api/plans/" + first + "/solving");
            client.awaitNotSolving(first, Api.PATIENCE);
            client.awaitNotSolving(client.submitSmall("1s"), Api.PATIENCE); // the budget is free again
        }
    }

    @Test
    void problemBodiesAreJsonEvenWhenTheClientAsksForSomethingElse() {
        HttpResponse<String> response = api.send(api.request("/api/plans/no-such-plan")
                .header("Accept", "application/json").GET().build());
        Api.assertProblem(response, 404);
    }

    private static byte[] bytes(JsonNode json) {
        try {
            return Api.JSON.writeValueAsBytes(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> paths(JsonNode problem) {
        List<String> paths = new ArrayList<>();
        problem.get("errors").forEach(e -> paths.add(e.get("path").asText()));
        return paths;
    }
}
