package org.regroup.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.regroup.store.Role;

/**
 * {@code POST /api/schools/{school}/imports/spaces}: the demo school's sample previewed, synced and sent again with
 * no change; a file with an error is a 422 naming each place and changes nothing; only the school's admin and the
 * district may send one.
 */
class SetupImportIntegrationTest {

    private static final String DAY = "2026-11-24";
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
        sample = Files.readAllBytes(Api.DATASETS.resolve("setup").resolve("spaces.csv"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> send(Api api, String query, byte[] csv) {
        return api.post("/api/schools/demo/imports/spaces" + query, csv, "text/csv");
    }

    private static String problem() {
        return admin.get("/api/schools/demo/days/" + DAY + "/problem").body();
    }

    @Test
    void aFileWithAnErrorChangesNothingThenThePreviewWritesNothingTheSyncWritesAndAgainChangesNothing() {
        String before = problem();
        JsonNode invalid = Api.assertProblem(send(admin, "", ("id,kind,capacity\r\nCR01,classroom,27\r\n"
                + "CR02,classroom,-3\r\n").getBytes(StandardCharsets.UTF_8)), 422);
        assertThat(invalid.get("title").asText()).isEqualTo("Invalid setup file");
        JsonNode error = invalid.get("errors").get(0);
        assertThat(error.get("path").asText()).isEqualTo("request body:3:capacity");
        assertThat(error.get("sourcedId").asText()).isEqualTo("CR02");
        assertThat(problem()).isEqualTo(before);

        JsonNode preview = Api.json(send(admin, "?dryRun=true", sample));
        assertThat(preview.get("applied").asBoolean()).isFalse();
        assertThat(preview.get("added").toString()).isEqualTo("[\"SR02\",\"MUSEUM\"]");
        assertThat(problem()).isEqualTo(before);

        JsonNode applied = Api.json(send(admin, "", sample));
        assertThat(applied.get("applied").asBoolean()).isTrue();
        assertThat(problem()).contains("MUSEUM", "Small room 2, by the office");

        JsonNode again = Api.json(send(admin, "", sample));
        assertThat(again.get("applied").asBoolean()).isFalse();
        assertThat(again.get("unchanged").asInt()).isEqualTo(8);

        Api.assertProblem(admin.post("/api/schools/demo/imports/spaces", "{}".getBytes(), "application/json"), 415);
        Api.assertProblem(admin.post("/api/schools/nowhere/imports/spaces", sample, "text/csv"), 404);
    }

    @Test
    void theBellScheduleIsPreviewedOverHttpAndABadOneNamesItsPlace() throws IOException {
        byte[] bell = Files.readAllBytes(Api.DATASETS.resolve("setup").resolve("bell-schedule.csv"));
        JsonNode preview = Api.json(admin.post("/api/schools/demo/imports/bell-schedule?dryRun=true", bell,
                "text/csv"));
        assertThat(preview.get("kind").asText()).isEqualTo("bell-schedule");
        assertThat(preview.get("unchanged").asInt()).isEqualTo(6);
        JsonNode bad = Api.assertProblem(admin.post("/api/schools/demo/imports/bell-schedule",
                "block,start,end\nB1,08:30,25:00\n".getBytes(StandardCharsets.UTF_8), "text/csv"), 422);
        assertThat(bad.get("errors").get(0).get("path").asText()).isEqualTo("request body:2:end");
    }

    @Test
    void onlyTheSchoolsAdminAndTheDistrictSendSetupFiles() {
        Api teacher = new Api(server, Api.token(server, "demo-setup-teacher", Role.TEACHER, "demo", "t-demo-1",
                Set.of()));
        Api principal = new Api(server, Api.token(server, "demo-setup-principal", Role.PRINCIPAL, "demo", null,
                Set.of()));
        Api otherAdmin = new Api(server, Api.token(server, "hill-setup-admin", Role.SCHOOL_ADMIN, "hill", null,
                Set.of()));
        byte[] one = "id,kind,capacity\nCR01,classroom,27\n".getBytes(StandardCharsets.UTF_8);
        String before = problem();

        Api.assertProblem(send(teacher, "", one), 403);
        Api.assertProblem(teacher.post("/api/schools/demo/imports/bell-schedule", "block,start,end\nB1,08:30,08:55\n"
                .getBytes(StandardCharsets.UTF_8), "text/csv"), 403);
        Api.assertProblem(teacher.post("/api/schools/demo/imports/qualifications", ("staff,strand\n"
                + "t-demo-1,math\n").getBytes(StandardCharsets.UTF_8), "text/csv"), 403);
        Api.assertProblem(teacher.post("/api/schools/demo/imports/accommodations", ("student,quietSpace\n"
                + "s-demo-0001,true\n").getBytes(StandardCharsets.UTF_8), "text/csv"), 403);
        Api.assertProblem(send(principal, "", one), 403);
        Api.assertProblem(send(otherAdmin, "", one), 403);
        Api.assertProblem(send(new Api(server, null), "", one), 401);
        assertThat(problem()).isEqualTo(before);
    }

    /**
     * The "done means": a district's export, the setup files and the results are all a school needs; its
     * day is then planned with every present student placed and the files' settings in the day's problem.
     */
    @Test
    void theExportEverySetupFileAndTheResultsMakeASchoolWhoseDayIsPlannedWithEveryonePlaced() throws IOException {
        byte[] demo = Files.readAllBytes(Api.DATASETS.resolve("oneroster").resolve("demo-district.zip"));
        HttpResponse<String> made = admin.post("/api/schools/whole/imports/oneroster?template=small&org=org-demo",
                demo, "application/zip");
        assertThat(made.statusCode()).as(made.body()).isEqualTo(200);
        for (String kind : List.of("spaces", "bell-schedule", "accommodations", "qualifications", "staff", "goals",
                "interests", "keep-apart")) {
            byte[] file = Files.readAllBytes(Api.DATASETS.resolve("setup").resolve(kind + ".csv"));
            JsonNode applied = Api.json(admin.post("/api/schools/whole/imports/" + kind, file, "text/csv"));
            assertThat(applied.get("kind").asText()).isEqualTo(kind);
            assertThat(applied.get("errors")).isNull();
            JsonNode again = Api.json(admin.post("/api/schools/whole/imports/" + kind, file, "text/csv"));
            assertThat(again.get("applied").asBoolean()).as(kind + " twice changes nothing").isFalse();
        }
        byte[] results = Files.readAllBytes(Api.DATASETS.resolve("results").resolve("demo-results.csv"));
        assertThat(Api.json(admin.post("/api/schools/whole/imports/results", results, "text/csv")).get("newResults")
                .asInt()).isEqualTo(8);
        Api.assertProblem(admin.post("/api/schools/whole/imports/rooms", results, "text/csv"), 404);

        JsonNode problem = Api.json(admin.get("/api/schools/whole/days/" + DAY + "/problem"));
        assertThat(problem.toString()).contains("\"keepApart\":[\"s-demo-0009\"]", "\"1.OA.6\"", "MUSEUM");
        HttpResponse<String> started = admin.post("/api/schools/whole/days/" + DAY + "/plan?timeLimit=10m",
                new byte[0]);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        JsonNode plan = admin.solveUntilWorkable(Api.json(started).get("planId").asText());
        assertThat(plan.get("score").asText()).matches("0hard/0medium/-?\\d+soft");
        String version = Api.json(started).get("version").asText();
        HttpResponse<String> unplaced = admin.get("/api/schools/whole/days/" + DAY + "/unplaced?version=" + version);
        for (long until = System.nanoTime() + Api.PATIENCE.toNanos(); unplaced.statusCode() == 409
                && System.nanoTime() < until; Api.sleep(200)) {
            unplaced = admin.get("/api/schools/whole/days/" + DAY + "/unplaced?version=" + version); // being stored
        }
        assertThat(Api.json(unplaced).path("count").asInt(-1)).as(unplaced.body()).isZero();
    }
}
