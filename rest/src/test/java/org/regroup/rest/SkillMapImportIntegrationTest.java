package org.regroup.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.regroup.store.Role;

/**
 * {@code POST /api/schools/{school}/imports/skill-map}: a second subject (the synthetic science package) previewed,
 * added beside the school's math without touching it, and sent again with no change; the bundled CCSS file as CSV; a
 * package with errors is a 422 naming each place and changes nothing; only the school's admin and the district may
 * send one.
 */
class SkillMapImportIntegrationTest {

    private static RegroupServer server;
    private static Api admin;
    private static byte[] science;
    private static byte[] ccss;

    @BeforeAll
    static void start() throws IOException {
        server = Api.start(Api.longSolves(1, 1));
        admin = new Api(server);
        byte[] demo = Files.readAllBytes(Api.DATASETS.resolve("oneroster").resolve("demo-district.zip"));
        HttpResponse<String> made = admin.post("/api/schools/demo/imports/oneroster?template=small", demo,
                "application/zip");
        assertThat(made.statusCode()).as(made.body()).isEqualTo(200);
        science = Files.readAllBytes(Api.DATASETS.resolve("skill-maps").resolve("synthetic-science.json"));
        ccss = Files.readAllBytes(Api.DATASETS.resolve("ccss-math-k8").resolve("zimba_ccssm_k8_edges.csv"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> send(Api api, String query, byte[] body, String type) {
        return api.post("/api/schools/demo/imports/skill-map" + query, body, type);
    }

    private static String problem() {
        return admin.get("/api/schools/demo/days/2026-11-24/problem").body();
    }

    /** The skills (as JSON text) and prerequisites of one subject in the school's day. */
    private static JsonNode tree(String day) {
        try {
            return Api.JSON.readTree(day);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + day, e);
        }
    }

    private static List<String> subject(String day, String subject) {
        JsonNode d = tree(day);
        List<String> out = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        d.get("skills").forEach(s -> {
            if (s.get("strand").asText().equals(subject) || s.get("strand").asText().startsWith(subject + "/")) {
                out.add(s.toString());
                ids.add(s.get("id").asText());
            }
        });
        d.get("prerequisites").forEach(p -> {
            if (ids.contains(p.get("skill").asText())) {
                out.add(p.toString());
            }
        });
        return out;
    }

    @Test
    void aSecondSubjectIsPreviewedThenAddedBesideMathAndAgainChangesNothingThenCcssFillsInGradeEight() {
        String before = problem();
        List<String> math = subject(before, "math");
        assertThat(math).isNotEmpty();

        JsonNode preview = Api.json(send(admin, "?dryRun=true", science, "application/json"));
        assertThat(preview.get("format").asText()).isEqualTo("case");
        assertThat(preview.get("strand").asText()).isEqualTo("science");
        assertThat(preview.get("dryRun").asBoolean()).isTrue();
        assertThat(preview.get("applied").asBoolean()).isFalse();
        assertThat(preview.get("added")).hasSize(12);
        assertThat(preview.get("added").get(0).asText()).isEqualTo("SCI.LS.1");
        assertThat(preview.get("prerequisites").get("added").asInt()).isEqualTo(11);
        assertThat(preview.get("otherStrands").get("math").asInt()).isEqualTo(255);
        assertThat(problem()).isEqualTo(before);

        JsonNode applied = Api.json(send(admin, "", science, "application/json"));
        assertThat(applied.get("applied").asBoolean()).isTrue();
        String after = problem();
        assertThat(subject(after, "science")).hasSize(12 + 11);
        assertThat(subject(after, "math")).isEqualTo(math); // the other subject stays as it was

        JsonNode again = Api.json(send(admin, "", science, "application/json"));
        assertThat(again.get("applied").asBoolean()).isFalse();
        assertThat(again.get("unchanged").asInt()).isEqualTo(12);
        assertThat(again.path("added")).isEmpty();
        assertThat(again.path("changed")).isEmpty();
        assertThat(again.path("gone")).isEmpty();
        assertThat(problem()).isEqualTo(after);

        // the school's math is the bundled graph's grades K-7: the whole K-8 file adds grade 8 and leaves science
        JsonNode k8 = Api.json(send(admin, "", ccss, "text/csv"));
        assertThat(k8.get("strand").asText()).isEqualTo("math");
        assertThat(k8.get("added")).hasSize(283 - 255);
        assertThat(k8.path("changed")).isEmpty();
        assertThat(k8.path("gone")).isEmpty();
        assertThat(k8.get("unchanged").asInt()).isEqualTo(255);
        assertThat(subject(problem(), "science")).isEqualTo(subject(after, "science"));
        JsonNode k8Again = Api.json(send(admin, "", ccss, "text/csv"));
        assertThat(k8Again.get("applied").asBoolean()).isFalse();
        assertThat(k8Again.get("unchanged").asInt()).isEqualTo(283);
        assertThat(k8Again.get("prerequisites").get("added").asInt()).isZero();
        assertThat(k8Again.get("prerequisites").get("removed").asInt()).isZero();

        // evidence of a skill that then goes stays in the evidence store: the day leaves it out, and it is back when
        // the skill is
        String student = tree(problem()).get("students").get(0).get("id").asText();
        HttpResponse<String> evidence = admin.post("/api/schools/demo/evidence", ("{\"results\": [{\"eventId\": "
                + "\"sci-1\", \"studentId\": \"" + student + "\", \"skillId\": \"SCI.PS.5\", \"correct\": true, "
                + "\"observedAt\": \"2026-11-23T09:00:00Z\"}]}").getBytes(StandardCharsets.UTF_8));
        assertThat(evidence.statusCode()).as(evidence.body()).isEqualTo(200);
        assertThat(problem()).contains("\"SCI.PS.5\"");
        byte[] withoutOne = new String(science, StandardCharsets.UTF_8).replace("\"SCI.PS.5\"", "\"SCI.PS.5b\"")
                .getBytes(StandardCharsets.UTF_8);
        JsonNode gone = Api.json(send(admin, "", withoutOne, "application/json"));
        assertThat(gone.get("gone").toString()).isEqualTo("[\"SCI.PS.5\"]");
        HttpResponse<String> day = admin.get("/api/schools/demo/days/2026-11-24/problem");
        assertThat(day.statusCode()).as(day.body()).isEqualTo(200);
        assertThat(day.body()).doesNotContain("\"SCI.PS.5\"");
        assertThat(Api.json(send(admin, "", science, "application/json")).get("added").toString())
                .isEqualTo("[\"SCI.PS.5\"]");
        assertThat(problem()).contains("\"SCI.PS.5\"");

        // a goal a student set on a skill the file leaves out is an error naming the student; nothing is written
        HttpResponse<String> goal = admin.put("/api/schools/demo/students/" + student + "/goals",
                List.of(java.util.Map.of("skill", "SCI.PS.5", "priority", 1)));
        assertThat(goal.statusCode()).as(goal.body()).isEqualTo(200);
        String withGoal = problem();
        JsonNode refused = Api.assertProblem(send(admin, "", withoutOne, "application/json"), 422);
        assertThat(refused.get("errors").get(0).get("path").asText()).isEqualTo("goals students set:goals[0].skill");
        assertThat(refused.get("errors").get(0).get("sourcedId").asText()).isEqualTo(student);
        assertThat(problem()).isEqualTo(withGoal);
        assertThat(admin.put("/api/schools/demo/students/" + student + "/goals", List.of()).statusCode())
                .isEqualTo(200);
    }

    @Test
    void aPackageWithErrorsIsA422NamingEachPlaceAndChangesNothing() {
        String before = problem();
        String cycle = new String(science, StandardCharsets.UTF_8);
        // a dangling reference: an arrow to an item the package does not have
        String dangling = cycle.replaceFirst("(\"associationType\": \"precedes\",[\\s\\S]*?\"originNodeURI\": \\{[^}]*"
                + "\"identifier\": \")[0-9a-f-]+", "$1not-in-the-package");
        JsonNode invalid = Api.assertProblem(send(admin, "", dangling.getBytes(StandardCharsets.UTF_8),
                "application/json"), 422);
        assertThat(invalid.get("title").asText()).isEqualTo("Invalid skill map");
        JsonNode error = invalid.get("errors").get(0);
        assertThat(error.get("path").asText()).matches("request body:\\$\\.CFAssociations\\[\\d+\\]\\.originNodeURI"
                + "\\.identifier");
        assertThat(error.get("file").asText()).isEqualTo("request body");
        assertThat(error.get("column").asText()).startsWith("$.CFAssociations[");
        assertThat(error.get("sourcedId").asText()).isEqualTo("not-in-the-package");
        assertThat(error.get("message").asText()).contains("dangling");

        JsonNode cyclic = Api.assertProblem(send(admin, "", ("EdgeDesc,Begin,End\n"
                + "Arrow,8.EE.1,8.EE.2\nArrow,8.EE.2,8.EE.1\n").getBytes(StandardCharsets.UTF_8), "text/csv"), 422);
        assertThat(cyclic.get("errors").get(0).get("path").asText()).isEqualTo("request body:3:Begin");
        assertThat(cyclic.get("errors").get(0).get("message").asText()).isEqualTo("prerequisites form a cycle: "
                + "8.EE.1 -> 8.EE.2 -> 8.EE.1");

        JsonNode notJson = Api.assertProblem(send(admin, "", "{\"CFDocument\": ".getBytes(StandardCharsets.UTF_8),
                "application/json"), 422);
        assertThat(notJson.get("errors").get(0).get("message").asText()).startsWith("not a JSON document");
        assertThat(problem()).isEqualTo(before);

        Api.assertProblem(send(admin, "", science, "application/xml"), 415);
        Api.assertProblem(send(admin, "?strand=Science/LS", science, "application/json"), 400);
        Api.assertProblem(send(admin, "?dryRun=maybe", science, "application/json"), 400);
        Api.assertProblem(admin.post("/api/schools/nowhere/imports/skill-map", science, "application/json"), 404);
    }

    @Test
    void onlyTheSchoolsAdminAndTheDistrictSendSkillMaps() {
        Api teacher = new Api(server, Api.token(server, "demo-map-teacher", Role.TEACHER, "demo", "t-demo-1",
                Set.of()));
        Api otherAdmin = new Api(server, Api.token(server, "hill-map-admin", Role.SCHOOL_ADMIN, "hill", null,
                Set.of()));
        String before = problem();
        Api.assertProblem(send(teacher, "", science, "application/json"), 403);
        Api.assertProblem(send(otherAdmin, "", science, "application/json"), 403);
        Api.assertProblem(send(new Api(server, null), "", science, "application/json"), 401);
        assertThat(problem()).isEqualTo(before);
    }
}
