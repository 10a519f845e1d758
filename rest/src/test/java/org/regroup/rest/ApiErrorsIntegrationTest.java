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
import org.regroup.testing.Hostile;
import org.regroup.testing.RawHttp;

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

    // ---- issue 14: every error is problem details, 4xx for the client's mistakes ----

    /** A raw request to {@link #server}, sent byte for byte (the JDK's client refuses malformed ones). */
    private static RawHttp.Answer raw(String request) throws IOException {
        return new RawHttp("127.0.0.1", server.uri().getPort(), java.time.Duration.ofSeconds(30))
                .exchange(request.getBytes(StandardCharsets.UTF_8), false);
    }

    /** As {@link Api#assertProblem}, for an answer read off a socket; and no server name anywhere. */
    private static JsonNode assertProblem(RawHttp.Answer answer, int status) throws IOException {
        assertThat(answer).as("an answer").isNotNull();
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.header("content-type")).as(answer.toString()).startsWith(Api.PROBLEM_JSON);
        assertThat(Hostile.leak(answer.text())).as(answer.toString()).isNull();
        assertThat(answer.header("server")).as("Server header").isNull();
        JsonNode problem = Api.JSON.readTree(answer.text());
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("detail").asText()).isNotBlank();
        return problem;
    }

    @Test
    void aMalformedEscapeInThePathIs400ProblemDetailsNotGrizzlysPage() throws IOException {
        for (String path : List.of("/api/plans/%ZZ/analysis", "/api/plans/%/analysis", "/api/schools/%G1",
                "/api/plans/a\\b", "/api/plans/a\"b")) {
            JsonNode problem = assertProblem(raw("GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"),
                    400);
            assertThat(problem.path("detail").asText()).as(path).contains("address cannot be read");
        }
    }

    @Test
    void unreadableContentTypeOrAcceptIs400NamingTheHeader() {
        HttpResponse<String> type = api.send(api.request("/api/plans").header("Content-Type", ";;;")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Api.small())).build());
        assertThat(Api.assertProblem(type, 400).get("detail").asText()).contains("Content-Type");
        HttpResponse<String> quality = api.send(api.request("/api/plans/no-such-plan/placements/S0001/B1")
                .header("Content-Type", "application/json; q=abc")
                .PUT(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertThat(Api.assertProblem(quality, 400).get("detail").asText()).contains("Content-Type");
        for (String accept : List.of(";;;", "*/*;q=2", "text/csv;q=abc", "application/json; charset=nope")) {
            HttpResponse<String> response = api.send(api.request("/api/openapi.json").header("Accept", accept)
                    .GET().build());
            assertThat(Api.assertProblem(response, 400).get("detail").asText()).as(accept).contains("Accept");
        }
    }

    /** Headers a roster reads (its ETag, its variants) that cannot be parsed: 400 naming the header, not a 500. */
    @Test
    void unreadableHeadersAResourceReadsAre400NamingTheHeader() {
        String id = api.submitSmall("1s");
        api.awaitNotSolving(id, Api.PATIENCE);
        String roster = "/api/plans/" + id + "/rosters/T01";
        for (Map.Entry<String, String> header : Map.of("If-None-Match", "garbage", "If-Match", "x",
                "Accept-Language", ";;;", "Accept-Charset", ";;", "Accept-Encoding", ";;").entrySet()) {
            HttpResponse<String> response = api.send(api.request(roster).header(header.getKey(), header.getValue())
                    .GET().build());
            assertThat(Api.assertProblem(response, 400).get("detail").asText()).as(header.getKey())
                    .contains(header.getKey());
        }
    }

    @Test
    void aBodyWithoutContentTypeIs415() {
        HttpResponse<String> response = api.send(api.request("/api/plans")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Api.small())).build());

        assertThat(Api.assertProblem(response, 415).get("detail").asText()).contains("application/json");
        assertThat(Api.json(api.get("/api/health")).get("plansHeld").asInt()).as("nothing kept").isZero();
    }

    /** What Grizzly's parser refuses gets problem details too, where it sent an empty 400. */
    @Test
    void malformedRawRequestsAre4xxProblemDetails() throws IOException {
        String put = "PUT /api/schools/x/days/2026-11-23/input HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                + "Content-Type: application/json\r\n";
        for (String request : List.of(
                "GET /api/health HTTP/9.9\r\nHost: x\r\n\r\n",
                "GET /api/health HTTP/1.1\r\n\r\n",
                "GET /api/health HTTP/1.1\r\nHost: x\r\nHost: y\r\nContent-Length: abc\r\n\r\n",
                put + "Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}",
                put + "Transfer-Encoding: chunked\r\n\r\nZZZ\r\n{}\r\n0\r\n\r\n",
                "GET /api/health HTTP/1.1\r\nHost: x:port\r\nConnection: close\r\n\r\n",
                "GET /api/health HTTP/1.1\r\nHost: a b\r\nConnection: close\r\n\r\n")) {
            assertProblem(raw(request), 400);
        }
        JsonNode expect = assertProblem(raw("GET /api/health HTTP/1.1\r\nHost: x\r\nExpect: something\r\n"
                + "Connection: close\r\n\r\n"), 417);
        assertThat(expect.path("detail").asText()).contains("100-continue");
    }

    @Test
    void optionsNamesNoServerOrVersion() {
        HttpResponse<String> response = api.send(api.request("/api/health")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());

        assertThat(response.statusCode()).isLessThan(500);
        assertThat(Hostile.leak(response.body())).as(response.body()).isNull();
        assertThat(response.headers().firstValue("Server")).isEmpty();
    }

    @Test
    void nullsInListsAre4xxWithTheirPathAndNoClassName() throws IOException {
        ObjectNode day = Api.smallTree();
        ((ObjectNode) day.withArray("spaces").get(1)).putArray("features").addNull();
        JsonNode features = Api.assertProblem(api.post("/api/plans", bytes(day)), 400);
        assertThat(paths(features)).containsExactly("$.spaces[1].features[0]");

        assertThat(api.post("/api/schools/nulls", Api.small()).statusCode()).isEqualTo(201);
        HttpResponse<String> input = putRaw("/api/schools/nulls/days/2026-11-23/input",
                "{\"absentStudents\": [null]}".getBytes(StandardCharsets.UTF_8));
        JsonNode absent = Api.assertProblem(input, 400);
        assertThat(paths(absent)).containsExactly("$.absentStudents[0]");
        assertThat(input.body()).doesNotContain("DayInput").doesNotContain("NullPointer");
        HttpResponse<String> change = api.post("/api/schools/nulls/days/2026-11-23/changes",
                "{\"fromBlock\": \"B2\", \"staffAbsent\": [null]}".getBytes(StandardCharsets.UTF_8));
        assertThat(paths(Api.assertProblem(change, 400))).containsExactly("$.staffAbsent[0]");
    }

    @Test
    void aNumberTooLargeForItsFieldIs400WithItsPath() {
        ObjectNode day = Api.smallTree();
        ((ObjectNode) day.withArray("spaces").get(0)).put("capacity", new java.math.BigInteger("99999999999999999999"));

        JsonNode problem = Api.assertProblem(api.post("/api/plans", bytes(day)), 400);

        assertThat(paths(problem)).containsExactly("$.spaces[0].capacity");
    }

    /** Longer than the store's column: 422 with the path before anything is stored, not a 503 "retry later". */
    @Test
    void textLongerThanTheStoreKeepsIs422WithThePath() {
        ObjectNode longName = Api.smallTree();
        ((ObjectNode) longName.get("school")).put("name", "N".repeat(201));
        assertThat(paths(Api.assertProblem(api.post("/api/schools/long-name", bytes(longName)), 422)))
                .containsExactly("$.school.name");
        Api.assertProblem(api.get("/api/schools/long-name"), 404);

        ObjectNode longId = Api.smallTree();
        ((ObjectNode) longId.withArray("students").get(0)).put("id", "S".repeat(65));
        assertThat(paths(Api.assertProblem(api.post("/api/schools/long-id", bytes(longId)), 422)))
                .contains("$.students[0].id");
        Api.assertProblem(api.get("/api/schools/long-id"), 404);

        assertThat(api.post("/api/schools/long-source", Api.small()).statusCode()).isEqualTo(201);
        String student = Api.smallProblem().students().get(0).id();
        String skill = Api.smallProblem().skills().get(0).id();
        String batch = "{\"results\": [{\"eventId\": \"e1\", \"studentId\": \"" + student + "\", \"skillId\": \""
                + skill + "\", \"correct\": true, \"observedAt\": \"2026-11-23T10:00:00Z\", \"source\": \""
                + "s".repeat(129) + "\"}]}";
        HttpResponse<String> evidence = api.post("/api/schools/long-source/evidence",
                batch.getBytes(StandardCharsets.UTF_8));
        assertThat(paths(Api.assertProblem(evidence, 422))).containsExactly("$.results[0].source");
        assertThat(Api.json(api.get("/api/schools/long-source")).get("evidence").asInt()).isZero();
    }

    @Test
    void datesOutOfRangeOrWithATimeAre400() {
        for (String date : List.of("+10000-01-01", "2026-11-23T00:00:00Z", "1899-12-31", "2026-02-30")) {
            ObjectNode day = Api.smallTree();
            day.put("date", date);
            JsonNode problem = Api.assertProblem(api.post("/api/plans", bytes(day)), 400);
            assertThat(paths(problem)).as(date).containsExactly("$.date");
        }
        ObjectNode numeric = Api.smallTree();
        numeric.putArray("date").add(2026).add(11).add(23);
        assertThat(paths(Api.assertProblem(api.post("/api/plans", bytes(numeric)), 400))).containsExactly("$.date");

        assertThat(api.post("/api/schools/dates", Api.small()).statusCode()).isEqualTo(201);
        for (String date : List.of("+10000-01-01", "2026-11-23T00:00:00Z", "3000-01-01")) {
            JsonNode problem = Api.assertProblem(api.post("/api/schools/dates/days/" + date + "/plan?timeLimit=1s",
                    new byte[0]), 400);
            assertThat(problem.get("detail").asText()).as(date).contains("'date'").contains(date);
        }
        assertThat(Api.json(api.get("/api/schools/dates/days")).size()).as("no day planned").isZero();
    }

    @Test
    void observedAtIsADateAndTimeNotANumber() {
        assertThat(api.post("/api/schools/observed", Api.small()).statusCode()).isEqualTo(201);
        String student = Api.smallProblem().students().get(0).id();
        String skill = Api.smallProblem().skills().get(0).id();
        for (String observedAt : List.of("1700000000", "\"1700000000\"", "\"2026-11-23T10:00:00\"",
                "\"+99999-11-23T10:00:00Z\"", "[2026, 11, 23]")) {
            String batch = "{\"results\": [{\"eventId\": \"e1\", \"studentId\": \"" + student + "\", \"skillId\": \""
                    + skill + "\", \"correct\": true, \"observedAt\": " + observedAt + "}]}";
            JsonNode problem = Api.assertProblem(api.post("/api/schools/observed/evidence",
                    batch.getBytes(StandardCharsets.UTF_8)), 400);
            assertThat(paths(problem)).as(observedAt).containsExactly("$.results[0].observedAt");
        }
        assertThat(Api.json(api.get("/api/schools/observed")).get("evidence").asInt()).isZero();
    }

    @Test
    void negativeOneToOneMinutesAre422EvenForAStudentAwayToday() {
        ObjectNode day = Api.smallTree();
        ObjectNode student = (ObjectNode) day.withArray("students").get(0);
        student.put("absent", true);
        student.putObject("accommodations").put("oneToOneMinutes", -5);

        JsonNode problem = Api.assertProblem(api.post("/api/plans", bytes(day)), 422);

        assertThat(paths(problem)).containsExactly("$.students[0].accommodations.oneToOneMinutes");
    }

    /** Jersey's message would name the Java class it could not build; the answer names the field. */
    @Test
    void anUnreadableOverrideNamesNoJavaClass() {
        HttpResponse<String> response = putRaw("/api/plans/no-such-plan/placements/S0001/B1",
                "{\"sessionId\": [\"a\"]}".getBytes(StandardCharsets.UTF_8));

        JsonNode problem = Api.assertProblem(response, 400);

        assertThat(paths(problem)).containsExactly("$.sessionId");
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
