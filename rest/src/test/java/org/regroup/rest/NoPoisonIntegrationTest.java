package org.regroup.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.regroup.domain.DayProblem;
import org.regroup.domain.Student;

/**
 * One odd day never poisons the next: a day everyone is absent, a day with a block nobody attends, a school with
 * nothing published — each is planned, published and used as "yesterday" without error, and a change in one school
 * never breaks another.
 */
class NoPoisonIntegrationTest {

    private static RegroupServer server;
    private static Api api;
    private static DayProblem small;

    @BeforeAll
    static void start() throws IOException {
        server = Api.start(Api.settings(1, 4));
        api = new Api(server);
        small = Api.smallProblem();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aDayEveryoneIsAbsentIsPlannedPublishedAndUsedAsYesterday() {
        String school = "/api/schools/absent";
        assertThat(api.post(school, Api.small()).statusCode()).isEqualTo(201);
        List<String> everyone = small.students().stream().map(Student::id).toList();
        HttpResponse<String> input = api.put(school + "/days/2026-11-30/input", Map.of("absentStudents", everyone));
        assertThat(input.statusCode()).as(input.body()).isEqualTo(200);

        JsonNode empty = planAndPublish(school + "/days/2026-11-30");
        for (JsonNode block : empty.get("plan").get("blocks")) {
            assertThat(block.path("sessions").size()).as("nobody to place: %s", block).isZero();
        }
        Api.json(api.get(school + "/days/2026-11-30/analysis"));
        Api.json(api.get(school + "/days/2026-11-30/unplaced"));

        JsonNode next = planAndPublish(school + "/days/2026-12-01");
        assertThat(next.get("plan").get("blocks").get(1).get("sessions").size()).isPositive();
        HttpResponse<String> change = api.post(school + "/days/2026-12-01/changes",
                Api.JSON.valueToTree(Map.of("fromBlock", firstBlock(), "studentsGone", List.of(everyone.get(0))))
                        .toString().getBytes());
        assertThat(change.statusCode()).as(change.body()).isEqualTo(202);
        await(school + "/days/2026-12-01/plans/" + Api.json(change).get("version").asInt(), "draft");
    }

    @Test
    void aBlockNobodyAttendsIsPlannedAndUsedAsYesterday() {
        String school = "/api/schools/emptyblock";
        assertThat(api.post(school, Api.small()).statusCode()).isEqualTo(201);
        // Everyone goes home after the first block: every later block of the day is empty.
        planAndPublish(school + "/days/2026-11-30");
        List<String> everyone = small.students().stream().map(Student::id).toList();
        String second = small.blocks().get(1).id();
        HttpResponse<String> change = api.post(school + "/days/2026-11-30/changes",
                Api.JSON.valueToTree(Map.of("fromBlock", second, "studentsGone", everyone)).toString().getBytes());
        assertThat(change.statusCode()).as(change.body()).isEqualTo(202);
        String version = school + "/days/2026-11-30/plans/" + Api.json(change).get("version").asInt();
        await(version, "draft");
        HttpResponse<String> published = api.post(version.replaceFirst("/plans/\\d+$", "/publish")
                + "?version=" + Api.json(change).get("version").asInt(), new byte[0]);
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);

        JsonNode next = planAndPublish(school + "/days/2026-12-01");
        assertThat(next.get("plan").get("blocks").get(1).get("sessions").size()).isPositive();
    }

    @Test
    void aSchoolWithNothingPublishedPlansItsSecondDay() {
        String school = "/api/schools/unpublished";
        assertThat(api.post(school, Api.small()).statusCode()).isEqualTo(201);
        String first = school + "/days/2026-11-30";
        assertThat(api.post(first + "/plan?timeLimit=1s", new byte[0]).statusCode()).isEqualTo(202);
        await(first + "/plans/1", "draft");
        planAndPublish(school + "/days/2026-12-01");
    }

    private static String firstBlock() {
        return small.blocks().get(0).id();
    }

    /** Plans the day (1 s), waits for the draft and publishes it; answers the published version with its plan. */
    private static JsonNode planAndPublish(String day) {
        HttpResponse<String> started = api.post(day + "/plan?timeLimit=1s", new byte[0]);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        int version = Api.json(started).get("version").asInt();
        await(day + "/plans/" + version, "draft");
        HttpResponse<String> published = api.post(day + "/publish?version=" + version, new byte[0]);
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        return Api.json(api.get(day + "/plans/" + version));
    }

    private static JsonNode await(String version, String status) {
        long deadline = System.nanoTime() + Api.PATIENCE.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> r = api.get(version + "?plan=false");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            last = Api.json(r);
            if (last.get("status").asText().equals(status)) {
                return last;
            }
            assertThat(last.get("status").asText()).as(last.toString()).isNotIn("failed");
            Api.sleep(100);
        }
        throw new AssertionError(version + " never became " + status + "; last: " + last);
    }
}
