package org.regroup.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.regroup.domain.DayProblem;

/** The bundled demo days and the health check, over HTTP. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class DatasetsAndHealthIntegrationTest {

    private static RegroupServer server;
    private static Api api;

    @BeforeAll
    static void start() throws IOException {
        server = Api.start(Api.settings(1, 2));
        api = new Api(server);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void listsTheBundledDays() {
        HttpResponse<String> response = api.get("/api/datasets");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        for (JsonNode dataset : Api.json(response)) {
            String name = dataset.get("name").asText();
            names.add(name);
            assertThat(dataset.get("href").asText()).isEqualTo("/api/datasets/" + name);
            assertThat(dataset.get("bytes").asLong()).isPositive();
        }
        assertThat(names).contains("small", "medium", "large", "overconstrained", "offsite").isSorted();
    }

    @Test
    void servesOneDayReadyToPost() throws IOException {
        HttpResponse<String> response = api.get("/api/datasets/small");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/json"));
        assertThat(response.body()).isEqualTo(Files.readString(Api.DATASETS.resolve("small.json")));
        DayProblem day = Api.JSON.readValue(response.body(), DayProblem.class);
        assertThat(day.format()).isEqualTo("regroup/day-problem");
        assertThat(day.students()).isNotEmpty();
    }

    @Test
    void unknownOrSneakyDatasetNamesAre404() {
        for (String name : List.of("no-such-day", "..%2Fpom", "%2E%2E", "small.json", "ccss-math-k8")) {
            Api.assertProblem(api.get("/api/datasets/" + name), 404);
        }
    }

    @Test
    void healthSaysUpAndHowBusy() {
        HttpResponse<String> response = api.get("/api/health");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode health = Api.json(response);
        assertThat(health.get("status").asText()).isEqualTo("UP");
        assertThat(health.get("store").asText()).isEqualTo("UP");
        assertThat(health.get("solving").asInt()).isZero();
        assertThat(health.get("plansHeld").asInt()).isZero();
        assertThat(health.get("maxConcurrent").asInt()).isEqualTo(1);
        assertThat(health.get("maxQueued").asInt()).isEqualTo(2);
    }
}
