package org.regroup.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;
import java.util.HashMap;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.regroup.domain.io.oneroster.ExportFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.regroup.store.Role;

/**
 * {@code POST /api/schools/{school}/imports/results}: the demo school's sample results previewed, recorded through the
 * evidence path, and sent again with no change; a file with an error is a 422 naming each place and changes nothing;
 * only those who may send evidence may send results.
 */
class ResultsImportIntegrationTest {

    private static RegroupServer server;
    private static Api admin;
    private static byte[] sample;

    @BeforeAll
    static void start() throws IOException {
        server = Api.start(Api.longSolves(1, 1));
        admin = new Api(server);
        byte[] demo = Files.readAllBytes(Api.DATASETS.resolve("oneroster").resolve("demo-district.zip"));
        HttpResponse<String> made = admin.post("/api/schools/demo/imports/oneroster?template=small", demo,
                "application/zip");
        assertThat(made.statusCode()).as(made.body()).isEqualTo(200);
        sample = Files.readAllBytes(Api.DATASETS.resolve("results").resolve("demo-results.csv"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> send(Api api, String query, byte[] csv) {
        return api.post("/api/schools/demo/imports/results" + query, csv, "text/csv");
    }

    private static long evidence() {
        return Api.json(admin.get("/api/schools/demo")).get("evidence").asLong();
    }

    @Test
    void aPreviewWritesNothingThenTheResultsBecomeEvidenceAndSendingThemAgainChangesNothing() {
        long before = evidence();
        JsonNode preview = Api.json(send(admin, "?dryRun=true", sample));
        assertThat(preview.get("dryRun").asBoolean()).isTrue();
        assertThat(preview.get("applied").asBoolean()).isFalse();
        assertThat(preview.get("results").asInt()).isEqualTo(8);
        assertThat(preview.get("students").asInt()).isEqualTo(4);
        assertThat(preview.get("skills").asInt()).isEqualTo(6);
        assertThat(preview.get("newResults").asInt()).isEqualTo(8);
        assertThat(evidence()).isEqualTo(before);

        JsonNode applied = Api.json(send(admin, "", sample));
        assertThat(applied.get("applied").asBoolean()).isTrue();
        assertThat(applied.get("newResults").asInt()).isEqualTo(8);
        assertThat(evidence()).isEqualTo(before + 8);
        JsonNode profile = Api.json(admin.get("/api/schools/demo/students/s-demo-0001/profile"));
        assertThat(profile.toString()).contains("demo-q-0001", "demo-q-0002");

        JsonNode again = Api.json(send(admin, "", sample));
        assertThat(again.get("applied").asBoolean()).isFalse();
        assertThat(again.get("newResults").asInt()).isZero();
        assertThat(again.get("alreadyThere").asInt()).isEqualTo(8);
        assertThat(again.get("alreadyThereEventIds").toString()).contains("demo-q-0001");
        assertThat(evidence()).isEqualTo(before + 8);
    }

    @Test
    void aFileWithAnErrorIsRefusedWholeWithEachErrorsPlaceAndNothingChanges() {
        long before = evidence();
        byte[] broken = ("student,skill,score,observedAt\r\n"
                + "s-demo-0005,1.OA.1,0.5,2026-11-23\r\n"
                + "s-demo-0006,1.OA.1,2,2026-11-23\r\n"
                + "s-nobody,1.OA.1,0.5,2026-11-23\r\n").getBytes(StandardCharsets.UTF_8);

        JsonNode problem = Api.assertProblem(send(admin, "", broken), 422);

        assertThat(problem.get("title").asText()).isEqualTo("Invalid results file");
        assertThat(problem.get("errors")).hasSize(2);
        JsonNode first = problem.get("errors").get(0);
        assertThat(first.get("path").asText()).isEqualTo("request body:3:score");
        assertThat(first.get("line").asLong()).isEqualTo(3);
        assertThat(first.get("column").asText()).isEqualTo("score");
        assertThat(first.get("sourcedId").asText()).isEqualTo("s-demo-0006");
        assertThat(problem.get("errors").get(1).get("message").asText()).contains("no student 's-nobody'");
        assertThat(evidence()).isEqualTo(before);

        Api.assertProblem(admin.post("/api/schools/demo/imports/results", "{}".getBytes(), "application/json"), 415);
        Api.assertProblem(send(admin, "?dryRun=maybe", sample), 400);
        Api.assertProblem(admin.post("/api/schools/nowhere/imports/results", sample, "text/csv"), 404);
    }

    @Test
    void teachersSendOnlyForTheirGroupsAndOthersNotAtAll() {
        Api teacher = new Api(server, Api.token(server, "demo-results-teacher", Role.TEACHER, "demo", "t-demo-1",
                Set.of()));
        Api principal = new Api(server, Api.token(server, "demo-results-principal", Role.PRINCIPAL, "demo", null,
                Set.of()));
        Api otherTeacher = new Api(server, Api.token(server, "hill-results-teacher", Role.TEACHER, "hill", null,
                Set.of()));
        long before = evidence();

        // no day is published: no student is in the teacher's groups
        JsonNode refused = Api.assertProblem(send(teacher, "", sample), 403);
        assertThat(refused.get("detail").asText()).contains("only for students in their groups");
        Api.assertProblem(send(principal, "", sample), 403);
        Api.assertProblem(send(otherTeacher, "", sample), 403);
        Api.assertProblem(send(new Api(server, null), "", sample), 401);
        assertThat(evidence()).isEqualTo(before);
    }

    private static byte[] gradebook(java.util.function.Consumer<Map<String, byte[]>> change) throws IOException {
        Map<String, byte[]> files = new HashMap<>();
        try (var list = Files.list(Api.DATASETS.resolve("results").resolve("demo-gradebook"))) {
            for (java.nio.file.Path p : list.toList()) {
                files.put(p.getFileName().toString(), Files.readAllBytes(p));
            }
        }
        change.accept(files);
        return ExportFiles.zip(files);
    }

    /** A OneRoster 1.2 gradebook export as a zip: its graded results on the school's skills become evidence, once. */
    @Test
    void aOneRosterGradebookZipBecomesEvidenceOnceAndABadOneChangesNothing() throws IOException {
        long before = evidence();
        byte[] zip = gradebook(files -> { });

        JsonNode applied = Api.json(admin.post("/api/schools/demo/imports/results", zip, "application/zip"));
        assertThat(applied.get("applied").asBoolean()).isTrue();
        assertThat(applied.get("newResults").asInt()).isEqualTo(6);
        assertThat(applied.get("students").asInt()).isEqualTo(3);
        assertThat(applied.get("warnings").toString()).contains("not in the school", "not graded");
        assertThat(evidence()).isEqualTo(before + 6);
        assertThat(Api.json(admin.get("/api/schools/demo/students/s-demo-0014/profile")).toString())
                .contains("oneroster-r-0005-2.NBT.5");

        JsonNode again = Api.json(admin.post("/api/schools/demo/imports/results", zip, "application/zip"));
        assertThat(again.get("newResults").asInt()).isZero();
        assertThat(again.get("alreadyThere").asInt()).isEqualTo(6);

        byte[] old = gradebook(files -> files.put("manifest.csv", "propertyName,value\noneroster.version,1.1\n"
                .getBytes(StandardCharsets.UTF_8)));
        JsonNode refused = Api.assertProblem(admin.post("/api/schools/demo/imports/results", old, "application/zip"),
                422);
        assertThat(refused.get("errors").get(0).get("file").asText()).isEqualTo("manifest.csv");
        assertThat(evidence()).isEqualTo(before + 6);
    }
}
