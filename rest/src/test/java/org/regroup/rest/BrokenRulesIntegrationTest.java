package org.regroup.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A day with more 1:1 needs than two adults can serve ({@code days/crunch.json}), over HTTP: the plan keeps every
 * group right, so it is feasible; it owes the 1:1 time it cannot give, so it is not workable; the plan view, the plan
 * and the analysis say so and list what is owed, with whom.
 */
@Timeout(value = 600, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class BrokenRulesIntegrationTest {

    private static RegroupServer server;
    private static Api api;
    private static String id;

    @BeforeAll
    static void solveCrunch() throws IOException {
        server = Api.start(Api.settings(1, 1));
        api = new Api(server);
        byte[] day;
        try (InputStream in = BrokenRulesIntegrationTest.class.getResourceAsStream("/days/crunch.json")) {
            day = in.readAllBytes();
        }
        // The day builder already gives the day's best (its two adults cannot give more 1:1 time), so the outcome
        // does not depend on how much search a busy machine manages in the 2 s.
        HttpResponse<String> submitted = api.post("/api/plans?timeLimit=2s", day);
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        id = Api.json(submitted).get("id").asText();
        api.awaitNotSolving(id, Duration.ofMinutes(5));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void thePlanViewSaysItIsFeasibleNotWorkableAndListsTheTimeOwedEvenWithoutThePlan() {
        JsonNode view = api.status(id);

        assertThat(view.get("feasible").asBoolean()).isTrue();
        assertThat(view.get("workable").asBoolean()).isFalse();
        assertThat(view.has("plan")).isFalse();
        JsonNode violations = view.get("violations");
        assertThat(violations).isNotEmpty();
        violations.forEach(v -> {
            assertThat(v.get("level").asText()).isEqualTo("medium");
            assertThat(v.get("students")).isNotEmpty();
        });
    }

    @Test
    void thePlanItselfIsVersion2WithTheSameViolations() {
        JsonNode view = Api.json(api.get("/api/plans/" + id));

        assertThat(view.get("plan").get("version").asInt()).isEqualTo(2);
        assertThat(view.get("plan").get("workable").asBoolean()).isFalse();
        assertThat(view.get("plan").get("violations")).isEqualTo(view.get("violations"));
    }

    @Test
    void theAnalysisCarriesTheViolationsBesideTheRules() {
        JsonNode analysis = Api.json(api.get("/api/plans/" + id + "/analysis"));

        assertThat(analysis.get("feasible").asBoolean()).isTrue();
        assertThat(analysis.get("workable").asBoolean()).isFalse();
        assertThat(analysis.get("violations")).isEqualTo(api.status(id).get("violations"));
    }
}
