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
import org.regroup.domain.Student;
import org.regroup.domain.graph.SkillGraph;

/** A school's workspace over HTTP: create it, send evidence, read a learner profile. */
class SchoolsIntegrationTest {

    private static RegroupServer server;
    private static Api api;
    private static Student student;
    private static String skill;

    @BeforeAll
    static void start() throws IOException {
        server = Api.start(Api.settings(1, 1));
        api = new Api(server);
        HttpResponse<String> created = api.post("/api/schools/demo", Api.small());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        student = Api.smallProblem().students().get(0);
        SkillGraph graph = SkillGraph.of(Api.smallProblem().skills(), Api.smallProblem().prerequisites());
        skill = graph.readySet(k -> student.mastery().getOrDefault(k, 0.0), 0.8).stream().sorted().findFirst()
                .orElseThrow();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Map<String, Object> result(String eventId, boolean correct, String at) {
        return Map.of("eventId", eventId, "studentId", student.id(), "skillId", skill, "correct", correct,
                "observedAt", at, "source", "quiz");
    }

    @Test
    void evidenceUpdatesMasteryOnceAndTheProfileShowsItsHistory() throws IOException {
        Map<String, Object> batch = Map.of("results", List.of(result("q1", true, "2026-11-23T09:00:00Z"),
                result("q2", true, "2026-11-23T09:05:00Z")));

        HttpResponse<String> first = send(batch);
        HttpResponse<String> again = send(batch);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        JsonNode r = Api.json(first);
        assertThat(r.get("applied").asInt()).isEqualTo(2);
        JsonNode change = r.get("students").get(0).get("mastery").get(0);
        assertThat(change.get("skillId").asText()).isEqualTo(skill);
        assertThat(change.get("after").asDouble()).isGreaterThan(change.get("before").asDouble());
        assertThat(Api.json(again).get("applied").asInt()).isZero();
        assertThat(Api.json(again).get("duplicates")).hasSize(2);

        JsonNode profile = Api.json(api.get("/api/schools/demo/students/" + student.id() + "/profile"));
        assertThat(profile.get("studentId").asText()).isEqualTo(student.id());
        assertThat(profile.get("readySet").isArray()).isTrue();
        JsonNode skillProfile = null;
        for (JsonNode s : profile.get("skills")) {
            if (s.get("skillId").asText().equals(skill)) {
                skillProfile = s;
            }
        }
        assertThat(skillProfile).isNotNull();
        assertThat(skillProfile.get("history")).hasSize(2);
        assertThat(skillProfile.get("mastery").asDouble()).isEqualTo(change.get("after").asDouble(),
                org.assertj.core.data.Offset.offset(1e-4));
        assertThat(Api.json(api.get("/api/schools/demo")).get("evidence").asLong()).isEqualTo(2);
    }

    @Test
    void aBadBatchIs422WithEveryPathAndWritesNothing() throws IOException {
        long before = Api.json(api.get("/api/schools/demo")).get("evidence").asLong();
        Map<String, Object> bad = Map.of("results", List.of(Map.of("eventId", "b1", "studentId", "NOBODY",
                "skillId", skill, "correct", true, "observedAt", "2026-11-23T09:00:00Z")));

        JsonNode problem = Api.assertProblem(send(bad), 422);

        assertThat(problem.get("errors").get(0).get("path").asText()).isEqualTo("$.results[0].studentId");
        assertThat(Api.json(api.get("/api/schools/demo")).get("evidence").asLong()).isEqualTo(before);
        Api.assertProblem(api.post("/api/schools/demo/evidence", "{\"results\": [".getBytes()), 400);
    }

    @Test
    void unknownSchoolsAndStudentsAre404AndATakenIdIs409() {
        Api.assertProblem(api.get("/api/schools/nope/students/S0001/profile"), 404);
        Api.assertProblem(api.get("/api/schools/demo/students/NOBODY/profile"), 404);
        Api.assertProblem(api.post("/api/schools/demo", Api.small()), 409);
        Api.assertProblem(api.post("/api/schools/bad%20id", Api.small()), 400);
    }

    private static HttpResponse<String> send(Object batch) throws IOException {
        return api.post("/api/schools/demo/evidence", Api.JSON.writeValueAsBytes(batch));
    }
}
