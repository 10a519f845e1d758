package org.regroup.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.regroup.domain.io.Limits;
import org.regroup.rest.api.ServerLimits;
import org.regroup.rest.plans.PlanService;
import org.regroup.testing.Hostile;
import org.regroup.testing.RawHttp;

/**
 * A seeded HTTP fuzzer over every operation of the server's own OpenAPI document: each request is one operation with
 * hostile parts (path and query values that are malformed escapes, overflowing numbers, dates out of range or with a
 * time; bodies made from the operation's schema or a valid document, then broken — nulls in lists, text longer than
 * any column, wrong types, truncated, not UTF-8; Content-Type and Accept missing or unparseable; headers a resource
 * parses, garbled), and one in ten is not a well-formed HTTP request at all. Every answer must be below 500, and every
 * refusal problem details ({@code application/problem+json}, title, status, detail) that names no Java class, stack
 * frame or server; the server must be healthy after.
 * <p>
 * The seed is fixed ({@value #CI_SEED}); {@code -Dregroup.fuzz.seed=N} runs another sequence and
 * {@code -Dregroup.fuzz.requests=N} another length. A failure names the seed, the request and the answer.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ApiErrorsFuzzIntegrationTest {

    static final long CI_SEED = 14L;
    static final long SEED = Long.getLong("regroup.fuzz.seed", CI_SEED);
    static final int REQUESTS = Integer.getInteger("regroup.fuzz.requests", 2000);

    /** One solve at a time and one waiting, 1 s each (a mid-day change or an override: 5 s unless it asks). */
    static final PlanService.Settings SETTINGS = new PlanService.Settings(1, 1, 20, Duration.ofHours(1),
            Duration.ofSeconds(1), Duration.ofSeconds(1), 1L << 30);

    static final String DAY = "2026-11-23";
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** A documented parameter: where it goes, and its schema's type. */
    record Parameter(String name, String in, String type) {
    }

    /** A documented operation: its body's schema, or null when it takes none. */
    record Operation(String method, String path, List<Parameter> parameters, JsonNode body) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** What was sent, to say in a failure; {@code silentAllowed}: a malformed request may get no answer at all. */
    record Sent(String operation, String method, byte[] bytes, boolean silentAllowed) {
        /**
         * A request line without a version is HTTP/0.9, whose answers have no headers: Grizzly still writes a status
         * line and the length, but no Content-Type (of any answer, 200s too). The body must still be right.
         */
        boolean http09() {
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            int end = text.indexOf('\n');
            int cr = text.indexOf('\r');
            if (cr >= 0 && (end < 0 || cr < end)) {
                end = cr; // Grizzly's parser ends a line at a bare CR too
            }
            String[] line = (end < 0 ? text : text.substring(0, end)).trim().split(" +");
            return line.length < 3 || !line[2].startsWith("HTTP/");
        }

        String describe() {
            String text = new String(bytes, StandardCharsets.UTF_8).replace("\r", "\\r").replace("\n", "\\n");
            return text.length() > 700 ? text.substring(0, 700) + "… (" + bytes.length + " bytes)" : text;
        }
    }

    @Test
    void noRequestGetsA5xxOrAnAnswerThatLeaksAndTheServerStaysHealthy() throws Exception {
        long up = System.nanoTime();
        RegroupServer server = RegroupServer.start("127.0.0.1", 0, SETTINGS,
                new ServerLimits(ServerLimits.DEFAULT_MAX_BODY_BYTES, Api.DATASETS));
        try {
            long seeding = System.nanoTime();
            Api api = new Api(server);
            Map<String, List<String>> pools = seed(api);
            System.out.printf("fuzz: server up in %d ms, seeded in %d ms%n",
                    TimeUnit.NANOSECONDS.toMillis(seeding - up),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - seeding));
            List<Operation> operations = operations(Api.json(api.get("/api/openapi.json")));
            assertThat(operations).as("operations in the OpenAPI document").hasSizeGreaterThan(30);

            Fuzzer fuzzer = new Fuzzer(new Hostile(new Random(SEED)), pools, api.token());
            RawHttp http = new RawHttp("127.0.0.1", server.uri().getPort(), Duration.ofSeconds(30));
            Map<String, Integer> tried = new TreeMap<>();
            Map<String, Long> spent = new TreeMap<>();
            Map<String, String> failures = new LinkedHashMap<>();
            int sent = 0;
            long start = System.nanoTime();
            for (int i = 0; i < REQUESTS; i++) {
                Sent request = fuzzer.hostile.chance(0.1) ? fuzzer.malformed()
                        : fuzzer.request(fuzzer.hostile.pick(operations));
                tried.merge(request.operation(), 1, Integer::sum);
                long began = System.nanoTime();
                RawHttp.Answer answer;
                try {
                    answer = http.exchange(request.bytes(), request.silentAllowed());
                } catch (IOException e) {
                    answer = null;
                    if (!request.silentAllowed()) {
                        failures.putIfAbsent(request.operation() + " no answer", "request #" + i + ": "
                                + request.describe() + "\n  -> " + e);
                    }
                }
                sent++;
                spent.merge(request.operation(), System.nanoTime() - began, Long::sum);
                String wrong = wrong(request, answer);
                if (wrong != null) {
                    failures.putIfAbsent(request.operation() + " " + wrong.replaceAll("\\d+", "#"), "request #" + i
                            + ": " + request.describe() + "\n  -> " + wrong + "\n  -> " + answer);
                }
            }
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            System.out.printf("fuzz: seed %d, %d requests in %d ms, %d kinds of failure; the slowest: %s%n", SEED,
                    sent, millis, failures.size(),
                    spent.entrySet().stream()
                            .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(5)
                            .map(e -> e.getKey() + " " + TimeUnit.NANOSECONDS.toMillis(e.getValue()) + " ms in "
                                    + tried.get(e.getKey()))
                            .toList());

            assertThat(sent).isGreaterThanOrEqualTo(Math.min(REQUESTS, 2000));
            assertThat(failures.values()).as("seed %d (-Dregroup.fuzz.seed=%d): %d kinds of failure:%n%s", SEED,
                    SEED, failures.size(), String.join("\n\n", failures.values())).isEmpty();
            if (REQUESTS >= 2000) {
                for (Operation op : operations) {
                    assertThat(tried.getOrDefault(op.toString(), 0)).as("requests for %s", op).isPositive();
                }
            }
            HttpResponse<String> health = api.get("/api/health");
            assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
            assertThat(Api.json(health).path("status").asText()).isEqualTo("UP");
        } finally {
            long down = System.nanoTime();
            server.close();
            System.out.printf("fuzz: server stopped in %d ms%n",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - down));
        }
    }

    /** What is wrong with the answer, or null: a 5xx, a refusal that is not problem details, a leak. */
    static String wrong(Sent request, RawHttp.Answer answer) {
        if (answer == null) {
            return request.silentAllowed() ? null : "no answer";
        }
        String server = answer.header("server");
        if (server != null && Hostile.leak(server) != null) {
            return "Server header '" + server + "'";
        }
        if (answer.status() >= 500) {
            return "status " + answer.status();
        }
        if (answer.status() < 400) {
            return null;
        }
        String type = answer.header("content-type");
        if ((type == null || !type.startsWith("application/problem+json")) && !request.http09()) {
            return "a " + answer.status() + " as " + type;
        }
        if (request.method().equals("HEAD")) {
            return null; // no body to a HEAD
        }
        String text = answer.text();
        String leak = Hostile.leak(text);
        if (leak != null) {
            return "a " + answer.status() + " that says '" + leak + "'";
        }
        JsonNode problem;
        try {
            problem = Hostile.JSON.readTree(text);
        } catch (IOException e) {
            return "a " + answer.status() + " whose body is not JSON";
        }
        if (problem == null || problem.path("status").asInt() != answer.status()
                || problem.path("title").asText().isBlank() || problem.path("detail").asText().isBlank()) {
            return "a " + answer.status() + " without title, status and detail";
        }
        return null;
    }

    // ---- the server's own description of itself ----

    static List<Operation> operations(JsonNode openApi) {
        List<Operation> operations = new ArrayList<>();
        JsonNode schemas = openApi.path("components").path("schemas");
        for (Iterator<Map.Entry<String, JsonNode>> paths = openApi.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext(); ) {
                Map.Entry<String, JsonNode> method = methods.next();
                List<Parameter> parameters = new ArrayList<>();
                for (JsonNode p : method.getValue().path("parameters")) {
                    parameters.add(new Parameter(p.path("name").asText(), p.path("in").asText(),
                            p.path("schema").path("type").asText("string")));
                }
                JsonNode content = method.getValue().path("requestBody").path("content");
                JsonNode body = content.isMissingNode() ? null
                        : resolve(content.elements().next().path("schema"), schemas);
                operations.add(new Operation(method.getKey().toUpperCase(java.util.Locale.ROOT), path.getKey(),
                        parameters, body));
            }
        }
        return operations;
    }

    /** A schema with every {@code $ref} replaced by what it names (the API's schemas are not recursive). */
    static JsonNode resolve(JsonNode schema, JsonNode schemas) {
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asText().replaceFirst(".*/", "");
            return resolve(schemas.path(name), schemas);
        }
        if (schema.isObject()) {
            ObjectNode copy = NODES.objectNode();
            schema.fields().forEachRemaining(f -> copy.set(f.getKey(), resolve(f.getValue(), schemas)));
            return copy;
        }
        return schema;
    }

    // ---- a school, a planned day and a plan, so that valid ids reach past the 404s ----

    static Map<String, List<String>> seed(Api api) {
        byte[] day = Hostile.bytes(Hostile.resource("/fuzz/day.json"));
        HttpResponse<String> school = api.post("/api/schools/fuzz", day);
        assertThat(school.statusCode()).as(school.body()).isEqualTo(201);
        HttpResponse<String> input = api.put("/api/schools/fuzz/days/" + DAY + "/input",
                Map.of("absentStudents", List.of("dee")));
        assertThat(input.statusCode()).as(input.body()).isEqualTo(200);
        HttpResponse<String> evidence = api.post("/api/schools/fuzz/evidence", ("{\"results\": [{\"eventId\": "
                + "\"seed-1\", \"studentId\": \"ana\", \"skillId\": \"3.NF.2\", \"correct\": true, \"observedAt\": "
                + "\"2026-11-22T10:00:00Z\", \"source\": \"fuzz\"}]}").getBytes(StandardCharsets.UTF_8));
        assertThat(evidence.statusCode()).as(evidence.body()).isEqualTo(200);
        // Seeds whose every block has sessions, so that the session pool has some in each block (a plan with an
        // empty block is fine: the fuzzer makes those too, below).
        String version = null;
        String dayPlan = null;
        for (int attempt = 0; attempt < 5 && version == null; attempt++) {
            HttpResponse<String> planned = api.post("/api/schools/fuzz/days/" + DAY + "/plan?timeLimit=1s",
                    new byte[0], "application/json");
            assertThat(planned.statusCode()).as(planned.body()).isEqualTo(202);
            dayPlan = Api.json(planned).get("planId").asText();
            String number = Api.json(planned).get("version").asText();
            api.awaitNotSolving(dayPlan, Api.PATIENCE);
            JsonNode stored = stored(api, "/api/schools/fuzz/days/" + DAY + "/plans/" + number);
            if (whole(stored.path("plan"))) {
                version = number;
            }
        }
        assertThat(version).as("a whole plan of the seeded day").isNotNull();
        HttpResponse<String> published = api.post("/api/schools/fuzz/days/" + DAY + "/publish?version=" + version,
                new byte[0], "application/json");
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        String scratchPlan = null;
        List<String> sessions = new ArrayList<>();
        for (int attempt = 0; attempt < 5 && scratchPlan == null; attempt++) {
            HttpResponse<String> scratch = api.post("/api/plans?timeLimit=1s", day);
            assertThat(scratch.statusCode()).as(scratch.body()).isEqualTo(202);
            String id = Api.json(scratch).get("id").asText();
            api.awaitNotSolving(id, Api.PATIENCE);
            JsonNode plan = Api.json(api.get("/api/plans/" + id)).path("plan");
            if (whole(plan)) {
                scratchPlan = id;
                plan.path("blocks").forEach(b -> b.path("sessions").forEach(s -> sessions.add(s.path("id").asText())));
            }
        }
        assertThat(scratchPlan).as("a whole plan of the seeded day without a school").isNotNull();

        Map<String, List<String>> pools = new LinkedHashMap<>();
        pools.put("school", List.of("fuzz", "fuzz-new"));
        pools.put("schoolId", List.of("fuzz", "fuzz-new"));
        pools.put("planId", List.of(scratchPlan, dayPlan));
        pools.put("scenarioId", List.of("no-such-scenario"));
        pools.put("date", List.of(DAY, "2026-11-24"));
        pools.put("studentId", List.of("ana", "ben", "cy", "dee"));
        pools.put("blockId", List.of("b1", "b2"));
        pools.put("fromBlock", List.of("b1", "b2"));
        pools.put("staffId", List.of("t1", "a1"));
        pools.put("spaceId", List.of("r12", "lab", "library"));
        pools.put("skillId", List.of("3.NF.1", "3.NF.2", "3.OA.1"));
        pools.put("sessionId", sessions.isEmpty() ? List.of("t1@b1") : sessions);
        pools.put("version", List.of(version, "99"));
        pools.put("name", List.of("small", "no-such-dataset"));
        pools.put("timeLimit", List.of("1s", "100ms", "1ms")); // 1 ms: a plan the solver never started on
        pools.put("from", List.of("scratch", "yesterday", "1"));
        pools.put("to", List.of("1", "2"));
        pools.put("limit", List.of("1", "3"));
        pools.put("plan", List.of("true", "false"));
        // The ids a day input or a mid-day change lists: every student and adult among them, so that days
        // everyone is away, and blocks nobody is in, are planned, stored and read like any other (no poison).
        pools.put("listedStudent", List.of("ana", "ben", "cy", "dee"));
        pools.put("listedStaff", List.of("t1", "a1"));
        pools.put("listedSpace", List.of("lab"));
        pools.put("observedAt", List.of("2026-11-23T10:00:00Z", "2026-11-23T10:00:00+01:00"));
        return pools;
    }

    /** A stored version once its solve has ended and it is kept (a moment after the solve says so). */
    static JsonNode stored(Api api, String path) {
        long until = System.nanoTime() + Api.PATIENCE.toNanos();
        while (true) {
            HttpResponse<String> response = api.get(path);
            JsonNode version = response.statusCode() == 200 ? Api.json(response) : null;
            if (version != null && !version.path("status").asText().equalsIgnoreCase("solving")) {
                return version;
            }
            assertThat(System.nanoTime()).as("%s kept within %s: %s", path, Api.PATIENCE, response.body())
                    .isLessThan(until);
            Api.sleep(50);
        }
    }

    /** Every block of the plan has sessions. */
    static boolean whole(JsonNode plan) {
        JsonNode blocks = plan.path("blocks");
        if (!blocks.isArray() || blocks.isEmpty()) {
            return false;
        }
        for (JsonNode block : blocks) {
            if (!block.path("sessions").isArray() || block.path("sessions").isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** Makes the requests, from one seeded random source. */
    static final class Fuzzer {

        private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");

        final Hostile hostile;
        private final Map<String, List<String>> pools;
        private final JsonNode day = Hostile.resource("/fuzz/day.json");
        private final JsonNode scenario = Hostile.resource("/fuzz/scenario.json");
        private int events;

        /** The district admin's token: most requests are signed in, so that they reach the resources. */
        private final String token;

        Fuzzer(Hostile hostile, Map<String, List<String>> pools, String token) {
            this.hostile = hostile;
            this.pools = pools;
            this.token = token;
        }

        Sent request(Operation op) {
            String method = hostile.chance(0.03) ? hostile.pick(List.of("GET", "POST", "PUT", "DELETE", "PATCH",
                    "HEAD", "OPTIONS")) : op.method();
            StringBuilder target = new StringBuilder();
            Matcher m = PARAMETER.matcher(op.path());
            while (m.find()) {
                m.appendReplacement(target, Matcher.quoteReplacement(pathValue(op, m.group(1))));
            }
            m.appendTail(target);
            List<String> query = new ArrayList<>();
            for (Parameter p : op.parameters()) {
                if (p.in().equals("query") && hostile.chance(0.5)) {
                    query.add(p.name() + "=" + (hostile.chance(0.6) ? valid(op, p.name(), p.type())
                            : hostile.rawUriValue()));
                }
            }
            if (hostile.chance(0.05)) {
                query.add(hostile.pick(List.of("zzz=%ZZ", "version=1&version=2", "=", "&&", "timeLimit")));
            }
            if (!query.isEmpty()) {
                target.append('?').append(String.join("&", query));
            }
            Map<String, String> headers = new LinkedHashMap<>();
            if (!hostile.chance(0.05)) {
                headers.put("Authorization", hostile.chance(0.98) ? "Bearer " + token
                        : hostile.pick(List.of("Bearer " + hostile.headerValue(), hostile.headerValue(), "Basic x")));
            }
            byte[] body = null;
            if (op.body() != null || hostile.chance(0.03)) {
                body = body(op);
                if (!hostile.chance(0.05)) {
                    headers.put("Content-Type", hostile.chance(0.85) ? "application/json"
                            : hostile.pick(List.of("application/json; charset=utf-8", "APPLICATION/JSON",
                                    "text/plain", "application/x-www-form-urlencoded", hostile.headerValue())));
                }
            }
            if (hostile.chance(0.3)) {
                headers.put("Accept", hostile.pick(List.of("*/*", "application/json", "text/html", "text/csv",
                        "text/calendar", "application/problem+json", hostile.headerValue())));
            }
            if (hostile.chance(0.15)) {
                headers.put(hostile.pick(Hostile.PARSED_HEADERS), hostile.headerValue());
            }
            return new Sent(op.toString(), method, RawHttp.request(method, target.toString(), headers, body), false);
        }

        /** A path segment: a valid value for its name (past the 404s), or a hostile one. */
        private String pathValue(Operation op, String name) {
            return hostile.chance(0.65) ? valid(op, name, "string") : hostile.rawUriValue();
        }

        private String valid(Operation op, String name, String type) {
            String pool = name;
            if (name.equals("id")) {
                pool = op.path().startsWith("/api/plans") ? "planId" : op.path().startsWith("/api/scenarios")
                        ? "scenarioId" : "schoolId";
            }
            if (op.path().endsWith("/solving")) {
                // Stopping a solve before the solver has started leaves a version whose blocks have no sessions,
                // which cannot be read back (the empty-day NullPointerException, see seed): not the seeds' plans.
                pool = "scenarioId";
            }
            List<String> values = pools.get(pool);
            if (values != null) {
                return URLEncoder.encode(hostile.pick(values), StandardCharsets.UTF_8);
            }
            return switch (type) {
                case "integer" -> String.valueOf(hostile.random().nextInt(4));
                case "boolean" -> String.valueOf(hostile.random().nextBoolean());
                default -> "x" + hostile.random().nextInt(10);
            };
        }

        /** A body: a document (a day, a scenario) for the operations that take one, else made from the schema. */
        private byte[] body(Operation op) {
            JsonNode schema = op.body();
            if (schema == null || !schema.has("properties")) {
                JsonNode seed = op.path().startsWith("/api/scenarios") ? scenario
                        : op.path().startsWith("/api/plans") || op.path().startsWith("/api/schools/{id}") ? day
                        : NODES.objectNode();
                return hostile.mutate(seed);
            }
            JsonNode made = fromSchema(schema, "body");
            return hostile.chance(0.3) ? hostile.mutate(made) : Hostile.bytes(made);
        }

        private JsonNode fromSchema(JsonNode schema, String name) {
            if (hostile.chance(0.12)) {
                return hostile.value();
            }
            switch (schema.path("type").asText()) {
                case "object" -> {
                    ObjectNode object = NODES.objectNode();
                    schema.path("properties").fields().forEachRemaining(p -> {
                        if (hostile.chance(0.75)) {
                            object.set(p.getKey(), fromSchema(p.getValue(), p.getKey()));
                        }
                    });
                    return object;
                }
                case "array" -> {
                    ArrayNode array = NODES.arrayNode();
                    int n = hostile.random().nextInt(4);
                    for (int i = 0; i < n; i++) {
                        array.add(fromSchema(schema.path("items"), singular(name)));
                    }
                    return array;
                }
                case "boolean" -> {
                    return NODES.booleanNode(hostile.random().nextBoolean());
                }
                case "integer" -> {
                    return NODES.numberNode(1 + hostile.random().nextInt(2));
                }
                case "number" -> {
                    return NODES.numberNode(hostile.random().nextInt(11) / 10.0);
                }
                default -> {
                    List<String> values = pools.get(name);
                    if (values != null) {
                        return NODES.textNode(hostile.pick(values));
                    }
                    return NODES.textNode(name.equals("eventId") ? "fuzz-" + events++ : "fuzz");
                }
            }
        }

        /** The pool of a list's entries: absentStudents and studentsGone → listedStudent… */
        private static String singular(String list) {
            String lower = list.toLowerCase(java.util.Locale.ROOT);
            return lower.contains("student") ? "listedStudent" : lower.contains("staff") ? "listedStaff"
                    : lower.contains("space") ? "listedSpace" : list;
        }

        /** Bytes that are not a well-formed HTTP/1.1 request, or barely: the parser's refusals. */
        Sent malformed() {
            String body = "{\"absentStudents\": []}";
            String put = "PUT /api/schools/fuzz/days/" + DAY + "/input HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                    + "Content-Type: application/json\r\n";
            List<String> templates = List.of(
                    "GARBAGE\r\n\r\n",
                    "GET /api/health HTTP/9.9\r\nHost: x\r\n\r\n",
                    "GET /api/health HTTP/1.1\r\n\r\n",
                    "GET /api/health\r\n\r\n",
                    "GET /api/health HTTP/1.1x\r\nHost: x\r\n\r\n",
                    "GET /api/plans/%ZZ/analysis HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                    "GET /api/he alth HTTP/1.1\r\nHost: x\r\n\r\n",
                    "GET %ZZ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                    "GET http://localhost/api/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                    "get /api/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                    "FOO /api/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                    "OPTIONS * HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                    "GET /api/health HTTP/1.1\r\nHost: a b\r\nConnection: close\r\n\r\n",
                    "GET /api/health HTTP/1.1\r\nHost: [::1\r\nConnection: close\r\n\r\n",
                    "GET /api/health HTTP/1.1\r\nHost: x\r\nBad Header Line\r\n\r\n",
                    "GET /api/health HTTP/1.1\r\nHost: x\r\nX-A: \u0000\r\n\r\n",
                    "GET /api/health HTTP/1.1\r\nHost: x\r\nX-Folded: a\r\n b\r\nConnection: close\r\n\r\n",
                    "GET /api/health HTTP/1.1\nHost: x\nConnection: close\n\n",
                    "GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: " + "y".repeat(20_000) + "\r\n\r\n",
                    put + "Content-Length: abc\r\n\r\n" + body,
                    put + "Content-Length: -1\r\n\r\n" + body,
                    put + "Content-Length: 22\r\nContent-Length: 5\r\n\r\n" + body,
                    put + "Content-Length: 99999999999999999999\r\n\r\n" + body,
                    put + "Content-Length: 500\r\n\r\n" + body,
                    put + "Transfer-Encoding: chunked\r\n\r\nZZZ\r\n" + body + "\r\n0\r\n\r\n",
                    put + "Transfer-Encoding: chunked\r\n\r\nFFFFFFFFFFFFFFFFFFFF\r\n" + body + "\r\n0\r\n\r\n",
                    put + "Transfer-Encoding: chunked\r\n\r\n5\r\n" + body + "\r\n0\r\n\r\n",
                    put + "Transfer-Encoding: gzip\r\n\r\n" + body,
                    put + "Content-Encoding: gzip\r\nContent-Length: 22\r\n\r\n" + body,
                    put + "Transfer-Encoding: chunked\r\nContent-Length: 22\r\n\r\n16\r\n" + body + "\r\n0\r\n\r\n",
                    put + "Expect: 100-continue\r\nContent-Length: 22\r\n\r\n" + body,
                    put + "Expect: 200-ok\r\nContent-Length: 22\r\n\r\n" + body,
                    "POST /api/plans HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json"
                            + "\r\nContent-Length: 5\r\n\r\n{\"a\"",
                    "GET /api/health HTTP/1.1\r\nHost: x\r\n" + "X-Many: 1\r\n".repeat(300) + "\r\n");
            String template = hostile.pick(templates);
            byte[] bytes = template.getBytes(StandardCharsets.UTF_8);
            if (hostile.chance(0.3)) {
                bytes = corrupt(bytes);
            }
            String method = template.substring(0, Math.max(0, template.indexOf(' ')));
            return new Sent("malformed HTTP", method, bytes, true);
        }

        /** One to three bytes flipped, a CR, LF or NUL put in, or the request cut short. */
        private byte[] corrupt(byte[] request) {
            byte[] out = request.clone();
            switch (hostile.random().nextInt(3)) {
                case 0 -> {
                    for (int i = 0, n = 1 + hostile.random().nextInt(3); i < n; i++) {
                        out[hostile.random().nextInt(out.length)] = (byte) hostile.random().nextInt(256);
                    }
                }
                case 1 -> out[hostile.random().nextInt(out.length)] = hostile.pick(List.of((byte) '\r',
                        (byte) '\n', (byte) 0));
                default -> out = java.util.Arrays.copyOf(out, hostile.random().nextInt(out.length));
            }
            return out;
        }
    }
}
