package org.regroup.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.regroup.domain.DayProblem;

/**
 * Never frozen, never flooded: every endpoint that takes a body has a size limit (413 naming it), an evidence batch
 * a count limit, a day's input no duplicates; slow uploads leave the server answering; CONNECT and TRACE are refused
 * with a complete answer; out of memory marks health DOWN.
 */
class BoundsIntegrationTest {

    private static RegroupServer server;
    private static Api api;
    private static DayProblem small;

    @BeforeAll
    static void start() throws IOException {
        server = Api.start(Api.settings(1, 2));
        api = new Api(server);
        small = Api.smallProblem();
        assertThat(api.post("/api/schools/bounds", Api.small()).statusCode()).isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void everyBodyHasALimitNamedInThe413() {
        byte[] fiveMiB = padded(5 * 1024 * 1024);
        JsonNode evidence = Api.assertProblem(api.post("/api/schools/bounds/evidence", fiveMiB), 413);
        assertThat(evidence.get("detail").asText()).contains("4 MiB");
        byte[] twoMiB = padded(2 * 1024 * 1024);
        JsonNode input = Api.assertProblem(send("PUT", "/api/schools/bounds/days/2026-11-30/input", twoMiB), 413);
        assertThat(input.get("detail").asText()).contains("1 MiB");
        Api.assertProblem(api.post("/api/schools/bounds/days/2026-11-30/changes", twoMiB), 413);
        byte[] hundredKiB = padded(100 * 1024);
        JsonNode override = Api.assertProblem(send("PUT", "/api/schools/bounds/days/2026-11-30/placements/S0001/B2",
                hundredKiB), 413);
        assertThat(override.get("detail").asText()).contains("64 KiB");
        Api.assertProblem(send("PUT", "/api/plans/any/placements/S0001/B2", hundredKiB), 413);
        Api.assertProblem(api.post("/api/schools/bounds/days/2026-11-30/publish", hundredKiB), 413);
        assertThat(api.get("/api/schools/bounds/days/2026-11-30/input").statusCode())
                .as("nothing was stored").isIn(200, 404);
    }

    @Test
    void anEvidenceBatchOfMoreThanTenThousandResultsIs422() {
        String student = small.students().get(0).id();
        String skill = small.students().get(0).mastery().keySet().iterator().next();
        List<Map<String, Object>> results = new ArrayList<>();
        for (int i = 0; i <= 10_000; i++) {
            results.add(Map.of("eventId", "e" + i, "studentId", student, "skillId", skill, "correct", true,
                    "observedAt", "2026-11-23T09:00:00Z"));
        }
        JsonNode problem = Api.assertProblem(api.post("/api/schools/bounds/evidence",
                json(Map.of("results", results))), 422);
        assertThat(problem.toString()).contains("$.results").contains("10000");
        assertThat(Api.json(api.get("/api/schools/bounds")).get("evidence").asLong()).as("nothing was logged")
                .isZero();
    }

    @Test
    void aDayInputListingAStudentTwiceIs422AndStoresNothing() {
        String s = small.students().get(0).id();
        JsonNode problem = Api.assertProblem(api.put("/api/schools/bounds/days/2026-12-01/input",
                Map.of("absentStudents", List.of(s, s))), 422);
        assertThat(problem.toString()).contains("$.absentStudents[1]").contains("$.absentStudents[0]");
        JsonNode stored = Api.json(api.get("/api/schools/bounds/days/2026-12-01/input"));
        assertThat(stored.path("absentStudents").size()).as("nothing stored: %s", stored).isZero();
    }

    @Test
    void slowUploadsLeaveTheServerAnswering() throws Exception {
        int uploads = 12; // three times the request threads Grizzly gives a 2-core machine by default
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < uploads; i++) {
                Socket socket = new Socket(api.uri("/").getHost(), api.uri("/").getPort());
                OutputStream out = socket.getOutputStream();
                out.write(("POST /api/schools/bounds/evidence HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                        + api.token() + "\r\nContent-Type: "
                        + "application/json\r\nContent-Length: 100000\r\n\r\n{\"results\": [").getBytes(
                                StandardCharsets.US_ASCII));
                out.flush();
                slow.add(socket);
            }
            // While every upload waits for the rest of its body, the server still answers, and plans.
            for (int i = 0; i < 5; i++) {
                HttpResponse<String> health = api.get("/api/health");
                assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
            }
            assertThat(api.post("/api/schools/bounds/days/2026-11-30/plan?timeLimit=1s", new byte[0]).statusCode())
                    .isEqualTo(202);
            // ...before any upload was answered: they did not have to give up for the server to answer others.
            for (Socket s : slow) {
                assertThat(s.getInputStream().available()).as("an upload was answered first").isZero();
            }
        } finally {
            for (Socket s : slow) {
                s.close();
            }
        }
    }

    @Test
    void connectAndTraceAreRefusedWithACompleteAnswer() throws Exception {
        for (String request : List.of("CONNECT example.org:443 HTTP/1.1\r\nHost: example.org\r\n\r\n",
                "TRACE /api/health HTTP/1.1\r\nHost: test\r\n\r\n")) {
            try (Socket socket = new Socket(api.uri("/").getHost(), api.uri("/").getPort())) {
                socket.setSoTimeout((int) Duration.ofMinutes(1).toMillis());
                socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
                InputStream in = socket.getInputStream();
                String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8); // the server closes
                assertThat(answer).startsWith("HTTP/1.1 405").contains("application/problem+json")
                        .contains("is not served here");
            }
        }
    }

    @Test
    void outOfMemoryMarksHealthDown() throws Exception {
        RegroupServer other = Api.start(Api.settings(1, 2));
        try {
            Api client = new Api(other);
            assertThat(client.get("/api/health").statusCode()).isEqualTo(200);
            other.vitals().check(new RuntimeException(new OutOfMemoryError("test")), "a test");
            HttpResponse<String> health = client.get("/api/health");
            assertThat(health.statusCode()).isEqualTo(503);
            JsonNode body = Api.json(health);
            assertThat(body.get("status").asText()).isEqualTo("DOWN");
            assertThat(body.get("reason").asText()).contains("out of memory").contains("restart");
        } finally {
            other.close();
        }
    }

    private static byte[] padded(int bytes) {
        byte[] body = new byte[bytes];
        java.util.Arrays.fill(body, (byte) ' ');
        body[0] = '{';
        body[bytes - 1] = '}';
        return body;
    }

    private static byte[] json(Object value) {
        try {
            return Api.JSON.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static HttpResponse<String> send(String method, String path, byte[] body) {
        return api.send(api.request(path).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }
}
