package org.regroup.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.regroup.rest.district.Node;
import org.regroup.rest.api.ServerLimits;
import org.regroup.rest.auth.Security;
import org.regroup.store.Database;

/**
 * A district's morning on one node (the embedded store): every school planned as a job and published; a school
 * without time before its deadline gets the last published plan carried forward, repaired for today's absences; bad
 * requests are problems naming the field; a full queue is 429 with Retry-After. (Three nodes and a killed one:
 * {@code DistrictMorningClusterIntegrationTest}.)
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class DistrictMorningIntegrationTest {

    private static final String DAY = "2026-12-07";

    @Test
    void everySchoolOfTheMorningIsPlannedPublishedAndFollowedLive() throws Exception {
        try (RegroupServer server = Api.start(Api.settings(2, 4))) {
            Api api = new Api(server);
            for (String school : List.of("north", "south", "east")) {
                assertThat(api.post("/api/schools/" + school, Api.small()).statusCode()).isEqualTo(201);
            }
            HttpResponse<String> asked = api.post("/api/district/mornings/" + DAY, Api.JSON.writeValueAsBytes(Map.of(
                    "timeLimit", "2s", "deadline", Instant.now().plus(Duration.ofMinutes(30)).toString(),
                    "priorities", Map.of("south", 5))));
            assertThat(asked.statusCode()).as(asked.body()).isEqualTo(202);
            JsonNode started = Api.JSON.readTree(asked.body());
            assertThat(started.get("schools")).hasSize(3);
            assertThat(started.get("schools").get(0).get("schoolId").asText()).as("highest priority first")
                    .isEqualTo("south");

            // Followed live: the stream ends with "done" once every school's part has ended.
            HttpResponse<java.util.stream.Stream<String>> events = api.client().send(api.request(
                    "/api/district/mornings/" + DAY + "/events").header("Accept", "text/event-stream").GET().build(),
                    HttpResponse.BodyHandlers.ofLines());
            assertThat(events.statusCode()).isEqualTo(200);
            List<String> names = events.body().filter(l -> l.startsWith("event:"))
                    .map(l -> l.substring("event:".length()).trim()).toList();
            assertThat(names).as("the events").isNotEmpty().last().isEqualTo("done");

            JsonNode done = Api.JSON.readTree(api.get("/api/district/mornings/" + DAY).body());
            assertThat(done.get("done").asBoolean()).isTrue();
            for (JsonNode school : done.get("schools")) {
                assertThat(school.get("status").asText()).as(school.toString()).isEqualTo("published");
                assertThat(school.get("attempts").asInt()).isEqualTo(1);
                JsonNode versions = Api.JSON.readTree(api.get("/api/schools/" + school.get("schoolId").asText()
                        + "/days/" + DAY + "/plans").body());
                assertThat(versions.get(0).get("status").asText()).isEqualTo("published");
                assertThat(versions.get(0).get("version").asInt()).isEqualTo(school.get("version").asInt());
            }

            // What operators scrape: each school's solve reached a feasible plan, each morning ended published.
            String metrics = api.get("/metrics").body();
            assertThat(metric(metrics, "regroup_solve_time_to_feasible_seconds_count")).isGreaterThanOrEqualTo(3);
            assertThat(metric(metrics, "regroup_morning_schools_total{status=\"published\"}")).isEqualTo(3);

            // Asked again: nothing runs twice.
            HttpResponse<String> again = api.post("/api/district/mornings/" + DAY, Api.JSON.writeValueAsBytes(Map.of(
                    "timeLimit", "2s", "deadline", Instant.now().plus(Duration.ofMinutes(30)).toString())));
            assertThat(again.statusCode()).isEqualTo(202);
            assertThat(Api.JSON.readTree(again.body()).get("done").asBoolean()).isTrue();
        }
    }

    @Test
    void aSchoolWithNoTimeLeftBeforeItsDeadlineGetsYesterdaysPlanCarriedForwardRepaired() throws Exception {
        try (RegroupServer server = Api.start(Api.settings(2, 4))) {
            Api api = new Api(server);
            assertThat(api.post("/api/schools/west", Api.small()).statusCode()).isEqualTo(201);
            String yesterday = "2026-12-04";
            HttpResponse<String> planned = api.post("/api/schools/west/days/" + yesterday + "/plan?timeLimit=2s",
                    new byte[0]);
            assertThat(planned.statusCode()).as(planned.body()).isEqualTo(202);
            api.awaitDraft("west", yesterday, 1);
            assertThat(api.post("/api/schools/west/days/" + yesterday + "/publish", new byte[0]).statusCode())
                    .isEqualTo(200);
            List<String> absent = Api.smallProblem().students().stream().limit(5).map(s -> s.id()).toList();
            assertThat(api.put("/api/schools/west/days/" + DAY + "/input", Map.of("absentStudents", absent,
                    "absentStaff", List.of(), "closedSpaces", List.of())).statusCode()).isEqualTo(200);

            // The deadline leaves less than the carry-forward reserve: no time to solve, the plan is carried forward.
            HttpResponse<String> asked = api.post("/api/district/mornings/" + DAY, Api.JSON.writeValueAsBytes(Map.of(
                    "schools", List.of("west"), "deadline", Instant.now().plus(Duration.ofMillis(10_200)).toString())));
            assertThat(asked.statusCode()).as(asked.body()).isEqualTo(202);
            JsonNode school = awaitDone(api).get("schools").get(0);
            assertThat(school.get("status").asText()).as(school.toString()).isEqualTo("carried-forward");
            assertThat(school.get("note").asText()).contains("the plan of " + yesterday + " v1 carried forward");

            JsonNode version = Api.JSON.readTree(api.get("/api/schools/west/days/" + DAY + "/plans/"
                    + school.get("version").asInt()).body());
            assertThat(version.get("status").asText()).isEqualTo("published");
            assertThat(version.get("madeFrom").get("kind").asText()).isEqualTo("day");
            for (JsonNode student : version.get("plan").get("students")) {
                boolean away = absent.contains(student.get("studentId").asText());
                for (JsonNode block : student.get("blocks")) {
                    String status = block.get("status").asText();
                    if (away) {
                        assertThat(status).as("%s, away today, in the carried plan", student.get("studentId"))
                                .isEqualTo("absent");
                    } else {
                        assertThat(status).as("%s in the carried plan", student.get("studentId"))
                                .isNotEqualTo("unplaced");
                    }
                }
            }
            assertThat(version.get("plan").get("feasible").asBoolean()).isTrue();
        }
    }

    /**
     * A server stopped mid-morning (Ctrl-C) stops the school's solve and leaves its job for later; started again on
     * the same store, it runs the job to the end in the version the first run made.
     */
    @Test
    void aServerStoppedMidMorningLeavesTheJobAndRunsItAgainWhenStarted(@org.junit.jupiter.api.io.TempDir
            java.nio.file.Path dir) throws Exception {
        String url = Database.h2Url(dir);
        int version;
        try (RegroupServer first = RegroupServer.start("127.0.0.1", 0, Api.longSolves(1, 1), new ServerLimits(
                ServerLimits.DEFAULT_MAX_BODY_BYTES, Api.DATASETS), Database.open(url, null, null, null),
                Security.loopback())) {
            Api api = new Api(first);
            assertThat(api.post("/api/schools/north", Api.small()).statusCode()).isEqualTo(201);
            assertThat(api.post("/api/district/mornings/" + DAY, Api.JSON.writeValueAsBytes(Map.of(
                    "timeLimit", "5m", "deadline", Instant.now().plus(Duration.ofHours(1)).toString()))).statusCode())
                    .isEqualTo(202);
            JsonNode solving = await(api, m -> m.get("schools").get(0).hasNonNull("version"));
            version = solving.get("schools").get(0).get("version").asInt();
        } // closed as Ctrl-C closes it
        try (RegroupServer second = RegroupServer.start("127.0.0.1", 0, Api.longSolves(1, 1), new ServerLimits(
                ServerLimits.DEFAULT_MAX_BODY_BYTES, Api.DATASETS), Database.open(url, null, null, null),
                Security.loopback())) {
            Api api = new Api(second, Api.token(second, "district-2", org.regroup.store.Role.DISTRICT_ADMIN, null,
                    null, java.util.Set.of()));
            JsonNode school = await(api, m -> m.path("done").asBoolean()).get("schools").get(0);
            assertThat(school.get("status").asText()).as(school.toString()).isEqualTo("published");
            assertThat(school.get("attempts").asInt()).isEqualTo(2);
            assertThat(school.get("version").asInt()).as("the plan the stopped run kept").isEqualTo(version);
        }
    }

    @Test
    void badMorningsAreProblemsNamingTheFieldAndAFullQueueIs429() throws Exception {
        Database database = Database.open("jdbc:h2:mem:morning-" + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                null, null, null);
        try (RegroupServer server = RegroupServer.start("127.0.0.1", 0, Api.settings(1, 1), new ServerLimits(
                ServerLimits.DEFAULT_MAX_BODY_BYTES, Api.DATASETS), database, Security.loopback(), List.of(),
                org.regroup.rest.privacy.RetentionSweep.Retention.DEFAULTS, new Node("only", 2))) {
            Api api = new Api(server);
            for (String school : List.of("a", "b", "c")) {
                assertThat(api.post("/api/schools/" + school, Api.small()).statusCode()).isEqualTo(201);
            }
            HttpResponse<String> unknown = api.post("/api/district/mornings/" + DAY, Api.JSON.writeValueAsBytes(
                    Map.of("schools", List.of("a", "nowhere"))));
            assertThat(unknown.statusCode()).isEqualTo(422);
            assertThat(unknown.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                    .startsWith(Api.PROBLEM_JSON));
            assertThat(unknown.body()).contains("$.schools[1]").contains("nowhere");

            HttpResponse<String> past = api.post("/api/district/mornings/" + DAY, Api.JSON.writeValueAsBytes(
                    Map.of("deadline", "2020-01-01T06:00:00Z")));
            assertThat(past.statusCode()).isEqualTo(422);
            assertThat(past.body()).contains("$.deadline").contains("has passed");

            assertThat(api.get("/api/district/mornings/" + DAY).statusCode()).as("nothing was asked").isEqualTo(404);

            HttpResponse<String> full = api.post("/api/district/mornings/" + DAY, Api.JSON.writeValueAsBytes(
                    Map.of("timeLimit", "2s")));
            assertThat(full.statusCode()).as("three jobs, two may wait").isEqualTo(429);
            assertThat(full.headers().firstValue("Retry-After")).isPresent();
            assertThat(api.get("/api/district/mornings/" + DAY).statusCode()).as("nothing was added").isEqualTo(404);

            HttpResponse<String> ready = api.get("/api/health/ready");
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(Api.JSON.readTree(ready.body()).get("node").asText()).isEqualTo("only");
            HttpResponse<String> metrics = api.get("/metrics");
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.body()).contains("regroup_jobs_waiting").contains("regroup_store_transaction_seconds");
        }
    }

    /** A sample's value in Prometheus' text format ("name{labels} value"). */
    private static double metric(String scrape, String sample) {
        return scrape.lines().filter(l -> l.startsWith(sample + " ")).mapToDouble(l -> Double.parseDouble(
                l.substring(sample.length() + 1).trim())).findFirst().orElseThrow(() -> new AssertionError(sample
                        + " not in:\n" + scrape));
    }

    private static JsonNode awaitDone(Api api) throws Exception {
        return await(api, m -> m.path("done").asBoolean());
    }

    private static JsonNode await(Api api, java.util.function.Predicate<JsonNode> until) throws Exception {
        long deadline = System.nanoTime() + Api.PATIENCE.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> r = api.get("/api/district/mornings/" + DAY);
            if (r.statusCode() == 200) {
                last = Api.JSON.readTree(r.body().getBytes(StandardCharsets.UTF_8));
                if (until.test(last)) {
                    return last;
                }
            }
            Thread.sleep(300);
        }
        throw new AssertionError("the morning never got there: " + last);
    }
}
