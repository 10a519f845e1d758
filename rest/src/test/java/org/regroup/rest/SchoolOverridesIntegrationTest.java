package org.regroup.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A school's day at its lasting addresses: what it answers before anything is published, and bad overrides. */
class SchoolOverridesIntegrationTest {

    private static final String DAY = "/api/schools/ovr/days/2026-11-30";
    private static RegroupServer server;
    private static Api api;
    private static JsonNode draft;

    @BeforeAll
    static void planADraft() throws IOException {
        server = Api.start(Api.settings(1, 2));
        api = new Api(server);
        assertThat(api.post("/api/schools/ovr", Api.small()).statusCode()).isEqualTo(201);
        assertThat(api.post(DAY + "/plan?timeLimit=1s", new byte[0]).statusCode()).isEqualTo(202);
        long deadline = System.nanoTime() + Api.PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode v = Api.json(api.get(DAY + "/plans/1"));
            if (v.get("status").asText().equals("draft")) {
                draft = v;
                return;
            }
            Api.sleep(100);
        }
        throw new AssertionError("version 1 never became a draft");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void withNothingPublishedTheLastingAddressesSaySoAndADraftIsReadByItsVersion() {
        JsonNode none = Api.assertProblem(api.get(DAY + "/rosters/T01"), 404);
        assertThat(none.get("detail").asText()).contains("no published plan of 2026-11-30").contains("?version=N");

        JsonNode analysis = Api.json(api.get(DAY + "/analysis?version=1"));
        assertThat(analysis.get("version").get("status").asText()).isEqualTo("draft");
        assertThat(analysis.get("score").asText()).isEqualTo(draft.get("score").asText());
        Api.assertProblem(api.get(DAY + "/analysis?version=7"), 404);
        JsonNode notANumber = Api.assertProblem(api.get(DAY + "/analysis?version=abc"), 400);
        assertThat(notANumber.get("detail").asText()).contains("'version'").contains("cannot be read");
        Api.assertProblem(api.get("/api/schools/ovr/days/2026-11-30/plans/abc"), 400);
        JsonNode days = Api.json(api.get("/api/schools/ovr/days"));
        assertThat(days.get(0).get("day").asText()).isEqualTo("2026-11-30");
        assertThat(days.get(0).has("published")).as("nothing published: %s", days).isFalse();
    }

    @Test
    void alternativesAtTheLastingAddressNeverBreakAHardRule() {
        String[] seat = aSeat();
        JsonNode view = Api.json(api.get(DAY + "/placements/" + seat[0] + "/" + seat[1] + "/alternatives?version=1"));
        assertThat(view.get("alternatives").size()).isPositive();
        for (JsonNode a : view.get("alternatives")) {
            HardMediumSoftScore change = HardMediumSoftScore.parseScore(a.get("scoreChange").asText());
            if (draft.get("feasible").asBoolean()) {
                assertThat(change.hardScore()).as(a.toString()).isZero();
            }
            assertThat(HardMediumSoftScore.parseScore(a.get("studentCost").asText())
                    .add(HardMediumSoftScore.parseScore(a.get("groupCost").asText()))).isEqualTo(change);
        }
    }

    @Test
    void anOverrideToASessionTheStudentCannotJoinIs422AndStoresNothing() {
        String[] seat = aSeat();
        String at = DAY + "/placements/" + seat[0] + "/" + seat[1];

        JsonNode wrong = Api.assertProblem(api.put(at, Map.of("sessionId", "NOBODY@" + seat[1])), 422);
        JsonNode missing = Api.assertProblem(api.put(at, Map.of("reason", "no session")), 400);
        Api.assertProblem(api.put(DAY + "/placements/NOBODY/" + seat[1], Map.of("sessionId", seat[2])), 404);
        Api.assertProblem(api.put("/api/schools/ovr/days/2026-12-01/placements/" + seat[0] + "/" + seat[1],
                Map.of("sessionId", seat[2])), 409);

        assertThat(wrong.get("title").asText()).isEqualTo("Invalid override");
        assertThat(wrong.get("errors").get(0).get("path").asText()).isEqualTo("$.sessionId");
        assertThat(missing.get("title").asText()).isEqualTo("Invalid override");
        assertThat(Api.json(api.get(DAY + "/plans")).size()).as("nothing stored").isEqualTo(1);
    }

    /** A placed student-block of version 1 with an adult: student, block, session. */
    private static String[] aSeat() {
        for (JsonNode s : draft.get("plan").get("students")) {
            for (JsonNode e : s.get("blocks")) {
                if ("placed".equals(e.path("status").asText()) && e.hasNonNull("staffId")) {
                    return new String[] {s.get("studentId").asText(), e.get("blockId").asText(),
                            e.get("sessionId").asText()};
                }
            }
        }
        throw new AssertionError("no placed student-block with an adult");
    }
}
