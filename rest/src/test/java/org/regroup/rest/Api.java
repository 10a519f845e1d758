package org.regroup.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.regroup.domain.DayProblem;
import org.regroup.domain.demo.DatasetGenerator;
import org.regroup.domain.io.Json;
import org.regroup.rest.api.ServerLimits;
import org.regroup.rest.plans.PlanService;

/**
 * The integration tests' client: the JDK's {@link HttpClient} against a real {@link RegroupServer} on a free port,
 * and what every answer of the API must look like.
 */
final class Api {

    static final ObjectMapper JSON = Json.mapper();
    static final String PROBLEM_JSON = "application/problem+json";
    /** Where the bundled days are when tests run with the module directory as working directory. */
    static final Path DATASETS = Path.of("..", "datasets");

    private static byte[] small;

    /** Each test server's district admin token (made on first use): the existing tests run signed in. */
    /**
     * Each test server's admin token, by the server itself: not by its address, which the next server in the same JVM
     * may get again (the OS reuses ports), and whose store would not know the token (401, seen once in CI).
     */
    private static final java.util.Map<RegroupServer, String> ADMIN_TOKENS = java.util.Collections.synchronizedMap(
            new java.util.WeakHashMap<>());

    private final URI base;
    /** Sent as {@code Authorization: Bearer …}; null for a client that is not signed in. */
    private final String token;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** A client signed in as a district admin (everything, every school). */
    Api(RegroupServer server) {
        this(server, adminToken(server));
    }

    /** A client with this API token (null: not signed in). */
    Api(RegroupServer server, String token) {
        this.base = server.uri();
        this.token = token;
    }

    /** The test server's district admin's token, made once per server. */
    static String adminToken(RegroupServer server) {
        return ADMIN_TOKENS.computeIfAbsent(server, u -> token(server, "test-district-admin",
                org.regroup.store.Role.DISTRICT_ADMIN, null, null, java.util.Set.of()));
    }

    /** Makes an account on the server's store and returns an API token of it. */
    static String token(RegroupServer server, String username, org.regroup.store.Role role, String school,
            String personId, java.util.Set<String> children) {
        var accounts = new org.regroup.rest.auth.AccountAdmin(server.authenticator().accounts(),
                java.time.Clock.systemUTC());
        var account = accounts.create(username, null, role, school, personId, children);
        return server.authenticator().issueToken(account.id(), "tests", Duration.ofDays(1)).secret();
    }

    String token() {
        return token;
    }

    /**
     * How long a test waits for a state the server reaches within a second or two on an idle machine: minutes, so
     * that a busy machine makes a test slower but not wrong. Only a server that never gets there fails the wait.
     */
    static final Duration PATIENCE = Duration.ofMinutes(3);

    /** Small bounds: {@code concurrent} solves at once, {@code queued} waiting, 3 s by default, at most 60 s. */
    static PlanService.Settings settings(int concurrent, int queued) {
        return new PlanService.Settings(concurrent, queued, 20, Duration.ofHours(1), Duration.ofSeconds(3),
                Duration.ofSeconds(60), 1L << 30);
    }

    /**
     * As {@link #settings} but solves may ask for up to 10 minutes: for tests whose solve must still be running
     * when they stop it or change its day, however slow the machine.
     */
    static PlanService.Settings longSolves(int concurrent, int queued) {
        PlanService.Settings s = settings(concurrent, queued);
        return new PlanService.Settings(s.concurrent(), s.queued(), s.keepPlans(), s.keepFor(),
                s.defaultTimeLimit(), Duration.ofMinutes(10), s.memoryBudgetBytes());
    }

    static RegroupServer start(PlanService.Settings settings) throws IOException {
        return RegroupServer.start("127.0.0.1", 0, settings,
                new ServerLimits(ServerLimits.DEFAULT_MAX_BODY_BYTES, DATASETS));
    }

    /** The SMALL demo day, seed 1, as the JSON a client would send (generated once per test JVM). */
    static synchronized byte[] small() {
        if (small == null) {
            try {
                small = JSON.writeValueAsBytes(smallProblem());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return small.clone();
    }

    static DayProblem smallProblem() {
        return DatasetGenerator.generate(DatasetGenerator.Preset.SMALL, 1);
    }

    /** The SMALL day as a JSON tree, to break in places. */
    static ObjectNode smallTree() {
        try {
            return (ObjectNode) JSON.readTree(small());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI uri(String pathAndQuery) {
        return base.resolve(pathAndQuery.startsWith("/") ? pathAndQuery.substring(1) : pathAndQuery);
    }

    HttpRequest.Builder request(String pathAndQuery) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(60));
        return token == null ? b : b.header("Authorization", "Bearer " + token);
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpClient client() {
        return client;
    }

    HttpResponse<String> get(String path) {
        return send(request(path).GET().build());
    }

    HttpResponse<String> post(String path, byte[] body) {
        return post(path, body, "application/json");
    }

    HttpResponse<String> post(String path, byte[] body, String contentType) {
        return send(request(path).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    HttpResponse<String> put(String path, Object body) {
        try {
            return send(request(path).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    HttpResponse<String> delete(String path) {
        return send(request(path).DELETE().build());
    }

    /** Submits the SMALL day; returns its plan id (asserting the 202). */
    String submitSmall(String timeLimit) {
        HttpResponse<String> response = post("/api/plans?timeLimit=" + timeLimit, small());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return json(response).get("id").asText();
    }

    /** {@code GET /api/plans/{id}?plan=false}. */
    JsonNode status(String id) {
        HttpResponse<String> response = get("/api/plans/" + id + "?plan=false");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    /** Polls the plan (without its body) until {@code until} holds; fails after {@code within}. */
    JsonNode awaitPlan(String id, Predicate<JsonNode> until, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = status(id);
            if (until.test(last)) {
                return last;
            }
            sleep(100);
        }
        throw new AssertionError("plan " + id + " did not reach the expected state within " + within + "; last: "
                + last);
    }

    /**
     * Waits until a school day's version is a draft: the store keeps a solve's plan just after the solve ends, so a
     * plan seen as not solving may not be publishable yet (publish answers 409 until it is).
     */
    JsonNode awaitDraft(String school, String date, int version) {
        String at = "/api/schools/" + school + "/days/" + date + "/plans/" + version + "?plan=false";
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = json(get(at));
            if ("draft".equals(last.path("status").asText())) {
                return last;
            }
            sleep(100);
        }
        throw new AssertionError(at + " did not become a draft within " + PATIENCE + "; last: " + last);
    }

    JsonNode awaitNotSolving(String id, Duration within) {
        return awaitPlan(id, p -> "NOT_SOLVING".equals(p.path("status").asText()), within);
    }

    /** Waits until the plan is being solved and has a best plan to read. */
    JsonNode awaitSolvingWithPlan(String id, Duration within) {
        return awaitPlan(id, p -> "SOLVING_ACTIVE".equals(p.path("status").asText()) && p.hasNonNull("score"),
                within);
    }

    /** A plan (or an update) whose score breaks no hard rule and places everyone: 0 hard, 0 medium. */
    static boolean workable(JsonNode plan) {
        return plan.path("score").asText().matches("0hard/0medium/-?\\d+soft");
    }

    /**
     * Waits until the plan's best is workable, however long the machine takes to get there (a state, not a time:
     * a plan's quality after a fixed number of seconds depends on how busy the machine is).
     */
    JsonNode awaitWorkable(String id) {
        return awaitPlan(id, Api::workable, PATIENCE);
    }

    /** Stops solving ({@code DELETE /api/plans/{id}/solving}) and waits until the solve has ended. */
    JsonNode stop(String id) {
        HttpResponse<String> stopped = delete("/api/plans/" + id + "/solving");
        assertThat(stopped.statusCode()).as(stopped.body()).isEqualTo(200);
        return awaitNotSolving(id, PATIENCE);
    }

    /**
     * Lets the plan solve until its best is workable, then stops it: a solved plan whose quality does not depend on
     * the machine's speed (its time limit is only a guard; it is stopped long before).
     */
    JsonNode solveUntilWorkable(String id) {
        awaitWorkable(id);
        return stop(id);
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON (" + response.statusCode() + "): " + response.body(), e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Words that would betray the implementation in an error body. */
    private static final Set<String> LEAKS = Set.of("Exception", "\tat ", "at org.", "at java.", "org.regroup",
            "java.", "jakarta.", "javax.", "com.fasterxml", "org.glassfish", "ai.timefold", "Caused by", ".java:");

    /**
     * What every error must be: the status, {@code application/problem+json}, a title, the status again, a detail,
     * and no stack trace or class name anywhere. Returns the body.
     */
    static JsonNode assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).as("Content-Type").hasValueSatisfying(
                type -> assertThat(type).startsWith(PROBLEM_JSON));
        for (String leak : LEAKS) {
            assertThat(response.body()).as("error body leaks '%s'", leak).doesNotContain(leak);
        }
        JsonNode problem = json(response);
        assertThat(problem.path("title").asText()).as(response.body()).isNotBlank();
        assertThat(problem.path("status").asInt()).as(response.body()).isEqualTo(status);
        assertThat(problem.path("detail").asText()).as(response.body()).isNotBlank();
        return problem;
    }
}
