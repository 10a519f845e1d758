package org.regroup.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Plans over HTTP with the JDK client against a real server (one solve at once, one waiting): submit and poll to a
 * feasible plan, follow it by Server-Sent Events, stop it early, and stop one that is still waiting. Nothing here
 * waits a fixed time or expects a plan's quality after one: the tests poll for states (a workable best plan, the end
 * of a solve) with minutes of patience, so a busy machine makes them slower, not red.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PlansIntegrationTest {

    private static RegroupServer server;
    private static Api api;

    /**
     * The SMALL day solved until its best plan is workable, then stopped, before the tests: what POST answered, the
     * statuses seen, the final GET, and how long it took as the client saw it.
     */
    private static HttpResponse<String> submitted;
    private static final Set<String> statusesSeen = new LinkedHashSet<>();
    private static JsonNode solved;
    private static Duration solveTook;

    @BeforeAll
    static void solveSmall() throws IOException {
        server = Api.start(Api.longSolves(1, 1));
        api = new Api(server);
        long start = System.nanoTime();
        submitted = api.post("/api/plans?timeLimit=10m", Api.small());
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        String id = Api.json(submitted).get("id").asText();
        api.awaitPlan(id, p -> {
            statusesSeen.add(p.get("status").asText());
            return Api.workable(p);
        }, Api.PATIENCE);
        api.delete("/api/plans/" + id + "/solving");
        api.awaitPlan(id, p -> {
            statusesSeen.add(p.get("status").asText());
            return "NOT_SOLVING".equals(p.get("status").asText());
        }, Api.PATIENCE);
        solveTook = Duration.ofNanos(System.nanoTime() - start);
        HttpResponse<String> full = api.get("/api/plans/" + id);
        assertThat(full.statusCode()).as(full.body()).isEqualTo(200);
        solved = Api.json(full);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void postAnswers202WithTheLocationOfThePlan() {
        JsonNode body = Api.json(submitted);
        String id = body.get("id").asText();
        assertThat(id).matches("[0-9a-f-]{36}");
        assertThat(body.get("status").asText()).isIn("SOLVING_SCHEDULED", "SOLVING_ACTIVE");
        assertThat(submitted.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/json"));
        assertThat(submitted.headers().firstValue("Location")).hasValueSatisfying(location -> {
            assertThat(location).endsWith("/api/plans/" + id);
            assertThat(api.send(api.request("").uri(java.net.URI.create(location)).GET().build()).statusCode())
                    .isEqualTo(200);
        });
    }

    @Test
    void pollingShowsTimefoldStatusesUntilNotSolving() {
        assertThat(statusesSeen).isSubsetOf("SOLVING_SCHEDULED", "SOLVING_ACTIVE", "NOT_SOLVING");
        assertThat(statusesSeen).last().isEqualTo("NOT_SOLVING");
    }

    @Test
    void theSmallDayIsSolvedToAFeasiblePlanWithKpis() {
        assertThat(solved.get("status").asText()).isEqualTo("NOT_SOLVING");
        assertThat(solved.get("score").asText()).matches("0hard/0medium/-?\\d+soft");
        assertThat(solved.get("feasible").asBoolean()).isTrue();
        assertThat(solved.get("workable").asBoolean()).isTrue();
        assertThat(solved.has("violations")).as("none broken").isFalse();
        assertThat(solved.get("firstFeasibleMillis").asLong()).isBetween(0L, solveTook.toMillis());
        assertThat(solved.path("failure").isMissingNode() || solved.get("failure").isNull()).isTrue();

        JsonNode kpis = solved.get("kpis");
        assertThat(kpis.get("presentStudentBlocks").asInt()).isPositive();
        assertThat(kpis.get("placedShare").asDouble()).isEqualTo(1.0);
        assertThat(kpis.get("score").asText()).isEqualTo(solved.get("score").asText());
        assertThat(kpis.get("groupSizes").size()).isPositive();

        JsonNode plan = solved.get("plan");
        assertThat(plan.get("format").asText()).isEqualTo("regroup/plan");
        assertThat(plan.get("version").asInt()).isEqualTo(2);
        assertThat(plan.get("workable").asBoolean()).isTrue();
        assertThat(plan.get("score").asText()).isEqualTo(solved.get("score").asText());
        assertThat(plan.get("students").size()).isEqualTo(Api.smallProblem().students().size());
        assertThat(plan.get("blocks").size()).isEqualTo(Api.smallProblem().blocks().size());
    }

    @Test
    void planFalseOmitsThePlanButKeepsTheScore() {
        JsonNode brief = api.status(solved.get("id").asText());
        assertThat(brief.get("score").asText()).isEqualTo(solved.get("score").asText());
        assertThat(brief.path("plan").isMissingNode() || brief.get("plan").isNull()).isTrue();
    }

    /** One Server-Sent Event as read off the wire. */
    record Event(String name, String id, String data) {
        JsonNode json() {
            try {
                return Api.JSON.readTree(data);
            } catch (IOException e) {
                throw new AssertionError(data, e);
            }
        }
    }

    /** Reads {@code GET /api/plans/{id}/events} line by line until the server ends the stream. */
    private static List<Event> follow(String id) throws IOException, InterruptedException {
        return follow(id, e -> {
        });
    }

    /** As above, telling {@code heard} of each event as it arrives. */
    private static List<Event> follow(String id, Consumer<Event> heard) throws IOException, InterruptedException {
        HttpResponse<Stream<String>> response = api.client().send(api.request("/api/plans/" + id + "/events")
                .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("text/event-stream"));
        List<Event> events = new ArrayList<>();
        String name = null;
        String eventId = null;
        StringBuilder data = null;
        try (Stream<String> lines = response.body()) {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.isEmpty()) {
                    if (name != null || data != null) {
                        events.add(new Event(name, eventId, data == null ? null : data.toString()));
                        heard.accept(events.get(events.size() - 1));
                    }
                    name = null;
                    eventId = null;
                    data = null;
                } else if (line.startsWith("event:")) {
                    name = line.substring("event:".length()).trim();
                } else if (line.startsWith("id:")) {
                    eventId = line.substring("id:".length()).trim();
                } else if (line.startsWith("data:")) {
                    data = data == null ? new StringBuilder() : data.append('\n');
                    data.append(line.substring("data:".length()).trim());
                }
            }
        }
        if (name != null || data != null) {
            events.add(new Event(name, eventId, data == null ? null : data.toString()));
        }
        return events; // the stream ended: the server closed it
    }

    /**
     * A follower hears best plans while the plan solves, then the final one when it ends (stopped here once a
     * workable best plan has been streamed, rather than after a fixed time whose outcome depends on the machine).
     */
    @Test
    void eventsStreamBestPlansThenTheFinalOneThenEnd() throws Exception {
        String id = api.submitSmall("10m");
        long start = System.nanoTime();
        CountDownLatch workableHeard = new CountDownLatch(1);
        CompletableFuture<List<Event>> following = CompletableFuture.supplyAsync(() -> {
            try {
                return follow(id, e -> {
                    if ("best".equals(e.name()) && Api.workable(e.json())) {
                        workableHeard.countDown();
                    }
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(workableHeard.await(Api.PATIENCE.toSeconds(), TimeUnit.SECONDS))
                .as("a workable best plan is streamed while solving").isTrue();

        api.delete("/api/plans/" + id + "/solving");
        List<Event> events = following.get(Api.PATIENCE.toSeconds(), TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - start) / 1e9;

        assertThat(events).extracting(Event::name).containsOnly("best", "final");
        assertThat(events).last().extracting(Event::name).isEqualTo("final");
        assertThat(events).filteredOn(e -> e.name().equals("final")).hasSize(1);
        List<Event> best = events.subList(0, events.size() - 1);
        assertThat(best).as("at least one best plan before the end").isNotEmpty();
        assertThat(best.size()).as("at most four a second over the %.1f s the stream lasted", seconds)
                .isLessThanOrEqualTo(4 * ((int) Math.ceil(seconds) + 1) + 1);
        for (Event e : best) {
            JsonNode update = e.json();
            assertThat(update.get("planId").asText()).isEqualTo(id);
            assertThat(update.get("last").asBoolean()).isFalse();
            assertThat(update.get("status").asText()).isIn("SOLVING_SCHEDULED", "SOLVING_ACTIVE");
            assertThat(update.get("score").asText()).matches("-?\\d+hard/-?\\d+medium/-?\\d+soft");
            assertThat(e.id()).matches("\\d+");
        }
        JsonNode last = events.get(events.size() - 1).json();
        assertThat(last.get("last").asBoolean()).isTrue();
        assertThat(last.get("status").asText()).isEqualTo("NOT_SOLVING");
        assertThat(last.get("kpis").isObject()).isTrue();

        JsonNode plan = api.status(id);
        assertThat(plan.get("status").asText()).isEqualTo("NOT_SOLVING");
        assertThat(last.get("score").asText()).isEqualTo(plan.get("score").asText());
        assertThat(last.get("feasible").asBoolean()).isEqualTo(plan.get("feasible").asBoolean()).isTrue();
    }

    @Test
    void followingAFinishedPlanHearsOnlyTheFinalEvent() throws Exception {
        String id = solved.get("id").asText();

        List<Event> events = follow(id);

        assertThat(events).extracting(Event::name).containsExactly("final");
        assertThat(events.get(0).json().get("score").asText()).isEqualTo(solved.get("score").asText());
    }

    @Test
    void deleteStopsSolvingEarlyAndKeepsTheBestPlan() {
        String id = api.submitSmall("10m");
        JsonNode during = api.awaitPlan(id, p -> "SOLVING_ACTIVE".equals(p.path("status").asText())
                && Api.workable(p), Api.PATIENCE);
        assertThat(during.get("score").asText()).isNotBlank();

        // While it solves, an override is refused: the plan would change under the teacher's feet.
        JsonNode card = Api.json(api.get("/api/plans/" + id + "/students/" + firstStudent()));
        JsonNode entry = card.get("blocks").get(0);
        Api.assertProblem(api.put("/api/plans/" + id + "/placements/" + firstStudent() + "/"
                + entry.get("blockId").asText(), java.util.Map.of("sessionId", "anything")), 409);

        HttpResponse<String> stopped = api.delete("/api/plans/" + id + "/solving");
        assertThat(stopped.statusCode()).as(stopped.body()).isEqualTo(200);
        assertThat(Api.json(stopped).get("id").asText()).isEqualTo(id);
        // Ended by the stop: the 10-minute limit is far beyond the minutes of patience.
        JsonNode after = api.awaitNotSolving(id, Api.PATIENCE);

        JsonNode full = Api.json(api.get("/api/plans/" + id));
        assertThat(after.get("score").asText()).matches("0hard/0medium/-?\\d+soft");
        assertThat(full.get("plan").get("students").size()).isEqualTo(Api.smallProblem().students().size());
        assertThat(full.get("plan").get("score").asText()).isEqualTo(after.get("score").asText());

        // Stopping again is harmless.
        assertThat(api.delete("/api/plans/" + id + "/solving").statusCode()).isEqualTo(200);
    }

    /**
     * A plan still waiting for a solver thread, when stopped, ends at once (no plan, its followers hear the end) and
     * gives its place back: otherwise it would wait forever and the server would refuse new plans with 429.
     */
    @Test
    void stoppingAWaitingPlanEndsItAndFreesItsPlace() throws Exception {
        String running = api.submitSmall("10m");
        String waiting = api.submitSmall("10m");
        api.awaitSolvingWithPlan(running, Api.PATIENCE);
        assertThat(api.status(waiting).get("status").asText()).isEqualTo("SOLVING_SCHEDULED");
        CompletableFuture<List<Event>> follower = CompletableFuture.supplyAsync(() -> {
            try {
                return follow(waiting);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Api.sleep(300); // likely lets the follower connect first; if it joins after the stop it hears the same end

        assertThat(api.delete("/api/plans/" + waiting + "/solving").statusCode()).isEqualTo(200);

        JsonNode stopped = api.awaitNotSolving(waiting, Api.PATIENCE);
        assertThat(stopped.path("score").isNull() || stopped.path("score").isMissingNode()).isTrue();
        assertThat(follower.get(Api.PATIENCE.toSeconds(), TimeUnit.SECONDS)).extracting(Event::name)
                .containsExactly("final");
        assertThat(Api.assertProblem(api.get("/api/plans/" + waiting + "/analysis"), 409).get("detail").asText())
                .contains("stopped before");
        assertThat(Api.json(api.get("/api/health")).get("solving").asInt()).isEqualTo(1);
        assertThat(api.status(running).get("status").asText()).isEqualTo("SOLVING_ACTIVE");

        api.stop(running);
        assertThat(Api.json(api.get("/api/health")).get("solving").asInt()).isZero();
        // Both places are free again; these two end at their own (short) time limit.
        String next = api.submitSmall("1s");
        String another = api.submitSmall("1s");
        api.awaitNotSolving(next, Api.PATIENCE);
        api.awaitNotSolving(another, Api.PATIENCE);
    }

    private static String firstStudent() {
        return solved.get("plan").get("students").get(0).get("studentId").asText();
    }
}
