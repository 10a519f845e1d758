package org.regroup.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.regroup.domain.TimeBlock;

/**
 * What a solved plan means for people, over HTTP: the score analysis in plain words, a student's day card, ranked
 * alternatives for a placement, and a teacher's override that pins a student and re-plans around it.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PlanDetailIntegrationTest {

    private static final String SCORE = "-?\\d+hard/-?\\d+medium/-?\\d+soft";

    private static RegroupServer server;
    private static Api api;
    private static String id;

    @BeforeAll
    static void solveSmall() throws IOException {
        server = Api.start(Api.longSolves(1, 1));
        api = new Api(server);
        // Solved until workable, then stopped: the analysis below expects no hard rule broken, which a fixed number
        // of seconds would give only on a machine fast enough.
        id = api.submitSmall("10m");
        api.solveUntilWorkable(id);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static JsonNode plan() {
        HttpResponse<String> response = api.get("/api/plans/" + id);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Api.json(response);
    }

    /** A student and one block where they sit in a session: {studentId, blockId, sessionId}. */
    private static String[] aPlacedStudentBlock(JsonNode plan) {
        for (JsonNode student : plan.get("plan").get("students")) {
            for (JsonNode entry : student.get("blocks")) {
                if ("placed".equals(entry.get("status").asText())) {
                    return new String[] { student.get("studentId").asText(), entry.get("blockId").asText(),
                            entry.get("sessionId").asText() };
                }
            }
        }
        throw new AssertionError("nobody is placed");
    }

    @Test
    void analysisListsEveryRuleWorstFirstWithPlainWordDetails() {
        JsonNode plan = plan();

        HttpResponse<String> response = api.get("/api/plans/" + id + "/analysis");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode analysis = Api.json(response);
        assertThat(analysis.get("planId").asText()).isEqualTo(id);
        assertThat(analysis.get("score").asText()).isEqualTo(plan.get("score").asText());
        JsonNode rules = analysis.get("rules");
        assertThat(rules.size()).isGreaterThan(5);
        List<HardMediumSoftScore> scores = new ArrayList<>();
        int explained = 0;
        for (JsonNode rule : rules) {
            assertThat(rule.get("rule").asText()).matches("[A-Z][a-z].*").doesNotContain("Constraint");
            assertThat(rule.get("score").asText()).matches(SCORE);
            HardMediumSoftScore score = HardMediumSoftScore.parseScore(rule.get("score").asText());
            scores.add(score);
            assertThat(score.hardScore()).as(rule.toString()).isZero();
            if (!score.isZero()) {
                assertThat(rule.get("matches").asInt()).as(rule.get("rule").asText()).isPositive();
                assertThat(rule.path("details").size()).as(rule.get("rule").asText()).isPositive();
            }
            for (JsonNode detail : rule.path("details")) {
                String words = detail.get("explanation").asText();
                assertThat(words).as(rule.get("rule").asText()).hasSizeGreaterThan(15).contains(" ")
                        .doesNotContain("org.regroup", "@" + "Placement", "null", "Reason[", "{", "}");
                assertThat(detail.get("score").asText()).matches(SCORE);
                explained++;
            }
        }
        assertThat(explained).isPositive();
        assertThat(scores).as("worst rule first").isSorted();
    }

    @Test
    void dayCardHasEveryBlockAndSaysWhy() {
        JsonNode plan = plan();
        String student = plan.get("plan").get("students").get(3).get("studentId").asText();

        HttpResponse<String> response = api.get("/api/plans/" + id + "/students/" + student);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode card = Api.json(response);
        assertThat(card.get("planId").asText()).isEqualTo(id);
        assertThat(card.get("studentId").asText()).isEqualTo(student);
        List<String> blocks = new ArrayList<>();
        card.get("blocks").forEach(b -> blocks.add(b.get("blockId").asText()));
        assertThat(blocks).containsExactlyElementsOf(Api.smallProblem().blocks().stream().map(TimeBlock::id).toList());
        for (JsonNode entry : card.get("blocks")) {
            assertThat(entry.get("status").asText()).isIn("placed", "catch-all", "travel", "commitment", "absent",
                    "unplaced");
            if (entry.get("status").asText().equals("placed")) {
                assertThat(entry.get("sessionId").asText()).isNotBlank();
                assertThat(entry.get("modality").asText()).isNotBlank();
                assertThat(entry.get("focus").get("name").asText()).isNotBlank();
            }
        }
        assertThat(card.get("why").size()).isPositive();
        card.get("why").forEach(line -> assertThat(line.asText()).contains(" "));
        assertThat(card.get("rules").isArray()).isTrue();
    }

    @Test
    void dayCardOfAnUnknownStudentIs404() {
        JsonNode problem = Api.assertProblem(api.get("/api/plans/" + id + "/students/NOBODY"), 404);
        assertThat(problem.get("detail").asText()).contains("NOBODY");
    }

    @Test
    void alternativesAreRankedWithScoreChangesAndReasonsAndLeaveOutTheCurrentSession() {
        String[] placed = aPlacedStudentBlock(plan());
        String path = "/api/plans/" + id + "/placements/" + placed[0] + "/" + placed[1] + "/alternatives";

        HttpResponse<String> all = api.get(path);
        HttpResponse<String> three = api.get(path + "?limit=3");

        assertThat(all.statusCode()).as(all.body()).isEqualTo(200);
        JsonNode view = Api.json(all);
        assertThat(view.get("planId").asText()).isEqualTo(id);
        assertThat(view.get("studentId").asText()).isEqualTo(placed[0]);
        assertThat(view.get("blockId").asText()).isEqualTo(placed[1]);
        assertThat(view.get("currentSessionId").asText()).isEqualTo(placed[2]);
        JsonNode alternatives = view.get("alternatives");
        assertThat(alternatives.size()).isGreaterThan(1);
        List<HardMediumSoftScore> changes = new ArrayList<>();
        int rank = 0;
        for (JsonNode alternative : alternatives) {
            assertThat(alternative.get("rank").asInt()).isEqualTo(++rank);
            assertThat(alternative.get("sessionId").asText()).isNotEqualTo(placed[2]).endsWith("@" + placed[1]);
            assertThat(alternative.get("modality").asText()).isNotBlank();
            assertThat(alternative.get("scoreChange").asText()).matches(SCORE);
            HardMediumSoftScore change = HardMediumSoftScore.parseScore(alternative.get("scoreChange").asText());
            changes.add(change);
            if (!change.isZero()) {
                assertThat(alternative.path("reasons").size()).as(alternative.toString()).isPositive();
            }
            alternative.path("reasons").forEach(reason -> assertThat(reason.asText()).matches("[A-Z].* " + SCORE));
        }
        assertThat(changes).as("best first").isSortedAccordingTo(java.util.Comparator.reverseOrder());

        assertThat(three.statusCode()).isEqualTo(200);
        JsonNode limited = Api.json(three).get("alternatives");
        assertThat(limited.size()).isEqualTo(Math.min(3, alternatives.size()));
        for (int i = 0; i < limited.size(); i++) {
            assertThat(limited.get(i).get("sessionId").asText()).isEqualTo(alternatives.get(i).get("sessionId")
                    .asText());
        }
    }

    @Test
    void alternativesWithALimitBelowOneAre400() {
        String[] placed = aPlacedStudentBlock(plan());
        String path = "/api/plans/" + id + "/placements/" + placed[0] + "/" + placed[1] + "/alternatives?limit=";
        assertThat(Api.assertProblem(api.get(path + "0"), 400).get("detail").asText()).contains("limit");
        Api.assertProblem(api.get(path + "-2"), 400);
    }

    @Test
    void alternativesForAnUnknownBlockAre404() {
        String[] placed = aPlacedStudentBlock(plan());
        Api.assertProblem(api.get("/api/plans/" + id + "/placements/" + placed[0] + "/B99/alternatives"), 404);
        Api.assertProblem(api.get("/api/plans/" + id + "/placements/NOBODY/" + placed[1] + "/alternatives"), 404);
    }

    @Test
    void overridePinsTheStudentAndReplansAroundIt() {
        JsonNode before = plan();
        String[] placed = aPlacedStudentBlock(before);
        String at = "/api/plans/" + id + "/placements/" + placed[0] + "/" + placed[1];
        JsonNode alternatives = Api.json(api.get(at + "/alternatives?limit=1")).get("alternatives");
        assertThat(alternatives.size()).isEqualTo(1);
        String chosen = alternatives.get(0).get("sessionId").asText();

        HttpResponse<String> response = api.put(at, Map.of("sessionId", chosen, "timeLimit", "2s"));

        // Answered at once (no request thread waits on a solve); the re-plan is followed like any solve.
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l)
                .endsWith("/api/plans/" + id));
        JsonNode started = Api.json(response);
        assertThat(started.get("planId").asText()).isEqualTo(id);
        assertThat(started.get("studentId").asText()).isEqualTo(placed[0]);
        assertThat(started.get("blockId").asText()).isEqualTo(placed[1]);
        assertThat(started.get("sessionId").asText()).isEqualTo(chosen);
        assertThat(started.get("planHref").asText()).isEqualTo("/api/plans/" + id);
        api.awaitNotSolving(id, Api.PATIENCE);

        JsonNode after = plan();
        assertThat(after.get("status").asText()).isEqualTo("NOT_SOLVING");
        assertThat(after.get("score").asText()).matches(SCORE);
        assertThat(entry(after, placed[0], placed[1]).get("sessionId").asText()).isEqualTo(chosen);
        // The card says the same.
        JsonNode card = Api.json(api.get("/api/plans/" + id + "/students/" + placed[0]));
        JsonNode cardEntry = null;
        for (JsonNode e : card.get("blocks")) {
            if (e.get("blockId").asText().equals(placed[1])) {
                cardEntry = e;
            }
        }
        assertThat(cardEntry).isNotNull();
        assertThat(cardEntry.get("sessionId").asText()).isEqualTo(chosen);
    }

    @Test
    void overrideToASessionTheStudentCannotJoinIs400() {
        String[] placed = aPlacedStudentBlock(plan());
        String at = "/api/plans/" + id + "/placements/" + placed[0] + "/" + placed[1];

        JsonNode unknown = Api.assertProblem(api.put(at, Map.of("sessionId", "NOPE@" + placed[1])), 400);
        JsonNode otherBlock = Api.assertProblem(api.put(at, Map.of("sessionId", placed[2].replaceFirst("@.*$",
                "@B99"))), 400);
        JsonNode missing = Api.assertProblem(api.put(at, Map.of("timeLimit", "2s")), 400);

        assertThat(unknown.get("detail").asText()).contains("NOPE@" + placed[1]).contains("alternatives");
        assertThat(otherBlock.get("detail").asText()).contains("@B99");
        assertThat(missing.get("detail").asText()).contains("sessionId");
        assertThat(api.status(id).get("status").asText()).isEqualTo("NOT_SOLVING");
    }

    @Test
    void overrideWithAMalformedBodyIs400() {
        String[] placed = aPlacedStudentBlock(plan());
        HttpResponse<String> response = api.send(api.request("/api/plans/" + id + "/placements/" + placed[0] + "/"
                + placed[1]).header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"sessionId\": ")).build());

        Api.assertProblem(response, 400);
    }

    private static JsonNode entry(JsonNode plan, String studentId, String blockId) {
        for (JsonNode student : plan.get("plan").get("students")) {
            if (student.get("studentId").asText().equals(studentId)) {
                for (JsonNode e : student.get("blocks")) {
                    if (e.get("blockId").asText().equals(blockId)) {
                        return e;
                    }
                }
            }
        }
        throw new AssertionError(studentId + "@" + blockId + " not in the plan");
    }
}
