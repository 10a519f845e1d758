package org.regroup.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.regroup.store.Role;
import org.regroup.testing.RawHttp;

/**
 * Signing in as a browser and as a script, and what an attacker on the same machine tries: no credentials, a forged
 * cross-site change, another Host, a form, a revoked token, password guessing.
 */
class SignInIntegrationTest {

    private static final String PASSWORD = "a long school password";

    private static RegroupServer server;
    private static Api admin;

    @BeforeAll
    static void start() throws java.io.IOException {
        server = Api.start(Api.longSolves(1, 1));
        admin = new Api(server);
        assertThat(admin.post("/api/schools/north", Api.small()).statusCode()).isEqualTo(201);
        HttpResponse<String> made = admin.post("/api/schools/north/accounts", json(Map.of("username", "scheduler",
                "password", PASSWORD, "role", "school-admin")));
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        assertThat(Api.json(made).has("passwordHash")).isFalse();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static byte[] json(Object value) {
        try {
            return Api.JSON.writeValueAsBytes(value);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Signs in; returns the session cookie ("regroup_session=…") and the CSRF token. */
    private static String[] signIn(String username, String password) {
        HttpResponse<String> r = new Api(server, null).post("/api/session", json(Map.of("username", username,
                "password", password)));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        String setCookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).contains("HttpOnly").contains("SameSite=Strict").contains("Path=/");
        return new String[] {setCookie.substring(0, setCookie.indexOf(';')), Api.json(r).get("csrfToken").asText()};
    }

    private static HttpResponse<String> withCookie(String cookie, String method, String path, String csrf,
            byte[] body) {
        Api anonymous = new Api(server, null);
        HttpRequest.Builder b = anonymous.request(path).header("Cookie", cookie);
        if (csrf != null) {
            b.header("X-CSRF-Token", csrf);
        }
        b = body == null ? b.method(method, HttpRequest.BodyPublishers.noBody())
                : b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        return anonymous.send(b.build());
    }

    @Test
    void nothingButThePublicOperationsAnswersWithoutSigningIn() {
        Api nobody = new Api(server, null);
        for (String path : List.of("/api/schools", "/api/schools/north", "/api/plans", "/api/datasets",
                "/api/schools/north/days", "/api/schools/north/students/S0001/profile", "/api/tokens")) {
            HttpResponse<String> r = nobody.get(path);
            Api.assertProblem(r, 401);
            assertThat(r.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"regroup\"");
        }
        assertThat(nobody.get("/api/health").statusCode()).isEqualTo(200);
        assertThat(nobody.get("/api/openapi.json").statusCode()).isEqualTo(200);
        Api.assertProblem(new Api(server, "rg_not-a-token").get("/api/schools"), 401);
    }

    @Test
    void aBrowserSessionReadsAndChangesOnlyWithItsCsrfTokenAndEndsAtSignOut() {
        String[] session = signIn("scheduler", PASSWORD);
        HttpResponse<String> me = withCookie(session[0], "GET", "/api/session", null, null);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(Api.json(me).get("role").asText()).isEqualTo("school-admin");
        assertThat(Api.json(me).get("schoolId").asText()).isEqualTo("north");
        assertThat(me.body()).doesNotContain("scheduler"); // ids, not names

        byte[] input = json(Map.of("absentStudents", List.of(), "absentStaff", List.of(), "closedSpaces", List.of()));
        Api.assertProblem(withCookie(session[0], "PUT", "/api/schools/north/days/2026-12-01/input", null, input), 403);
        Api.assertProblem(withCookie(session[0], "PUT", "/api/schools/north/days/2026-12-01/input", "forged", input),
                403);
        assertThat(withCookie(session[0], "PUT", "/api/schools/north/days/2026-12-01/input", session[1], input)
                .statusCode()).isEqualTo(200);

        HttpResponse<String> out = withCookie(session[0], "DELETE", "/api/session", session[1], null);
        assertThat(out.statusCode()).isEqualTo(204);
        assertThat(out.headers().firstValue("Set-Cookie").orElseThrow()).contains("Max-Age=0");
        Api.assertProblem(withCookie(session[0], "GET", "/api/schools/north", null, null), 401);
    }

    @Test
    void aWrongPasswordIs401AndGuessingLocksTheAccount() {
        assertThat(admin.post("/api/schools/north/accounts", json(Map.of("username", "guessed", "password", PASSWORD,
                "role", "principal"))).statusCode()).isEqualTo(201);
        Api nobody = new Api(server, null);
        byte[] wrong = json(Map.of("username", "guessed", "password", "not the password"));
        for (int i = 0; i < 5; i++) {
            Api.assertProblem(nobody.post("/api/session", wrong), 401);
        }
        HttpResponse<String> locked = nobody.post("/api/session", json(Map.of("username", "guessed", "password",
                PASSWORD)));
        Api.assertProblem(locked, 429);
        assertThat(locked.headers().firstValue("Retry-After")).hasValueSatisfying(s ->
                assertThat(Integer.parseInt(s)).isBetween(1, 15 * 60 + 1));
        Api.assertProblem(nobody.post("/api/session", json(Map.of("username", "nobody-at-all", "password",
                PASSWORD))), 401);
    }

    @Test
    void aTokenIsShownOnceListedWithoutItsSecretAndRevokedAtOnce() {
        String scheduler = Api.token(server, "token-owner", Role.SCHOOL_ADMIN, "north", null, Set.of());
        Api script = new Api(server, scheduler);
        HttpResponse<String> issued = script.post("/api/tokens", json(Map.of("name", "nightly export", "days", 7)));
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        String secret = Api.json(issued).get("token").asText();
        String id = Api.json(issued).get("id").asText();
        Api second = new Api(server, secret);
        assertThat(second.get("/api/schools/north").statusCode()).isEqualTo(200);
        assertThat(script.get("/api/tokens").body()).contains(id).doesNotContain(secret);

        assertThat(second.delete("/api/tokens/" + id).statusCode()).isEqualTo(204);
        Api.assertProblem(second.get("/api/schools/north"), 401);
        Api.assertProblem(script.delete("/api/tokens/" + id), 404);
        Api.assertProblem(script.post("/api/tokens", json(Map.of("name", "forever", "days", 5000))), 422);
    }

    @Test
    void anotherHostAFormAndAnUnknownOperationAreRefusedAndEveryAnswerCarriesTheBrowserHeaders() throws Exception {
        // DNS rebinding: a page on evil.example resolving to 127.0.0.1
        RawHttp.Answer rebound = new RawHttp("127.0.0.1", server.uri().getPort(), java.time.Duration.ofSeconds(10))
                .exchange(("GET /api/health HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n")
                        .getBytes(java.nio.charset.StandardCharsets.US_ASCII), false);
        assertThat(rebound.status()).isEqualTo(400);
        // a cross-site form posted to a change: refused before sign-in is even looked at
        for (String type : List.of("application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
                "text/plain")) {
            Api.assertProblem(admin.post("/api/schools/north/days/2026-12-01/plan", new byte[0], type), 415);
            Api.assertProblem(admin.post("/api/schools/north/days/2026-12-01/publish", "a=b".getBytes(), type), 415);
        }
        HttpResponse<String> health = admin.get("/api/health");
        assertThat(health.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("default-src 'self'").contains("frame-ancestors 'none'"));
        assertThat(health.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(health.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(health.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        HttpResponse<String> options = admin.send(admin.request("/api/schools").method("OPTIONS",
                HttpRequest.BodyPublishers.noBody()).build());
        assertThat(options.body()).doesNotContain("wadl").doesNotContain("Jersey");
        assertThat(admin.get("/application.wadl").statusCode()).isIn(401, 404);
    }

    @Test
    void everyReadOfAStudentsRecordIsInTheAuditLogWithIdsOnly() {
        String teacher = Api.token(server, "audited-teacher", Role.TEACHER, "north", "T01", Set.of());
        admin.get("/api/schools/north/students/S0003/profile");
        Api.assertProblem(new Api(server, teacher).get("/api/schools/north/students/S0004/profile"), 403);

        JsonNode entries = Api.json(admin.get("/api/schools/north/audit?student=S0004"));
        assertThat(entries).isNotEmpty();
        JsonNode refused = entries.get(0);
        assertThat(refused.get("action").asText()).isEqualTo("GET /api/schools/{school}/students/{studentId}/profile");
        assertThat(refused.get("status").asInt()).isEqualTo(403);
        assertThat(refused.get("role").asText()).isEqualTo("teacher");
        assertThat(refused.get("accountId").asText()).startsWith("a_");
        assertThat(refused.get("studentIds")).extracting(JsonNode::asText).containsExactly("S0004");
        assertThat(refused.get("remote").asText()).isEqualTo("127.0.0.1");
        JsonNode read = Api.json(admin.get("/api/schools/north/audit?student=S0003")).get(0);
        assertThat(read.get("status").asInt()).isEqualTo(200);
        assertThat(read.get("role").asText()).isEqualTo("district-admin");
        // whole-school reads name every student
        admin.get("/api/schools/north");
        assertThat(Api.json(admin.get("/api/schools/north/audit?limit=1")).get(0).get("studentIds").get(0).asText())
                .isEqualTo("*");
        // no names or usernames anywhere in the log
        String all = admin.get("/api/schools/north/audit?limit=1000").body();
        String firstName = Api.smallProblem().students().get(0).name();
        assertThat(all).doesNotContain("audited-teacher").doesNotContain(firstName == null ? "\u0000" : firstName);
        // a teacher cannot read the log
        Api.assertProblem(new Api(server, teacher).get("/api/schools/north/audit"), 403);
    }

    @Test
    void aTeacherReadsAndSendsEvidenceOnlyForTheirStudentsAndEachKindOfReadIsAudited() {
        String day = "/api/schools/north/days/2026-11-30";
        HttpResponse<String> started = admin.post(day + "/plan?timeLimit=10m", new byte[0]);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        admin.solveUntilWorkable(Api.json(started).get("planId").asText());
        admin.awaitDraft("north", "2026-11-30", Api.json(started).get("version").asInt());
        assertThat(admin.post(day + "/publish", new byte[0]).statusCode()).isEqualTo(200);
        JsonNode plan = Api.json(admin.get(day + "/plans/1")).get("plan");
        Set<String> mine = new java.util.TreeSet<>();
        Set<String> everyone = new java.util.TreeSet<>();
        plan.get("blocks").forEach(b -> b.get("sessions").forEach(session -> session.get("students").forEach(seat -> {
            everyone.add(seat.get("studentId").asText());
            if ("T02".equals(session.path("staffId").asText())) {
                mine.add(seat.get("studentId").asText());
            }
        })));
        String student = mine.iterator().next();
        String notMine = everyone.stream().filter(x -> !mine.contains(x)).findFirst().orElseThrow();
        Api teacher = new Api(server, Api.token(server, "evidence-teacher", Role.TEACHER, "north", "T02", Set.of()));

        assertThat(teacher.get(day + "/rosters/T02").statusCode()).isEqualTo(200);
        assertThat(teacher.get(day + "/rosters/T02?version=1").statusCode()).as("the published version").isEqualTo(200);
        Api.assertProblem(teacher.get(day + "/rosters/T02?version=2"), 403); // a draft is the scheduler's
        assertThat(teacher.get(day + "/students/" + student).statusCode()).isEqualTo(200);
        Api.assertProblem(teacher.get(day + "/students/" + notMine), 403);
        assertThat(teacher.get("/api/schools/north/students/" + student + "/profile").statusCode()).isEqualTo(200);
        String skill = Api.smallProblem().skills().get(0).id();
        HttpResponse<String> sent = teacher.post("/api/schools/north/evidence", json(Map.of("results", List.of(
                Map.of("eventId", "t2-1", "studentId", student, "skillId", skill, "correct", true, "observedAt",
                        "2026-11-30T10:00:00Z")))));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
        HttpResponse<String> other = teacher.post("/api/schools/north/evidence", json(Map.of("results", List.of(
                Map.of("eventId", "t2-2", "studentId", notMine, "skillId", skill, "correct", true, "observedAt",
                        "2026-11-30T10:00:00Z")))));
        Api.assertProblem(other, 403);
        assertThat(Api.json(admin.get("/api/schools/north/students/" + notMine + "/profile")).toString())
                .as("nothing written for a student outside the teacher's groups").doesNotContain("t2-2");

        JsonNode log = Api.json(admin.get("/api/schools/north/audit?limit=9"));
        List<String> seen = new java.util.ArrayList<>();
        log.forEach(e -> seen.add(e.get("action").asText() + " " + e.get("status").asInt() + " "
                + e.get("studentIds")));
        assertThat(seen.get(0)).as("newest first: the admin's read just now").isEqualTo(
                "GET /api/schools/{school}/students/{studentId}/profile 200 [\"" + notMine + "\"]");
        assertThat(seen.get(1)).isEqualTo("POST /api/schools/{school}/evidence 403 [\"" + notMine + "\"]");
        assertThat(seen.get(2)).isEqualTo("POST /api/schools/{school}/evidence 200 [\"" + student + "\"]");
        assertThat(seen.get(3)).isEqualTo("GET /api/schools/{school}/students/{studentId}/profile 200 [\"" + student
                + "\"]");
        assertThat(seen.get(4)).isEqualTo("GET /api/schools/{school}/days/{date}/students/{studentId} 403 [\""
                + notMine + "\"]");
        assertThat(seen.get(5)).isEqualTo("GET /api/schools/{school}/days/{date}/students/{studentId} 200 [\""
                + student + "\"]");
        assertThat(seen.get(6)).startsWith("GET /api/schools/{school}/days/{date}/rosters/{staffId} 403 [");
        assertThat(seen.get(7)).startsWith("GET /api/schools/{school}/days/{date}/rosters/{staffId} 200 [");
        assertThat(seen.get(8)).startsWith("GET /api/schools/{school}/days/{date}/rosters/{staffId} 200 [")
                .contains("\"" + student + "\"").doesNotContain("\"" + notMine + "\"");
    }
}
