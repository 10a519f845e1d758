package org.regroup.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.regroup.rest.api.ServerLimits;
import org.regroup.rest.plans.PlanService;

/** Finished plans are kept within a count: the oldest go first, and a plan being re-planned never drops itself. */
@Timeout(value = 10, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PlanRetentionIntegrationTest {

    @Test
    void theOldestFinishedPlanLeavesMemoryButNotTheStoreAndAnOverrideKeepsItsOwnPlan() throws IOException {
        PlanService.Settings keepOne = new PlanService.Settings(1, 1, 1, Duration.ofHours(1), Duration.ofSeconds(2),
                Duration.ofSeconds(60), 1L << 30);
        try (RegroupServer server = RegroupServer.start("127.0.0.1", 0, keepOne,
                new ServerLimits(ServerLimits.DEFAULT_MAX_BODY_BYTES, Api.DATASETS))) {
            Api api = new Api(server);
            String first = api.submitSmall("1s"); // each ends at its limit; only that it ended matters here
            api.awaitNotSolving(first, Api.PATIENCE);
            String second = api.submitSmall("1s");
            api.awaitNotSolving(second, Api.PATIENCE);

            // The oldest leaves memory; its address answers from the store (the day and plan are kept there).
            assertThat(server.plans().held()).isEqualTo(1);
            assertThat(server.plans().find(first)).isEmpty();
            JsonNode kept = Api.json(api.get("/api/plans/" + first + "?plan=false"));
            assertThat(kept.get("status").asText()).isEqualTo("NOT_SOLVING");
            assertThat(kept.get("score").asText()).isNotBlank();

            // Re-planning the one plan kept must not make room by dropping that very plan.
            JsonNode plan = Api.json(api.get("/api/plans/" + second)).get("plan");
            JsonNode student = plan.get("students").get(0);
            String studentId = student.get("studentId").asText();
            JsonNode placed = null;
            for (JsonNode e : student.get("blocks")) {
                if ("placed".equals(e.path("status").asText())) {
                    placed = e;
                    break;
                }
            }
            assertThat(placed).isNotNull();
            String at = "/api/plans/" + second + "/placements/" + studentId + "/" + placed.get("blockId").asText();
            JsonNode alternative = Api.json(api.get(at + "/alternatives?limit=1")).get("alternatives").get(0);
            var response = api.put(at, Map.of("sessionId", alternative.get("sessionId").asText(), "timeLimit", "1s"));

            assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
            api.awaitNotSolving(second, Api.PATIENCE);
            assertThat(api.get("/api/plans/" + second).statusCode()).isEqualTo(200);
        }
    }
}
